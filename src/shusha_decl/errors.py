"""The exceptions the library raises on purpose."""

from __future__ import annotations


class DataError(ValueError):
    """An edition on disk is invalid; the message names the file and the JSON path of the bad field."""


class UnknownNameError(LookupError, ValueError):
    """No record answers to a name or value; the message lists close matches or the valid values.

    It is a :class:`LookupError` for :func:`~shusha_decl.lookup` and a
    :class:`ValueError` for filter criteria, so either ``except`` catches it.
    """
