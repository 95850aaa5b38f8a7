"""The generated unit table: in step with its sources, every factor and conversion as pint
says, and no pint or quantulum3 at run time (``scripts/gen_units.py``, ``docs/units.md``).

The drift and pint tests need the development dependencies (``pip install -e '.[test]'``)
and are skipped, with the reason, without them; the run-time tests never need them.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli import run

from numcheck._units import convert, same_family, unit_info

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "numcheck" / "data" / "units_generated.json"
SELECTION = ROOT / "numcheck" / "data" / "units.toml"
SCRIPT = ROOT / "scripts" / "gen_units.py"

HAS_PINT = importlib.util.find_spec("pint") is not None
HAS_QUANTULUM3 = importlib.util.find_spec("quantulum3") is not None
NEEDS_PINT = pytest.mark.skipif(not HAS_PINT, reason="pint is not installed (the test extra)")
NEEDS_SOURCES = pytest.mark.skipif(
    not (HAS_PINT and HAS_QUANTULUM3),
    reason="quantulum3 and pint are not installed (the test extra): nothing to rebuild from",
)


@cache
def table() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(TABLE.read_text(encoding="utf-8"))
    return data


@cache
def family_pint() -> dict[str, str]:
    """Family -> the pint unit of its base, from our selection (units.toml)."""
    with SELECTION.open("rb") as handle:
        families = tomllib.load(handle)["family"]
    return {name: fam["pint"] for name, fam in families.items() if "pint" in fam}


@cache
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_units", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@cache
def registry() -> Any:
    import pint

    return pint.UnitRegistry()


def pint_convert(value: float, src: str, dst: str) -> float:
    """``value`` in pint unit ``src`` expressed in ``dst``, by pint itself."""
    ureg = registry()
    unit, target = ureg.parse_expression(src), ureg.parse_expression(dst)  # "10 * year"
    quantity = value * unit if unit._is_multiplicative else ureg.Quantity(value, src)
    if not target._is_multiplicative:
        return float(quantity.to(dst).magnitude)
    return float(quantity.to(target.units).magnitude / target.magnitude)


def units_with_pint() -> Iterator[Any]:
    for name, record in table()["units"].items():
        if record["pint"] is not None:
            yield pytest.param(name, record, id=name)


# -- the committed file and its sources -----------------------------------------------


@NEEDS_SOURCES
def test_committed_table_equals_a_rebuild() -> None:
    rebuilt = generator().build()
    assert rebuilt == TABLE.read_text(encoding="utf-8"), "run: python scripts/gen_units.py"


@NEEDS_SOURCES
def test_the_script_writes_and_checks_a_file(tmp_path: Path) -> None:
    out = tmp_path / "units.json"
    script = [sys.executable, str(SCRIPT), "--output", str(out)]
    wrote = subprocess.run(script, capture_output=True, text=True, check=False)
    assert wrote.returncode == 0, wrote.stderr
    assert out.read_bytes() == TABLE.read_bytes()  # the same bytes on every run
    out.write_text(out.read_text(encoding="utf-8").replace('"km"', '"kms"'), encoding="utf-8")
    stale = subprocess.run([*script, "--check"], capture_output=True, text=True, check=False)
    assert stale.returncode == 1 and "stale" in stale.stdout


def test_the_table_is_sorted() -> None:
    data = table()
    assert list(data["units"]) == sorted(data["units"])
    assert data["before"] == sorted(data["before"])
    for key in ("inch_context", "pound_money_before", "pound_mass_words"):
        assert data[key] == sorted(set(data[key])), key
    forms = [row[0] for row in data["forms"]]
    assert len(forms) == len(set(forms))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("kilometre per hour", "kilometres per hour", id="head-before-per"),
        pytest.param("degree Celsius", "degrees Celsius", id="degree-first"),
        pytest.param("square foot", "square feet", id="irregular"),
        pytest.param("inch", "inches", id="es"),
        pytest.param("century", "centuries", id="y-to-ies"),
        pytest.param("day", "days", id="vowel-y"),
        pytest.param("km", "km", id="symbol-as-is"),
        pytest.param("yen", "yen", id="invariable"),
        pytest.param("barrel a day", "barrels a day", id="head-before-a"),
    ],
)
def test_generator_plural(name: str, expected: str) -> None:
    assert generator().plural(name) == expected


# -- factors and conversions against pint -----------------------------------------------


@NEEDS_PINT
@pytest.mark.parametrize(("name", "record"), list(units_with_pint()))
def test_factor_is_pint_s(name: str, record: dict[str, Any]) -> None:
    base = family_pint()[record["family"]]
    if record["factor"] is None:  # an offset scale: pint's scale and offset to the base
        assert pint_convert(0.0, record["pint"], base) == record["offset"]
        assert pint_convert(1.0, record["pint"], base) == pytest.approx(
            record["scale"] + record["offset"], rel=1e-15
        )
    else:
        assert record["factor"] == pytest.approx(pint_convert(1.0, record["pint"], base), rel=1e-12)
    info = unit_info(name)
    assert info is not None and info.factor == record["factor"]


def test_units_pint_does_not_know_have_the_selection_s_factor() -> None:
    with SELECTION.open("rb") as handle:
        config = tomllib.load(handle)
    fixed = {
        spec["name"]: spec["factor"]
        for spec in [*config["unit"].values(), *config["extra"].values()]
        if "factor" in spec
    }
    assert fixed  # basis points, percentage points
    for name, factor in fixed.items():
        assert table()["units"][name]["factor"] == factor, name


def families() -> list[str]:
    return sorted({record["family"] for record in table()["units"].values() if record["pint"]})


@NEEDS_PINT
@pytest.mark.parametrize("family", families())
def test_every_conversion_within_a_family_is_pint_s(family: str) -> None:
    units = {n: r["pint"] for n, r in table()["units"].items() if r["family"] == family}
    pairs = [(a, b) for a, b in itertools.product(sorted(units), repeat=2) if a != b and units[a]]
    assert pairs or len(units) == 1, family
    for (a, b), value in itertools.product(pairs, (1.0, 37.5, -40.0, 1e6)):
        if units[b] is None:  # no pint unit (a fixed factor): checked against units.toml
            continue
        assert same_family(a, b)
        expected = pint_convert(value, units[a], units[b])
        assert convert(value, a, b) == pytest.approx(expected, rel=1e-12), (a, b, value)


TEMPERATURES = ["K", "°C", "°F"]


@NEEDS_PINT
@settings(max_examples=300, deadline=None)
@given(
    value=st.floats(-1e9, 1e9, allow_nan=False),
    src=st.sampled_from(TEMPERATURES),
    dst=st.sampled_from(TEMPERATURES),
)
def test_offset_scales_convert_exactly_as_pint(value: float, src: str, dst: str) -> None:
    """°C and °F convert with pint's own scale and offset, in pint's order: same bits."""
    units = table()["units"]
    expected = value if src == dst else pint_convert(value, units[src]["pint"], units[dst]["pint"])
    assert convert(value, src, dst) == expected


# -- run time: neither pint nor quantulum3 --------------------------------------------

BLOCK = "import sys\nfor name in ('pint', 'quantulum3'):\n    sys.modules[name] = None\n"


def test_temperatures_convert_with_pint_and_quantulum3_absent() -> None:
    code = (
        BLOCK + "import numcheck\n"
        "from numcheck._units import convert, unit_after\n"
        "print(numcheck.extract('It was 104 °F (40 °C) in Delhi and 3 km away.')[:0])\n"
        "print(unit_after('35 °C', 2).name, round(convert(100, '°C', '°F'), 9),"
        " round(convert(212, '°F', 'K'), 9), convert(1, 'km', 'm'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[1] == "°C 212.0 373.15 1000.0"


def test_check_runs_with_pint_and_quantulum3_absent() -> None:
    prelude = (
        BLOCK + "import atexit\n"
        "atexit.register(lambda: print('LOADED', sorted(m for m in ('pint', 'quantulum3', "
        "'inflect', 'typeguard') if sys.modules.get(m)), file=sys.stderr))"
    )
    result = run("check", str(ROOT / "seeds"), prelude=prelude)
    assert result.returncode in (0, 1), result.stderr
    assert "LOADED []" in result.stderr
    assert "1,70,300" in result.stdout
