"""The declaration in its history: titles, sources, the timeline, press claims and the alliance coding."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs
import pytest

import shusha_decl
from shusha_decl import ClaimStatus, Confidence, PartialDate

DECL = shusha_decl.declaration()


def ids(records: tuple[shusha_decl.Record, ...]) -> list[str]:
    return [r.id for r in records]


# -- titles and sources ----------------------------------------------------------------------------


def test_titles_by_language_each_with_sources() -> None:
    assert list(DECL.titles) == ["en", "az", "tr", "ru"]
    assert DECL.titles["en"].text == DECL.title
    assert DECL.titles["az"].text.endswith("Şuşa Bəyannaməsi")
    assert DECL.titles["tr"].text.endswith("Şuşa Beyannamesi")
    assert DECL.titles["ru"].text.startswith("Шушинская декларация")
    for title in DECL.titles.values():
        assert title.sources
        assert all(isinstance(DECL.get(s), shusha_decl.Source) for s in title.sources)
    assert DECL.titles["ru"].sources == ("president-az-ru-52122",)


def test_titles_are_an_immutable_hashable_mapping() -> None:
    with pytest.raises(AttributeError):
        DECL.titles.records = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        DECL.titles["fr"] = DECL.titles["en"]  # type: ignore[index]
    assert hash(DECL.titles) == hash(shusha_decl.Titles(DECL.titles.values()))
    with pytest.raises(KeyError):
        DECL.titles["fr"]


def test_sources_cover_the_five_documents() -> None:
    kinds = {s.id: s.kind.value for s in DECL.sources}
    assert kinds["trend-2021-06-16"] == "full-text"
    assert kinds["social-post-2021-06-15"] == "social-post"
    assert kinds["anniversary-2025-06-15"] == "news"
    assert kinds["turan-2021-06-15"] == "news"
    assert kinds["ratification-2022-02"] == "news"
    assert kinds["ictimaifikir-25234"] == "commentary"
    assert kinds["president-az-ru-52122"] == "official"
    for source in DECL.sources:
        assert source.publisher
        assert source.url is None or source.url.startswith(("https://", "http://"))
    ratification = DECL.get("ratification-2022-02")
    assert isinstance(ratification, shusha_decl.Source)
    assert (ratification.publisher, ratification.published_on) == ("unknown", PartialDate(2022, 2))


# -- the timeline ----------------------------------------------------------------------------------


def test_events_are_in_date_order_and_sourced() -> None:
    starts = [span[0] for e in DECL.events if (span := e.span())]
    assert starts == sorted(starts)
    for event in DECL.events:
        assert event.sources, event.id
        assert event.title
    assert len(DECL.events) == 34


def test_a_disputed_day_keeps_each_reading_and_the_month_they_agree_on() -> None:
    vote = DECL.get("milli-majlis-approval")
    assert isinstance(vote, shusha_decl.Event)
    assert vote.disputed
    assert (vote.date, vote.precision) == (PartialDate(2022, 2), "month")
    assert [(str(r.date), r.sources) for r in vote.readings] == [
        ("2022-02-01", ("trtavaz-2022-02-01", "7gun-1870", "report-az-one-year")),
        ("2022-02-02", ("todayaz-azernews",)),
    ]


def test_an_entry_into_force_the_sources_dispute_is_unknown_with_both_readings() -> None:
    entry = DECL.get("entry-into-force")
    assert isinstance(entry, shusha_decl.Event)
    assert entry.date is None
    assert entry.precision is None
    assert [str(r.date) for r in entry.readings] == ["2021-06-15", "2022-02-13"]
    assert entry.span() == (date(2021, 6, 15), date(2022, 2, 13))


def test_precision_of_year_and_day() -> None:
    renamed = DECL.get("turkpa-renamed")
    signed = DECL.get("declaration-signed")
    assert isinstance(renamed, shusha_decl.Event)
    assert isinstance(signed, shusha_decl.Event)
    assert (renamed.precision, renamed.span()) == ("year", (date(2022, 1, 1), date(2022, 12, 31)))
    assert (signed.precision, signed.date) == ("day", PartialDate(2021, 6, 15))


def test_when_did_each_side_ratify_according_to_whom() -> None:
    steps = shusha_decl.events(concerns="shusha-declaration", after="2022-01-31", before="2022-03-01")
    assert ids(steps) == [
        "bill-submitted-tbmm",
        "milli-majlis-approval",
        "kiran-briefing-reported",
        "tbmm-committee",
        "tbmm-adoption",
        "erdogan-approval",
        "aliyev-approval",
    ]
    by_turkey = DECL.events(concerns=["Türkiye", "shusha-declaration"], after=date(2022, 2, 2))
    assert "tbmm-adoption" in ids(by_turkey)
    adoption = DECL.get("tbmm-adoption")
    assert isinstance(adoption, shusha_decl.Event)
    assert adoption.sources == ("trend-3550444", "newsaz-ratifies")


def test_event_filters() -> None:
    assert DECL.events() == tuple(DECL.events)
    assert ids(DECL.events(before="1950-01-01")) == [
        "treaty-of-kars-signed",
        "treaty-of-kars-ratified",
        "un-charter-signed",
        "un-charter-in-force",
    ]
    # an event whose readings straddle a date is neither certainly after nor certainly before it
    assert "entry-into-force" not in ids(DECL.events(after="2021-06-14", before="2021-12-31"))
    assert "entry-into-force" in ids(DECL.events(after="2021-06-14"))
    assert ids(DECL.events(concerns=DECL.get("turkic-council"))) == ["turkic-council-renamed"]
    with pytest.raises(ValueError, match="no entity or party is named"):
        DECL.events(concerns="Atlantis")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        DECL.events(after="February 2022")


# -- press claims ----------------------------------------------------------------------------------


def test_every_bullet_of_the_social_post_is_a_claim() -> None:
    post = DECL.claims(source="social-post-2021-06-15")
    assert len(post) == 19  # the headline and 18 bullets
    assert all(c.made_by is None for c in post)


@pytest.mark.parametrize(
    ("words", "status"),
    [
        ("an attack on Turkey will be considered as an attack on Azerbaijan", "not-in-text"),
        ("Baykar will establish", "not-in-text"),
        ("Turkey will open consulate general in Shusha", "not-in-text"),
        ("Security Councils (NSC) of the two countries will hold joint meetings", "supported"),
        ("regular joint meetings between our national security councils", "supported"),
        ("diversify exports", "partly-supported"),
    ],
)
def test_the_examples_are_coded_as_the_text_warrants(words: str, status: str) -> None:
    (claim,) = [c for c in DECL.claims if words in c.text]
    assert claim.status.value == status


def test_evidence_is_given_exactly_for_supported_claims() -> None:
    units = {u.id for u in DECL.units} | {c.id for c in DECL.commitments}
    for claim in DECL.claims:
        assert set(claim.evidence) <= units
        assert bool(claim.evidence) == (claim.status is not ClaimStatus.NOT_IN_TEXT)
        assert claim.explanation


def test_which_claims_are_not_in_the_text() -> None:
    missing = shusha_decl.claims(status="not-in-text")
    assert len(missing) == 7
    assert {c.source for c in missing} == {"social-post-2021-06-15"}
    assert DECL.claims(status=ClaimStatus.NOT_IN_TEXT) == missing
    officials = DECL.claims(source="ratification-2022-02", status=["supported", "partly-supported"])
    assert len(officials) == 15


def test_claim_filters_reject_unknown_values() -> None:
    with pytest.raises(ValueError, match="'supported', 'partly-supported', 'not-in-text'"):
        DECL.claims(status="false")
    with pytest.raises(ValueError, match="sources of claims"):
        DECL.claims(source="trend-2021-06-16")


# -- alliance coding -------------------------------------------------------------------------------


ALLIANCE_VARIABLES = [field.name for field in attrs.fields(shusha_decl.Alliance)]


@pytest.mark.parametrize("variable", ALLIANCE_VARIABLES)
def test_each_variable_has_value_confidence_rationale_and_evidence(variable: str) -> None:
    coding = getattr(DECL.alliance, variable)
    assert isinstance(coding.value, int)
    assert isinstance(coding.confidence, Confidence)
    assert len(coding.rationale) > 40
    assert coding.evidence
    for unit in coding.evidence:
        assert isinstance(DECL.get(unit), (shusha_decl.Unit, shusha_decl.Commitment))


def test_the_required_variables_are_coded() -> None:
    required = {"defense", "offense", "neutrality", "nonaggression", "consultation", "milcon", "milaid"}
    required |= {"intcom", "base", "organ", "nomicoop", "specthrt", "asymm"}
    assert required <= set(ALLIANCE_VARIABLES)


def test_how_would_atop_code_this_alliance_and_on_which_paragraphs() -> None:
    alliance = DECL.alliance
    assert (alliance.defense.value, alliance.offense.value, alliance.consultation.value) == (1, 0, 1)
    assert alliance.defense.evidence == ("para_9__cmt_1", "para_9__cmt_2")
    assert alliance.asymm.value == 0
    assert all(not getattr(alliance, v).per_party for v in ALLIANCE_VARIABLES)  # no obligation differs


def test_cow_type_is_a_defense_pact_resting_on_the_defense_variable() -> None:
    cow = DECL.alliance.cow_type()
    assert cow is not None
    assert (cow.type, cow.label, cow.variable) == ("I", "defense pact", "defense")
    assert cow.coding is DECL.alliance.defense


def test_cow_type_falls_back_to_weaker_types() -> None:
    no = attrs.evolve(DECL.alliance.defense, value=0)
    entente = attrs.evolve(DECL.alliance, defense=no)
    assert entente.cow_type().type == "III"  # type: ignore[union-attr]
    nothing = attrs.evolve(entente, consultation=no)
    assert nothing.cow_type() is None


@pytest.mark.parametrize("variable", ["defense_conditional", "consultation_conditional"])
def test_the_trigger_of_paragraph_9_is_not_a_condition(variable: str) -> None:
    coding = getattr(DECL.alliance, variable)
    assert (coding.value, coding.confidence) == (0, Confidence.MEDIUM)
    assert "threat ... or aggression from a third state or states" in coding.rationale
    assert "definition of a conditional pledge was not available" in coding.rationale


def test_defense_keeps_the_reading_that_promises_no_military_help() -> None:
    defense = DECL.alliance.defense
    (alternative,) = defense.alternatives
    assert (alternative.value, alternative.confidence) == (0, Confidence.LOW)
    assert "entente" in alternative.rationale
    assert defense.reading("alternative") is alternative
    assert defense.reading() is defense
    assert DECL.alliance.offense.reading("alternative") is DECL.alliance.offense  # none: the main reading


@pytest.mark.parametrize(
    ("variable", "phrase"),
    [
        ("defense_conditional", "in accordance with the UN Charter' limits the assistance"),
        (
            "consultation_conditional",
            "consultation pledge limited to threats or aggression from third states",
        ),
    ],
)
def test_the_conditionals_keep_the_reading_that_counts_a_condition(variable: str, phrase: str) -> None:
    coding = getattr(DECL.alliance, variable)
    (alternative,) = coding.alternatives
    assert (alternative.value, alternative.confidence) == (1, Confidence.LOW)
    assert phrase in alternative.rationale


def test_the_defense_alternative_names_cow_types_as_this_project_applies_them() -> None:
    (alternative,) = DECL.alliance.defense.alternatives
    assert "under COW's types as this project applies them" in alternative.rationale
    assert "COW would call" not in alternative.rationale


def test_cow_type_says_its_reading_and_gives_the_other_on_request() -> None:
    main = DECL.alliance.cow_type()
    assert main is not None
    assert (main.type, main.variable, main.reading) == ("I", "defense", "main")
    other = DECL.alliance.cow_type(reading="alternative")
    assert other is not None
    assert (other.type, other.label, other.variable) == ("III", "entente", "consultation")
    assert other.reading == "alternative"
    with pytest.raises(ValueError, match="valid readings: main, alternative"):
        DECL.alliance.cow_type(reading="strict")  # type: ignore[arg-type]


def test_the_rationales_say_how_the_authentic_texts_bear_on_the_coding() -> None:
    assert "force and command structures" in DECL.alliance.milcon.rationale
    assert "huquqaz.com" in DECL.alliance.milcon.rationale
    assert "recital 5" in DECL.alliance.defense.rationale
    assert "igdirim76.com" in DECL.alliance.defense.rationale
    codebook = (Path(__file__).parent.parent / "docs" / "codebook.md").read_text(encoding="utf-8")
    assert "<https://huquqaz.com/?p=4283>" in codebook  # the full addresses of the pages cited


def test_alliance_records_carry_their_alternatives() -> None:
    rows = {row["variable"]: row for row in shusha_decl.to_records("alliance")}
    assert rows["defense"]["alternatives"] == [
        {"value": 0, "confidence": "low", "rationale": DECL.alliance.defense.alternatives[0].rationale}
    ]
    assert rows["offense"]["alternatives"] == []
