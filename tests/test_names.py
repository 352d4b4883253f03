"""Finding things by name: the ranked search, lookup's candidates, suggestions of the kind asked for."""

from __future__ import annotations

import subprocess
import sys
import typing

import pytest

import shusha_decl

DECL = shusha_decl.declaration()


def ids(entities: tuple[shusha_decl.Entity, ...]) -> list[str]:
    return [e.id for e in entities]


# -- search_names ---------------------------------------------------------------------------------------


def test_search_names_finds_both_aliyevs_best_first() -> None:
    found = shusha_decl.search_names("aliyev")
    assert ids(found) == ["ilham-aliyev", "heydar-aliyev"]
    assert isinstance(found, tuple)
    assert DECL.search_names("ALİYEV") == found  # case and diacritics ignored


def test_search_names_ranks_an_exact_name_before_a_word_and_a_prefix() -> None:
    # "un" is the United Nations' acronym, a word of "UN Charter", and only part of other names.
    assert ids(DECL.search_names("UN"))[:2] == ["un", "un-charter"]
    # A name that starts with the query ranks before one that has it as a later word.
    assert ids(DECL.search_names("nakh")) == ["nakhchivan", "nakhchivan-kars-railway"]


def test_search_names_searches_every_name_an_entity_answers_to() -> None:
    assert ids(DECL.search_names("OTS")) == ["turkic-council"]  # the acronym of a later name
    assert ids(DECL.search_names("islamic conference")) == ["oic"]  # a former name
    assert ids(DECL.search_names("erdogan")) == ["recep-tayyip-erdogan"]
    assert ids(DECL.search_names("treaty-of"))[0] == "treaty-of-kars"  # the id


def test_search_names_finds_close_spellings() -> None:
    assert ids(DECL.search_names("aliev")) == ["ilham-aliyev", "heydar-aliyev"]
    assert ids(DECL.search_names("Turky"))[0] == "TR"


def test_search_names_kind_keeps_those_classes() -> None:
    kars = DECL.search_names("kars")
    assert ids(kars) == ["treaty-of-kars", "nakhchivan-kars-railway"]
    assert ids(DECL.search_names("kars", kind=shusha_decl.Place)) == ["nakhchivan-kars-railway"]
    both = DECL.search_names("kars", kind=(shusha_decl.Agreement, shusha_decl.Place))
    assert both == kars
    turkic = DECL.search_names("turkic", kind=shusha_decl.Organization)
    assert turkic
    assert all(isinstance(e, shusha_decl.Organization) for e in turkic)
    assert "TR" in ids(DECL.search_names("turkic"))
    assert "TR" not in ids(turkic)


def test_search_names_without_a_match_is_empty() -> None:
    assert DECL.search_names("xyzzy") == ()
    assert DECL.search_names("  ") == ()
    with pytest.raises(TypeError):
        DECL.search_names(42)  # type: ignore[arg-type]


def test_search_names_is_typed() -> None:
    hints = typing.get_type_hints(shusha_decl.search_names)
    assert hints["return"] is shusha_decl.Entities
    assert issubclass(shusha_decl.Entities, tuple)
    assert typing.get_type_hints(shusha_decl.Declaration.search_names) == hints


# -- lookup's candidates ---------------------------------------------------------------------------------


def test_lookup_kars_lists_the_candidates() -> None:
    with pytest.raises(shusha_decl.UnknownNameError) as caught:
        shusha_decl.lookup("Kars")
    message = str(caught.value)
    assert "'Treaty of Kars' (treaty-of-kars)" in message
    assert "(nakhchivan-kars-railway)" in message
    assert message.index("treaty-of-kars") < message.index("nakhchivan-kars-railway")


# -- suggestions of the kind asked for -----------------------------------------------------------------


def test_party_suggestions_are_parties() -> None:
    with pytest.raises(shusha_decl.UnknownNameError) as caught:
        DECL.commitments(party="russia")
    message = str(caught.value)
    assert "susa" not in message.lower()
    assert "shusha" not in message.lower()
    assert "only 2 parties: Republic of Azerbaijan (AZ) and Republic of Turkey (TR)" in message


def test_a_place_given_as_party_names_the_parties() -> None:
    with pytest.raises(shusha_decl.UnknownNameError, match=r"'Shusha' is a Place, not a party; .*\(AZ\)"):
        DECL.commitments(party="Shusha")


def test_party_misspelt_suggests_the_party() -> None:
    with pytest.raises(shusha_decl.UnknownNameError, match=r"did you mean 'Republic of Turkey' \(TR\)\?"):
        DECL.commitments(party="Turky")


def test_mentions_suggestions_are_mentionable_entities() -> None:
    with pytest.raises(shusha_decl.UnknownNameError) as caught:
        DECL.commitments(mentions="Heydar Aliev")
    message = str(caught.value)
    assert "did you mean 'Heydar Aliyev' (heydar-aliyev)" in message
    with pytest.raises(shusha_decl.UnknownNameError) as caught:
        DECL.commitments(mentions="Turkiye")
    assert "is a Party, not an agreement, organisation, place or person" in str(caught.value)


def test_cli_party_suggests_parties() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "shusha_decl", "commitments", "--party", "russia"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "susa" not in result.stderr.lower()
    assert "Republic of Azerbaijan (AZ) and Republic of Turkey (TR)" in result.stderr


# -- the party's later name ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Republic of Türkiye", "republic of turkiye", "Türkiye", "TURKIYE"])
def test_lookup_resolves_the_later_name_of_turkey(name: str) -> None:
    assert shusha_decl.lookup(name) is DECL.get("TR")


def test_the_party_keeps_the_declarations_name_and_dates_its_later_names() -> None:
    turkey = DECL.get("TR")
    assert isinstance(turkey, shusha_decl.Party)
    assert (turkey.name, turkey.short_name) == ("Republic of Turkey", "Turkey")
    # The Turkish names are timeless aliases (the declaration's Turkish title uses them); the English name the
    # United Nations uses from 1 June 2022 is a later name.
    assert turkey.aliases == ("Türkiye", "Türkiye Cumhuriyeti")
    assert [(n.name, n.acronym, n.date) for n in turkey.later_names] == [
        ("Republic of Türkiye", None, shusha_decl.PartialDate(2022, 6, 1)),
    ]
    sources = [DECL.get(source_id) for source_id in turkey.later_names[0].sources]
    assert [(s.publisher, str(s.published_on)) for s in sources] == [  # type: ignore[union-attr]
        ("zeenews.india.com", "None"),
        ("allnews.ng", "2022-06-02"),
        ("thelevantnews.com", "2022-06-02"),
    ]
    assert DECL.get("AZ").later_names == ()  # type: ignore[union-attr]


def test_search_names_finds_turkey_by_its_later_name() -> None:
    assert ids(DECL.search_names("Türkiye"))[0] == "TR"


def test_the_party_table_carries_the_later_names() -> None:
    rows = {row["id"]: row for row in shusha_decl.to_records("parties")}
    assert [n["name"] for n in rows["TR"]["later_names"]] == ["Republic of Türkiye"]
    assert rows["TR"]["later_names"][0]["date"] == "2022-06-01"
