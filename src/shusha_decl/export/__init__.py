"""Exports: records for other tools, data frames, and the standard formats.

[`to_records`][shusha_decl.to_records] and [`to_frame`][shusha_decl.to_frame] give one collection;
[`write`][shusha_decl.export.write] writes the whole edition in a format: ``json`` (the canonical edition, as
[`shusha_decl.dump`][shusha_decl.dump]), ``csv``, ``datapackage`` (Frictionless), ``akn`` (Akoma Ntoso 3.0
XML), ``jsonld`` (schema.org) or ``markdown``.  The format modules are imported only when used.
"""

from __future__ import annotations

import os
import typing
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from .. import model
from ..edition import Declaration, Records, Titles
from ..errors import shown
from ..model import json_ready
from ..packaged import declaration
from ..text import unwritable
from . import dyads

#: The collections that [`to_records`][shusha_decl.to_records] and [`to_frame`][shusha_decl.to_frame]
#: accept by name, each with the class of its records (the alliance: one coding per variable; the second
#: coding: one coding per commitment).
COLLECTIONS: dict[str, type] = {
    "units": model.Unit,
    "preamble": model.Unit,
    "provisions": model.Unit,
    "edits": model.Edit,
    "parties": model.Party,
    "signatories": model.Signatory,
    "titles": model.Title,
    "commitments": model.Commitment,
    "agreements": model.Agreement,
    "organizations": model.Organization,
    "places": model.Place,
    "persons": model.Person,
    "quotes": model.Quote,
    "topics": model.Topic,
    "sources": model.Source,
    "events": model.Event,
    "claims": model.Claim,
    "translation_notes": model.TranslationNote,
    "comparisons": model.Comparison,
    "second_coding": model.CommitmentCoding,
    "alliance": model.Coding,
    "atop_dyad_years": dyads.AtopDyadYear,
    "cow_dyad_years": dyads.CowDyadYear,
    "alliance_members": dyads.AllianceMember,
}
#: The dyad-year tables, in the shapes of ATOP's and COW's data, under a reading of the alliance coding
#: (this project's coding, not their release; see [`dyads`][shusha_decl.export.dyads]).
DYAD_YEARS: dict[str, Callable[[Declaration, model.Reading], Sequence[Any]]] = {
    "atop_dyad_years": dyads.atop_dyad_years,
    "cow_dyad_years": dyads.cow_dyad_years,
}
#: The tables computed from the alliance coding and the events rather than held as collections.
DERIVED = (*DYAD_YEARS, "alliance_members")


_RECORDS = typing.get_args(model.Record)


def _items(collection: Any, decl: Declaration | None, reading: model.Reading = "main") -> list[Any]:
    """The records of *collection* (the alliance as one row per variable; dyad-years under *reading*)."""
    if isinstance(collection, str) and collection not in COLLECTIONS:
        raise ValueError(f"unknown collection {collection!r}; valid names: {', '.join(COLLECTIONS)}")
    if reading not in model.READINGS:
        raise ValueError(f"unknown reading {reading!r}; valid readings: {', '.join(model.READINGS)}")
    if reading != "main" and not (isinstance(collection, str) and collection in DYAD_YEARS):
        what = repr(collection) if isinstance(collection, str) else type(collection).__name__
        raise ValueError(f"reading={reading!r} applies only to {' and '.join(DYAD_YEARS)}, not to {what}")
    if isinstance(collection, str):
        decl = declaration() if decl is None else decl
        if collection in DYAD_YEARS:
            return list(DYAD_YEARS[collection](decl, reading))
        if collection == "alliance_members":
            return list(dyads.alliance_members(decl))
        collection = decl.titles if collection == "titles" else getattr(decl, collection)
    if isinstance(collection, Titles):
        return list(collection.records)
    if isinstance(collection, model.SecondCoding):  # one row per commitment
        return list(collection.codings)
    if isinstance(collection, model.Alliance):  # one row per variable
        return [
            {"variable": field.name, **json_ready(getattr(collection, field.name))}
            for field in attrs.fields(model.Alliance)
        ]
    if isinstance(collection, _RECORDS):
        return [collection]
    if isinstance(collection, Iterable):
        return list(collection)
    raise TypeError(f"expected a collection, its name or a record, not {collection!r}")


def _record_class(collection: Any, items: list[Any]) -> type | None:
    """The class of *collection*'s records: from its name or type when they tell, else from its *items*.

    ``None`` when neither tells: an empty list, a plain [`Records`][shusha_decl.Records] that is empty, or
    records of several kinds.
    """
    if isinstance(collection, str):
        return COLLECTIONS[collection]
    if isinstance(collection, Records) and type(collection).record_class is not None:
        return type(collection).record_class
    if isinstance(collection, Titles):
        return model.Title
    if isinstance(collection, model.Alliance):
        return model.Coding
    if isinstance(collection, model.SecondCoding):
        return model.CommitmentCoding
    kinds = {type(item) for item in items}
    return kinds.pop() if len(kinds) == 1 and attrs.has(next(iter(kinds))) else None


def to_records(
    collection: str | Iterable[Any] | model.Record | model.Alliance | model.SecondCoding,
    decl: Declaration | None = None,
    *,
    reading: model.Reading = "main",
) -> list[dict[str, Any]]:
    """Any collection or result as dicts of JSON types (dates as ISO strings, enums as values), for CSV.

    Args:
        collection: the name of a collection of *decl* (``"commitments"``, ``"agreements"``, ...; see
            [`COLLECTIONS`][shusha_decl.export.COLLECTIONS]), or a result: a collection, a
            filter's result or a slice of one, the titles, the alliance, a list of records or a single record.
            The alliance gives one record per variable, with the variable's name under ``"variable"``;
            ``"second_coding"`` (or ``decl.second_coding``) one record per commitment, the second coder's.
            ``"atop_dyad_years"`` and ``"cow_dyad_years"`` give directed dyad-years in peacesciencer's ATOP
            and COW columns, under *reading*, and ``"alliance_members"`` the parties with each reading of
            the date the declaration took effect: this project's coding, not an ATOP or COW release.
        decl: the edition that a name refers to; the packaged one by default.
        reading: for ``"atop_dyad_years"`` and ``"cow_dyad_years"`` only: ``"main"`` (the alliance
            coding's values) or ``"alternative"`` (each variable's first alternative, where it has one).

    Raises:
        ValueError: *collection* is not the name of a collection (the message lists the valid names), or
            *reading* is not a reading, or is ``"alternative"`` for a collection other than the dyad-years.
        TypeError: *collection* is neither a name, nor records, nor a record.
    """
    return [json_ready(item) for item in _items(collection, decl, reading)]


#: The formats [`write`][shusha_decl.export.write] writes, and whether each is a directory (else a single
#: text file).
FORMATS = {"json": True, "csv": True, "datapackage": True, "akn": False, "jsonld": False, "markdown": False}


def write(
    decl: Declaration, fmt: str, path: str | os.PathLike[str] | None = None, *, overwrite: bool = False
) -> str | os.PathLike[str]:
    """Write *decl* in the format *fmt*.

    Directory formats (``json``, ``csv``, ``datapackage``) need *path* and return it (a
    `pathlib.Path`).  Text formats (``akn``, ``jsonld``, ``markdown``) return the text, and also
    write it to *path* if one is given.  Nothing replaces an existing file unless *overwrite* is true, and
    every file is written atomically ([`shusha_decl.files`][shusha_decl.files]).

    Raises:
        ValueError: an unknown format, or no *path* for a directory format.
        FileExistsError: a file to be written is there and *overwrite* is false; nothing is written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; valid formats: {', '.join(FORMATS)}")
    if FORMATS[fmt]:
        if path is None:
            raise ValueError(f"the {fmt} format writes a directory: give a path")
        if fmt == "json":
            from ..loader import write_edition

            return write_edition(decl, path, overwrite=overwrite)
        from .tables import to_csv, to_datapackage

        if fmt == "csv":
            return to_csv(decl, path, overwrite=overwrite)[0].parent
        return to_datapackage(decl, path, overwrite=overwrite).parent
    _check_writable(decl)
    text = _text(decl, fmt)
    if path is not None:
        from ..files import write_file

        write_file(path, text.encode(), overwrite=overwrite)
    return text


def _check_writable(decl: Declaration) -> None:
    """Refuse a declaration whose ids or strings a text format could not carry faithfully.

    An edition read from files always passes (the loader has the same rules); one made in Python may not.

    Raises:
        ValueError: an id outside the id rule, or a string with a character no edition may hold.
    """
    from ..checks import ID

    for record in decl.records():
        if not ID.fullmatch(record.id):
            raise ValueError(f"cannot export the id {shown(record.id)}: ids are letters, digits, '-' and '_'")

    texts = []  # every string the declaration holds, gathered without recursion
    stack: list[Any] = [decl]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, tuple):
            stack.extend(value)
        elif isinstance(value, Titles):
            stack.extend(value.records)
        elif attrs.has(type(value)):
            stack.extend(getattr(value, a.name) for a in type(value).__attrs_attrs__ if a.init)
    bad = unwritable("\n".join(texts))  # newline is allowed, so joining makes no match
    if bad:
        text = next(t for t in texts if bad.group() in t)
        raise ValueError(f"cannot export U+{ord(bad.group()):04X} in {shown(text)}: no edition may hold it")


def _text(decl: Declaration, fmt: str) -> str:
    if fmt == "akn":
        from .akn import to_akn

        return to_akn(decl)
    if fmt == "jsonld":
        import json

        from .jsonld import to_jsonld

        return json.dumps(to_jsonld(decl), ensure_ascii=False, indent=2) + "\n"
    from .markdown import to_markdown

    return to_markdown(decl)


def to_frame(
    collection: str | Iterable[Any] | model.Record | model.Alliance | model.SecondCoding,
    decl: Declaration | None = None,
    *,
    reading: model.Reading = "main",
    explode: str | None = None,
) -> Any:
    """Any collection or result as a `pandas.DataFrame` (needs the ``pandas`` extra).

    *collection*, *decl* and *reading* are as for [`to_records`][shusha_decl.to_records]; the columns are the
    records' fields, typed for analysis:

    - full dates are ``datetime64`` columns;
    - a partial date field (``Event.date``, ``Source.published_on``) becomes three columns:
      ``<field>_start`` and ``<field>_end``, the first and the last day it allows (``datetime64``), and
      ``<field>_precision``, an ordered categorical ``year`` < ``month`` < ``day``;
    - enum fields are categoricals whose categories are every value of the vocabulary, ordered where
      the codebook ranks them: ``modality`` from the weakest, ``declaration`` < ``endeavour`` <
      ``undertaking``, and the alliance coding's ``confidence``, ``low`` < ``medium`` < ``high``; the
      others (kinds, claim status) are unordered;
    - list fields hold Python lists; nested records (readings, former names) JSON-ready dicts;
    - commitments get a ``categories`` column after ``topics``: the topic categories of their topics,
      each once, in the vocabulary's order, from the topics of the collection's declaration.

    The columns are those of the records' class even when there are no records, so an empty filter result
    gives an empty frame with the same columns and types; that class comes from the collection's name or
    type (a collection of [`Records`][shusha_decl.Records] of the edition, or a filter's result), or else
    from the records.  A list of records of several kinds gives one column per field of any of them,
    untyped; an empty list (or an empty slice of a plain ``Records``, which names no class) gives a frame
    with no columns.

    ``explode="topics"`` (or any list column, such as ``"categories"``) gives one row per value instead: a
    long table, such as one row per commitment and category.

    Raises:
        ImportError: pandas is not installed (``pip install ".[pandas]"`` from a checkout).
        ValueError: an unknown collection or reading, a reading other than the main one for a collection
            other than the dyad-years, or *explode* is not a list column of it.
        TypeError: *collection* is neither a name, nor records, nor a record.
    """
    try:
        import pandas  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError('to_frame needs pandas: pip install ".[pandas]"') from exc
    from .tables import data_frame, list_columns

    own = collection.__dict__["_declaration"] if isinstance(collection, Records) else None
    topics = (own or decl or declaration()).topics  # for the commitments' categories
    items = _items(collection, decl, reading)
    kind = _record_class(collection, items)
    frame = data_frame(items, topics, kind)
    if explode is not None:
        lists = list_columns(kind) if kind else []
        if explode not in lists:
            what = collection if isinstance(collection, str) else type(collection).__name__
            raise ValueError(f"cannot explode {explode!r}; list columns of {what}: {', '.join(lists)}")
        frame = frame.explode(explode, ignore_index=True)
    return frame
