"""The run: settings per draft, the per-draft pipeline, the runner and its workers, the site pass,
suppressions and baselines.

May import every package above checks in the pipeline (not fix, report, server or cli).
"""
