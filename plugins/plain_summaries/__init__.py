"""Index and feed excerpts as plain text, unless a post has its own Summary:."""

from .plugin import register

__all__ = ["register"]
