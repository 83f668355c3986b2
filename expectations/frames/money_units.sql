-- One row per money figure: its unit, and whether that is an ISO 4217 code the currency alias seed
-- knows. The reference rates need not cover it: the ECB publishes none for the New Taiwan dollar
-- or the pataca, and such a figure is kept in its own currency, unconverted
-- (int_observations_reported leaves it out).
with iso_codes as (
    select distinct iso_code as currency_code from reference.currency_aliases
    union select distinct currency_code from intermediate.int_fx_rates
)

select
    f.figure_id as row_key,
    f.figure_id,
    f.document_id,
    f.surface_text,
    coalesce(f.unit, '<none>') as unit,
    f.unit in (select currency_code from iso_codes) as is_iso_currency
from marts.fct_figure as f
where f.unit_class = 'currency'
