"""Built-in rules written in Python, one module per family (see catalog.BUILTIN_MODULES)."""
