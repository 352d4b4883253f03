"""The shipped second coding, and the agreement statistics the reliability example prints from it."""

from __future__ import annotations

import shusha_decl

DECL = shusha_decl.declaration()


def test_the_second_coding_codes_every_commitment_once_in_order() -> None:
    second = DECL.second_coding
    assert [c.commitment for c in second.codings] == [c.id for c in DECL.commitments]
    assert "language model" in second.method
    assert sum(c.uncertain for c in second.codings) == 3
    para_9 = next(c for c in second.codings if c.commitment == "para_9__cmt_1")
    assert para_9.modality is shusha_decl.Modality.UNDERTAKING
    assert para_9.topics == ("mutual-assistance",)
    assert para_9.uncertain
