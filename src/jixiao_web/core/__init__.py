"""Shared web plumbing: ApplicationError, the error banner, htmx rendering helpers."""
