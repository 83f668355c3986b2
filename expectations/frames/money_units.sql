-- One row per money figure: its unit, whether that is an ISO 4217 code the currency alias seed
-- knows, and whether the reference rates cover it (the ECB publishes no rate for the New Taiwan
-- dollar or the pataca: such a figure is kept in its own currency, unconverted).
with iso_codes as (
    select distinct iso_code as currency_code from reference.currency_aliases
    union select distinct currency_code from intermediate.int_fx_rates
),

rated_codes as (
    select distinct currency_code from intermediate.int_fx_rates
    union select 'CNY' union select 'USD' union select 'EUR'
)

select
    f.figure_id as row_key,
    f.figure_id,
    f.document_id,
    f.surface_text,
    coalesce(f.unit, '<none>') as unit,
    f.unit in (select currency_code from iso_codes) as is_iso_currency,
    f.unit in (select currency_code from rated_codes) as has_reference_rate
from marts.fct_figure as f
where f.unit_class = 'currency'
