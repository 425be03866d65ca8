"""The one error of translation: a term of the user's contract the evaluation cannot count."""

from __future__ import annotations


class UncountableTerm(ValueError):
    """A contract term the evaluation cannot count; the message names its key."""
