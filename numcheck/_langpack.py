"""The language pack: the English words of every stage, as validated TOML data.

Each stage that reads words keeps them in one file of ``numcheck/lang/en/``:

- ``numbers.toml``: the number grammar (:mod:`numcheck._numwords`);
- ``sentences.toml``: the sentence splitter (:mod:`numcheck._clean`);
- ``time.toml``: the time resolver (:mod:`numcheck._time`);
- ``statistic.toml``: the statistic and incident reader (:mod:`numcheck._statistic`).

A file is read once, at import, by :func:`load_pack` and validated against the stage's
pydantic model: every key is required, and a missing or unknown key, a value of the wrong
type, a file that is not UTF-8 or not TOML stops the import with one line naming the file
and the key (:class:`LangPackError`). Patterns with words in them are built from the word
lists at import by :func:`alternation` (each word escaped, longest first), never written
with the words inline, so adding a word is one line in a TOML file.

>>> alternation(["so far", "to date", "so"])
'to\\\\ date|so\\\\ far|so'
>>> alternation(["so far", "a total of"], space=r"\\s+")
'a\\\\s+total\\\\s+of|so\\\\s+far'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from ._lexicon import problems, read_toml
from ._models import NumcheckError

LANG = Path(__file__).resolve().parent / "lang" / "en"
"""The English language pack: one TOML file per stage."""


class PackModel(BaseModel):
    """The base of a pack file's model: every field is required (give none a default)
    and an unknown key is refused."""

    model_config = ConfigDict(extra="forbid")


M = TypeVar("M", bound=PackModel)


class LangPackError(NumcheckError):
    """A language pack that cannot be used; the message names the file and the key."""


def load_pack(model: type[M], path: Path) -> M:
    """Read and validate one file of a language pack against ``model`` (whose keys are
    all required and which forbids unknown ones); :class:`LangPackError` names the file
    and the key in one line."""
    data = read_toml(path, LangPackError, "language pack")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise LangPackError(f"{path}: invalid language pack: {problems(exc)}") from None


def alternation(words: Iterable[str], *, space: str | None = None) -> str:
    """A regex alternation of ``words``, each escaped, longest first (so that no word
    hides a longer one that starts like it); ``space``, when given, is the pattern put
    for each space inside a phrase (``r"\\s+"``), else a space matches itself."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    if space is None:
        return "|".join(map(re.escape, ordered))
    return "|".join(space.join(map(re.escape, word.split(" "))) for word in ordered)


def cover(*lists: Iterable[str]) -> tuple[str, ...]:
    """Few short strings (in lowercase), one of which is in every word of the lists: the
    words of a gate (:class:`numcheck._clean.Gate`) for a pattern built from these lists.
    Words that start alike (their first four letters) are covered by what they share
    ("delivered", "deliveries": "deliver"), and a word holding a shorter one by it.

    >>> cover(["tally", "tallies", "total", "in total"], ["toll"])
    ('tall', 'toll', 'total')
    >>> cover(["aim for", "aim to", "aims to", "expected to rise", "expected to grow"])
    ('aim', 'expected to')
    """
    words = {word.lower() for words in lists for word in words}
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:4], []).append(word)
    shared = set()
    for group in groups.values():
        common = _common_prefix(group).strip()
        shared.update([common] if len(common) >= 3 else group)
    kept: list[str] = []
    for word in sorted(shared, key=len):
        if not any(short in word for short in kept):
            kept.append(word)
    return tuple(sorted(kept))


def _common_prefix(words: list[str]) -> str:
    """The longest string every one of ``words`` starts with."""
    first, last = min(words), max(words)
    size = 0
    while size < len(first) and first[size] == last[size]:
        size += 1
    return first[:size]
