"""The catalogue of bad editions: each gives a DataError naming the file and the field, and nothing else.

Every case starts from a valid copy of the packaged edition and breaks one thing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import shusha_decl
from shusha_decl.cli import main

Json = Any
Breaker = Callable[[Path], None]


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    return shusha_decl.dump(shusha_decl.declaration(), tmp_path / "edition")  # type: ignore[return-value]


def edit(name: str, change: Callable[[Json], Json | None]) -> Breaker:
    """Load *name* as JSON, apply *change* (which mutates or returns a replacement), write it back."""

    def breaker(root: Path) -> None:
        data = json.loads((root / name).read_text(encoding="utf-8"))
        replaced = change(data)
        (root / name).write_text(json.dumps(data if replaced is None else replaced), encoding="utf-8")

    return breaker


def raw(name: str, content: bytes | Callable[[bytes], bytes]) -> Breaker:
    def breaker(root: Path) -> None:
        path = root / name
        path.write_bytes(content(path.read_bytes()) if callable(content) else content)

    return breaker


def setitem(path: list[str | int], value: Json) -> Callable[[Json], None]:
    def change(data: Json) -> None:
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value

    return change


def delitem(path: list[str | int]) -> Callable[[Json], None]:
    def change(data: Json) -> None:
        for key in path[:-1]:
            data = data[key]
        del data[path[-1]]

    return change


def append(path: list[str | int], value: Json) -> Callable[[Json], None]:
    def change(data: Json) -> None:
        for key in path:
            data = data[key]
        data.append(value)

    return change


def duplicate_first(data: Json) -> None:
    data.append(dict(data[0]))


def mentioned_nowhere(data: Json) -> None:
    data[1]["mentioned_in"] = []  # the Caucasus, named in para_3


def retext(data: Json) -> None:
    data[0]["text"] = data[0]["text"].replace("sides", "parties")


CASES: dict[str, tuple[Breaker, list[str]]] = {
    # not JSON at all
    "empty file": (raw("places.json", b""), ["places.json", "not valid JSON"]),
    "not JSON": (raw("places.json", b"places: [shusha]"), ["places.json", "not valid JSON"]),
    "not UTF-8": (raw("persons.json", b'[{"name": "\xff\xfe"}]'), ["persons.json", "not UTF-8"]),
    "truncated": (
        raw("commitments.json", lambda b: b[: len(b) // 2]),
        ["commitments.json", "not valid JSON"],
    ),
    "duplicate key": (
        raw("quotes.json", b'[{"id": "q", "id": "r"}]'),
        ["quotes.json", "duplicate key(s) 'id'"],
    ),
    "NaN": (raw("quotes.json", b"[NaN]"), ["quotes.json", "NaN is not valid JSON"]),
    # wrong shapes
    "list for object": (
        edit("declaration.json", lambda d: []),
        ["declaration.json: $", "expected an object"],
    ),
    "object for list": (edit("commitments.json", lambda d: {}), ["commitments.json: $", "expected an array"]),
    "item not an object": (edit("commitments.json", setitem([0], "x")), ["commitments.json: $[0]", "object"]),
    "string for array": (
        edit("places.json", setitem([0, "aliases"], "abc")),
        ["places.json: $[0].aliases", "expected an array"],
    ),
    # keys
    "unknown key, top level": (
        edit("declaration.json", setitem(["subtitle"], "x")),
        ["declaration.json: $", "unknown key(s) 'subtitle'"],
    ),
    "unknown key, nested": (
        edit("organizations.json", setitem([3, "later_names", 0, "lang"], "en")),
        ["organizations.json: $[3].later_names[0]", "unknown key(s) 'lang'"],
    ),
    "key of another file": (
        edit("declaration.json", setitem(["commitments"], [])),
        ["declaration.json: $", "'commitments'"],
    ),
    "missing key": (
        edit("commitments.json", delitem([5, "modality"])),
        ["commitments.json: $[5].modality", "required key missing"],
    ),
    # scalars, without coercion
    '"42" for an int': (
        edit("declaration.json", setitem(["parties", 0, "cow_code"], "373")),
        ["declaration.json: $.parties[0].cow_code", "expected an integer"],
    ),
    '"yes" for an int': (
        edit("declaration.json", setitem(["parties", 1, "cow_code"], "yes")),
        ["declaration.json: $.parties[1].cow_code", 'expected an integer, got str "yes"'],
    ),
    "bool for an int": (
        edit("declaration.json", setitem(["parties", 1, "cow_code"], True)),
        ["declaration.json: $.parties[1].cow_code", "expected an integer"],
    ),
    "float for an int": (
        edit("declaration.json", setitem(["provisions", 0, "num"], 1.0)),
        ["declaration.json: $.provisions[0].num", "expected an integer"],
    ),
    "1 for a string": (
        edit("commitments.json", setitem([2, "text"], 1)),
        ["commitments.json: $[2].text", "expected a string"],
    ),
    '"yes" for null-or-string': (
        edit("places.json", setitem([0, "note"], True)),
        ["places.json: $[0].note", "expected a string"],
    ),
    # dates and enums
    "impossible date": (
        edit("declaration.json", setitem(["signed_on"], "2021-02-30")),
        ["declaration.json: $.signed_on", "impossible date '2021-02-30'"],
    ),
    "impossible month": (
        edit("agreements.json", setitem([0, "signed_on"], "1921-13-13")),
        ["agreements.json: $[0].signed_on", "impossible date"],
    ),
    "date in another format": (
        edit("declaration.json", setitem(["signed_on"], "15.06.2021")),
        ["declaration.json: $.signed_on", "YYYY-MM-DD"],
    ),
    "compact date": (
        edit("declaration.json", setitem(["signed_on"], "20210615")),
        ["declaration.json: $.signed_on", "YYYY-MM-DD"],
    ),
    "impossible partial date": (
        edit("organizations.json", setitem([3, "later_names", 0, "date"], "2021-13")),
        ["organizations.json: $[3].later_names[0].date", "impossible date '2021-13'"],
    ),
    "unknown enum value": (
        edit("commitments.json", setitem([0, "modality"], "must")),
        ["commitments.json: $[0].modality", "expected one of 'undertaking'"],
    ),
    "enum as a number": (
        edit("places.json", setitem([0, "kind"], 1)),
        ["places.json: $[0].kind", "expected one of"],
    ),
    # ids and references
    "duplicate id in a file": (
        edit("commitments.json", duplicate_first),
        ["commitments.json", "duplicate id"],
    ),
    "duplicate id across files": (
        edit("places.json", setitem([0, "id"], "treaty-of-kars")),
        ["places.json: $[0].id", "duplicate id 'treaty-of-kars'", "agreements.json: $[0]"],
    ),
    "dangling provision": (
        edit("commitments.json", setitem([0, "provision"], "para_99")),
        ["commitments.json: $[0].provision", "unknown paragraph 'para_99'"],
    ),
    "dangling actor": (
        edit("commitments.json", setitem([0, "actors"], ["AZ", "XX"])),
        ["commitments.json: $[0].actors[1]", "unknown party 'XX'"],
    ),
    "dangling mention": (
        edit("commitments.json", setitem([1, "mentions"], ["atlantis"])),
        ["commitments.json: $[1].mentions[0]", "unknown entity 'atlantis'"],
    ),
    "a party as a mention": (
        edit("commitments.json", setitem([1, "mentions"], ["AZ"])),
        ["commitments.json: $[1].mentions[0]", "unknown entity 'AZ'"],
    ),
    "dangling mentioned_in": (
        edit("places.json", append([0, "mentioned_in"], "para_99")),
        ["places.json: $[0].mentioned_in[2]", "unknown text unit 'para_99'"],
    ),
    "dangling source": (
        edit("agreements.json", setitem([0, "sources"], ["nowhere"])),
        ["agreements.json: $[0].sources[0]", "unknown source 'nowhere'"],
    ),
    "dangling source of a party's later name": (
        edit("declaration.json", setitem(["parties", 1, "later_names", 0, "sources"], ["nowhere"])),
        ["declaration.json: $.parties[1].later_names[0].sources[0]", "unknown source 'nowhere'"],
    ),
    "a party's later name taken before the signing": (
        edit("declaration.json", setitem(["parties", 1, "later_names", 0, "date"], "2020-06-01")),
        ["declaration.json: $.parties[1].later_names[0].date", "2020-06-01 is before the signing"],
    ),
    "an organisation's former name given up after the signing": (
        edit("organizations.json", setitem([1, "former_names", 0, "date"], "2022")),
        ["organizations.json: $[1].former_names[0].date", "2022 is after the signing"],
    ),
    "a party without later_names": (
        edit("declaration.json", delitem(["parties", 0, "later_names"])),
        ["declaration.json: $.parties[0]", "later_names"],
    ),
    "dangling speaker": (
        edit("quotes.json", setitem([0, "speaker"], "nobody")),
        ["quotes.json: $[0].speaker", "unknown person 'nobody'"],
    ),
    "dangling signatory": (
        edit("declaration.json", setitem(["signatories", 0, "person"], "nobody")),
        ["declaration.json: $.signatories[0].person", "unknown person 'nobody'"],
    ),
    "dangling place of signature": (
        edit("declaration.json", setitem(["signed_at"], "baku")),
        ["declaration.json: $.signed_at", "unknown place 'baku'"],
    ),
    "topic outside the vocabulary": (
        edit("commitments.json", setitem([3, "topics", 0], "defence")),
        ["commitments.json: $[3].topics[0]", "unknown topic (not in the vocabulary) 'defence'"],
    ),
    "category on a commitment": (
        edit("commitments.json", setitem([3, "topics", 0], "politics")),
        ["commitments.json: $[3].topics[0]", "'politics'"],
    ),
    # consistency of the text and the coding
    "mentioned_in out of step": (
        edit("places.json", mentioned_nowhere),
        ["places.json: $[1].mentioned_in", "differ from those whose commitments mention it: ['para_3']"],
    ),
    "commitments no longer the paragraph": (
        edit("commitments.json", retext),
        ["declaration.json: $.provisions[0].text", "are not the paragraph's text"],
    ),
    "commitment id out of sequence": (
        edit("commitments.json", setitem([4, "id"], "para_3__cmt_9")),
        ["commitments.json: $[4].id", "expected id para_3__cmt_3, got 'para_3__cmt_9'"],
    ),
    "unit out of place": (
        edit("declaration.json", setitem(["provisions", 1, "id"], "para_7")),
        ["declaration.json: $.provisions[1]", "expected kind 'paragraph', num 2, id 'para_2'"],
    ),
    "quote not in its unit": (
        edit("quotes.json", setitem([0, "unit"], "para_1")),
        ["quotes.json: $[0].text", "not found in the text of para_1"],
    ),
    "ambiguous alias": (
        edit("places.json", append([1, "aliases"], "Shusha")),
        ["places.json: $[1]", "name 'Shusha' also names 'shusha'"],
    ),
    # history: titles, events, claims, alliance
    "second title in a language": (
        edit("declaration.json", setitem(["titles", 1, "language"], "en")),
        ["declaration.json: $.titles[1].language", "a second title in 'en'"],
    ),
    "English title not the title": (
        edit("declaration.json", setitem(["titles", 0, "text"], "Shusha Declaration")),
        ["declaration.json: $.titles", "the English title must be the declaration's title"],
    ),
    "events out of order": (edit("events.json", lambda d: d[::-1]), ["events.json: $", "not in date order"]),
    "reading outside the event's date": (
        edit("events.json", setitem([26, "readings", 1, "date"], "2022-03-02")),
        ["events.json: $[26].readings[1].date", "2022-03-02 is not within the event's date 2022-02"],
    ),
    "event concerns nothing known": (
        edit("events.json", setitem([0, "concerns"], ["atlantis"])),
        ["events.json: $[0].concerns[0]", "unknown record 'atlantis'"],
    ),
    "claim with evidence but not in text": (
        edit("claims.json", setitem([1, "evidence"], ["para_9"])),
        ["claims.json: $[1].evidence", "a 'not-in-text' one none"],
    ),
    "supported claim without evidence": (
        edit("claims.json", setitem([2, "evidence"], [])),
        ["claims.json: $[2].evidence", "a 'supported' claim needs evidence"],
    ),
    "claim evidence dangling": (
        edit("claims.json", setitem([2, "evidence"], ["para_99"])),
        ["claims.json: $[2].evidence[0]", "unknown text unit or commitment 'para_99'"],
    ),
    "translation note on an unknown unit": (
        edit("translation_notes.json", setitem([0, "unit"], "para_99")),
        ["translation_notes.json: $[0].unit", "unknown recital or paragraph 'para_99'"],
    ),
    "translation note citing an unknown source": (
        edit("translation_notes.json", setitem([0, "sources", 0], "nowhere")),
        ["translation_notes.json: $[0].sources[0]", "unknown source 'nowhere'"],
    ),
    "translation note in no language code": (
        edit("translation_notes.json", setitem([0, "language"], "Turkish")),
        ["translation_notes.json: $[0].language", "not an ISO 639-1 code"],
    ),
    "paraphrase not marked uncertain": (
        edit("translation_notes.json", setitem([0, "evidence_kind"], "paraphrase")),  # it says not uncertain
        ["translation_notes.json: $[0].uncertain", "a paraphrase is uncertain"],
    ),
    "translation note on an unknown variable": (
        edit("translation_notes.json", setitem([0, "variables"], ["milkon"])),
        ["translation_notes.json: $[0].variables[0]", "unknown alliance variable 'milkon'"],
    ),
    "translation notes out of the order of their units": (
        edit("translation_notes.json", lambda notes: notes[::-1]),
        ["translation_notes.json: $: notes are not in the order of their units"],
    ),
    "translation note id out of sequence": (
        edit("translation_notes.json", setitem([1, "id"], "preamble__recs__rec_2__note_9")),
        [
            "translation_notes.json: $[1].id",
            "expected id preamble__recs__rec_2__note_2, got 'preamble__recs__rec_2__note_9'",
        ],
    ),
    "translation note in Turkish without our rendering": (
        edit("translation_notes.json", setitem([0, "our_rendering"], None)),
        ["translation_notes.json: $[0].our_rendering", "null for a quotation in English, and only for one"],
    ),
    "comparison in no language code": (
        edit("comparisons.json", setitem([0, "language"], "Turkish")),
        ["comparisons.json: $[0].language", "not an ISO 639-1 code"],
    ),
    "comparison leaving a unit out": (
        edit("comparisons.json", setitem([0, "not_compared"], [])),
        ["comparisons.json: $[0]", "every recital and paragraph exactly once"],
    ),
    "note on a unit its language's comparison did not compare": (
        edit("translation_notes.json", setitem([0, "unit"], "para_1")),
        ["translation_notes.json: $[0].unit", "para_1 is not compared in 'tr'"],
    ),
    "unknown claim status": (
        edit("claims.json", setitem([0, "status"], "false")),
        ["claims.json: $[0].status", "expected one of 'supported'"],
    ),
    "alliance value out of range": (
        edit("alliance.json", setitem(["milcon", "value"], 7)),
        ["alliance.json: $.milcon.value", "7 is outside 0..3"],
    ),
    "alliance variable missing": (
        edit("alliance.json", delitem(["asymm"])),
        ["alliance.json: $.asymm", "required key missing"],
    ),
    "unknown confidence": (
        edit("alliance.json", setitem(["defense", "confidence"], "certain")),
        ["alliance.json: $.defense.confidence", "expected one of 'high'"],
    ),
    "per-party value for an unknown party": (
        edit("alliance.json", setitem(["asymm", "per_party"], [{"party": "AM", "value": 1}])),
        ["alliance.json: $.asymm.per_party[0].party", "unknown party 'AM'"],
    ),
    # the second coding
    "second coding of an unknown commitment": (
        edit("second_coding.json", setitem(["codings", 0, "commitment"], "para_99__cmt_1")),
        ["second_coding.json: $.codings[0].commitment", "unknown commitment 'para_99__cmt_1'"],
    ),
    "second coding of a commitment twice": (
        edit("second_coding.json", setitem(["codings", 1, "commitment"], "para_1__cmt_1")),
        ["second_coding.json: $.codings[1].commitment", "'para_1__cmt_1' is coded twice"],
    ),
    "second coding with a category as topic": (
        edit("second_coding.json", setitem(["codings", 0, "topics"], ["politics"])),
        ["second_coding.json: $.codings[0].topics[0]", "unknown topic (not in the vocabulary) 'politics'"],
    ),
    "second coding with an unknown modality": (
        edit("second_coding.json", setitem(["codings", 0, "modality"], "promise")),
        ["second_coding.json: $.codings[0].modality", "expected one of 'undertaking'"],
    ),
    "alliance alternative equal to the value": (
        edit("alliance.json", setitem(["defense", "alternatives", 0, "value"], 1)),
        ["alliance.json: $.defense.alternatives[0].value", "an alternative must differ from the value"],
    ),
    "alliance alternative out of range": (
        edit(
            "alliance.json",
            setitem(["milcon", "alternatives"], [{"value": 4, "confidence": "low", "rationale": "-"}]),
        ),
        ["alliance.json: $.milcon.alternatives[0].value", "4 is outside 0..3"],
    ),
    "alliance alternative without a rationale": (
        edit("alliance.json", setitem(["defense", "alternatives", 0], {"value": 0, "confidence": "low"})),
        ["alliance.json: $.defense.alternatives[0].rationale", "required key missing"],
    ),
    # hostile values: nothing is accepted that reading would change or writing could not keep
    **{
        f"partial date in {digits} digits": (
            edit("events.json", setitem([0, "date"], "".join(chr(zero + int(c)) for c in "1921"))),
            ["events.json: $[0].date", "impossible date"],
        )
        for digits, zero in (("Arabic-Indic", 0x660), ("fullwidth", 0xFF10), ("Devanagari", 0x966))
    },
    "full date in fullwidth digits": (
        edit("declaration.json", setitem(["signed_on"], "\uff12\uff10\uff12\uff11-06-15")),
        ["declaration.json: $.signed_on", "expected a date as a YYYY-MM-DD string"],
    ),
    "month zero": (
        edit("events.json", setitem([0, "date"], "1921-00")),
        ["events.json: $[0].date", "month must be in 1..12"],
    ),
    "day zero": (
        edit("events.json", setitem([0, "date"], "1921-03-00")),
        ["events.json: $[0].date", "impossible date"],
    ),
    "empty id": (edit("places.json", setitem([0, "id"], "")), ["places.json: $[0].id", "not a valid id: ''"]),
    "id with a space": (
        edit("persons.json", setitem([0, "id"], "heydar aliyev")),
        ["persons.json: $[0].id", "not a valid id: 'heydar aliyev'"],
    ),
    "id with markup": (
        edit("sources.json", setitem([0, "id"], "<b>x</b>")),
        ["sources.json: $[0].id", "not a valid id: '<b>x</b>'"],
    ),
    "id with non-ASCII letters (NFC or NFD alike)": (
        edit("places.json", setitem([9, "id"], "s\u0327usa")),
        ["places.json: $[9].id", "not a valid id"],
    ),
    "a source with the declaration's id": (
        edit("sources.json", setitem([0, "id"], "shusha-declaration")),
        ["sources.json: $[0].id", "duplicate id 'shusha-declaration' (also at declaration.json: $.id)"],
    ),
    "empty name": (edit("persons.json", setitem([0, "name"], " ")), ["persons.json: $[0].name", "blank"]),
    "blank later name of a party": (
        edit("declaration.json", setitem(["parties", 1, "later_names", 0, "name"], "")),
        ["declaration.json: $.parties[1].later_names[0].name", "blank"],
    ),
    "empty alias": (
        edit("places.json", append([0, "aliases"], "")),
        ["places.json: $[0].aliases[", "blank"],
    ),
    "lone surrogate": (
        raw("places.json", lambda b: b.replace(b'"Shusha"', b'"Shusha\\ud800"', 1)),
        ["places.json: $[0].name", "U+D800", "lone surrogate"],
    ),
    "control character": (
        edit("declaration.json", setitem(["provisions", 0, "text"], "a\x01b")),
        ["declaration.json: $.provisions[0].text", "U+0001"],
    ),
    "carriage return": (
        edit("persons.json", setitem([0, "name"], "Heydar\rAliyev")),
        ["persons.json: $[0].name", "U+000D"],
    ),
    "noncharacter": (
        edit("persons.json", setitem([0, "name"], "Heydar\uffffAliyev")),
        ["persons.json: $[0].name", "U+FFFF"],
    ),
    "an integer of 5,000 digits": (
        raw("declaration.json", lambda b: b.replace(b'"cow_code": 373', b'"cow_code": ' + b"9" * 5000, 1)),
        ["declaration.json:", "digits"],
    ),
    "a megabyte of unknown key": (
        edit("persons.json", setitem([0, "x" * 1_000_000], 1)),
        ["persons.json: $[0]", "unknown key(s) 'xxxxx", "(cut; 1,000,002 characters)"],
    ),
    "a megabyte of dangling reference": (
        edit("commitments.json", setitem([1, "mentions"], ["y" * 1_000_000])),
        ["commitments.json: $[1].mentions[0]", "unknown entity 'yyyy", "(cut; 1,000,002 characters)"],
    ),
    # files and directories
    "file missing": (lambda root: (root / "persons.json").unlink(), ["persons.json", "missing"]),
    "a data file that is a symbolic link": (
        lambda root: _replace_with_link(root / "persons.json"),
        ["persons.json: a symbolic link"],
    ),
    "a data file linked to a device that fails reads": (
        lambda root: _link(root / "persons.json", Path("/proc/self/mem")),
        ["persons.json: a symbolic link"],
    ),
}


def _replace_with_link(path: Path) -> None:
    copy = path.with_name("elsewhere.json")
    path.rename(copy)
    path.symlink_to(copy)


def _link(path: Path, target: Path) -> None:
    path.unlink()
    path.symlink_to(target)


@pytest.mark.parametrize(("breaker", "expected"), list(CASES.values()), ids=list(CASES))
def test_bad_edition_gives_data_error_naming_file_and_field(
    edition: Path, breaker: Breaker, expected: list[str]
) -> None:
    breaker(edition)
    with pytest.raises(shusha_decl.DataError) as caught:
        shusha_decl.load(edition)
    assert isinstance(caught.value, ValueError)
    for part in expected:
        assert part in str(caught.value)


@pytest.mark.parametrize(("breaker", "expected"), list(CASES.values()), ids=list(CASES))
def test_validate_command_reports_the_same_error_and_exits_2(
    edition: Path, breaker: Breaker, expected: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    breaker(edition)
    assert main(["validate", str(edition)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("shusha-decl: ")
    assert "Traceback" not in err
    for part in expected:
        assert part in err


def test_the_untouched_copy_is_valid(edition: Path) -> None:
    assert shusha_decl.load(edition) == shusha_decl.declaration()


def test_a_path_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(shusha_decl.DataError, match="not a directory"):
        shusha_decl.load(tmp_path / "nowhere")


def test_a_directory_without_an_edition(tmp_path: Path) -> None:
    with pytest.raises(shusha_decl.DataError, match=r"declaration\.json: missing"):
        shusha_decl.load(tmp_path)


def test_a_file_over_the_size_limit_is_not_read(edition: Path) -> None:
    """A 20 MB file stops at the limit: memory stays bounded by it, whatever the file's size."""
    with (edition / "places.json").open("w", encoding="utf-8") as stream:
        stream.write('["' + "x" * (20 * 1024 * 1024) + '"]')
    with pytest.raises(shusha_decl.DataError, match=r"places\.json: larger than 8,388,608 bytes"):
        shusha_decl.load(edition)


def test_many_problems_give_one_capped_message(edition: Path) -> None:
    """Ten thousand duplicate commitments (a large file under the limit): one clear error of 21 lines."""
    commitments = json.loads((edition / "commitments.json").read_text(encoding="utf-8"))
    (edition / "commitments.json").write_text(json.dumps(commitments + commitments[:1] * 10_000))
    with pytest.raises(shusha_decl.DataError, match="duplicate id 'para_1__cmt_1'") as caught:
        shusha_decl.load(edition)
    assert str(caught.value).count("\n") == 20  # 20 problems, and a line saying reading stopped there
    assert str(caught.value).endswith("... and more (reading stopped after the first problems)")


def test_all_problems_are_reported_not_just_the_first(edition: Path) -> None:
    edit("commitments.json", setitem([0, "modality"], "must"))(edition)
    edit("commitments.json", setitem([1, "text"], 1))(edition)
    with pytest.raises(shusha_decl.DataError) as caught:
        shusha_decl.load(edition)
    assert "$[0].modality" in str(caught.value)
    assert "$[1].text" in str(caught.value)


def test_a_file_that_cannot_be_read_gives_data_error(edition: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An OSError while reading (no permission, an I/O error) names the file; root cannot be denied, so the
    error is raised by a stand-in for the file's open()."""
    real_open = Path.open

    def failing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "persons.json":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", failing_open)
    with pytest.raises(shusha_decl.DataError, match=r"persons\.json: cannot be read \(Permission denied\)"):
        shusha_decl.load(edition)
