"""The site model: per-page facts, pages and URLs, where links lead, and the facts index.

May import: discover, document, findings, site, parse, registry, config, cache.
"""
