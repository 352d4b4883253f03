"""This project's coding of the text: the commitments, their modality, and the topic vocabulary."""

from __future__ import annotations

import enum

from attrs import field, frozen

from ..display import short_repr
from .base import OrderedValue

__all__ = [
    "Commitment",
    "Modality",
    "Topic",
]


class Modality(str, enum.Enum):
    """How binding a commitment is; the decision rules are in the codebook."""

    UNDERTAKING = "undertaking"
    ENDEAVOUR = "endeavour"
    DECLARATION = "declaration"


@frozen(eq=False, repr=False)
class Commitment(OrderedValue):
    """One operative sentence of a paragraph, with this project's analytic coding."""

    id: str
    provision: str = field(order=False)
    text: str = field(order=False, repr=short_repr)
    actors: tuple[str, ...] = field(order=False)
    modality: Modality = field(order=False)
    topics: tuple[str, ...] = field(order=False)
    mentions: tuple[str, ...] = field(order=False)


@frozen(eq=False, repr=False)
class Topic(OrderedValue):
    """A value of the closed topic vocabulary; ``category`` is ``None`` for the five categories."""

    id: str
    label: str = field(order=False)
    category: str | None = field(order=False)
    definition: str = field(order=False)
