"""Generate ``numcheck/data/units_generated.json`` from quantulum3, pint and units.toml.

Run: ``python scripts/gen_units.py`` (writes the file; ``--output PATH`` writes elsewhere)
or ``--check`` (exits 1 when the committed file differs from a fresh build). This is a
development-time step: numcheck never imports quantulum3 or pint at run time, it reads the
file this script writes (``numcheck/_units.py``). Rerun it after editing
``numcheck/data/units.toml`` or upgrading quantulum3 or pint;
``tests/test_units_generated.py`` fails until you do.

Sources:

- quantulum3's packaged unit data (``quantulum3/units.json`` and
  ``quantulum3/_lang/en_US/units.json`` of the installed package, found without importing
  it): every unit's names, symbols and entity, with the SI prefixes it lists expanded
  ("metre" with ``k`` gives "kilometre" and "km");
- ``numcheck/data/units.toml``, our selection: which quantulum3 units we accept, our short
  names, families, pint units, extra units and written forms, and the ambiguity rules;
- pint: each unit's factor to its family's base unit, and for the offset scales (°C, °F)
  the scale and offset to kelvin, so conversions need no pint at run time.

What is written (JSON, keys and lists sorted, one entry a line, so a rebuild from the same
sources gives the same bytes):

- ``units``: short name -> ``family``, ``base``, ``factor`` (to the base; null for
  currencies and offset scales), ``pint`` (the pint unit it was computed from) and, for
  offset scales, ``scale`` and ``offset`` (``base = value * scale + offset``);
- ``forms``: every written form we accept, after pluralizing names and dropping the
  ``never`` forms, as ``[form, unit, rule, exact_case]``: ``unit`` is null for the pound
  rule (decided from context), ``rule`` one of plain/glued/inch/pound, ``exact_case``
  whether it matches only as written. Sorted by lowercase first token, then longest
  first, exact-case first, then the form: the order the matcher tries them in;
- ``before``: currency symbols and codes written before a number, ``[symbol, unit]``;
- ``inch_context``, ``pound_money_before``, ``pound_mass_words``: the context words of the
  inch and pound rules (lowercase where they match in any case).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from numcheck._units import _tokenize  # noqa: E402

DATA = ROOT / "numcheck" / "data"
SELECTION = DATA / "units.toml"
OUTPUT = DATA / "units_generated.json"
WORD_LISTS = ("inch_context", "pound_money_before", "pound_mass_words")

SI_PREFIXES: dict[str, str] = {
    "E": "exa", "P": "peta", "T": "tera", "G": "giga", "M": "mega", "k": "kilo",
    "h": "hecto", "da": "deca", "d": "deci", "c": "centi", "m": "milli", "µ": "micro",
    "n": "nano", "p": "pico", "f": "femto", "a": "atto", "z": "zepto", "y": "yocto",
}  # fmt: skip
"""SI prefixes quantulum3 expands on units that list ``prefixes`` (e.g. metre, watt)."""

IRREGULAR_PLURALS: dict[str, str] = {
    "foot": "feet", "yen": "yen", "yuan": "yuan", "naira": "naira", "hertz": "hertz",
    "renminbi": "renminbi", "celsius": "celsius", "fahrenheit": "fahrenheit",
    "kelvin": "kelvin", "horsepower": "horsepower", "lira": "lira", "rand": "rand",
    "mille": "mille", "million": "million", "billion": "billion", "sterling": "sterling",
}  # fmt: skip


# --------------------------------------------------------------------------------------
# quantulum3's unit data
# --------------------------------------------------------------------------------------


def quantulum3_dir() -> Path:
    """The installed quantulum3 package directory (found without importing it)."""
    spec = importlib.util.find_spec("quantulum3")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("quantulum3 is not installed: pip install -e '.[test]'")
    return Path(next(iter(spec.submodule_search_locations)))


def quantulum3_units() -> dict[str, dict[str, Any]]:
    """quantulum3's units by name: the general file, then the English one, prefixes expanded."""
    root = quantulum3_dir()
    merged: dict[str, dict[str, Any]] = {}
    for path in (root / "units.json", root / "_lang" / "en_US" / "units.json"):
        with path.open(encoding="utf-8") as handle:
            data: dict[str, dict[str, Any]] = json.load(handle)
        for name, unit in data.items():
            merged.setdefault(name, {}).update(unit)
            for prefix in unit.get("prefixes", ()):
                long = SI_PREFIXES.get(prefix)
                if long is None:
                    continue
                merged.setdefault(long + name, {}).update(
                    {
                        "surfaces": [long + s for s in unit.get("surfaces", ())],
                        "symbols": [prefix + s for s in unit.get("symbols", ())],
                        "entity": unit["entity"],
                        "dimensions": [],
                    }
                )
    return merged


def _plural_word(word: str) -> str:
    low = word.lower()
    if not (word.isalpha() and word.islower() and len(word) >= 3) or low.endswith("s"):
        return IRREGULAR_PLURALS.get(low, word)  # a symbol or already plural: as is
    if low in IRREGULAR_PLURALS:
        plural = IRREGULAR_PLURALS[low]
        return plural if word.islower() else word[0] + plural[1:]
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def plural(surface: str) -> str:
    """English plural of a unit name: the head noun takes the plural.

    >>> [plural(s) for s in ("kilometre per hour", "degree Celsius", "square foot", "inch")]
    ['kilometres per hour', 'degrees Celsius', 'square feet', 'inches']
    """
    for joint in (" per ", " a ", " an "):
        head, sep, tail = surface.partition(joint)
        if sep:
            return plural(head) + sep + tail
    words = surface.split(" ")
    if words[0].lower() in ("degree", "pound", "barrel") and len(words) > 1:
        return " ".join([_plural_word(words[0]), *words[1:]])
    return " ".join([*words[:-1], _plural_word(words[-1])])


# --------------------------------------------------------------------------------------
# pint: factors to the family base, scale and offset of offset scales
# --------------------------------------------------------------------------------------


class Pint:
    """One pint ``UnitRegistry`` and the conversions the table needs from it."""

    def __init__(self) -> None:
        try:
            import pint
        except ImportError:
            raise SystemExit("pint is not installed: pip install -e '.[test]'") from None
        self.ureg = pint.UnitRegistry()

    def factor(self, expr: str, base: str) -> float | None:
        """Multiplicative factor from pint unit ``expr`` to ``base``; None for an offset."""
        quantity = self.ureg.parse_expression(expr)  # "10 * year" -> 10 year; "degC" -> 1 degC
        if not quantity._is_multiplicative:
            return None
        return float(quantity.to(base).magnitude)

    def affine(self, expr: str, base: str) -> tuple[float, float]:
        """``(scale, offset)`` of an offset scale: ``value in base = value * scale + offset``.

        Read from pint's own converter, so ``convert`` computes with the same two numbers
        and the same operations pint does.
        """
        definition = self.ureg._units[self.ureg.get_name(expr)]
        if str(definition.reference) != str(self.ureg.parse_units(base)):
            raise SystemExit(f"{expr}: pint refers it to {definition.reference}, not {base}")
        converter = definition.converter
        return float(converter.scale), float(converter.offset)


# --------------------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------------------


def _record(
    spec: Mapping[str, Any], entity: str, families: Mapping[str, Any], units: Pint
) -> dict[str, Any]:
    """One unit: family, base, factor, pint unit (and scale, offset for offset scales)."""
    family = str(spec.get("family", entity))
    name = str(spec["name"])
    if family == "currency":
        return {"family": f"currency:{name}", "base": name, "factor": None, "pint": None}
    fam = families[family]
    base = str(fam["base"])
    expr = spec.get("pint")
    if expr is None:
        return {"family": family, "base": base, "factor": float(spec["factor"]), "pint": None}
    record: dict[str, Any] = {
        "family": family,
        "base": base,
        "factor": units.factor(str(expr), str(fam["pint"])),
        "pint": str(expr),
    }
    if record["factor"] is None:
        record["scale"], record["offset"] = units.affine(str(expr), str(fam["pint"]))
    return record


def _priority(form: list[Any]) -> tuple[str, int, bool, str]:
    """Sort key of ``[form, unit, rule, exact]``: the order the matcher tries forms in."""
    tokens, _ = _tokenize(form[0])
    return (tokens[0].lower(), -len(tokens), form[3], form[0])


def table() -> dict[str, Any]:
    """The generated table as a JSON-ready dict (see the module docstring)."""
    with SELECTION.open("rb") as handle:
        config = tomllib.load(handle)
    families: Mapping[str, Any] = config["family"]
    amb: Mapping[str, Any] = config["ambiguous"]
    never = frozenset(amb["never"])
    glued = frozenset(amb["glued"])
    inch = frozenset(amb["inch"])
    pound = frozenset(s.lower() for s in amb["pound"])
    overrides: Mapping[str, str] = config.get("symbol_override", {})
    q3 = quantulum3_units()
    units = Pint()

    # (short name, record, names to pluralize, written forms taken as they are)
    entries: list[tuple[str, dict[str, Any], list[str], list[str]]] = []
    for qname, spec in config["unit"].items():
        data = q3.get(qname)
        if data is None:
            raise SystemExit(f"units.toml [unit] {qname!r}: not a quantulum3 unit")
        entity = str(data["entity"])
        record = _record(spec, config["entity"].get(entity, entity), families, units)
        as_is = [*data.get("symbols", ()), *config["add"].get(qname, ())]
        entries.append((str(spec["name"]), record, list(data.get("surfaces", ())), as_is))
    for spec in config["extra"].values():
        record = _record(spec, str(spec["family"]), families, units)
        surfaces, symbols = list(spec.get("surfaces", ())), list(spec.get("symbols", ()))
        entries.append((str(spec["name"]), record, surfaces, symbols))

    records: dict[str, dict[str, Any]] = {}
    for name, record, _, _ in entries:
        if records.setdefault(name, record) != record:
            raise SystemExit(f"units.toml: two units named {name!r} differ")

    # Every written form -> the short names of the units it may mean.
    forms: dict[str, set[str]] = {}
    for name, _, names_, as_is in entries:
        for surface in names_:
            if surface in never:
                continue
            for form in (surface, plural(surface)):
                if form not in never:
                    forms.setdefault(form, set()).add(name)
        for form in as_is:
            if form not in never:
                forms.setdefault(form, set()).add(name)

    # Case: a form matches in any case ("Kilometres", "US dollars", "KPH") unless it is a
    # symbol of one or two characters ("m", "in", "km"), holds a one-letter token
    # ("degrees C", "A$"), or differs from another form only by case ("MW" / "mW").
    lower_count: dict[str, set[str]] = {}
    for form, names in forms.items():
        lower_count.setdefault(form.lower(), set()).update(names)

    used: set[str] = set()  # units some form names (ambiguous ones included)
    rows: list[list[Any]] = []
    for form, names in forms.items():
        used.update(names)
        rule = "plain"
        chosen: str | None
        if form.lower() in pound:
            rule, chosen = "pound", None
        elif form in overrides:
            chosen = overrides[form]
        elif len(names) == 1:
            chosen = next(iter(names))
        else:
            continue  # one form, several units, no rule: ambiguous, never guessed
        if form in glued:
            rule = "glued"
        elif form in inch:
            rule = "inch"
        tokens, _ = _tokenize(form)
        if not tokens:
            continue
        exact = (
            (len(tokens) == 1 and len(form) <= 2)
            or any(len(t) == 1 and t.isalpha() for t in tokens)
            or len(lower_count[form.lower()]) > 1
        )
        rows.append([form, chosen, rule, exact])
    rows.sort(key=_priority)
    _check_ties(rows)

    before: set[tuple[str, str]] = set()
    for symbol in amb["before"]:
        code = overrides.get(symbol)
        names = forms.get(symbol, set())
        if code is None:
            if len(names) != 1:
                continue
            code = next(iter(names))
        if records[code]["family"].startswith("currency:"):
            before.add((symbol, code))

    return {
        "about": (
            "Generated by scripts/gen_units.py from numcheck/data/units.toml, quantulum3's "
            "unit data and pint. Do not edit: edit units.toml and rerun the script."
        ),
        "units": {name: records[name] for name in sorted(used)},
        "forms": rows,
        "before": [list(item) for item in sorted(before)],
        "inch_context": sorted(amb["inch_context"]),
        "pound_money_before": sorted({w.lower() for w in amb["pound_money_before"]}),
        "pound_mass_words": sorted({w.lower() for w in amb["pound_mass_words"]}),
    }


def _check_ties(rows: list[list[Any]]) -> None:
    """Forms the matcher could try in either order must mean the same: else the sort by
    form would decide a match, and the table would depend on an arbitrary order."""
    seen: dict[tuple[tuple[str, ...], bool], list[Any]] = {}
    for row in rows:
        tokens, _ = _tokenize(row[0])
        key = (tuple(t if row[3] else t.lower() for t in tokens), row[3])
        other = seen.setdefault(key, row)
        if (other[1], other[2]) != (row[1], row[2]):
            raise SystemExit(f"forms {other[0]!r} and {row[0]!r} tie but mean different units")


def render(data: Mapping[str, Any]) -> str:
    """JSON text, one unit, form or symbol a line (diffs stay readable)."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    def block(items: list[str], open_: str, close: str) -> str:
        return open_ + "\n" + ",\n".join("  " + item for item in items) + "\n" + close

    parts = [
        f'"about": {dump(data["about"])}',
        '"units": ' + block([f"{dump(k)}: {dump(v)}" for k, v in data["units"].items()], "{", "}"),
        '"forms": ' + block([dump(row) for row in data["forms"]], "[", "]"),
        '"before": ' + block([dump(row) for row in data["before"]], "[", "]"),
    ]
    parts += [f'"{key}": {dump(data[key])}' for key in WORD_LISTS]
    return "{\n" + ",\n".join(parts) + "\n}\n"


def build() -> str:
    """The text of ``units_generated.json`` from today's sources."""
    return render(table())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="default: %(default)s")
    args = parser.parse_args(argv)
    output: Path = args.output
    text = build()
    if args.check:
        if not output.is_file() or output.read_text(encoding="utf-8") != text:
            print(f"{output} is stale: run python scripts/gen_units.py")
            return 1
        print(f"{output} is up to date")
        return 0
    output.write_text(text, encoding="utf-8")
    data = json.loads(text)
    print(
        f"wrote {output}: {len(data['units'])} units, {len(data['forms'])} forms, "
        f"{len(data['before'])} symbols before numbers"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
