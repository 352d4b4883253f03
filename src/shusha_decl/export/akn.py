"""Akoma Ntoso 3.0 XML: the declaration as an OASIS LegalDocML ``statement`` document.

The units keep the edition's ids as ``eId``s.  Every mention of an entity in the
text is marked up (``person``, ``organization``, ``location``, or ``entity`` for
an agreement) with ``refersTo`` pointing at its ``TLC*`` entry in
``references``; each paragraph refers to the topics of its commitments, which
are ``TLCConcept`` entries.  Akoma Ntoso has no element for rights, so the
licences are Dublin Core terms in a ``proprietary`` block.  The translation
notes (where the authentic texts differ from this English) are editorial
``note``s in ``notes``, each marked in its unit's text by a ``noteRef``.  The
output validates against the OASIS schema.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .. import version
from ..edition import Declaration, names_of
from ..model import Agreement, Entity, Organization, Person, Place, Unit

NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
DCTERMS = "http://purl.org/dc/terms/"
_SOURCE = "#shusha-decl"
_INLINE = {Person: "person", Organization: "organization", Place: "location", Agreement: "entity"}
_TLC = {Person: "TLCPerson", Organization: "TLCOrganization", Place: "TLCLocation", Agreement: "TLCReference"}


def _frbr(parent: ET.Element, level: str, this: str, uri: str, when: str, name: str) -> ET.Element:
    element = ET.SubElement(parent, level)
    ET.SubElement(element, "FRBRthis", value=this)
    ET.SubElement(element, "FRBRuri", value=uri)
    ET.SubElement(element, "FRBRdate", date=when, name=name)
    return element


def _identification(decl: Declaration, meta: ET.Element) -> None:
    when = decl.signed_on.isoformat()
    work = f"/akn/az/statement/declaration/{when}/shusha"
    identification = ET.SubElement(meta, "identification", source=_SOURCE)
    frbr = _frbr(identification, "FRBRWork", f"{work}/!main", work, when, "signature")
    for party in decl.parties:
        ET.SubElement(frbr, "FRBRauthor", href=f"#{party.id}")
    ET.SubElement(frbr, "FRBRcountry", value="az")
    ET.SubElement(frbr, "FRBRname", value=decl.short_title)
    source = next(s for s in decl.sources if s.id == decl.text_source)
    published = str(source.published_on) if source.published_on else when
    expression = f"{work}/eng@{published}"
    frbr = _frbr(
        identification, "FRBRExpression", f"{expression}/!main", expression, published, "publication"
    )
    ET.SubElement(frbr, "FRBRauthor", href=f"#{source.id}")
    ET.SubElement(frbr, "FRBRauthoritative", value="false")  # a translation: the authentic texts are az, tr
    ET.SubElement(frbr, "FRBRlanguage", language="eng")
    manifestation = f"{expression}/!main.xml"
    frbr = _frbr(
        identification, "FRBRManifestation", manifestation, f"{expression}.akn", published, "generation"
    )
    ET.SubElement(frbr, "FRBRauthor", href=_SOURCE)
    ET.SubElement(frbr, "FRBRformat", value="application/akn+xml")


def _tlc(references: ET.Element, kind: str, eid: str, href: str, show_as: str, **extra: str) -> None:
    ET.SubElement(references, kind, {"eId": eid, "href": href, "showAs": show_as, **extra})


def _references(decl: Declaration, meta: ET.Element) -> None:
    references = ET.SubElement(meta, "references", source=_SOURCE)
    _tlc(
        references,
        "TLCOrganization",
        "shusha-decl",
        "/ontology/organization/shusha-decl",
        "the shusha-decl project",
    )
    for entity in decl.entities():
        kind = "TLCOrganization" if entity in decl.parties else _TLC[type(entity)]
        href = f"/ontology/{kind[3:].lower()}/shusha-decl/{entity.id}"
        extra = {"name": "agreement"} if kind == "TLCReference" else {}
        _tlc(references, kind, entity.id, href, entity.name, **extra)
    for source in decl.sources:
        href = source.url or f"/ontology/reference/shusha-decl/{source.id}"
        _tlc(references, "TLCReference", source.id, href, source.title, name="source")
    for topic in decl.topics:
        _tlc(references, "TLCConcept", topic.id, f"/ontology/concept/shusha-decl/{topic.id}", topic.label)


def _notes(decl: Declaration, meta: ET.Element, markers: dict[str, int]) -> None:
    """The translation notes, as editorial notes placed at their units, numbered by *markers*."""
    if not decl.translation_notes:
        return
    notes = ET.SubElement(meta, "notes", source=_SOURCE)
    for note in decl.translation_notes:
        marker = markers[note.id]
        element = ET.SubElement(notes, "note", eId=note.id, marker=str(marker), placementBase=note.unit)
        quoted = ET.SubElement(element, "p")
        uncertain = ", uncertain" if note.uncertain else ""
        quoted.text = f"{note.language}, {note.evidence_kind.value}{uncertain}: "
        ET.SubElement(quoted, "span", {"xml:lang": note.language}).text = note.quotation
        if note.our_rendering is not None:
            ET.SubElement(element, "p").text = f"Rendering by shusha-decl: {note.our_rendering}"
        ET.SubElement(element, "p").text = f"Bears on: {note.bears_on}"
        if note.note:
            ET.SubElement(element, "p").text = note.note
        ET.SubElement(element, "p").text = f"Sources: {', '.join(note.sources)}"


def _rights(meta: ET.Element) -> None:
    """The data's licence and the status of the text, as Dublin Core terms."""
    proprietary = ET.SubElement(meta, "proprietary", {"source": _SOURCE, "xmlns:dcterms": DCTERMS})
    ET.SubElement(proprietary, "dcterms:license").text = version.DATA_LICENSE_URL
    ET.SubElement(proprietary, "dcterms:rights").text = version.DATA_RIGHTS
    ET.SubElement(proprietary, "dcterms:rights").text = version.TEXT_RIGHTS


def _mentions(text: str, entities: list[Entity]) -> list[tuple[int, int, Entity]]:
    """Where each entity is named in *text*: non-overlapping spans, longest name first."""
    spans: list[tuple[int, int, Entity]] = []
    candidates = sorted(
        ((name, e) for e in entities for name in names_of(e) if name and name != e.id),
        key=lambda c: -len(c[0]),
    )
    for name, entity in candidates:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if all(end <= s or start >= e for s, e, _ in spans):
                spans.append((start, end, entity))
            start = text.find(name, end)
    return sorted(spans, key=lambda span: span[0])


def _marked_text(parent: ET.Element, unit: Unit, entities: list[Entity]) -> None:
    """Put *unit*'s text into *parent*, each entity mention wrapped in its inline element."""
    counts: dict[str, int] = {}
    position, previous = 0, None
    for start, end, entity in _mentions(unit.text, entities):
        if previous is None:
            parent.text = unit.text[position:start]
        else:
            previous.tail = unit.text[position:start]
        tag = _INLINE[type(entity)]
        counts[tag] = counts.get(tag, 0) + 1
        attributes = {"eId": f"{unit.id}__{tag}_{counts[tag]}", "refersTo": f"#{entity.id}"}
        if tag == "entity":
            attributes["name"] = "agreement"
        previous = ET.SubElement(parent, tag, attributes)
        previous.text = unit.text[start:end]
        position = end
    if previous is None:
        parent.text = unit.text
    else:
        previous.tail = unit.text[position:]


def to_akn(decl: Declaration) -> str:
    """The declaration as an Akoma Ntoso 3.0 XML document (a string, UTF-8 declared)."""
    mentioned: dict[str, list[Entity]] = {}
    for entity in decl.entities():
        for unit_id in getattr(entity, "mentioned_in", ()):
            mentioned.setdefault(unit_id, []).append(entity)
    topics: dict[str, list[str]] = {}
    for commitment in decl.commitments:
        found = topics.setdefault(commitment.provision, [])
        found += [t for t in commitment.topics if t not in found]

    root = ET.Element("akomaNtoso", xmlns=NAMESPACE)
    statement = ET.SubElement(root, "statement", name="declaration")
    meta = ET.SubElement(statement, "meta")
    _identification(decl, meta)
    _references(decl, meta)
    # The notes are in document order (checked), so their markers run down the document.
    markers = {note.id: marker for marker, note in enumerate(decl.translation_notes, 1)}
    _notes(decl, meta, markers)
    _rights(meta)

    def paragraph_text(parent: ET.Element, unit: Unit) -> None:
        p = ET.SubElement(parent, "p")
        _marked_text(p, unit, mentioned.get(unit.id, []))
        for note in decl.translation_notes(unit=unit.id):
            ET.SubElement(p, "noteRef", href=f"#{note.id}", marker=str(markers[note.id]))

    preamble = ET.SubElement(statement, "preamble")
    formula = ET.SubElement(preamble, "formula", name="openingFormula", eId=decl.opening_formula.id)
    paragraph_text(formula, decl.opening_formula)
    recitals = ET.SubElement(preamble, "recitals", eId="preamble__recs")
    for recital in decl.preamble:
        paragraph_text(ET.SubElement(recitals, "recital", eId=recital.id), recital)
    body = ET.SubElement(statement, "mainBody")
    for provision in decl.provisions:
        refers = " ".join(f"#{t}" for t in topics.get(provision.id, []))
        paragraph = ET.SubElement(body, "paragraph", eId=provision.id, refersTo=refers)
        ET.SubElement(paragraph, "num").text = f"{provision.num}."
        paragraph_text(ET.SubElement(paragraph, "content"), provision)
    conclusions = ET.SubElement(statement, "conclusions", eId=decl.final_clause.id)
    paragraph_text(conclusions, decl.final_clause)
    # No pretty-printing: indentation would change the text of mixed content.
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
