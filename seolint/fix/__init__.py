"""Applying fixes: edits onto a draft's text, and the fixing run (rounds, diffs, safe writes).

May import: lint and what lint may import.
"""
