"""Results of unchanged files kept between runs: the signed store, and the key of everything
that decides findings.

May import: discover, document, findings, site, parse, registry, config.
"""
