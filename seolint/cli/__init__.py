"""The command-line front door: argument parsing and one module per command.

May import everything.
"""
