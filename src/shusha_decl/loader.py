"""Reading and writing editions: strict JSON in, the same JSON out.

An edition is a directory of UTF-8 JSON files (see ``docs/data-format.md``): ``declaration.json``
holds the metadata and the text, and each collection has a file of its own; this module is the only
one that knows their names.  [`read_edition`][shusha_decl.loader.read_edition] rejects anything that is not
exactly valid: malformed JSON, duplicate or unknown keys, a value of the wrong type (no coercion: ``"42"`` is
not a number), impossible dates, and (through [`shusha_decl.checks`][shusha_decl.checks]) duplicate ids,
references to ids that do not exist and the other rules across records.  Every error is a
[`DataError`][shusha_decl.DataError] that names the file and the JSON path of the field.
[`write_edition`][shusha_decl.loader.write_edition] writes what
[`read_edition`][shusha_decl.loader.read_edition] reads.  The strict cattrs converter is private to this
module: nothing outside it can make loading lenient.
"""

from __future__ import annotations

import enum
import json
import os
import pathlib
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from inspect import isclass
from itertools import islice
from typing import Any, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn

from . import model
from .checks import problems
from .edition import Declaration, Records, Titles
from .errors import SHOWN, DataError, shown
from .files import write_files
from .model import PartialDate, json_ready
from .text import unwritable

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

#: The file that holds the metadata and the text.
HEADER_FILE = "declaration.json"
#: The parts of an edition that have a file of their own; everything else is in ``declaration.json``.
OWN_FILES = {
    name: f"{name}.json"
    for name in (
        "commitments",
        "agreements",
        "organizations",
        "places",
        "persons",
        "quotes",
        "topics",
        "sources",
        "events",
        "claims",
        "alliance",
        "translation_notes",
        "comparisons",
        "second_coding",
    )
}
#: The most problems a DataError reports; past them, reading stops and the message says there are more.
MAX_PROBLEMS = 20
#: The largest file an edition may have: the packaged files are under 50 KB; this bounds memory and time.
MAX_FILE_BYTES = 8 * 1024 * 1024
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PATH = re.compile(r"\$\.(\w+)(.*)")


class _InvalidValueError(ValueError):
    """A value the strict hooks refuse; its message is shown as is."""


# -- the strict converter ----------------------------------------------------------------------------


def _describe(value: object) -> str:
    text = json.dumps(value)
    return f"{type(value).__name__} {text if len(text) <= SHOWN else text[:SHOWN] + '... (cut)'}"


def _scalar(kind: type) -> Callable[[Any, type], Any]:
    names = {str: "a string", int: "an integer", bool: "true or false", float: "a number"}

    def structure(value: Any, _: type) -> Any:
        if type(value) is not kind:  # exact: bool is not int, "42" is not 42
            raise _InvalidValueError(f"expected {names[kind]}, got {_describe(value)}")
        return value

    return structure


def _structure_str(value: Any, _: type) -> str:
    if type(value) is not str:
        raise _InvalidValueError(f"expected a string, got {_describe(value)}")
    text: str = value
    bad = unwritable(text)
    if bad:
        raise _InvalidValueError(
            f"U+{ord(bad.group()):04X} at character {bad.start()}: a string may hold no control character "
            "(but newline and tab), lone surrogate or noncharacter"
        )
    return text


def _structure_date(value: Any, _: type) -> date:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise _InvalidValueError(f"expected a date as a YYYY-MM-DD string, got {_describe(value)}")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise _InvalidValueError(f"impossible date {value!r}: {exc}") from None


def _structure_partial_date(value: Any, _: type) -> PartialDate:
    if not isinstance(value, str):
        raise _InvalidValueError(
            f"expected a date as a YYYY, YYYY-MM or YYYY-MM-DD string, got {_describe(value)}"
        )
    try:
        return PartialDate.fromisoformat(value)
    except ValueError as exc:
        raise _InvalidValueError(f"impossible date {value!r}: {exc}") from None


def _enum_hook(kind: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
    valid = ", ".join(repr(member.value) for member in kind)

    def structure(value: Any, _: type) -> enum.Enum:
        if isinstance(value, str):
            for member in kind:
                if member.value == value:
                    return member
        raise _InvalidValueError(f"expected one of {valid}, got {_describe(value)}")

    return structure


def _tuple_hook(kind: Any) -> Callable[[Any, type], tuple[Any, ...]]:
    """Structure a JSON array (and nothing else: a string is not a sequence here), noting each bad index.

    It stops at the [`MAX_PROBLEMS`][shusha_decl.loader.MAX_PROBLEMS]-th bad item: a message shows no more,
    and keeping an exception for every bad item of a long array would take memory without bound.
    """
    (item, _ellipsis) = get_args(kind)
    structure_item = _converter.get_structure_hook(item)

    def structure(value: Any, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _InvalidValueError(f"expected an array, got {_describe(value)}")
        items, errors = [], []
        for index, element in enumerate(value):
            try:
                items.append(structure_item(element, item))
            except Exception as exc:
                note = IterableValidationNote(f"Structuring {kind} @ index {index}", index, item)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined,unused-ignore]
                errors.append(exc)
                if len(errors) == MAX_PROBLEMS:
                    break
        if errors:
            raise IterableValidationError(f"While structuring {kind!r}", errors, kind)
        return tuple(items)

    return structure


def _attrs_hook(kind: type) -> Callable[[Any, type], Any]:
    structure_fields: Callable[[Any, type], Any] = make_dict_structure_fn(
        kind, _converter, _cattrs_forbid_extra_keys=True
    )

    def structure(value: Any, _: type) -> Any:
        if not isinstance(value, dict):
            raise _InvalidValueError(f"expected an object, got {_describe(value)}")
        return structure_fields(value, kind)

    return structure


def _records_hook(kind: Any) -> Callable[[Any, type], Records[Any]]:
    """Structure a collection (``Records[X]``, or ``Commitments``, based on ``Records[Commitment]``)."""
    generic = kind if get_origin(kind) is Records else kind.__orig_bases__[0]
    items = _tuple_hook(tuple[get_args(generic)[0], ...])  # type: ignore[misc]
    collection = get_origin(kind) or kind

    def structure(value: Any, _: type) -> Records[Any]:
        return collection(items(value, kind))  # type: ignore[no-any-return]

    return structure


def _is_records(kind: Any) -> bool:
    return get_origin(kind) is Records or (isclass(kind) and issubclass(kind, Records))


def _is_tuple(kind: Any) -> bool:
    return get_origin(kind) is tuple and len(get_args(kind)) == 2 and get_args(kind)[1] is Ellipsis


def _is_record(kind: Any) -> bool:
    return attrs.has(kind) and kind is not PartialDate and kind is not Titles


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    for kind in (int, bool, float):
        conv.register_structure_hook(kind, _scalar(kind))
    conv.register_structure_hook(str, _structure_str)
    for name in dir(model):  # each enum by its exact class: as a str subclass, it would get str's hook
        if isclass(kind := getattr(model, name)) and issubclass(kind, enum.Enum) and kind is not enum.Enum:
            conv.register_structure_hook(kind, _enum_hook(kind))
    conv.register_structure_hook(date, _structure_date)
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_structure_hook_factory(_is_tuple, _tuple_hook)
    conv.register_structure_hook_factory(_is_records, _records_hook)
    conv.register_structure_hook_factory(_is_record, _attrs_hook)
    conv.register_structure_hook(
        Titles, lambda value, _: Titles(_converter.structure(value, tuple[model.Title, ...]))
    )
    return conv


_converter = _make_converter()


def _format(exc: BaseException, kind: type | None) -> str:
    if isinstance(exc, _InvalidValueError):
        return str(exc)
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown key(s) {_listed(sorted(exc.extra_fields))}"
    if isinstance(exc, KeyError):
        return "required key missing"
    return cattrs.v.format_exception(exc, kind)


def _locate(path: str) -> str:
    """Turn a path in the merged edition (``$.commitments[3].id``) into a file and a path in it."""
    match = _PATH.fullmatch(path)
    if match and match.group(1) in OWN_FILES:
        return f"{OWN_FILES[match.group(1)]}: ${match.group(2)}"
    return f"{HEADER_FILE}: {path}"


# -- reading -------------------------------------------------------------------------------------


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) < len(pairs):
        counts = Counter(key for key, _ in pairs)
        repeated = sorted(key for key, count in counts.items() if count > 1)
        raise _InvalidValueError(f"duplicate key(s) {_listed(repeated)} in one object")
    return found


def _listed(values: list[str]) -> str:
    """Up to three of *values*, each cut short, and how many more."""
    more = f" and {len(values) - 3:,} more" if len(values) > 3 else ""
    return ", ".join(map(shown, values[:3])) + more


def _reject_constant(name: str) -> Any:
    raise _InvalidValueError(f"{name} is not valid JSON")


def _read(root: Traversable, name: str) -> Any:
    entry = root.joinpath(name)
    if isinstance(entry, pathlib.Path) and entry.is_symlink():
        raise DataError(f"{name}: a symbolic link; an edition's files must be files in its directory")
    if not entry.is_file():
        raise DataError(f"{name}: missing from the edition at {root}")
    try:
        with entry.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise DataError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise DataError(f"{name}: larger than {MAX_FILE_BYTES:,} bytes; not read further")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{name}: not UTF-8 (byte {exc.start}: {exc.reason})") from None
    try:
        return json.loads(text, object_pairs_hook=_reject_duplicate_keys, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise DataError(
            f"{name}: not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except ValueError as exc:  # a duplicate key, NaN, or an integer too long to convert
        raise DataError(f"{name}: {exc}") from None
    except RecursionError:
        raise DataError(f"{name}: nested too deeply") from None


def read_edition(path: str | os.PathLike[str] | Traversable) -> Declaration:
    """Read the edition in the directory *path* (a path or an ``importlib.resources`` Traversable).

    Raises:
        DataError: the edition is missing, unreadable or invalid; the message names the file
            and the JSON path of each bad field.
    """
    root = path if isinstance(path, Traversable) else pathlib.Path(path)
    if not root.is_dir():
        raise DataError(f"{os.fspath(path) if not isinstance(path, Traversable) else path}: not a directory")
    return _edition(_read(root, HEADER_FILE), {key: _read(root, name) for key, name in OWN_FILES.items()})


def _edition(header: Any, collections: dict[str, Any]) -> Declaration:
    """The edition that the parsed JSON of the header file and of each collection's file make."""
    if not isinstance(header, dict):
        raise DataError(f"{HEADER_FILE}: $: expected an object, got {_describe(header)}")
    misplaced = sorted(set(header) & set(OWN_FILES))
    if misplaced:
        raise DataError(f"{HEADER_FILE}: $: unknown key(s) {misplaced} (they belong in their own files)")
    merged = {**header, **collections}
    try:
        decl = _converter.structure(merged, Declaration)
    except cattrs.BaseValidationError as exc:
        messages = cattrs.transform_error(exc, path="$", format_exception=_format)
        located = (message.rpartition(" @ ") for message in messages)  # "what @ $.path"
        raise DataError(_report((path, what) for what, _, path in located)) from None
    found = list(islice(problems(decl, _locate), MAX_PROBLEMS + 1))
    if found:
        raise DataError(_report(found))
    return decl


def _report(found: Iterable[tuple[str, str]]) -> str:
    """The message of a DataError: each problem as "file: path: what", at most MAX_PROBLEMS of them.

    Reading stops looking once it has found one more than that, so the rest is not counted.
    """
    lines = [f"{_locate(path)}: {what}" for path, what in islice(found, MAX_PROBLEMS + 1)]
    more = ["... and more (reading stopped after the first problems)"] if len(lines) > MAX_PROBLEMS else []
    return "\n".join(lines[:MAX_PROBLEMS] + more)


def read_packaged_json() -> Declaration:
    """Read the JSON files shipped in the package through ``importlib.resources`` (so it works from a zip)."""
    from importlib.resources import files

    return read_edition(files(__package__).joinpath("data"))


# -- writing -------------------------------------------------------------------------------------


def write_edition(
    decl: Declaration, path: str | os.PathLike[str], *, overwrite: bool = False
) -> pathlib.Path:
    """Write *decl* as an edition into the directory *path* (created if need be); return the path.

    The edition is checked as [`read_edition`][shusha_decl.loader.read_edition] would read it, and every file
    encoded, before the first byte is written: what this writes,
    [`read_edition`][shusha_decl.loader.read_edition] reads back equal.  Each file then replaces its name
    atomically ([`shusha_decl.files`][shusha_decl.files]).

    Raises:
        DataError: *decl* is not an edition [`read_edition`][shusha_decl.loader.read_edition] would accept;
            nothing is written.
        FileExistsError: a file of the edition is already there and *overwrite* is false; nothing is written.
    """
    data = json_ready(decl)
    header = {key: value for key, value in data.items() if key not in OWN_FILES}
    collections = {key: data[key] for key in OWN_FILES}
    if _edition(header, collections) != decl:  # raises DataError for what reading would reject
        raise DataError(f"{path}: the edition would not read back equal to what was given")
    documents = {HEADER_FILE: header, **{OWN_FILES[key]: value for key, value in collections.items()}}
    files = {
        name: (json.dumps(content, ensure_ascii=False, indent=2) + "\n").encode()
        for name, content in documents.items()
    }
    return write_files(path, files, overwrite=overwrite)
