-- One row per money figure: its unit and whether it is an ISO 4217 code with a reference rate.
with known_codes as (
    select distinct currency_code from intermediate.int_fx_rates
    union select 'CNY' union select 'USD' union select 'EUR'
)
select
    f.figure_id as row_key,
    f.figure_id,
    f.document_id,
    f.surface_text,
    coalesce(f.unit, '<none>') as unit,
    f.unit in (select currency_code from known_codes) as is_iso_currency
from marts.fct_figure as f
where f.unit_class = 'currency'
