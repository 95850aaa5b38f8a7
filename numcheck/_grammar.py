"""A grammar as a table of named rules in an explicit order (the number grammar's registry).

A :class:`Rule` is a small function ``(scanner, i) -> result | None`` over a token stream,
with the tokens it may start on (its *triggers*) and the words and symbols that may
continue what it reads. A :class:`Grammar` keeps the rules in order; a rule is registered
by name, at the end or ``before=``/``after=`` another named rule. The dispatcher
(:meth:`Grammar.rules_for`) gives, for one token, the rules that may start on it, in table
order: the first whose function returns a result wins; an empty result is a veto (the
position holds no mention, and no later rule is tried).

The sets of words and symbols that may start or continue a mention are the unions of the
rules' declarations (:meth:`Grammar.start_words`, :meth:`Grammar.continue_words`...):
adding a form is registering one rule, never editing a hand-kept word list.

>>> g: Grammar[str, str] = Grammar()
>>> g.register("digits", lambda text, i: "n" if text[i].isdigit() else None, kinds="n").name
'digits'
>>> _ = g.register("word", lambda text, i: None, kinds="w", words={"two"})
>>> _ = g.register("zero", lambda text, i: None, kinds="w", words={"zero"}, before="word")
>>> g.names()
('digits', 'zero', 'word')
>>> sorted(g.start_words())
['two', 'zero']
>>> [r.name for r in g.rules_for("w", "two")]
['word']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar, cast

S = TypeVar("S")
"""What a rule reads: the scanner (tokens and helpers)."""
R = TypeVar("R")
"""What a rule returns when it matches."""
T = TypeVar("T")

_CACHE_LIMIT = 4096
"""Dispatch lists kept per grammar (one per distinct token that reached the dispatcher)."""


@dataclass(frozen=True, slots=True)
class Rule(Generic[S, R]):
    """One named rule of a grammar.

    ``kinds`` are the token kinds it may start on (the scanner's one-letter kinds: ``n``
    digits, ``w`` word, ``s`` symbol, ``u`` URL, ``d`` dotted digits). ``words`` and
    ``symbols`` are the lowercase words and the symbols that start it; they make the
    grammar's start sets. ``anywhere`` tries the rule on every token of its kinds that
    reaches the dispatcher, not only on its own start words (a rule that may read any
    start word, such as the general figure rule, or a veto such as an idiom). ``continues``
    and ``continue_symbols`` are the words and symbols that may follow a number and
    extend what the rule reads ("5 million", "5 to 7", "7 a.m.").
    """

    name: str
    func: Callable[[S, int], R | None]
    kinds: frozenset[str]
    words: frozenset[str] = frozenset()
    symbols: frozenset[str] = frozenset()
    anywhere: bool = False
    continues: frozenset[str] = frozenset()
    continue_symbols: frozenset[str] = frozenset()
    doc: str = ""

    def starts_on(self, kind: str, key: str) -> bool:
        """The rule may start on a token of ``kind`` whose lowercase text is ``key``."""
        if kind not in self.kinds:
            return False
        if self.anywhere:
            return True
        if kind == "w":
            return key in self.words
        if kind == "s":
            return key in self.symbols
        return True


@dataclass
class Grammar(Generic[S, R]):
    """Named rules in an explicit order, with the start and continuation sets they imply."""

    _rules: list[Rule[S, R]] = field(default_factory=list)
    _dispatch: dict[tuple[str, str], tuple[Rule[S, R], ...]] = field(default_factory=dict)
    _sets: dict[str, frozenset[str]] = field(default_factory=dict)
    _derived: dict[str, object] = field(default_factory=dict)
    _funcs: dict[str, dict[str, tuple[Callable[[S, int], R | None], ...]]] = field(
        default_factory=dict
    )

    def register(
        self,
        name: str,
        func: Callable[[S, int], R | None],
        *,
        kinds: Iterable[str],
        words: Iterable[str] = (),
        symbols: Iterable[str] = (),
        anywhere: bool = False,
        continues: Iterable[str] = (),
        continue_symbols: Iterable[str] = (),
        before: str | None = None,
        after: str | None = None,
    ) -> Rule[S, R]:
        """Add a rule named ``name`` at the end, or just before or after a named rule."""
        if any(r.name == name for r in self._rules):
            raise ValueError(f"a rule named {name!r} is already registered")
        if before is not None and after is not None:
            raise ValueError(f"rule {name!r}: give before= or after=, not both")
        rule: Rule[S, R] = Rule(
            name=name,
            func=func,
            kinds=frozenset(kinds),
            words=frozenset(w.lower() for w in words),
            symbols=frozenset(symbols),
            anywhere=anywhere,
            continues=frozenset(w.lower() for w in continues),
            continue_symbols=frozenset(continue_symbols),
            doc=(func.__doc__ or "").strip().split("\n\n")[0],
        )
        anchor = before if before is not None else after
        if anchor is None:
            self._rules.append(rule)
        else:
            at = self.index(anchor)
            self._rules.insert(at if before is not None else at + 1, rule)
        self._changed()
        return rule

    def rule(
        self,
        name: str,
        *,
        kinds: Iterable[str],
        words: Iterable[str] = (),
        symbols: Iterable[str] = (),
        anywhere: bool = False,
        continues: Iterable[str] = (),
        continue_symbols: Iterable[str] = (),
        before: str | None = None,
        after: str | None = None,
    ) -> Callable[[Callable[[S, int], R | None]], Callable[[S, int], R | None]]:
        """:meth:`register` as a decorator; the function is returned unchanged."""

        def decorate(func: Callable[[S, int], R | None]) -> Callable[[S, int], R | None]:
            self.register(
                name,
                func,
                kinds=kinds,
                words=words,
                symbols=symbols,
                anywhere=anywhere,
                continues=continues,
                continue_symbols=continue_symbols,
                before=before,
                after=after,
            )
            return func

        return decorate

    def unregister(self, name: str) -> Rule[S, R]:
        """Remove the rule named ``name`` and return it."""
        rule = self._rules.pop(self.index(name))
        self._changed()
        return rule

    def index(self, name: str) -> int:
        """The position of the rule named ``name`` in the table."""
        for x, r in enumerate(self._rules):
            if r.name == name:
                return x
        raise KeyError(f"no rule named {name!r}")

    def __getitem__(self, name: str) -> Rule[S, R]:
        return self._rules[self.index(name)]

    def names(self) -> tuple[str, ...]:
        """The rules' names, in the order the dispatcher tries them."""
        return tuple(r.name for r in self._rules)

    def copy(self) -> Grammar[S, R]:
        """A grammar with the same rules, to extend without touching this one."""
        return Grammar(list(self._rules))

    def rules(self) -> tuple[Rule[S, R], ...]:
        """The rules, in order."""
        return tuple(self._rules)

    def derived(self, key: str, compute: Callable[[Grammar[S, R]], T]) -> T:
        """``compute(self)``, kept until the table changes (``key`` names it)."""
        if key not in self._derived:
            self._derived[key] = compute(self)
        return cast("T", self._derived[key])

    def _changed(self) -> None:
        self._dispatch.clear()
        self._sets.clear()
        self._derived.clear()
        for table in self._funcs.values():
            table.clear()

    def rules_for(self, kind: str, key: str) -> tuple[Rule[S, R], ...]:
        """The rules that may start on a token of ``kind`` whose lowercase text (words and
        symbols; ``""`` for other kinds) is ``key``, in table order (cached)."""
        got = self._dispatch.get((kind, key))
        if got is None:
            if len(self._dispatch) >= _CACHE_LIMIT:
                self._dispatch.clear()
            got = self._dispatch[kind, key] = tuple(
                r for r in self._rules if r.starts_on(kind, key)
            )
        return got

    def funcs_for(self, kind: str, key: str) -> tuple[Callable[[S, int], R | None], ...]:
        """The functions of :meth:`rules_for`, cached in :meth:`func_table`."""
        table = self.func_table(kind)
        got = table.get(key)
        if got is None:
            if len(table) >= _CACHE_LIMIT:
                table.clear()
            got = table[key] = tuple(r.func for r in self.rules_for(kind, key))
        return got

    def func_table(self, kind: str) -> dict[str, tuple[Callable[[S, int], R | None], ...]]:
        """The cache of :meth:`funcs_for` for tokens of ``kind`` (key -> functions), for a
        dispatcher to read directly (a miss is filled by :meth:`funcs_for`)."""
        table = self._funcs.get(kind)
        if table is None:
            table = self._funcs[kind] = {}
        return table

    def _union(self, what: str, pick: Callable[[Rule[S, R]], frozenset[str]]) -> frozenset[str]:
        got = self._sets.get(what)
        if got is None:
            got = self._sets[what] = frozenset().union(*(pick(r) for r in self._rules))
        return got

    def start_words(self) -> frozenset[str]:
        """Every word some rule starts on: any other word starts no mention."""
        return self._union("start_words", lambda r: r.words)

    def start_symbols(self) -> frozenset[str]:
        """Every symbol some rule starts on."""
        return self._union("start_symbols", lambda r: r.symbols)

    def continue_words(self) -> frozenset[str]:
        """Every word that may continue a number: any other word after it ends it."""
        return self._union("continue_words", lambda r: r.continues)

    def continue_symbols(self) -> frozenset[str]:
        """Every symbol that may continue a number."""
        return self._union("continue_symbols", lambda r: r.continue_symbols)

    def words_only_of(self, name: str) -> frozenset[str]:
        """The start words of the rule ``name`` that no other rule starts on (cached)."""
        got = self._sets.get("only " + name)
        if got is None:
            own = self[name].words
            others = frozenset().union(*(r.words for r in self._rules if r.name != name))
            got = self._sets["only " + name] = own - others
        return got
