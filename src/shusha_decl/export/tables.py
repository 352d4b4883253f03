"""Tables: data frames, CSV tables and a Frictionless Data Package.

[`data_frame`][shusha_decl.export.tables.data_frame] builds what
[`to_frame`][shusha_decl.to_frame] returns (pandas is imported when it is called).

One CSV file per collection, with list and nested fields as JSON in their cell (Table Schema type ``array``),
plus long tables for the commitments' topics, actors and mentions.
[`to_datapackage`][shusha_decl.export.tables.to_datapackage] adds ``datapackage.json``, whose Table Schemas
declare each field's type, the primary keys, the foreign keys and ``enum`` constraints for the controlled
vocabularies.
"""

from __future__ import annotations

import csv
import enum
import io
import json
import os
import pathlib
import types
from collections.abc import Sequence
from datetime import date
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs

from .. import model, version
from ..edition import Declaration
from ..files import write_files
from . import COLLECTIONS, DERIVED, dyads, to_records

#: The collection tables, each with its record class: the collections but the preamble and provisions (in
#: ``units``), the alliance and the derived tables, which have schemas of their own.
TABLES: dict[str, type] = {
    name: kind
    for name, kind in COLLECTIONS.items()
    if name not in ("preamble", "provisions", "alliance", *DERIVED)
}
#: The long tables, one row per commitment and value of a list field: (column, field, resource it refers to).
LONG_TABLES = {
    "commitment_topics": ("topic", "topics", "topics"),
    "commitment_actors": ("party", "actors", "parties"),
    "commitment_mentions": ("entity", "mentions", None),  # entities live in four tables
}
_FOREIGN = {
    "provision": "units",
    "unit": "units",
    "person": "persons",
    "speaker": "persons",
    "party": "parties",
    "source": "sources",
    "category": "topics",
    "commitment": "commitments",
}
#: The primary key of a table whose rows have no id: the fields that identify a row.
_KEYS: dict[type, str | list[str]] = {
    model.CommitmentCoding: "commitment",  # the second coding: one row per commitment
    dyads.AtopDyadYear: ["ccode1", "ccode2", "year"],
    dyads.CowDyadYear: ["ccode1", "ccode2", "year"],
    dyads.AllianceMember: ["ccode", "in_force_on"],
}
_PARTIAL_DATE = r"\d{4}(-\d{2}(-\d{2})?)?"
#: The columns whose text the package's licence does not cover: the declaration's, and the press's (claims).
NOT_LICENSED = {
    "units": ("text",),
    "edits": ("before", "after"),
    "titles": ("text",),
    "commitments": ("text",),
    "quotes": ("text",),
    "claims": ("text",),
}


def _field(name: str, hint: Any) -> dict[str, Any]:
    optional = get_origin(hint) in (Union, types.UnionType) and type(None) in get_args(hint)
    if optional:
        hint = next(a for a in get_args(hint) if a is not type(None))
    field: dict[str, Any] = {"name": name}
    if get_origin(hint) is tuple:
        field["type"] = "array"
    elif hint is int:
        field["type"] = "integer"
    elif hint is bool:
        field["type"] = "boolean"
    elif hint is date:
        field["type"] = "date"
    elif hint is model.PartialDate:
        field.update(type="string", constraints={"pattern": _PARTIAL_DATE})
    elif isinstance(hint, type) and issubclass(hint, enum.Enum):
        field.update(type="string", constraints={"enum": [m.value for m in hint]})
    else:
        field["type"] = "string"
    if not optional:
        field.setdefault("constraints", {})["required"] = True
    return field


def _schema(kind: type) -> dict[str, Any]:
    """A table's schema: its record class's fields, its key, and a foreign key for each reference field."""
    hints = get_type_hints(kind)
    fields = [_field(f.name, hints[f.name]) for f in attrs.fields(kind)]
    foreign = [
        {"fields": f["name"], "reference": {"resource": _FOREIGN[f["name"]], "fields": "id"}}
        for f in fields
        if f["name"] in _FOREIGN and f["type"] == "string"
    ]
    key = _KEYS.get(kind, "id")
    return {"fields": fields, "primaryKey": key, **({"foreignKeys": foreign} if foreign else {})}


def _long_schema(column: str, target: str | None) -> dict[str, Any]:
    required = {"required": True}
    schema: dict[str, Any] = {
        "fields": [
            {"name": "commitment", "type": "string", "constraints": required},
            {"name": column, "type": "string", "constraints": required},
        ],
        "primaryKey": ["commitment", column],
        "foreignKeys": [{"fields": "commitment", "reference": {"resource": "commitments", "fields": "id"}}],
    }
    if target:
        schema["foreignKeys"].append({"fields": column, "reference": {"resource": target, "fields": "id"}})
    return schema


def csv_cell(value: Any) -> str:
    """A JSON-ready value as a CSV cell: lists and objects as JSON, ``None`` as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return stream.getvalue().encode()


def _csv_files(decl: Declaration) -> dict[str, bytes]:
    """One CSV file per collection and the long tables, by file name."""
    files = {}
    tables: list[tuple[str, str, model.Reading]] = [(name, name, "main") for name in (*TABLES, "alliance")]
    tables += [(file, name, reading) for file, (name, reading) in DERIVED_FILES.items()]
    for file, name, reading in tables:
        records = to_records(name, decl, reading=reading)
        header = list(records[0])
        files[f"{file}.csv"] = _csv(header, [[csv_cell(r[k]) for k in header] for r in records])
    for name, (column, field, _) in LONG_TABLES.items():
        rows = [[c.id, value] for c in decl.commitments for value in getattr(c, field)]
        files[f"{name}.csv"] = _csv(["commitment", column], rows)
    return files


def to_csv(
    decl: Declaration, directory: str | os.PathLike[str], *, overwrite: bool = False
) -> list[pathlib.Path]:
    """Write one CSV file per collection and the long tables into *directory*; return the paths written.

    Raises:
        FileExistsError: a file of that name is there and *overwrite* is false; nothing is written.
    """
    files = _csv_files(decl)
    root = write_files(directory, files, overwrite=overwrite)
    return [root / name for name in files]


def _alliance_schema() -> dict[str, Any]:
    hints = get_type_hints(model.Coding)
    fields = [{"name": "variable", "type": "string", "constraints": {"required": True}}]
    fields += [_field(f.name, hints[f.name]) for f in attrs.fields(model.Coding)]
    return {"fields": fields, "primaryKey": "variable"}


#: The derived tables' files: each with its collection and the reading of the alliance coding it follows.
DERIVED_FILES: dict[str, tuple[str, model.Reading]] = {
    "atop_dyad_years": ("atop_dyad_years", "main"),
    "atop_dyad_years_alternative": ("atop_dyad_years", "alternative"),
    "cow_dyad_years": ("cow_dyad_years", "main"),
    "cow_dyad_years_alternative": ("cow_dyad_years", "alternative"),
    "alliance_members": ("alliance_members", "main"),
}
_READINGS = {
    "main": "main reading",
    "alternative": "alternative reading: each variable's first alternative, where it has one",
}


def _dyad_years_description(data: str, release: str, reading: model.Reading) -> str:
    return (
        f"This project's coding of the declaration ({_READINGS[reading]}) in the columns peacesciencer gives "
        f"{data} alliance data: not {release}. Directed dyad-years from the year of the earliest reading of "
        f"the date the declaration took effect through {dyads.LAST_YEAR}, the year of the data version."
    )


#: What each derived table is, as its Data Package description says.
DERIVED_DESCRIPTION = {
    "atop_dyad_years": _dyad_years_description("ATOP 5.1", "an ATOP release", "main"),
    "atop_dyad_years_alternative": _dyad_years_description("ATOP 5.1", "an ATOP release", "alternative"),
    "cow_dyad_years": _dyad_years_description("COW 4.1", "a COW release", "main"),
    "cow_dyad_years_alternative": _dyad_years_description("COW 4.1", "a COW release", "alternative"),
    "alliance_members": (
        "Each party with each reading of the disputed date the declaration took effect, with its sources, "
        "the signature and the party's last approval, with its sources: not an ATOP or COW release. The "
        "dyad-year tables count from the earliest reading."
    ),
}


def _text_status(name: str) -> str:
    """A resource's description: which of its columns the package's licence does not cover, and why."""
    columns = NOT_LICENSED[name]
    listed = " and ".join(f"`{c}`" for c in columns)
    holds = f"The columns {listed} hold" if len(columns) > 1 else f"The column {listed} holds"
    if name == "claims":
        status = (
            f"{holds} each claim quoted as its source (the column `source`) has it, which the package's "
            "licence does not cover: this project claims no rights in it."
        )
    else:
        status = f"{holds} the declaration's text, which the package's licence does not cover."
        status += f" {version.TEXT_RIGHTS}"
    return f"{status} The other columns are under the package's licence."


def to_datapackage(
    decl: Declaration, directory: str | os.PathLike[str], *, overwrite: bool = False
) -> pathlib.Path:
    """Write the CSV tables and a Frictionless ``datapackage.json`` describing them; return its path.

    The package's licence is this project's data licence (CC BY 4.0); the resources holding the declaration's
    text or the press's claims say in their ``description`` which columns it does not cover.

    Raises:
        FileExistsError: a file of that name is there and *overwrite* is false; nothing is written.
    """
    schemas = {name: _schema(kind) for name, kind in TABLES.items()}
    schemas["alliance"] = _alliance_schema()
    for file, (name, _) in DERIVED_FILES.items():
        schemas[file] = _schema(COLLECTIONS[name])
    schemas.update({name: _long_schema(column, target) for name, (column, _, target) in LONG_TABLES.items()})
    source = next(s for s in decl.sources if s.id == decl.text_source)
    package: dict[str, Any] = {
        "name": "shusha-declaration",
        "title": decl.title,
        "description": (
            "The Shusha Declaration (15 June 2021) in units, with this project's coding of its commitments, "
            "the entities it names, its history and the press claims about it. "
            "Lists are JSON arrays in their cells. "
            f"{version.DATA_RIGHTS} {version.TEXT_RIGHTS}"
        ),
        "licenses": [
            {
                "name": version.DATA_LICENSE,
                "path": version.DATA_LICENSE_URL,
                "title": version.DATA_LICENSE_TITLE,
            }
        ],
        "version": version.__version__,
        "sources": [{"title": f"{source.publisher}: {source.title}", "path": source.url}],
        "resources": [
            {
                "name": name.replace("_", "-"),
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
            for name, schema in schemas.items()
        ],
    }
    for resource in package["resources"]:  # the package's licence does not cover the text they hold
        if resource["name"] in NOT_LICENSED:
            resource["description"] = _text_status(resource["name"])
        if resource["name"].replace("-", "_") in DERIVED_DESCRIPTION:
            resource["description"] = DERIVED_DESCRIPTION[resource["name"].replace("-", "_")]
    for resource in package["resources"]:  # foreign keys name resources as written
        for key in resource["schema"].get("foreignKeys", []):
            key["reference"]["resource"] = key["reference"]["resource"].replace("_", "-")
    descriptor = (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode()
    root = write_files(directory, {**_csv_files(decl), "datapackage.json": descriptor}, overwrite=overwrite)
    return root / "datapackage.json"


#: The enums whose values the codebook ranks, from the lowest: the order of their categoricals in frames.
ORDERED = {
    model.Modality: ("declaration", "endeavour", "undertaking"),  # step 3 of the modality rules
    model.Confidence: ("low", "medium", "high"),
}
#: The precisions of a partial date, from the coarsest.
PRECISIONS = ("year", "month", "day")


def _optional_of(hint: Any) -> Any:
    """The type inside ``X | None``, or *hint* itself."""
    if get_origin(hint) in (Union, types.UnionType):
        return next(a for a in get_args(hint) if a is not type(None))
    return hint


def list_columns(kind: type) -> list[str]:
    """The columns of a frame of *kind* records that hold lists: its tuple fields (and the categories)."""
    hints = get_type_hints(kind)
    names = [f.name for f in attrs.fields(kind) if get_origin(_optional_of(hints[f.name])) is tuple]
    if kind is model.Commitment:
        names.insert(names.index("topics") + 1, "categories")
    return names


def _empty(kind: type) -> Any:
    """A frame of no *kind* records: a column for each field, of the type pandas gives its values."""
    import pandas as pd

    hints = get_type_hints(kind)
    strings = pd.Series([""]).dtype  # ``object`` before pandas 3, ``str`` since
    types = {str: strings, int: "int64"}
    return pd.DataFrame(
        {f.name: pd.Series(dtype=types.get(_optional_of(hints[f.name]), object)) for f in attrs.fields(kind)}
    )


def data_frame(items: Sequence[Any], topics: Sequence[model.Topic], kind: type | None) -> Any:
    """A `pandas.DataFrame` of *items*, with the column types [`to_frame`][shusha_decl.to_frame] promises.

    Args:
        items: records of the class *kind* (or rows of the alliance coding, as dicts).
        topics: the topic vocabulary that gives the commitments' categories.
        kind: the class whose fields are the columns, with their types, even when there are no items;
            ``None`` (records of several kinds, or none) gives the items' fields as they are.
    """
    import pandas as pd

    rows = [model.json_ready(item) for item in items]
    if kind is None or not attrs.has(kind):
        return pd.DataFrame.from_records(rows)
    frame = pd.DataFrame.from_records(rows) if rows else _empty(kind)
    day = pd.to_datetime(["2021-06-15"]).dtype  # an ISO date's type (its unit depends on pandas' version)

    def days(values: Any) -> Any:
        """*values* (ISO dates or ``None``) as dates of that type, even when there are none."""
        return pd.to_datetime(values).astype(day)

    hints = get_type_hints(kind)
    for name in [f.name for f in attrs.fields(kind)]:
        hint = _optional_of(hints[name])
        if hint is date:
            frame[name] = days(frame[name])
        elif hint is model.PartialDate:
            values = [getattr(item, name) for item in items]
            at = frame.columns.get_loc(name)
            frame = frame.drop(columns=name)
            columns = {
                f"{name}_start": days([v and v.first_day().isoformat() for v in values]),
                f"{name}_end": days([v and v.last_day().isoformat() for v in values]),
                f"{name}_precision": pd.Categorical(
                    [v and v.precision for v in values], categories=PRECISIONS, ordered=True
                ),
            }
            for offset, (column, value) in enumerate(columns.items()):
                frame.insert(at + offset, column, value)
        elif isinstance(hint, type) and issubclass(hint, enum.Enum):
            order = ORDERED.get(hint, tuple(m.value for m in hint))
            frame[name] = pd.Categorical(frame[name], categories=order, ordered=hint in ORDERED)
    if kind is model.Commitment:
        category = {t.id: t.category for t in topics}
        vocabulary = [t.id for t in topics if t.category is None]
        frame.insert(
            frame.columns.get_loc("topics") + 1,
            "categories",
            pd.Series(
                [[c for c in vocabulary if c in {category.get(t) for t in item.topics}] for item in items],
                index=frame.index,
                dtype=object,
            ),
        )
    return frame
