"""The console script: answers `seolint --version` before the command line (argparse) loads.

Every other invocation goes to seolint.cli.main unchanged, and the process ends as soon as it
returns (see `end`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import NoReturn


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from seolint import __version__

        sys.stdout.write(f"seolint {__version__}\n")
        return
    from seolint.lint import cycles

    cycles.for_one_draft()  # until the run says otherwise, before the imports
    from seolint.registry.compiled_patterns import user_store

    user_store().seed()  # before argparse, gettext and our modules compile their patterns
    from seolint.cli.main import main as cli_main

    end(cli_main())


def end(code: int) -> NoReturn:
    """Exit with `code` without tearing the interpreter down.

    Freeing every module, pattern and object one by one costs a tenth of checking one
    post, and nothing is left to clean up when the command line returns: reports are
    written, files closed, worker pools joined. Only the standard streams' buffers remain,
    and they are flushed here.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: seolint.cli.main said so already
            stream.flush()
    os._exit(code)
