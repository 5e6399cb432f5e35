"""Allow `python -m seolint`."""

from seolint.launch import main

main()
