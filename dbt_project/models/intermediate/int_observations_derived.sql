-- Values the documents imply without stating them, each linked to the observation it comes
-- from and never mixed with reported values:
--   annualised             a per-day/per-month figure times the periods in a year (rate_bases seed);
--   prior_period_implied   the previous period's value implied by a growth rate stated right after
--                          a figure ("5,739 makerspaces ..., an increase of over 33% compared with
--                          2016" -> 2016 at most about 4,315). Bounds follow the qualifiers: a
--                          growth of "over" g gives an upper bound on the prior value.
with reported as (
    select * from {{ ref('int_observations_reported') }}
    where {{ in_changed_documents() }}
),

figures as (
    select * from {{ ref('int_figures_classified') }}
    where {{ in_changed_documents() }}
),

rate_bases as (
    select * from {{ ref('rate_bases') }}
),

annualised as (
    select
        reported.observation_id || ':annualised' as observation_id,
        reported.observation_id as parent_observation_id,
        'annualised' as derivation,
        reported.* exclude (observation_id, rate_basis, value_low, value_high, value_point, value_central,
            value_cny_low, value_cny_high, value_cny, value_usd_low, value_usd_high, value_usd),
        'year' as rate_basis,
        reported.rate_basis as derived_from_rate_basis,
        cast(null as varchar) as growth_mention_id,
        cast(null as double) as growth_percent,
        {{ apply_factors('reported.value_low', ['rate_bases.periods_per_year']) }} as value_low,
        {{ apply_factors('reported.value_high', ['rate_bases.periods_per_year']) }} as value_high,
        {{ apply_factors('reported.value_point', ['rate_bases.periods_per_year']) }} as value_point,
        {{ apply_factors('reported.value_central', ['rate_bases.periods_per_year']) }} as value_central,
        {{ apply_factors('reported.value_cny_low', ['rate_bases.periods_per_year']) }} as value_cny_low,
        {{ apply_factors('reported.value_cny_high', ['rate_bases.periods_per_year']) }} as value_cny_high,
        {{ apply_factors('reported.value_cny', ['rate_bases.periods_per_year']) }} as value_cny,
        {{ apply_factors('reported.value_usd_low', ['rate_bases.periods_per_year']) }} as value_usd_low,
        {{ apply_factors('reported.value_usd_high', ['rate_bases.periods_per_year']) }} as value_usd_high,
        {{ apply_factors('reported.value_usd', ['rate_bases.periods_per_year']) }} as value_usd
    from reported
    inner join rate_bases
        on reported.rate_basis = rate_bases.rate_basis
        and rate_bases.basis_kind = 'time'
        and rate_bases.periods_per_year <> 1
),

-- A growth rate belongs to the classified figure just before it in the same sentence.
growth_rates as (
    select
        mention_id as growth_mention_id,
        value_stated as growth_percent,
        qualifier as growth_qualifier,
        change_direction,
        change_basis_text,
        comparison_label as growth_comparison_label,
        parent_mention_id
    from (
        select
            figures.*,
            lag(case when figures.indicator_id is not null and figures.unit_class <> 'percent' then figures.mention_id end)
                over (partition by figures.sentence_id order by figures.start_char) as parent_mention_id
        from figures
        where figures.equivalent_mention_id is null
    )
    where unit = 'percent'
        and change_direction in ('increase', 'decrease')
        and indicator_id is null
        -- Directly after its classified figure: no other figure in between.
        and parent_mention_id is not null
),

prior_inputs as (
    select
        reported.*,
        growth_rates.growth_mention_id,
        growth_rates.growth_percent,
        growth_rates.growth_qualifier,
        growth_rates.change_direction,
        -- The comparison period: as the text states it, else the previous year for a
        -- year-on-year change of a yearly figure whose year the text gives (a publication-year
        -- fallback is a guess, and a guess minus one year is not worth a row).
        coalesce(
            growth_rates.growth_comparison_label,
            case
                when reported.period_granularity = 'year' and not reported.period_is_fallback
                    and regexp_matches(coalesce(growth_rates.change_basis_text, ''), '(?i)year-on-year|previous year|last year|a year earlier')
                    then (reported.period_year - 1)::varchar
            end
        ) as prior_period_label,
        case when growth_rates.change_direction = 'increase' then 1 + growth_rates.growth_percent / 100
            else 1 - growth_rates.growth_percent / 100 end as growth_factor,
        coalesce(reported.value_point, reported.value_low, reported.value_high) as base_value,
        coalesce(reported.value_cny, reported.value_cny_low, reported.value_cny_high) as base_value_cny,
        coalesce(reported.value_usd, reported.value_usd_low, reported.value_usd_high) as base_value_usd
    from reported
    inner join growth_rates on growth_rates.parent_mention_id = reported.mention_id
),

prior_bounded as (
    select
        *,
        -- Which way the true prior value can lie from the computed one.
        case
            -- a larger growth rate means a smaller prior value for an increase, larger for a decrease
            when growth_qualifier in ('exact', 'about') and qualifier in ('exact', 'about') then 'about'
            when growth_qualifier in ('exact', 'about') then qualifier
            when (growth_qualifier = 'over') = (change_direction = 'increase') then
                case when qualifier in ('exact', 'about', 'under') then 'under' else 'about' end
            else
                case when qualifier in ('exact', 'about', 'over') then 'over' else 'about' end
        end as prior_qualifier
    from prior_inputs
    where prior_period_label is not null and growth_factor > 0
),

prior_period as (
    select
        observation_id || ':prior' as observation_id,
        observation_id as parent_observation_id,
        'prior_period_implied' as derivation,
        * exclude (
            observation_id, rate_basis, value_low, value_high, value_point, value_central,
            value_cny_low, value_cny_high, value_cny, value_usd_low, value_usd_high, value_usd,
            period_label, period_granularity, period_start, period_end, period_year, qualifier,
            growth_mention_id, growth_percent, growth_qualifier, change_direction, prior_period_label,
            growth_factor, base_value, base_value_cny, base_value_usd, prior_qualifier
        ),
        rate_basis,
        cast(null as varchar) as derived_from_rate_basis,
        growth_mention_id,
        growth_percent,
        prior_period_label as period_label,
        'year' as period_granularity,
        make_date(try_cast(left(prior_period_label, 4) as integer), 1, 1) as period_start,
        make_date(try_cast(left(prior_period_label, 4) as integer), 12, 31) as period_end,
        try_cast(left(prior_period_label, 4) as integer) as period_year,
        prior_qualifier as qualifier,
        case when prior_qualifier <> 'under' then base_value / growth_factor end as value_low,
        case when prior_qualifier <> 'over' then base_value / growth_factor end as value_high,
        case when prior_qualifier = 'about' then base_value / growth_factor end as value_point,
        base_value / growth_factor as value_central,
        case when prior_qualifier <> 'under' then base_value_cny / growth_factor end as value_cny_low,
        case when prior_qualifier <> 'over' then base_value_cny / growth_factor end as value_cny_high,
        base_value_cny / growth_factor as value_cny,
        case when prior_qualifier <> 'under' then base_value_usd / growth_factor end as value_usd_low,
        case when prior_qualifier <> 'over' then base_value_usd / growth_factor end as value_usd_high,
        base_value_usd / growth_factor as value_usd
    from prior_bounded
)

select * from annualised
union all by name
select * from prior_period
