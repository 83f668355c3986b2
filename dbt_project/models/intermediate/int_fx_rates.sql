-- Annual average FX rates used to convert money: the CNY and USD value of one unit of each
-- currency in a calendar year, with the last ECB rate date of that year as the rate date.
with rates as (
    select * from {{ ref('stg_reference__fx_rates') }}
),

final as (
    select
        currency_code,
        rate_year,
        cny_per_unit,
        usd_per_unit,
        n_rate_days,
        first_rate_date,
        last_rate_date as rate_date,
        rate_basis,
        rate_source,
        rate_source_version,
        -- A year still in progress when the package was released averages fewer days.
        n_rate_days >= 200 as is_full_year
    from rates
)

select * from final
