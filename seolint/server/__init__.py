"""The language server (pygls): diagnostics on open and change, code actions, position codecs.

May import everything but cli.
"""
