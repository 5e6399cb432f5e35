"""Built-in rules written in Python, one module per family (see registry.catalog.BUILTIN_MODULES);
sitewide.py holds the rules that run once per site on the site model.

May import: discover, document, findings, site, parse, registry, config, cache, sitewide.
"""
