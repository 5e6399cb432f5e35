"""The Markdown front-end: markdown-it-pyrs's tree walked into a Document.

Part of seolint.parse.
"""
