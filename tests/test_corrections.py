"""The corrections listed in docs/corrections.md hold in the packaged data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shusha_decl
from shusha_decl.model import PartialDate

DECL = shusha_decl.declaration()
CORRECTIONS = Path(__file__).parent.parent / "docs" / "corrections.md"
TURKIC_STATES_TR = "T\u00fcrk Devletleri Te\u015fkilat\u0131"  # dotless i, written as an escape

# Sources cited with neither a url nor a locator, and why.
WITHOUT_A_PAGE = {
    "iso-3166-1": "a standard, not a web page; the research names no page for the parties' ISO codes",
    "social-post-2021-06-15": "an anonymous post received without its address",
    "anniversary-2025-06-15": "received without its address or the paper's name",
    "turan-2021-06-15": "received without its address",
    "ratification-2022-02": "received without its address or the paper's name",
}


def _cited(record: Any) -> set[str]:
    """Every source id cited by a record and by the names and readings inside it."""
    cited = set(getattr(record, "sources", ()))
    for field in ("former_names", "later_names", "readings"):
        for inner in getattr(record, field, ()) or ():
            cited |= set(inner.sources)
    source = getattr(record, "source", None)
    if isinstance(source, str):
        cited.add(source)
    return cited


def _all_cited() -> set[str]:
    cited: set[str] = set()
    for record in DECL.records():
        cited |= _cited(record)
    return cited


def test_no_fact_cites_the_projects_own_notes() -> None:
    assert "research-notes" not in {s.id for s in DECL.sources}
    assert "research-notes" not in _all_cited()


def test_every_cited_source_has_a_page_or_a_stated_reason() -> None:
    for source_id in sorted(_all_cited()):
        source = DECL.get(source_id)
        assert source.url or source.locator or source_id in WITHOUT_A_PAGE, source_id


def test_the_iso_codes_source_says_why_it_has_no_page() -> None:
    """The fact source without a page says why, and the corrections page lists it as not corrected."""
    assert "without a page" in DECL.get("iso-3166-1").note
    assert "Not corrected: the parties' ISO 3166-1 codes" in CORRECTIONS.read_text(encoding="utf-8")


def test_facts_from_outside_the_text_cite_the_pages_they_were_read_on() -> None:
    assert DECL.get("treaty-of-kars").sources == (
        "thefreedictionary-treaty-of-kars",
        "liquisearch-treaty-of-kars",
    )
    assert DECL.get("un-charter-in-force").sources == ("ask-un-14480",)
    assert DECL.get("turksoy").sources == ("infogalactic-turksoy", "azertac-fr-1828371")
    assert DECL.get("ask-un-14480").url == "https://ask.un.org/faq/14480"
    readings = {r.date: r.sources for r in DECL.get("strategic-partnership-treaty-ratified-az").readings}
    assert readings == {
        PartialDate(2010, 12, 21): ("wikipedia-strategic-partnership-2010",),
        PartialDate(2010, 12, 22): ("todayaz-78864", "sputnik-georgia-213774040"),
    }


def test_the_parties_cow_codes_cite_the_state_system_page() -> None:
    cow = DECL.get("cow-state-system")
    assert cow.url == "https://correlatesofwar.org/data-sets/state-system-membership"
    assert all("cow-state-system" in party.sources for party in DECL.parties)


def test_the_english_title_cites_a_page_that_prints_it() -> None:
    title = DECL.titles["en"]
    assert title.sources == ("todayaz-215236",)
    assert title.text in DECL.get("todayaz-215236").note


def test_the_turkish_name_of_the_turkic_council_is_a_later_name() -> None:
    council = DECL.get("turkic-council")
    assert "TDT" not in council.aliases
    assert TURKIC_STATES_TR not in council.aliases
    later = {name.name: name for name in council.later_names}
    turkish = later[TURKIC_STATES_TR]
    assert (turkish.acronym, turkish.date) == ("TDT", PartialDate(2021, 11, 12))
    assert later["Organization of Turkic States"].date == turkish.date
    assert DECL.lookup("TDT") == council


def _claim(words: str) -> shusha_decl.Claim:
    (claim,) = [c for c in DECL.claims if words in c.text]
    return claim


def test_claims_on_the_same_passage_share_a_status() -> None:
    """Paragraph 14 names no company and moves nothing: both claims are not in the text."""
    baykar, shift = _claim("Baykar will establish"), _claim("capabilities will be shifted")
    assert baykar.status.value == shift.status.value == "not-in-text"
    assert shift.evidence == ()


def test_mutual_military_assistance_is_coded_by_one_rule() -> None:
    claims = [c for c in DECL.claims if "mutual military assistance" in c.text]
    assert len(claims) == 2
    assert {c.status.value for c in claims} == {"partly-supported"}


def test_the_missing_claims_are_recorded_exactly_as_the_sources_print_them() -> None:
    cemented = _claim("cemented commitment to full cooperation")
    assert cemented.source == "anniversary-2025-06-15"
    assert cemented.text.endswith("particularly on national security and all strategic fields.")
    assert cemented.status.value == "partly-supported"
    together = _claim("demonstrating the will to act together against threats")
    assert together.text.endswith("to border security.")
    assert (together.status.value, together.evidence[-1]) == ("supported", "para_9__cmt_1")
    structure = _claim("a very solid structure to level up these ties")
    assert structure.source == "ratification-2022-02"
    assert structure.made_by == DECL.get("claim_24").made_by  # the deputy foreign minister
    assert structure.text.endswith("to the strategic partnership and alliance")


def test_new_claims_are_appended_and_old_ids_kept() -> None:
    ids = [c.id for c in sorted(DECL.claims, key=lambda c: int(c.id.split("_")[1]))]
    assert ids == [f"claim_{n}" for n in range(1, 50)]
    assert DECL.get("claim_7").text.startswith("Some of Turkey's defense industry capabilities")


def test_dates_the_report_prints_without_a_year_are_no_more_precise_than_the_report() -> None:
    report = DECL.get("ratification-2022-02")
    assert report.published_on == PartialDate(2022, 2)
    for event_id, date in [
        ("kiran-briefing-reported", PartialDate(2022, 2)),
        ("demining-figures", PartialDate(2022, 2)),
        ("joint-university-draft-law", PartialDate(2022)),
    ]:
        event = DECL.get(event_id)
        assert event.date == date, event_id
        assert "no year" in event.description, event_id
    assert "'as of Jan. 10'" in DECL.get("joint-university-draft-law").description


def test_the_turkic_academy_keeps_both_founding_events() -> None:
    opened, agreed = DECL.get("turkic-academy-opened"), DECL.get("turkic-academy-founding-agreement")
    assert (opened.date, agreed.date) == (PartialDate(2010, 5, 25), PartialDate(2012, 8, 23))
    assert opened.sources == agreed.sources == ("turkicacademy-about",)
    page = DECL.get("turkicacademy-about")
    assert (page.url, page.locator) == ("https://turkicacademy.org/en/about/ob-akademii", None)
    assert [e.id for e in DECL.events(concerns="turkic-academy")] == [opened.id, agreed.id]


def test_shushi_is_recorded_as_the_armenian_name_with_a_source() -> None:
    shusha = DECL.get("shusha")
    assert DECL.lookup("Shushi") == shusha
    assert "Shushi (Armenian" in shusha.note
    assert "Armenian name" in shusha.note
    assert "wikimili-shusha" in shusha.sources
    assert "Shushi (Armenian" in DECL.get("wikimili-shusha").note


def test_pages_the_research_gives_in_full_have_their_full_address() -> None:
    assert DECL.get("azertac-2022-02-12").url.startswith("https://azertag.az/de/xeber/Turkischer_Prasident")
    assert (
        DECL.get("metbuat-1430610").url
        == "https://metbuat.az/news/1430610/turkiyeden-susa-beyannamesi-ile-bagli.html"
    )
    assert DECL.get("7gun-1870").url == "https://7gun.org/index.php?newsid=1870"


def test_a_date_the_report_does_not_state_says_where_it_comes_from() -> None:
    """Novosti-Gruziya prints '11 мар' without a year and does not date the adoption it reports."""
    report = DECL.get("sputnik-georgia-213774040")
    assert report.published_on == PartialDate(2011, 3, 11)
    assert "prints no year" in report.note
    assert "(/20110311/)" in report.note
    assert "does not date the adoption" in report.note
    event = DECL.get("strategic-partnership-treaty-ratified-tr")
    assert [(r.date, r.sources) for r in event.readings][-1] == (
        PartialDate(2011, 3),
        ("sputnik-georgia-213774040",),
    )
    assert "month of the Novosti-Gruziya report" in event.description


def test_the_renaming_day_inferred_from_friday_is_marked_as_inferred() -> None:
    note = DECL.get("trtworld-12773905").note
    assert '"on Friday"' in note
    assert "our inference" in note


def test_the_russian_text_keeps_the_address_of_the_stored_page_and_explains_it() -> None:
    page = DECL.get("president-az-ru-52122")
    assert page.url == "https://president.az./ru/articles/view/52122"
    assert 'with a dot after "az"' in page.note


def test_organisations_cite_primary_pages_or_marked_mirrors_not_blogs_or_machine_translations() -> None:
    ids = {s.id for s in DECL.sources}
    assert not ids & {"knowledgr-turksoy", "formaementis-1949-05-05", "sheir-oic"}
    turksoy = DECL.get("infogalactic-turksoy")
    assert turksoy.note.startswith("A Wikipedia mirror.")
    assert "July 12, 1993 in Almaty" in turksoy.note
    assert "Ankara" in DECL.get("azertac-fr-1828371").note
    assert DECL.get("azertac-fr-1828371").published_on is None  # the dateline has no year
    coe = DECL.get("council-of-europe")
    assert coe.sources == ("wikipedia-treaty-of-london-1949", "mfa-hu-council-of-europe")
    assert (str(coe.founded_on), coe.headquarters) == ("1949-05-05", "Strasbourg")
    assert DECL.get("mfa-hu-council-of-europe").url == "https://strasbourg.mfa.gov.hu/eng/page/europa-tanacs"
    oic = DECL.get("oic")
    assert oic.sources == ("menafn-oic-55th",)
    assert oic.former_names[0].date == PartialDate(2011, 6, 28)
    assert oic.former_names[0].sources == ("oic-5453",)
    assert DECL.get("oic-5453").published_on == PartialDate(2011, 6, 28)
    assert "corresponding to 25 September 1969" in DECL.get("menafn-oic-55th").note


def test_the_renaming_day_has_a_page_that_prints_it() -> None:
    page = DECL.get("republicworld-turkic-council-summit")
    assert "on Friday, November 12" in page.note
    assert page.id in DECL.get("turkic-council-renamed").sources
    later = {n.name: n for n in DECL.get("turkic-council").later_names}
    assert page.id in later["Organization of Turkic States"].sources


def test_the_treaty_of_kars_cites_an_encyclopedia_entry_and_keeps_the_mirror_for_what_only_it_states() -> (
    None
):
    entry = DECL.get("thefreedictionary-treaty-of-kars")
    assert "exchanged in Yerevan on Sept. 11, 1922" in entry.note
    ratified = DECL.get("treaty-of-kars-ratified")
    assert ratified.sources == (entry.id, "liquisearch-treaty-of-kars")
    assert "instruments of ratification" in ratified.description
    assert "Grand National Assembly of Turkey" in DECL.get("liquisearch-treaty-of-kars").note
    assert DECL.get("liquisearch-treaty-of-kars").note.startswith("A Wikipedia mirror.")


def test_secondary_copies_say_what_they_are() -> None:
    assert DECL.get("wikimili-shusha").note.startswith("A Wikipedia mirror.")
    repost = DECL.get("azerofkvemokartli-passport-free")
    assert repost.published_on is None
    assert repost.note.startswith("A re-post with no date and no author on the page")


def test_the_data_version_is_the_date_of_the_latest_corrections() -> None:
    """A correction moves DATA_VERSION, and the corrections page says which data carries it."""
    text = " ".join(CORRECTIONS.read_text(encoding="utf-8").split())
    assert f"released as the data of {shusha_decl.DATA_VERSION} (`DATA_VERSION`)" in text
    assert shusha_decl.DATA_VERSION > "2026-11-23"  # the data version before this page's corrections
