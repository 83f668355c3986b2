{#- A run that materialises only some assets (no fx_reference_rates) finds no raw.fx_rates:
    the model is then empty, money is left unconverted and the value_cny check warns. -#}
with source as (
    {{ rows_if_loaded(source('reference_inputs', 'fx_rates'),
        'null::varchar as currency, null::integer as year, null::double as cny_per_unit, null::double as usd_per_unit, null::double as eur_per_unit, null::integer as n_rate_days, null::date as first_rate_date, null::date as last_rate_date, null::varchar as rate_basis, null::varchar as source, null::varchar as source_version') }}
),

renamed as (
    select
        currency as currency_code,
        year::integer as rate_year,
        cny_per_unit::double as cny_per_unit,
        usd_per_unit::double as usd_per_unit,
        eur_per_unit::double as eur_per_unit,
        n_rate_days::integer as n_rate_days,
        first_rate_date::date as first_rate_date,
        last_rate_date::date as last_rate_date,
        rate_basis,
        source as rate_source,
        source_version as rate_source_version
    from source
)

select * from renamed
