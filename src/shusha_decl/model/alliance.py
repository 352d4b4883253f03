"""The declaration coded as an alliance under the ATOP and COW definitions: this project's coding."""

from __future__ import annotations

import enum

from attrs import frozen

from .base import Value

__all__ = [
    "Alliance",
    "Coding",
    "Confidence",
    "CowType",
    "PartyValue",
]


class Confidence(str, enum.Enum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@frozen(eq=False, repr=False)
class PartyValue(Value):
    """A party's own value for an alliance variable, where the parties' obligations differ."""

    party: str
    value: int


@frozen(eq=False, repr=False)
class Coding(Value):
    """This project's value for one ATOP variable, with how sure it is and the units it rests on."""

    value: int
    confidence: Confidence
    rationale: str
    evidence: tuple[str, ...]
    per_party: tuple[PartyValue, ...]


@frozen(eq=False, repr=False)
class CowType(Value):
    """The Correlates of War alliance type implied by the coding, and the variable it follows from."""

    type: str
    label: str
    variable: str
    coding: Coding


#: The Correlates of War types, strongest first, with the ATOP variable each follows from.
_COW_TYPES = (
    ("I", "defense pact", "defense"),
    ("II", "neutrality or non-aggression pact", "neutrality"),
    ("II", "neutrality or non-aggression pact", "nonaggression"),
    ("III", "entente", "consultation"),
)


@frozen(eq=False, repr=False)
class Alliance(Value):
    """The declaration coded as an alliance under the ATOP codebook's definitions: this project's coding.

    ATOP v5.1 ends in 2018 and COW v4.1 in 2012; neither contains the declaration, and this is not an
    official ATOP or COW release.  Each attribute is a :class:`Coding`; the codebook explains each value.
    """

    defense: Coding
    defense_conditional: Coding
    offense: Coding
    neutrality: Coding
    nonaggression: Coding
    consultation: Coding
    consultation_conditional: Coding
    milcon: Coding
    milaid: Coding
    intcom: Coding
    base: Coding
    organ: Coding
    nomicoop: Coding
    specthrt: Coding
    asymm: Coding

    def cow_type(self) -> CowType | None:
        """The strongest COW type the coding implies: I defense, II neutrality/non-aggression, III entente."""
        for cow, label, variable in _COW_TYPES:
            coding: Coding = getattr(self, variable)
            if coding.value:
                return CowType(cow, label, variable, coding)
        return None
