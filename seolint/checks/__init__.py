"""Built-in rules written in Python, one module per family (see registry.BUILTIN_MODULES)."""
