"""JSON-LD with the schema.org vocabulary: the declaration as a ``Legislation``.

The context is inline (``@vocab`` schema.org), so the document can be read as
RDF without fetching anything.  Each text unit is a ``hasPart`` with its
edition id as the fragment; the topics are ``about`` (``DefinedTerm``s of this
project's vocabulary); the agreements, organisations, places and persons are
``mentions``.

Dates are typed ``xsd:date`` by the context and the titles carry their
language tags.  The declaration's text is not this project's to license:
``sdLicense`` gives the licence of this structured data (CC BY 4.0) and
``copyrightNotice`` the status of the text.
"""

from __future__ import annotations

from typing import Any

from .. import version
from ..edition import Declaration
from ..model import Agreement, Entity, Organization, Person, Place

#: The base IRI of the edition's identifiers (fragments are the record ids): a local name, not an address.
BASE = "urn:shusha-decl:2021-06-15"
_TYPES = {Agreement: "Legislation", Organization: "Organization", Place: "Place", Person: "Person"}
#: The inline context: schema.org terms, the dates typed ``xsd:date`` and the licence an IRI.
CONTEXT = {
    "@vocab": "https://schema.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "legislationDate": {"@type": "xsd:date"},
    "sdLicense": {"@type": "@id"},
}


def _tagged(text: str, language: str) -> dict[str, str]:
    return {"@value": text, "@language": language}


def _node(entity: Entity) -> dict[str, Any]:
    node: dict[str, Any] = {"@id": f"{BASE}#{entity.id}", "@type": _TYPES[type(entity)], "name": entity.name}
    if entity.aliases:
        node["alternateName"] = list(entity.aliases)
    if isinstance(entity, Agreement) and entity.signed_on:
        node["legislationDate"] = entity.signed_on.isoformat()
    if isinstance(entity, Person) and entity.roles:
        node["jobTitle"] = list(entity.roles)
    return node


def to_jsonld(decl: Declaration) -> dict[str, Any]:
    """The declaration as a JSON-LD document (a dict ready for `json.dumps`)."""
    countries = [
        {
            "@id": f"{BASE}#{p.id}",
            "@type": "Country",
            "name": p.name,
            "alternateName": p.short_name,
            "identifier": p.id,
        }
        for p in decl.parties
    ]
    signatories = [{"@id": f"{BASE}#{s.person}"} for s in decl.signatories]
    parts = [
        {
            "@id": f"{BASE}#{unit.id}",
            "@type": "Legislation",
            "identifier": unit.id,
            "position": i,
            "text": unit.text,
        }
        for i, unit in enumerate(decl.units, 1)
    ]
    used = {t for c in decl.commitments for t in c.topics}
    topics = [
        {
            "@id": f"{BASE}#{t.id}",
            "@type": "DefinedTerm",
            "termCode": t.id,
            "name": t.label,
            "description": t.definition,
            "inDefinedTermSet": f"{BASE}#topics",
        }
        for t in decl.topics
        if t.id in used
    ]
    return {
        "@context": CONTEXT,
        "@id": f"{BASE}#{decl.id}",
        "@type": "Legislation",
        "name": _tagged(decl.title, decl.text_language),
        "alternateName": [
            _tagged(decl.short_title, decl.text_language),
            *(_tagged(t.text, t.language) for t in decl.titles.values() if t.text != decl.title),
        ],
        "sdLicense": version.DATA_LICENSE_URL,
        "copyrightNotice": version.TEXT_RIGHTS,
        "legislationType": "declaration",
        "legislationDate": decl.signed_on.isoformat(),
        "legislationJurisdiction": countries,
        "legislationPassedBy": signatories + [{"@id": f"{BASE}#{p.id}"} for p in decl.parties],
        "locationCreated": {"@id": f"{BASE}#{decl.signed_at}"},
        "inLanguage": decl.text_language,
        "hasPart": parts,
        "about": topics,
        "mentions": [_node(e) for e in decl.entities() if e not in decl.parties],
        "isBasedOn": next(s.url for s in decl.sources if s.id == decl.text_source),
    }
