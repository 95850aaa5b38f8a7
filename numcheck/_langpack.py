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
    """The fewest of the words (in lowercase) that every word contains one of: the words
    of a gate (:class:`numcheck._clean.Gate`) for a pattern built from these lists.

    >>> cover(["tally", "tallies", "total", "in total"], ["toll"])
    ('tallies', 'tally', 'toll', 'total')
    """
    words = sorted({word.lower() for words in lists for word in words}, key=len)
    kept: list[str] = []
    for word in words:
        if not any(short in word for short in kept):
            kept.append(word)
    return tuple(sorted(kept))
