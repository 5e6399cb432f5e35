"""The console script: answers `seolint --version` before the command line (argparse) loads.

Every other invocation goes to seolint.cli unchanged.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from seolint import __version__

        sys.stdout.write(f"seolint {__version__}\n")
        return
    from seolint.cli import main as cli_main

    sys.exit(cli_main())
