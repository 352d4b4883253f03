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
    assert hints["return"] == tuple[shusha_decl.Entity, ...]
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
