"""Stage 2: clean text without moving a single character.

Scraped news is full of typographic variants: no-break and thin spaces inside numbers,
en dashes in ranges, curly quotes, Arabic-Indic digits. :func:`normalize` maps each of
them to its plain ASCII counterpart *one code point for one code point*, so every
offset found in the cleaned text is an offset into the original text too.

>>> normalize("2\u202f500 \u2013 3\u00a0000 \u0662\u0665")
'2 500 - 3 000 25'
>>> len(normalize("\u201cabout\u201d")) == len("\u201cabout\u201d")
True
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator

from ._langpack import LANG, PackModel, load_pack

_SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"


class _Table(dict[int, str]):
    """The translation table, filled lazily: a code point is classified on first sight."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        digit = unicodedata.category(char) == "Nd"
        mapped = str(unicodedata.digit(char)) if digit else char
        self[code] = mapped
        return mapped


_TABLE = _Table()
_TABLE.update({ord(c): " " for c in _SPACES})
_TABLE.update({ord(c): "-" for c in _DASHES})
_TABLE.update({ord(c): "'" for c in _SINGLE_QUOTES})
_TABLE.update({ord(c): '"' for c in _DOUBLE_QUOTES})
# The fullwidth ASCII block ("１２，５００", "＄５") -> ASCII, one for one.
_TABLE.update({code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)})
_TABLE[0x066C] = ","  # ARABIC THOUSANDS SEPARATOR
_TABLE[0x066B] = "."  # ARABIC DECIMAL SEPARATOR


def normalize(text: str) -> str:
    """Return ``text`` with spaces, dashes, quotes and digits in ASCII, same length."""
    # Every decimal digit of every script (Arabic-Indic, Devanagari, fullwidth...) -> ASCII.
    return text.translate(_TABLE)


# A sentence ends at . ! ? (plus closing quotes/brackets) followed by white space, or at a
# line break after such punctuation, or at a blank line whose two sides do not read as one
# sentence broken across columns (a lowercase word or comma before it, a letter after).
_BOUNDARY = re.compile(
    r"""(?<=[.!?…])["')\]]*\s+"""  # punctuation then space
    r"""|(?<=[:;"])[ \t]*\n\s*"""  # a line ending in a colon or quote
    r"""|\n[ \t]*\n\s*"""  # a blank line
    r"""|(?<=[^\s,])[ \t]*\n(?=[ \t]*[A-Z#*"“‘\u0600-\u06ff])""",  # line break before a capital
)
_CONTINUATION = re.compile(r"[a-z,\-]\s*$")


def sentence_spans(text: str, *, normalized: bool = False) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans ``(start, end)``, end-exclusive, blanks trimmed
    (``normalized``: the text is :func:`normalize`'s already).

    >>> t = "US troops left. About 900 stayed in\\n\\nSyria then."
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['US troops left.', 'About 900 stayed in\\n\\nSyria then.']
    """
    if not normalized:
        text = normalize(text)
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        cut = match.start()
        if match.group().count("\n") >= 2 and _looks_continued(text, cut, match.end()):
            continue
        if "\n" not in match.group() and _is_abbreviation(text, cut, match.end()):
            continue
        _add_span(text, start, cut + _closing_len(match.group()), spans)
        start = match.end()
    _add_span(text, start, len(text), spans)
    return spans


class SentenceWords(PackModel):
    """The shape of the sentence splitter's language pack (every key required)."""

    abbreviations: list[str]


PACK = LANG / "sentences.toml"
"""The language pack of the sentence splitter."""
_WORDS = load_pack(SentenceWords, PACK)
_ABBREVIATIONS = frozenset(_WORDS.abbreviations)
_LAST_WORD = re.compile(r"([A-Za-z]+)\.?$")


def _is_abbreviation(text: str, cut: int, after: int) -> bool:
    """A period that ends an abbreviation ("Lt.", "U.S.") or comes before a lowercase word."""
    if text[cut - 1 : cut] != ".":
        return False
    if text[after : after + 1].islower():
        return True
    word = _LAST_WORD.search(text, max(0, cut - 12), cut)
    if word is None:
        return False
    token = word.group(1)
    # Single letters are initials or dotted acronyms ("F.", "U.S."), the rest a known list.
    return len(token) == 1 or token.lower() in _ABBREVIATIONS


def _closing_len(separator: str) -> int:
    """Length of the closing quotes/brackets that belong to the sentence before a cut."""
    return len(separator) - len(separator.lstrip("\"')]"))


def _looks_continued(text: str, cut: int, after: int) -> bool:
    """A blank line inside a sentence (a column break): lowercase/comma before, letter after."""
    before = text[max(0, cut - 3) : cut]
    nxt = text[after : after + 1]
    return bool(_CONTINUATION.search(before)) and nxt.isalpha()


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def fold(text: str) -> str:
    """``text`` in lowercase, read as ``re.IGNORECASE`` reads it: what an ASCII pattern
    compiled with that flag matches in ``text`` is spelt in lowercase ASCII in the result
    (the dotted and dotless i and the long s, which the flag matches with ``i`` and
    ``s``, read as those letters).

    >>> fold("Forecast \u0130N \u017fINCE")
    'forecast in since'
    """
    if not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text):
        text = text.replace("\u0130", "i").replace("\u0131", "i").replace("\u017f", "s")
    return text.lower()


class Gate:
    """A case-insensitive pattern and words, one of which (in lowercase) is in every text
    it matches: a text holding none of them is no match, found without running the pattern
    (a pattern that opens with ``\\b`` and an alternation is slow to run on long text).

    >>> gate = Gate(re.compile(r"\\bso far\\b", re.IGNORECASE), "so far")
    >>> gate.search("So far, 12", fold("So far, 12")) is not None
    True
    >>> gate.search("the toll", fold("the toll")) is None
    True
    """

    __slots__ = ("joinable", "pattern", "words")

    def __init__(self, pattern: re.Pattern[str], *words: str) -> None:
        self.pattern = pattern
        self.words = words
        # no word straddles a join of parts (see Scope)
        self.joinable = all(word == word.strip(" #") for word in words)

    def possible(self, folded: str) -> bool:
        """Whether the pattern may match a text whose :func:`fold` is ``folded``."""
        return any(map(folded.__contains__, self.words))

    def search(self, text: str, folded: str) -> re.Match[str] | None:
        """``pattern.search(text)``, given ``folded``, the :func:`fold` of ``text``."""
        return self.pattern.search(text) if self.possible(folded) else None

    def finditer(self, text: str, folded: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, given ``folded``, the :func:`fold` of ``text``."""
        return self.pattern.finditer(text) if self.possible(folded) else iter(())


class GateWords:
    """Where the words of gates start in a text (folded), found once per gate for the
    whole text: a word search over the text per gate, not one per figure.

    >>> from numcheck._statistic import GATES
    >>> words = GateWords("So far 12 were killed; 55 a day")
    >>> words.within(GATES[5], 0, 10), words.within(GATES[5], 3, 30)
    (True, False)
    """

    __slots__ = ("_starts", "folded")

    def __init__(self, text: str) -> None:
        self.folded = fold(text)
        self._starts: dict[Gate, list[int]] = {}

    def within(self, gate: Gate, start: int, end: int) -> bool:
        """Whether a word of ``gate`` starts in ``start:end`` of the text."""
        starts = self._starts.get(gate)
        if starts is None:
            found: set[int] = set()
            folded = self.folded
            for word in gate.words:
                at = folded.find(word)
                while at >= 0:
                    found.add(at)
                    at = folded.find(word, at + 1)
            starts = self._starts[gate] = sorted(found)
        at = bisect.bisect_left(starts, start)
        return at < len(starts) and starts[at] < end


class Scope:
    """A stretch of text the gates are run on in parts: a sentence (or the window of a
    long one) and the phrases around each of its figures. A gate none of whose words
    start in the stretch matches none of its parts: that is found once per gate for all
    the figures of the stretch (a text dense in figures has a hundred per window), by
    :class:`GateWords` found once for the whole text.

    The parts may be joined by a marker (``" # "``) or a space: a word with a space or
    a ``#`` at an end could straddle such a join, so its gate is never excluded. (An
    ASCII word is in the fold of a part wherever it is in the part of the fold: the fold
    changes no length, and the one letter folded by its neighbours, sigma, is not ASCII.)

    >>> from numcheck._statistic import GATES
    >>> scope = Scope("There are 2,500 US troops in Iraq, the Pentagon said")
    >>> [scope.excludes(gate) for gate in GATES[:3]]
    [True, True, True]
    >>> Scope("about 55 a day so far").excludes(GATES[1])
    False
    >>> Scope(GateWords("55 a day. There are 2,500 US troops"), 10).excludes(GATES[1])
    True
    """

    __slots__ = ("_excluded", "end", "start", "words")

    def __init__(self, text: str | GateWords, start: int = 0, end: int | None = None) -> None:
        self.words = text if isinstance(text, GateWords) else GateWords(text)
        self.start = start
        self.end = len(self.words.folded) if end is None else end
        self._excluded: dict[Gate, bool] = {}

    def excludes(self, gate: Gate) -> bool:
        """Whether ``gate`` matches no part of the stretch (no word of it starts there)."""
        known = self._excluded.get(gate)
        if known is None:
            known = self._excluded[gate] = gate.joinable and not self.words.within(
                gate, self.start, self.end
            )
        return known
