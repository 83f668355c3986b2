"""Checks the gold files of the meaning corpus against their documents.

    python benchmarks/meaning_corpus/check_gold.py [--corpus DIR] [GOLD_FILE ...]

--corpus names another corpus of the same layout (documents/, gold/), e.g.
benchmarks/meaning_corpus_zh; the default is this folder.

Each figure's `context` must occur exactly once in its document (whitespace runs compared as
one space), its `number` inside the context, and every field must hold an allowed value. Prints
one line per problem and exits 1 when there is any. The guide's mechanical conventions are checked
too: the year-end and 31 December labels, period types, indicators, and places and entities named
by another spelling of a catalog entity or reference place (the warehouse only outputs their ids).
"""

from __future__ import annotations

import csv
import hashlib
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from figures.ingest import sidecar_problem

CORPUS = Path(__file__).resolve().parent
CATALOG = CORPUS.parents[1] / "dbt_project" / "seeds" / "indicators.csv"
ENTITIES = CORPUS.parents[1] / "dbt_project" / "seeds" / "entities.csv"
QUALIFIERS = {"exact", "over", "about", "under"}
STATUSES = {"actual", "expected", "target"}
MEASURE_TYPES = {"stock", "flow", "rate", "change", "share", "price", "other"}
PERIOD_TYPES = {"point", "span", None}
PERIOD_RE = re.compile(
    r"\d{4}(-H[12]|-Q[1-4](/\d{4}-Q[1-4])?|-\d\d(/\d{4}-\d\d)?|-\d\d-\d\d(/\d{4}-\d\d-\d\d)?|/\d{4})?"
)


# The labelling guide's year-end convention: a stock "at the end of 2017" ("end-2017",
# "year-end 2017", "2017年底", "2017年末") takes the year it closes, `2017`; `2017-12` only when
# the text names December ("the end of December 2017", "2017年12月底").
YEAR_END_RE = re.compile(
    r"(?i:end(?:\s+of|-)\s*(?:the\s+year\s+)?|year[\s-]end\s+(?:of\s+)?)((?:19|20)\d\d)"
    r"|((?:19|20)\d\d)\s*(?i:year[\s-]end)|((?:19|20)\d\d)\s*年\s*(?:年底|年末|底|末)"
)
SENTENCE_END_RE = re.compile(r"[.!?。！？；;]\s|\n")


def names_december(sentence: str, year: int) -> bool:
    return bool(re.search(rf"(?i:dec(?:ember|\.)?)\s+(?:\d{{1,2}},?\s+)?{year}|{year}\s*年\s*12\s*月", sentence))


def located_inside_a_longer_number(context: str, number: str) -> bool:
    """Whether the first occurrence of `number` in `context`, where the benchmark locates the
    figure, touches more digits while a later one stands alone ("20" in "安徽2020年20家": the year's
    digits, not the count; a table's run of glued cells, "48.4124.393.2", has no other to take)."""

    def touches_digits(at: int) -> bool:
        before = context[at - 1] if at else ""
        after = context[at + len(number)] if at + len(number) < len(context) else ""
        return bool(number[:1].isdigit() and before.isdigit()) or bool(number[-1:].isdigit() and after.isdigit())

    first = context.index(number)
    later = [at for at in range(first + 1, len(context)) if context.startswith(number, at)]
    return touches_digits(first) and any(not touches_digits(at) for at in later)


def year_end_label_problem(text: str, context: str, figure: dict) -> str | None:
    """What is wrong with a stock's `YYYY-12` label when its sentence says the end of year YYYY."""
    label = re.fullmatch(r"(\d{4})-12", str(figure.get("period") or ""))
    at = text.find(context)
    if figure.get("measure_type") != "stock" or not label or at < 0:
        return None
    year = int(label.group(1))
    starts = [m.end() for m in SENTENCE_END_RE.finditer(text, 0, at)]
    end = SENTENCE_END_RE.search(text, at + len(context))
    sentence = text[starts[-1] if starts else 0 : end.start() if end else len(text)]
    years = {int(next(g for g in m.groups() if g)) for m in YEAR_END_RE.finditer(sentence)}
    if year in years and not names_december(sentence, year):
        return f"a stock at the end of {year} takes the year ('{year}'), not '{year}-12' (see Periods)"
    return None


# A stock dated to the day is that day, 31 December too ("as of December 31, 2019", 截至2021年12月31日):
# `2019-12-31`, not the year, which is for "the end of 2019" (年底, 年末).
def day_label_problem(text: str, context: str, figure: dict) -> str | None:
    """What is wrong with a stock's `YYYY` label when its sentence dates it to 31 December YYYY."""
    label = re.fullmatch(r"\d{4}", str(figure.get("period") or ""))
    at = text.find(context)
    if figure.get("measure_type") != "stock" or not label or at < 0:
        return None
    year = label.group(0)
    starts = [m.end() for m in SENTENCE_END_RE.finditer(text, 0, at)]
    end = SENTENCE_END_RE.search(text, at + len(context))
    sentence = text[starts[-1] if starts else 0 : end.start() if end else len(text)]
    day = rf"(?:截至|截止|(?i:as of|as at))\s*(?:{year}\s*年\s*12\s*月\s*31\s*[日号號]|(?i:december|dec\.?)\s+31,?\s+{year})"
    if re.search(day, sentence) and not YEAR_END_RE.search(sentence):
        return f"a stock dated {year}-12-31 by its sentence takes the day, not '{year}' (see Further conventions)"
    return None


# The labelling guide's indicator conventions (see Indicators): an indicator's measure type and
# definition bound what it holds. Each rule reads only the gold figure and the catalog row.
LEVEL_RE = re.compile(
    r"\b(national|state|provincial|city|municipal|county|district)[- ]level\b", re.IGNORECASE
)
NOT_NET_PROFIT_RE = re.compile(r"gross profit|operating (profit|income|loss)|ebitda|adjusted", re.IGNORECASE)


def indicator_problem(figure: dict, catalog: dict[str, dict]) -> str | None:
    """What is wrong with a figure's indicator under the guide's conventions, or None."""
    row = catalog.get(figure.get("indicator") or "")
    if row is None:
        return None
    measure, kind = figure.get("measure_type"), row["measure_type"]
    if not (measure == kind or (kind == "flow" and measure == "rate")):
        return f"a {measure} figure on {row['indicator_id']}, a {kind} indicator (a stock never takes a flow indicator or the reverse)"
    concept = str(figure.get("concept") or "")
    level = LEVEL_RE.search(concept)
    if level:
        word = level.group(1).lower()
        defined = (row["label"] + " " + row["definition"]).lower()
        if word not in defined and not (word == "state" and "national" in defined):
            return f"concept {concept!r} counts a {word}-level subset; {row['indicator_id']} counts the whole (see Indicators)"
    if row["indicator_id"] == "company_profit" and NOT_NET_PROFIT_RE.search(concept):
        return f"concept {concept!r} is not the net profit or loss company_profit holds (see Indicators)"
    return None


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def entity_ids_by_alias(rows) -> dict[str, str]:
    """Each catalog entity's Latin names and aliases as slugs ("macau"), mapped to its id
    ("macao"), so gold naming an entity by another spelling can be caught."""
    by_alias: dict[str, str] = {}
    for row in rows:
        for name in [row["name"], *row["aliases"].split("|")]:
            if slug(name):
                by_alias.setdefault(slug(name), row["entity_id"])
    return by_alias


def catalog_rows() -> tuple[list[dict], list[dict]]:
    """The entities seed's rows, and the reference places the warehouse adds (China's divisions
    and zones, world cities: orchestration/defs/reference/places.py) whose ids the seed does not
    hold, as dbt's int_entity_catalog lets the seed win."""
    sys.path.insert(0, str(CORPUS.parents[1]))
    from orchestration.defs.reference import places  # here: building the rows takes a few seconds

    with ENTITIES.open(encoding="utf-8") as handle:
        seed = list(csv.DictReader(handle))
    seed_ids = {row["entity_id"] for row in seed}
    return seed, [row for row in places.place_rows() if row["entity_id"] not in seed_ids]


def catalog_aliases() -> tuple[dict[str, str], dict[str, str]]:
    """entity_ids_by_alias over the entities seed, and over the seed and the reference places
    (catalog_rows), the seed's ids winning: a zone named by its alias (`tianjin_high_tech_zone`)
    is caught too. The places are read for `geography` only: a place's alias may be an
    organisation's slug ("HKSTP")."""
    seed, reference = catalog_rows()
    by_alias = entity_ids_by_alias(seed)
    return by_alias, {**entity_ids_by_alias(reference), **by_alias}


def entity_id_problem(
    figure: dict, by_alias: dict[str, str], place_aliases: dict[str, str] | None = None
) -> str | None:
    """A geography or entity written as another spelling of a catalog entity (or, for a
    geography, of a reference place in `place_aliases`): the warehouse only ever outputs the
    catalog's id, so such a label can never be matched."""
    for field, aliases in (("geography", place_aliases or by_alias), ("entity", by_alias)):
        value = figure.get(field)
        if isinstance(value, str) and value not in set(aliases.values()) and aliases.get(value, value) != value:
            return f"{field} {value!r} is the catalog entity {aliases[value]!r}: use its id"
    return None


# The labelling guide's period types (see Period types): the measure type decides them, dated or
# not; only an undated `other` (a cap, a term, a count of items) has none.
def period_type_problem(figure: dict) -> str | None:
    """What is wrong with a figure's period type under the guide's conventions, or None."""
    measure, kind, period = figure.get("measure_type"), figure.get("period_type"), figure.get("period")
    if measure == "other" and period is None:
        return None if kind is None else f"an undated other figure has period_type null, not {kind!r} (see Period types)"
    if kind is None:
        return f"a {'dated ' if period is not None else ''}{measure} figure needs a period_type (null only for an undated other)"
    if measure in ("flow", "change") and kind != "span":
        return f"a {measure} is span, not {kind!r} (see Period types)"
    averaged = "average" in str(figure.get("concept") or "") or re.search(r"/|-[QH]", str(period or ""))
    if measure == "stock" and kind != "point" and not averaged:
        return f"a stock is point, not {kind!r}, unless averaged over a period (see Period types)"
    return None


def split_of(document_id: str) -> str:
    digest = int(hashlib.sha256(document_id.encode("utf-8")).hexdigest(), 16)
    return "holdout" if digest % 3 == 0 else "dev"


def part_of(document_id: str) -> str:
    """holdout, or the dev half (dev-a, dev-b) of the same digest: rules written from dev-a's
    errors are checked on dev-b, documents nobody read while writing them."""
    digest = int(hashlib.sha256(document_id.encode("utf-8")).hexdigest(), 16)
    if digest % 3 == 0:
        return "holdout"
    return "dev-a" if (digest // 3) % 2 == 0 else "dev-b"


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def read_yaml(path: Path):
    """A gold file's or sidecar's YAML, read by libyaml where PyYAML has it: the same values for
    both corpora's gold, in an eighth of the CPU of PyYAML's pure-Python reader (1.5 against 11.5 s)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def documents(corpus: Path | None = None) -> dict[str, Path]:
    corpus = corpus or CORPUS  # read at call time: callers may point CORPUS elsewhere
    return {
        path.stem: path
        for path in (corpus / "documents").rglob("*")
        if path.is_file() and not path.name.endswith(".meta.yml")
    }


def page_key(url: str) -> str:
    """A page's address without what varies between copies of one page: scheme, a www./m. host
    prefix, letter case of the host, a trailing slash."""
    address = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.IGNORECASE)
    host, _, path = address.partition("/")
    host = re.sub(r"^(?:www\d?|m|wap)\.", "", host.lower())
    return f"{host}/{path}".rstrip("/")


def same_pages(corpora: list[Path]) -> list[str]:
    """Documents whose sidecars give the same page (one page labelled twice would count its
    figures twice and could put one text in both dev and holdout)."""
    seen: dict[str, list[str]] = {}
    for corpus in corpora:
        for sidecar in sorted((corpus / "documents").rglob("*.meta.yml")):
            url = (read_yaml(sidecar) or {}).get("url")
            if url:
                seen.setdefault(page_key(str(url)), []).append(sidecar.name.removesuffix(".meta.yml"))
    return [f"one page, several documents: {', '.join(names)} ({key})" for key, names in seen.items() if len(names) > 1]


def problems(
    gold_path: Path, docs: dict[str, Path], indicators: dict[str, dict], by_alias: dict[str, str] | None = None,
    place_aliases: dict[str, str] | None = None,
) -> list[str]:
    gold = read_yaml(gold_path)
    found: list[str] = []
    document_id = gold.get("document_id")
    if document_id != gold_path.stem:
        found.append(f"document_id {document_id!r} is not the file's stem")
    if document_id not in docs:
        return [*found, f"no document {document_id!r} under documents/"]
    sidecar = docs[document_id].with_name(docs[document_id].name + ".meta.yml")
    refused = sidecar_problem(sidecar.parents[2], sidecar) if sidecar.is_file() else f"no sidecar {sidecar.name}"
    if refused:
        found.append(f"ingestion would quarantine the document: {refused}")
    if gold.get("split") != split_of(document_id):
        found.append(f"split should be {split_of(document_id)}")
    text = squeeze(docs[document_id].read_text(encoding="utf-8"))
    for position, figure in enumerate(gold.get("figures") or [], 1):
        where = f"figure {position} ({figure.get('number')!r})"
        context = squeeze(str(figure.get("context", "")))
        count = text.count(context)
        if count != 1:
            found.append(f"{where}: context occurs {count} times in the document")
        number = str(figure.get("number", ""))
        if number not in context:
            found.append(f"{where}: number not inside its context")
        elif located_inside_a_longer_number(context, number):
            found.append(f"{where}: the number's first occurrence in its context is part of a longer one (a year?)")
        if figure.get("value") is None and figure.get("value_low") is None and figure.get("value_high") is None:
            found.append(f"{where}: no value")
        checks = [
            ("qualifier", QUALIFIERS), ("status", STATUSES), ("measure_type", MEASURE_TYPES),
            ("period_type", PERIOD_TYPES),
        ]  # fmt: skip
        for field, allowed in checks:
            if figure.get(field) not in allowed:
                found.append(f"{where}: {field} {figure.get(field)!r} not in {sorted(map(str, allowed))}")
        period = figure.get("period")
        if period is not None and not PERIOD_RE.fullmatch(str(period)):
            found.append(f"{where}: period {period!r} is not a warehouse period label")
        kind = period_type_problem(figure)
        if kind:
            found.append(f"{where}: {kind}")
        day = day_label_problem(text, context, figure)
        if day:
            found.append(f"{where}: {day}")
        year_end = year_end_label_problem(text, context, figure)
        if year_end:
            found.append(f"{where}: {year_end}")
        if figure.get("indicator") is not None and figure["indicator"] not in indicators:
            found.append(f"{where}: indicator {figure['indicator']!r} is not in the catalog")
        convention = indicator_problem(figure, indicators)
        if convention:
            found.append(f"{where}: {convention}")
        if not figure.get("unit"):
            found.append(f"{where}: no unit")
        spelled = entity_id_problem(figure, by_alias or {}, place_aliases)
        if spelled:
            found.append(f"{where}: {spelled}")
    return found


def main(argv: list[str]) -> int:
    corpus = CORPUS
    if argv[:1] == ["--corpus"] and len(argv) > 1:
        corpus, argv = Path(argv[1]).resolve(), argv[2:]
    docs = documents(corpus)
    with CATALOG.open(encoding="utf-8") as handle:
        indicators = {row["indicator_id"]: row for row in csv.DictReader(handle)}
    by_alias, place_aliases = catalog_aliases()
    paths = [Path(a) for a in argv] or sorted((corpus / "gold").glob("*.yml"))
    failed = False
    for path in paths:
        for problem in problems(path, docs, indicators, by_alias, place_aliases):
            failed = True
            print(f"{path.name}: {problem}")
    for problem in same_pages([corpus]):
        failed = True
        print(problem)
    print(f"{len(paths)} gold files checked")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
