"""The HTML front-end: a stdlib tokenizer, a small tree, and the page's content read into a Document.

Part of seolint.parse.
"""
