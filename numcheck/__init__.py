"""numcheck: check numeric claims in news for consistency.

Read articles, extract every figure with what it counts, whose, where and when, and
flag discrepancies between articles under tolerance rules, with provenance.

>>> import numcheck
>>> [c.value for c in numcheck.extract("Officials said 2,500 US troops remain in Iraq.")]
[2500.0]
"""

from . import plot as plot  # numcheck.plot.timeline after a plain `import numcheck`
from ._html import Claims
from ._ledger import Ledger, LedgerError
from ._lexicon import Lexicon, LexiconError, load_lexicon
from ._load import LoadError, load_articles
from ._models import Article, Claim, Discrepancy, InputError, NumcheckError, Report, TimeSpan
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
