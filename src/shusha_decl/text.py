"""Text matching that ignores case and diacritics, and the characters no text of an edition may hold.

The sources spell the same names differently (Turkey/Türkiye, İlham/Ilham,
Erdoğan/Erdogan, Shusha/Şuşa, Azerbaycan/Azərbaycan).  [`fold`][shusha_decl.text.fold] maps each
spelling to one key so that lookups and text search find them all.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that Unicode does not decompose: dotless i, schwa, o with stroke, sharp s.
_LETTERS = str.maketrans(
    {"\u0131": "i", "\u0259": "e", "\u018f": "e", "\u00f8": "o", "\u00d8": "o", "\u00df": "ss"}
)
# Dashes and apostrophes that people type as '-' and "'".
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
_APOSTROPHES = "\u2018\u2019\u02bc\u0060\u00b4"
_PUNCTUATION = str.maketrans(dict.fromkeys(_DASHES, "-") | dict.fromkeys(_APOSTROPHES, "'"))
_SPACE = re.compile(r"\s+")

#: What no string of an edition may hold: control characters but newline and tab (a carriage return would
#: not survive XML), lone surrogates (not text, and not encodable) and noncharacters.
UNWRITABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000))
    + "]"
)


def unwritable(text: str) -> re.Match[str] | None:
    """The first character of *text* that no string of an edition may hold, or ``None``.

    Those characters are [`UNWRITABLE`][shusha_decl.text.UNWRITABLE].

    Every such character is unprintable, so printable text is let through without the regular expression,
    whose class of astral noncharacters makes it slow (5 ms against 0.3 ms over the packaged edition's text).
    """
    if text.replace("\n", " ").replace("\t", " ").isprintable():
        return None
    return UNWRITABLE.search(text)


@lru_cache(maxsize=4096)  # lookups fold the same few names again and again
def fold(text: str) -> str:
    """Return a key for *text*: lower case, without diacritics, with plain dashes and single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS).translate(_PUNCTUATION))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE.sub(" ", stripped.casefold().translate(_LETTERS)).strip()


def _folded_chars(text: str) -> tuple[str, list[int]]:
    """*text* folded character by character (spaces kept), with each folded character's index in *text*."""
    chars, origin = [], []
    for index, char in enumerate(text):
        decomposed = unicodedata.normalize("NFKD", char.translate(_LETTERS).translate(_PUNCTUATION))
        for folded in decomposed.casefold().translate(_LETTERS):
            if not unicodedata.combining(folded):
                chars.append(folded)
                origin.append(index)
    return "".join(chars), origin


def find_all(text: str, words: str, *, substring: bool = False) -> list[tuple[int, int]]:
    """The spans of *text* where *words* occur, ignoring case and diacritics.

    Matching is as [`fold`][shusha_decl.text.fold] folds.

    Only whole words match (``"art"`` does not match in ``"parties"``) unless *substring* is true.
    Each span is a ``(start, end)`` pair of character offsets into *text*.
    """
    haystack, origin = _folded_chars(text)
    needle = fold(words)
    spans, start = [], haystack.find(needle) if needle else -1
    while start >= 0:
        end = start + len(needle)
        if substring or _whole(haystack, needle, start, end):
            spans.append((origin[start], origin[end - 1] + 1))
            start = haystack.find(needle, end)
        else:
            start = haystack.find(needle, start + 1)
    return spans


def _whole(haystack: str, needle: str, start: int, end: int) -> bool:
    """Whether *needle*, found at ``haystack[start:end]``, does not start or end inside a word."""
    inside_before = start > 0 and haystack[start - 1].isalnum() and needle[0].isalnum()
    inside_after = end < len(haystack) and haystack[end].isalnum() and needle[-1].isalnum()
    return not inside_before and not inside_after
