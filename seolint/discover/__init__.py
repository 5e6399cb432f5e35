"""Which files a run reads and how: the folder walk, gitignore, globs, bounded safe reads, Source.

Imports nothing else of seolint.
"""
