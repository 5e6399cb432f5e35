"""Config files and the plan they resolve to: which rules run, at which severity, with which options.

May import: discover, document, findings, site, parse, registry.
"""
