"""Declarative rule packs: loading and validating TOML packs, matching their scopes, regex safety.

Part of seolint.registry.rule.
"""
