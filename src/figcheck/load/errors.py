"""The one error every loader raises: an input that could not be read."""

from __future__ import annotations


class LoadError(Exception):
    """An input that could not be read; the message says why, in words for the user."""
