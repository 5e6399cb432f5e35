"""The TOML parser of this Python: tomllib from 3.11, the tomli package before."""

import sys

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

__all__ = ["tomllib"]
