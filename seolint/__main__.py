"""Allow `python -m seolint`."""

from seolint.cli.launch import main

main()
