#!/usr/bin/env python3
"""Writes the entity finder's gazetteer (core/src/analysis/gazetteer.cpp includes it) from Debian's
iso-codes package, at build time, so no list of places is typed or copied into the repository.

    make_gazetteer.py ISO_CODES_JSON_DIR OUT.inc

The output is two C string literals of folded names, one a line, sorted by bytes:
    kCountries: ISO 3166-1 `name`, `common_name` and a two-word `official_name` ("Czech Republic"),
                the part of a name before its comma ("Korea, Republic of" -> "Korea"), the former
                countries of ISO 3166-3 ("Burma", "USSR", "Zaire"), and the few aliases below;
    kRegions:   ISO 3166-2 subdivisions of the federal kinds (states, Länder, cantons, emirates,
                territories, autonomous communities and regions, the nations of the UK), the
                provinces of countries with few of them (MAX_PROVINCES), continents, minus the names
                below that are ordinary words or people's names.
Folding matches broadsheet::search::fold() with diacritics folded: NFKD, case fold, combining
accents dropped, ’ -> ', then NFC.

Why not every subdivision: the 3,600 first-level subdivisions in iso_3166-2.json are ~18 kB
gzipped, mostly local-language names of districts that news in English rarely writes bare
("Amurskaja oblast'"), and single words that are ordinary words ("Central", "Lakes", "Delta").
Provinces, prefectures and regions are usually written with their noun ("Hubei province",
"Aichi prefecture"), which the entity finder's context cue catches without a list; states and
Länder are written bare ("in California", "in Bahia"). What is kept is ~3 kB gzipped, the
countries ~1.7 kB.
"""
import json
import re
from collections import Counter
import sys
import unicodedata
from pathlib import Path

# Names people write that ISO does not list in any field, each with why. Countries unless marked.
ALIASES = [
    "US", "U.S.", "USA", "U.S.A.", "America",  # ISO: "United States"
    "UK", "U.K.", "Britain", "Great Britain",  # ISO: "United Kingdom"
    "Northern Ireland",  # a UK "Province" in ISO 3166-2, not a federal kind
    "Russia",  # ISO: "Russian Federation", no common_name
    "Soviet Union",  # ISO 3166-3 has only "USSR"; "Union" would otherwise make it an organisation
    "West Germany", "East Germany",  # ISO 3166-3 has "German Democratic Republic" only
    "Turkey",  # ISO (iso-codes >= 4.11): "Türkiye"
    "Ivory Coast", "Cape Verde", "Swaziland", "Macedonia",  # ISO's current or local forms differ
    "Brunei", "Macau", "Vatican",  # ISO: "Brunei Darussalam", "Macao", "Holy See (...)"
    "Holland",  # ISO: "Netherlands"; the news (Reuters' commodity tables) often writes Holland
]
REGION_ALIASES = [
    "Tibet", "Inner Mongolia", "Xinjiang", "Guangxi", "Ningxia",  # ISO's pinyin autonomous regions
    # Continents and world regions: not in ISO 3166, and as common in the news as countries.
    "Europe", "Asia", "Africa", "North America", "South America", "Latin America", "Middle East",
    "Western Europe", "Eastern Europe", "Southeast Asia",
]

# Subdivision types whose names are written bare in the news.
FEDERAL_TYPES = {
    "State", "Land", "Canton", "Emirate", "Territory", "Union territory", "Autonomous community",
    "Autonomous region", "Country", "Federal district", "Special administrative region",
    "Capital territory",
}
# Provinces too where a country has at most this many first-level units (Canada's 13, South
# Africa's 9): few provinces are named often and bare ("in Quebec"); China's 34 are not listed
# ("Hubei province" is found by its noun). +0.8 kB gzipped.
MAX_PROVINCES = 15
# Subdivision names that are mostly something else in English text: ordinary words, weekday
# abbreviations, people's given names and surnames. [en]
NOT_PLACES = {
    "central", "northern", "southern", "eastern", "western", "north", "south", "east", "west",
    "lakes", "unity", "plateau", "rivers", "delta", "capital", "mon", "chin", "lara", "miranda",
    "hidalgo", "guerrero", "morelos", "bolivar", "sucre", "trujillo", "sabah", "falcon",
}
# Words of the Chinese subdivision names that say what kind of unit it is ("Hubei Sheng").
CN_SUFFIXES = (" sheng", " shi", " zizhiqu", " sar")


def is_foldable_mark(cp):
    """The combining marks broadsheet::search::fold() removes (core/src/search/analyzer.cpp)."""
    return (0x0300 <= cp <= 0x036F or 0x0483 <= cp <= 0x0489 or 0x0591 <= cp <= 0x05BD
            or cp in (0x05BF, 0x05C1, 0x05C2, 0x05C4, 0x05C5, 0x05C7) or 0x064B <= cp <= 0x065F
            or cp in (0x0670, 0x0640) or 0x1AB0 <= cp <= 0x1AFF or 0x1DC0 <= cp <= 0x1DFF
            or 0x20D0 <= cp <= 0x20FF or 0xFE20 <= cp <= 0xFE2F)


def fold(name):
    s = unicodedata.normalize("NFKD", name).casefold()
    s = "".join("'" if c in "\u2018\u2019" else c for c in s if not is_foldable_mark(ord(c)))
    return unicodedata.normalize("NFC", " ".join(s.split()))


def forms(name):
    """A name and its usable variants: without "[...]" notes, before the comma, without "(...)"."""
    out = []
    for part in re.findall(r"\[([^\]]*)\]", name):  # "Catalunya [Cataluña]", not "[Cymru GB-CYM]"
        if not re.search(r"[A-Z]{2}-", part):
            out.append(part)
    name = re.sub(r"\s*\[[^\]]*\]", "", name)
    name = re.sub(r"\s*\([^)]*\)", "", name).replace("*", "")  # "Holy See (Vatican City State)"
    out.append(name.split(",")[0])  # "Korea, Republic of" -> "Korea"
    if "," not in name:
        out.append(name)
    return [n.strip() for n in out if n.strip()]


def main(src, out):
    src = Path(src)
    countries, regions = set(), set()
    for c in json.loads((src / "iso_3166-1.json").read_text("utf-8"))["3166-1"]:
        for field in ("name", "common_name"):
            if field in c:
                countries.update(fold(n) for n in forms(c[field]))
        # Official names of two words only ("Czech Republic", "Swiss Confederation"); the longer
        # ones ("Republic of Korea") are found by their place word ("republic", "kingdom").
        official = c.get("official_name", "")
        if len(official.split()) == 2:
            countries.add(fold(official))
    for c in json.loads((src / "iso_3166-3.json").read_text("utf-8"))["3166-3"]:
        countries.update(fold(n) for n in forms(c["name"]))
    countries.update(fold(n) for n in ALIASES)
    subdivisions = json.loads((src / "iso_3166-2.json").read_text("utf-8"))["3166-2"]
    first_level = Counter(s["code"][:2] for s in subdivisions if "parent" not in s)
    for s in subdivisions:
        if "parent" in s:
            continue
        few_provinces = s["type"] == "Province" and first_level[s["code"][:2]] <= MAX_PROVINCES
        if s["type"] not in FEDERAL_TYPES and not few_provinces:
            continue
        for n in forms(s["name"]):
            f = fold(n)
            for suffix in CN_SUFFIXES:
                if s["code"].startswith("CN-") and f.endswith(suffix):
                    f = f[: -len(suffix)]
            if f not in NOT_PLACES:
                regions.add(f)
    regions.update(fold(n) for n in REGION_ALIASES)
    regions -= countries

    def literal(names):
        # Octal escapes for non-ASCII bytes (at most three digits, so no letter after one is
        # eaten); a source line holds whole names.
        def escape(b):
            return "".join(chr(c) if 32 <= c < 127 and c not in (34, 92) else "\\%03o" % c for c in b)
        out, line = [], ""
        for n in sorted(n.encode("utf-8") for n in names):
            item = escape(n + b"\n")
            if line and len(line) + len(item) > 92:
                out.append('    "%s"' % line)
                line = ""
            line += item
        out.append('    "%s"' % line)
        return "\n".join(out)

    Path(out).write_text(
        "// Generated by core/src/analysis/make_gazetteer.py from %s: do not edit.\n"
        "// %d country names, %d region names; folded, one a line, sorted by bytes.\n"
        "constexpr char kCountries[] =\n%s;\n"
        "constexpr char kRegions[] =\n%s;\n"
        % (src, len(countries), len(regions), literal(countries), literal(regions)),
        "utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: make_gazetteer.py ISO_CODES_JSON_DIR OUT.inc")
    main(sys.argv[1], sys.argv[2])
