"""The exceptions the library raises on purpose."""

from __future__ import annotations


class DataError(ValueError):
    """An edition on disk is invalid; the message names the file and the JSON path of the bad field."""


class UnknownNameError(LookupError, ValueError):
    """No record answers to a name or value; the message lists close matches or the valid values.

    It is a `LookupError` for [`lookup`][shusha_decl.lookup] and a
    `ValueError` for filter criteria, so either ``except`` catches it.
    """


#: The most characters of a value that an error message shows.
SHOWN = 60


def shown(value: object) -> str:
    """*value*'s ``repr`` for an error message.

    Past [`SHOWN`][shusha_decl.errors.SHOWN] characters it is cut, and says so.
    """
    text = repr(value)  # escapes what cannot be printed, lone surrogates included
    if len(text) <= SHOWN:
        return text
    return f"{text[:SHOWN]}... (cut; {len(text):,} characters)"
