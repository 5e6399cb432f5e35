"""`seolint server`: the language server for editors, when pygls is installed."""

from __future__ import annotations

from seolint.cli.arguments import Command
from seolint.cli.errors import fail


def server() -> int:
    """Run the language server over stdin/stdout, for editors.

    It needs pygls, from the `server` extra: pip install -e '.[server]' in your clone.
    """
    try:
        from seolint.server.server import run
    except ImportError as error:
        fail(f"the language server needs pygls ({error}): pip install -e '.[server]' in your seolint clone")
    from seolint.lint import cycles

    cycles.for_many_drafts()  # it lints draft after draft for as long as the editor runs
    return run()


SERVER = Command("server", server)
