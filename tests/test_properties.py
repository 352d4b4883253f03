"""Property-based tests: every record type round-trips through JSON, and no JSON value in any field escapes
as anything but a DataError."""

from __future__ import annotations

import enum
import json
import shutil
import tempfile
import types
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import attrs
import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import shusha_decl  # noqa: E402
from shusha_decl import model  # noqa: E402
from shusha_decl.loader import OWN_FILES  # noqa: E402
from shusha_decl.loader import _converter as strict  # noqa: E402  # the loader's, private to it

#: Every record class and the values records hold (not the Declaration and its titles, read as a whole,
#: nor a search's results, which are not data).
RECORD_TYPES = [
    kind
    for name in shusha_decl.__all__
    if attrs.has(kind := getattr(shusha_decl, name))
    and kind not in (shusha_decl.Declaration, shusha_decl.Titles, shusha_decl.TextMatch)
]


#: The characters a string of the edition may hold: no control character but newline and tab, no lone
#: surrogate, no noncharacter (Cn, unassigned, includes them).
TEXT = st.characters(exclude_categories=("Cs", "Cc", "Cn"), include_characters="\n\t")


def strategy(hint: Any) -> st.SearchStrategy[Any]:
    """Values of a field's type, as the model declares it."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return st.one_of(*(strategy(arg) for arg in get_args(hint)))
    if origin is tuple:
        return st.lists(strategy(get_args(hint)[0]), max_size=3).map(tuple)
    if hint is type(None):
        return st.none()
    if hint is str:
        return st.text(TEXT, max_size=12)
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.integers(-(10**9), 10**9)
    if hint is date:
        return st.dates()
    if hint is model.PartialDate:
        return st.dates().flatmap(
            lambda d: st.sampled_from(
                [
                    model.PartialDate(d.year),
                    model.PartialDate(d.year, d.month),
                    model.PartialDate(d.year, d.month, d.day),
                ]
            )
        )
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return st.sampled_from(list(hint))
    if get_origin(hint) is Literal:  # CowType.reading
        return st.sampled_from(get_args(hint))
    if attrs.has(hint):
        hints = get_type_hints(hint)
        return st.builds(hint, **{f.name: strategy(hints[f.name]) for f in attrs.fields(hint)})
    raise NotImplementedError(hint)


@pytest.mark.parametrize("kind", RECORD_TYPES, ids=lambda k: k.__name__)
def test_every_record_type_round_trips_through_json(kind: type) -> None:
    @settings(max_examples=60, deadline=None)
    @given(strategy(kind))
    def round_trip(record: Any) -> None:
        plain = json.loads(json.dumps(model.json_ready(record)))
        assert strict.structure(plain, kind) == record

    round_trip()


# -- any JSON anywhere -----------------------------------------------------------------------------

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)
FILES = ["declaration.json", *OWN_FILES.values()]


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path into a JSON value, the root included."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*prefix, index))


def replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = json.loads(json.dumps(value))
    target = copy
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = new
    return copy


@pytest.fixture(scope="module")
def edition() -> Iterator[tuple[Path, dict[str, Any]]]:
    root = Path(tempfile.mkdtemp())
    shusha_decl.dump(shusha_decl.declaration(), root)
    yield root, {name: json.loads((root / name).read_text(encoding="utf-8")) for name in FILES}
    shutil.rmtree(root)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_json_value_in_any_field_gives_data_error_or_loads(
    edition: tuple[Path, dict[str, Any]], data: st.DataObject
) -> None:
    root, originals = edition
    name = data.draw(st.sampled_from(FILES))
    path = data.draw(st.sampled_from(list(paths(originals[name]))))
    value = data.draw(JSON)
    (root / name).write_text(json.dumps(replaced(originals[name], path, value)), encoding="utf-8")
    message = None
    try:
        shusha_decl.load(root)  # a replacement can be valid: then it loads
    except shusha_decl.DataError as error:  # anything else fails the test
        message = str(error)
    finally:
        (root / name).write_text(json.dumps(originals[name]), encoding="utf-8")
    if message is not None:
        assert any(file in message for file in FILES), message
