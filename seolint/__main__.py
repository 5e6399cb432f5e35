"""Allow `python -m seolint`."""

from seolint.cli import main

main()
