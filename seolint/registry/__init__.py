"""Rule machinery: what a rule is, its options, the catalog of rules, plugins and rule packs.

May import: discover, document, findings.
"""
