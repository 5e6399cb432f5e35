"""Built-in rule packs (TOML data), installed as seolint.packs_data; see seolint/registry/packs/load.py."""
