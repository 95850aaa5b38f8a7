"""numcheck: check numeric claims in news for consistency.

Read articles, extract every figure with what it counts, whose, where and when, and
flag discrepancies between articles under tolerance rules, with provenance.

>>> import numcheck
>>> [c.value for c in numcheck.extract("Officials said 2,500 US troops remain in Iraq.")]
[2500.0]
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what the names below are; at run time each is imported on first use
    from . import plot as plot
    from ._html import Claims
    from ._ledger import Ledger, LedgerError
    from ._lexicon import Lexicon, LexiconError, load_lexicon
    from ._load import LoadError, load_articles
    from ._models import (
        Article,
        Claim,
        Discrepancy,
        InputError,
        NumcheckError,
        Report,
        TimeSpan,
    )
    from ._numbers import NumberMention, find_numbers
    from ._pipeline import check, extract
    from ._rules import MeasureRule, Rules, RulesError

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Claim",
    "Claims",
    "Discrepancy",
    "InputError",
    "Ledger",
    "LedgerError",
    "Lexicon",
    "LexiconError",
    "LoadError",
    "MeasureRule",
    "NumberMention",
    "NumcheckError",
    "Report",
    "Rules",
    "RulesError",
    "TimeSpan",
    "check",
    "extract",
    "find_numbers",
    "load_articles",
    "load_lexicon",
]

_HOME = {
    "Claims": "._html",
    "Ledger": "._ledger",
    "LedgerError": "._ledger",
    "Lexicon": "._lexicon",
    "LexiconError": "._lexicon",
    "load_lexicon": "._lexicon",
    "LoadError": "._load",
    "load_articles": "._load",
    "Article": "._models",
    "Claim": "._models",
    "Discrepancy": "._models",
    "InputError": "._models",
    "NumcheckError": "._models",
    "Report": "._models",
    "TimeSpan": "._models",
    "NumberMention": "._numbers",
    "find_numbers": "._numbers",
    "check": "._pipeline",
    "extract": "._pipeline",
    "MeasureRule": "._rules",
    "Rules": "._rules",
    "RulesError": "._rules",
}
"""Where each public name lives. ``import numcheck`` loads none of them: a name's module
is imported when the name is first used (PEP 562), so that a program or a pytest session
that only imports numcheck (the plugin loads in every test run) does not pay for the
grammar, the gazetteer and the models it does not use."""


def __getattr__(name: str) -> object:
    if name == "plot":  # numcheck.plot.timeline after a plain `import numcheck`
        return importlib.import_module(".plot", __name__)
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value  # later uses are plain attribute look-ups
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, "plot"})
