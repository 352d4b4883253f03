"""Reading and writing editions: strict JSON in, the same JSON out.

An edition is a directory of UTF-8 JSON files (see ``docs/data-format.md``):
``declaration.json`` holds the metadata and the text, and each collection has
a file of its own.  :func:`load` rejects anything that is not exactly valid:
malformed JSON, duplicate or unknown keys, a value of the wrong type (no
coercion: ``"42"`` is not a number), impossible dates, duplicate ids and
references to ids that do not exist.  Every error is a :class:`DataError`
that names the file and the JSON path of the field.  :func:`dump` writes
what :func:`load` reads, so ``load(dump(x, path)) == x``.
"""

from __future__ import annotations

import enum
import json
import os
import pathlib
import re
import sys
from collections.abc import Callable, Iterator
from datetime import date
from importlib.resources import files
from inspect import isclass
from typing import Any, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn

from . import model
from .edition import Declaration, Records, Titles
from .errors import DataError
from .model import ClaimStatus, Coding, Commitment, Organization, PartialDate, Party, Title
from .query import names_of
from .text import fold

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

__all__ = ["OWN_FILES", "DataError", "converter", "dump", "load", "load_packaged"]

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
    )
}
HEADER_FILE = "declaration.json"
#: The largest file an edition may have: the packaged files are under 50 KB; this bounds memory and time.
MAX_FILE_BYTES = 8 * 1024 * 1024
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PATH = re.compile(r"\$\.(\w+)(.*)")


class _InvalidValueError(ValueError):
    """A value the strict hooks refuse; its message is shown as is."""


def _describe(value: object) -> str:
    return f"{type(value).__name__} {json.dumps(value, ensure_ascii=False)[:60]}"


def _scalar(kind: type) -> Callable[[Any, type], Any]:
    names = {str: "a string", int: "an integer", bool: "true or false", float: "a number"}

    def structure(value: Any, _: type) -> Any:
        if type(value) is not kind:  # exact: bool is not int, "42" is not 42
            raise _InvalidValueError(f"expected {names[kind]}, got {_describe(value)}")
        return value

    return structure


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
    """Structure a JSON array (and nothing else: a string is not a sequence here), noting each bad index."""
    (item, _ellipsis) = get_args(kind)
    structure_item = converter.get_structure_hook(item)

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
        if errors:
            raise IterableValidationError(f"While structuring {kind!r}", errors, kind)
        return tuple(items)

    return structure


def _attrs_hook(kind: type) -> Callable[[Any, type], Any]:
    structure_fields: Callable[[Any, type], Any] = make_dict_structure_fn(
        kind, converter, _cattrs_forbid_extra_keys=True
    )

    def structure(value: Any, _: type) -> Any:
        if not isinstance(value, dict):
            raise _InvalidValueError(f"expected an object, got {_describe(value)}")
        return structure_fields(value, kind)

    return structure


def _records_hook(kind: type[Records[Any]]) -> Callable[[Any, type], Records[Any]]:
    items = _tuple_hook(tuple[getattr(model, kind.item_name), ...])  # type: ignore[misc]

    def structure(value: Any, _: type) -> Records[Any]:
        return kind(items(value, kind))

    return structure


def _generic_records_hook(kind: Any) -> Callable[[Any, type], Records[Any]]:
    items = _tuple_hook(tuple[get_args(kind)[0], ...])  # type: ignore[misc]

    def structure(value: Any, _: type) -> Records[Any]:
        return Records(items(value, kind))

    return structure


def _is_generic_records(kind: Any) -> bool:
    origin: Any = get_origin(kind)
    return origin is Records


def _is_records(kind: Any) -> bool:
    """``Records[X]`` or a subclass of Records (``Commitments``): collections that read from arrays."""
    return _is_generic_records(kind) or (isclass(kind) and issubclass(kind, Records))


def _is_tuple(kind: Any) -> bool:
    return get_origin(kind) is tuple and len(get_args(kind)) == 2 and get_args(kind)[1] is Ellipsis


_ENUMS = [
    kind for name in model.__all__ if isclass(kind := getattr(model, name)) and issubclass(kind, enum.Enum)
]


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    for kind in (str, int, bool, float):
        conv.register_structure_hook(kind, _scalar(kind))
    for (
        enum_kind
    ) in _ENUMS:  # each by exact class: as a str subclass, an enum would otherwise get str's hooks
        conv.register_structure_hook(enum_kind, _enum_hook(enum_kind))
        conv.register_unstructure_hook(enum_kind, _enum_value)
    conv.register_structure_hook(date, _structure_date)
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    conv.register_structure_hook_factory(_is_tuple, _tuple_hook)
    conv.register_structure_hook_factory(lambda t: isclass(t) and issubclass(t, Records), _records_hook)
    conv.register_structure_hook_factory(_is_generic_records, _generic_records_hook)
    conv.register_structure_hook_factory(
        lambda t: attrs.has(t) and not (isclass(t) and issubclass(t, PartialDate)), _attrs_hook
    )
    conv.register_structure_hook(
        Titles, lambda value, _: Titles(converter.structure(value, tuple[Title, ...]))
    )
    conv.register_unstructure_hook(Titles, lambda value: _unstructure_list(tuple(value.values())))
    conv.register_unstructure_hook_factory(_is_tuple, lambda _: _unstructure_list)
    conv.register_unstructure_hook_factory(_is_records, lambda _: _unstructure_list)
    return conv


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _unstructure_list(value: tuple[Any, ...]) -> list[Any]:
    return [converter.unstructure(v) for v in value]


#: The converter between records and JSON-ready values, strict when structuring.
converter = _make_converter()


def _format(exc: BaseException, kind: type | None) -> str:
    if isinstance(exc, _InvalidValueError):
        return str(exc)
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown key(s) {', '.join(map(repr, sorted(exc.extra_fields)))}"
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
    keys = [key for key, _ in pairs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise _InvalidValueError(f"duplicate key(s) {', '.join(map(repr, duplicates))} in one object")
    return dict(pairs)


def _reject_constant(name: str) -> Any:
    raise _InvalidValueError(f"{name} is not valid JSON")


def _read(root: Traversable, name: str) -> Any:
    entry = root.joinpath(name)
    if not entry.is_file():
        raise DataError(f"{name}: missing from the edition at {root}")
    with entry.open("rb") as stream:
        raw = stream.read(MAX_FILE_BYTES + 1)
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
    except _InvalidValueError as exc:
        raise DataError(f"{name}: {exc}") from None
    except RecursionError:
        raise DataError(f"{name}: nested too deeply") from None


def load(path: str | os.PathLike[str] | Traversable) -> Declaration:
    """Read the edition in the directory *path* (a path or an ``importlib.resources`` Traversable).

    Raises:
        DataError: the edition is missing, unreadable or invalid; the message names the file
            and the JSON path of each bad field.
    """
    root = path if isinstance(path, Traversable) else pathlib.Path(path)
    if not root.is_dir():
        raise DataError(f"{os.fspath(path) if not isinstance(path, Traversable) else path}: not a directory")
    header = _read(root, HEADER_FILE)
    if not isinstance(header, dict):
        raise DataError(f"{HEADER_FILE}: $: expected an object, got {_describe(header)}")
    misplaced = sorted(set(header) & set(OWN_FILES))
    if misplaced:
        raise DataError(f"{HEADER_FILE}: $: unknown key(s) {misplaced} (they belong in their own files)")
    merged = {**header, **{key: _read(root, name) for key, name in OWN_FILES.items()}}
    try:
        decl = converter.structure(merged, Declaration)
    except cattrs.BaseValidationError as exc:
        messages = cattrs.transform_error(exc, path="$", format_exception=_format)
        raise DataError(_problems(_split(m) for m in messages)) from None
    problems = list(check(decl))
    if problems:
        raise DataError(_problems(problems))
    return decl


def _split(message: str) -> tuple[str, str]:
    text, _, path = message.rpartition(" @ ")
    return _locate(path), text


def _problems(problems: Iterator[tuple[str, str]] | list[tuple[str, str]]) -> str:
    lines = [f"{where}: {what}" for where, what in problems]
    shown = lines[:20] + ([f"... and {len(lines) - 20} more"] if len(lines) > 20 else [])
    return "\n".join(shown)


def load_packaged() -> Declaration:
    """Read the edition shipped in the package, through ``importlib.resources`` (so it works from a zip)."""
    return load(files("shusha_decl").joinpath("data"))


# -- checking references -------------------------------------------------------------------------


def _located(decl: Declaration) -> Iterator[tuple[Any, str]]:
    """Every record with its place on disk, as ``"file: $path"``."""
    yield decl.opening_formula, f"{HEADER_FILE}: $.opening_formula"
    for name in ("preamble", "provisions", "edits", "parties", "signatories"):
        for i, record in enumerate(getattr(decl, name)):
            yield record, f"{HEADER_FILE}: $.{name}[{i}]"
    yield decl.final_clause, f"{HEADER_FILE}: $.final_clause"
    for i, title in enumerate(decl.titles.values()):
        yield title, f"{HEADER_FILE}: $.titles[{i}]"
    for name, file in OWN_FILES.items():
        if name != "alliance":
            for i, record in enumerate(getattr(decl, name)):
                yield record, f"{file}: $[{i}]"


def check(decl: Declaration) -> Iterator[tuple[str, str]]:
    """The referential problems of *decl*, each as (``"file: $path"``, message); none for a valid edition."""
    located = list(_located(decl))
    where: dict[str, str] = {}
    for record, at in located:
        if record.id in where:
            yield f"{at}.id", f"duplicate id {record.id!r} (also at {where[record.id]})"
        where.setdefault(record.id, at)

    ids = {name: {r.id for r in getattr(decl, name)} for name in ("parties", "places", "persons", "sources")}
    units = {u.id: u for u in decl.units}
    leaf_topics = {t.id for t in decl.topics if t.category is not None}
    categories = {t.id for t in decl.topics if t.category is None}
    mentionable = {e.id for e in decl.entities() if not isinstance(e, Party)}

    def refs(
        at: str, field: str, values: Any, valid: set[str] | dict[str, Any], what: str
    ) -> Iterator[tuple[str, str]]:
        for i, value in enumerate((values,) if isinstance(values, str) else values):
            if value not in valid:
                path = f"{at}.{field}" if isinstance(values, str) else f"{at}.{field}[{i}]"
                yield path, f"unknown {what} {value!r}"

    yield from refs(f"{HEADER_FILE}: $", "signed_at", decl.signed_at, ids["places"], "place")
    yield from refs(f"{HEADER_FILE}: $", "text_source", decl.text_source, ids["sources"], "source")
    yield from _check_units(decl)
    for record, at in located:
        if hasattr(record, "sources"):
            yield from refs(at, "sources", record.sources, ids["sources"], "source")
        if hasattr(record, "mentioned_in"):
            yield from refs(at, "mentioned_in", record.mentioned_in, units, "text unit")
        if isinstance(record, Organization):
            for field in ("former_names", "later_names"):
                for i, name in enumerate(getattr(record, field)):
                    yield from refs(f"{at}.{field}[{i}]", "sources", name.sources, ids["sources"], "source")
    for record, at in located:
        if isinstance(record, Commitment):
            yield from refs(at, "provision", record.provision, {p.id for p in decl.provisions}, "paragraph")
            yield from refs(at, "actors", record.actors, ids["parties"], "party")
            yield from refs(at, "topics", record.topics, leaf_topics, "topic (not in the vocabulary)")
            yield from refs(at, "mentions", record.mentions, mentionable, "entity")
    for i, signatory in enumerate(decl.signatories):
        at = f"{HEADER_FILE}: $.signatories[{i}]"
        yield from refs(at, "person", signatory.person, ids["persons"], "person")
        yield from refs(at, "party", signatory.party, ids["parties"], "party")
    for i, edit in enumerate(decl.edits):
        at = f"{HEADER_FILE}: $.edits[{i}]"
        if edit.unit not in units:
            yield f"{at}.unit", f"unknown text unit {edit.unit!r}"
        elif edit.after not in units[edit.unit].text:
            yield f"{at}.after", f"not found in the text of {edit.unit}"
    for i, quote in enumerate(decl.quotes):
        at = f"{OWN_FILES['quotes']}: $[{i}]"
        yield from refs(at, "speaker", quote.speaker, ids["persons"], "person")
        if quote.unit not in units:
            yield f"{at}.unit", f"unknown text unit {quote.unit!r}"
        elif quote.text not in units[quote.unit].text:
            yield f"{at}.text", f"not found in the text of {quote.unit}"
    for i, topic in enumerate(decl.topics):
        if topic.category is not None:
            yield from refs(
                f"{OWN_FILES['topics']}: $[{i}]", "category", topic.category, categories, "category"
            )
    texts = {**units, **{c.id: c for c in decl.commitments}}
    for i, claim in enumerate(decl.claims):
        at = f"{OWN_FILES['claims']}: $[{i}]"
        yield from refs(at, "source", claim.source, ids["sources"], "source")
        yield from refs(at, "evidence", claim.evidence, texts, "text unit or commitment")
        if (claim.status is ClaimStatus.NOT_IN_TEXT) != (not claim.evidence):
            yield f"{at}.evidence", f"a {claim.status.value!r} claim needs evidence, a 'not-in-text' one none"
    concernable = {*where, decl.id}
    for i, event in enumerate(decl.events):
        at = f"{OWN_FILES['events']}: $[{i}]"
        yield from refs(at, "concerns", event.concerns, concernable, "record")
        for k, reading in enumerate(event.readings):
            yield from refs(f"{at}.readings[{k}]", "sources", reading.sources, ids["sources"], "source")
            if (
                event.date is not None
                and not event.date.first_day() <= reading.date.first_day() <= event.date.last_day()
            ):
                yield (
                    f"{at}.readings[{k}].date",
                    f"{reading.date} is not within the event's date {event.date}",
                )
    starts = [span[0] if (span := e.span()) else date.max for e in decl.events]
    if starts != sorted(starts):
        yield f"{OWN_FILES['events']}: $", "events are not in date order"
    yield from _check_titles(decl)
    yield from _check_alliance(decl, texts, ids["parties"])
    yield from _check_commitment_text(decl)
    yield from _check_mentions(decl, where)
    yield from _check_names(decl, where)


def _check_titles(decl: Declaration) -> Iterator[tuple[str, str]]:
    """One title per language, and the English one is the declaration's title."""
    languages = list(decl.titles)  # iterating gives every title's language, repeats included
    for i, language in enumerate(languages):
        if languages.index(language) != i:
            yield f"{HEADER_FILE}: $.titles[{i}].language", f"a second title in {language!r}"
    if decl.titles.get("en") is None or decl.titles["en"].text != decl.title:
        yield f"{HEADER_FILE}: $.titles", "the English title must be the declaration's title"


#: The values each alliance variable can take (the codebook gives their meaning).
ALLIANCE_SCALES = {
    **dict.fromkeys(
        ("defense", "defense_conditional", "offense", "neutrality", "nonaggression", "consultation"), 1
    ),
    **dict.fromkeys(("consultation_conditional", "intcom", "specthrt", "asymm", "nomicoop"), 1),
    "milcon": 3,
    "milaid": 4,
    "base": 3,
    "organ": 2,
}


def _check_alliance(decl: Declaration, texts: dict[str, Any], parties: set[str]) -> Iterator[tuple[str, str]]:
    for variable, highest in ALLIANCE_SCALES.items():
        coding: Coding = getattr(decl.alliance, variable)
        at = f"{OWN_FILES['alliance']}: $.{variable}"
        for path, value in [
            ("value", coding.value),
            *((f"per_party[{i}].value", p.value) for i, p in enumerate(coding.per_party)),
        ]:
            if not 0 <= value <= highest:
                yield f"{at}.{path}", f"{value} is outside 0..{highest}"
        for i, reference in enumerate(coding.evidence):
            if reference not in texts:
                yield f"{at}.evidence[{i}]", f"unknown text unit or commitment {reference!r}"
        for i, party_value in enumerate(coding.per_party):
            if party_value.party not in parties:
                yield f"{at}.per_party[{i}].party", f"unknown party {party_value.party!r}"


def _check_units(decl: Declaration) -> Iterator[tuple[str, str]]:
    """Each unit has the kind, number and id its place in the text calls for."""
    expected = [
        ("opening_formula", decl.opening_formula, "formula", 1, "preamble__formula_1"),
        *(
            (f"preamble[{i}]", u, "recital", i + 1, f"preamble__recs__rec_{i + 1}")
            for i, u in enumerate(decl.preamble)
        ),
        *(
            (f"provisions[{i}]", u, "paragraph", i + 1, f"para_{i + 1}")
            for i, u in enumerate(decl.provisions)
        ),
        ("final_clause", decl.final_clause, "conclusions", 1, "conclusions"),
    ]
    for path, unit, kind, num, unit_id in expected:
        found = (unit.kind.value, unit.num, unit.id)
        if found != (kind, num, unit_id):
            yield (
                f"{HEADER_FILE}: $.{path}",
                f"expected kind {kind!r}, num {num}, id {unit_id!r}; got {found}",
            )


def _check_commitment_text(decl: Declaration) -> Iterator[tuple[str, str]]:
    """The commitments of a paragraph, in order and joined by spaces, are its text."""
    positions = {p.id: i for i, p in enumerate(decl.provisions)}
    order = [positions.get(c.provision, -1) for c in decl.commitments]
    if order != sorted(order):
        yield f"{OWN_FILES['commitments']}: $", "commitments are not in the order of their paragraphs"
    index = {c.id: i for i, c in enumerate(decl.commitments)}
    for provision in decl.provisions:
        sentences = [c for c in decl.commitments if c.provision == provision.id]
        if " ".join(c.text for c in sentences) != provision.text:
            yield (
                f"{HEADER_FILE}: $.provisions[{positions[provision.id]}].text",
                ("the texts of its commitments, joined by spaces, are not the paragraph's text"),
            )
        for k, commitment in enumerate(sentences, 1):
            if commitment.id != f"{provision.id}__cmt_{k}":
                yield (
                    f"{OWN_FILES['commitments']}: $[{index[commitment.id]}].id",
                    f"expected id {provision.id}__cmt_{k}, got {commitment.id!r}",
                )


def _check_mentions(decl: Declaration, where: dict[str, str]) -> Iterator[tuple[str, str]]:
    """An entity's ``mentioned_in`` names the paragraphs whose commitments mention it, and no others."""
    provisions = {p.id for p in decl.provisions}
    for entity in decl.entities():
        if isinstance(entity, Party):
            continue
        claimed = provisions.intersection(entity.mentioned_in)
        actual = {c.provision for c in decl.commitments if entity.id in c.mentions}
        if claimed != actual:
            yield (
                f"{where[entity.id]}.mentioned_in",
                (
                    f"paragraphs {sorted(claimed)} differ from those whose commitments mention it: "
                    f"{sorted(actual)}"
                ),
            )


def _check_names(decl: Declaration, where: dict[str, str]) -> Iterator[tuple[str, str]]:
    """No name or alias answers for two entities, so :meth:`Declaration.lookup` is never ambiguous."""
    owner: dict[str, str] = {}
    for entity in decl.entities():
        for name in names_of(entity):
            key = fold(name)
            if owner.setdefault(key, entity.id) != entity.id:
                yield f"{where[entity.id]}", f"name {name!r} also names {owner[key]!r}"


# -- writing -------------------------------------------------------------------------------------


def dump(decl: Declaration, path: str | os.PathLike[str]) -> pathlib.Path:
    """Write *decl* as an edition into the directory *path* (created if need be); return the path."""
    root = pathlib.Path(path)
    root.mkdir(parents=True, exist_ok=True)
    data = converter.unstructure(decl)
    header = {key: value for key, value in data.items() if key not in OWN_FILES}
    for name, content in [(HEADER_FILE, header), *((f, data[k]) for k, f in OWN_FILES.items())]:
        text = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
        (root / name).write_text(text, encoding="utf-8")
    return root
