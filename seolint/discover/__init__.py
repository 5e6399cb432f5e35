"""Which files a run reads and how: the folder walk, gitignore, globs, bounded safe reads, Source;
and `records.NamedTuple`, the base of every stage's records (the first stage holds it).

Imports nothing else of seolint.
"""
