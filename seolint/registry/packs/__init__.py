"""Declarative rule packs: `load` reads and validates TOML packs into Rules, `match` runs
their scopes at lint time, `screen` and `regex_superset` skip texts that cannot match, and
`regex_safety` compiles patterns so that none can hang a run.

Part of seolint.registry.rule.
"""
