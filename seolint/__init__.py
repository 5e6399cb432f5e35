"""seolint: an SEO and draft-readiness linter for technical blog posts."""

__version__ = "0.1.0"
