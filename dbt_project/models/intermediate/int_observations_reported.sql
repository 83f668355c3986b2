-- Figures classified to a catalog indicator, as observations in the indicator's canonical unit,
-- with money in CNY and USD at the annual average rate of the figure's year (the latest year
-- with rates when the figure's year has none, flagged), and the conversion the document states
-- itself ("53.96 billion yuan ($7.83 billion)") kept beside it with its implied rate. Money in a
-- currency without reference rates is left out (it cannot be put in the indicator's unit).
with figures as (
    select * from {{ ref('int_figures_classified') }}
    where {{ in_changed_documents() }}
),

indicators as (
    select * from {{ ref('indicators') }}
),

documents as (
    select document_id, source_tier, published_on from {{ ref('stg_documents') }}
    where {{ in_changed_documents() }}
),

fx_rates as (
    select * from {{ ref('int_fx_rates') }}
),

classified as (
    select figures.*
    from figures
    where figures.indicator_id is not null and figures.equivalent_mention_id is null
),

restatements as (
    select
        equivalent_mention_id as restated_mention_id,
        mention_id as equivalent_mention_id,
        unit as equivalent_unit,
        value_stated as equivalent_value
    from figures
    where equivalent_mention_id is not null
    qualify row_number() over (partition by equivalent_mention_id order by start_char) = 1
),

with_rates as (
    select
        classified.*,
        indicators.canonical_unit,
        indicators.level as indicator_level,
        indicators.expected_rate_basis,
        indicators.plausible_min,
        indicators.plausible_max,
        documents.source_tier,
        documents.published_on as document_published_on,
        figure_fx.cny_per_unit as fx_cny_per_unit,
        figure_fx.usd_per_unit as fx_usd_per_unit,
        canonical_fx.cny_per_unit as canonical_cny_per_unit,
        usd_fx.cny_per_unit as fx_rate_cny_per_usd,
        figure_fx.rate_year as fx_rate_year,
        figure_fx.rate_date as fx_rate_date,
        figure_fx.rate_basis as fx_rate_basis,
        restatements.equivalent_mention_id as stated_equivalent_mention_id,
        restatements.equivalent_unit as stated_equivalent_unit,
        restatements.equivalent_value as stated_equivalent_value
    from classified
    inner join indicators using (indicator_id)
    left join documents using (document_id)
    -- The figure's year, or the latest earlier year with rates.
    asof left join fx_rates as figure_fx
        on classified.unit_class = 'currency'
        and figure_fx.currency_code = classified.unit
        and classified.period_year >= figure_fx.rate_year
    asof left join fx_rates as canonical_fx
        on classified.unit_class = 'currency'
        and canonical_fx.currency_code = indicators.canonical_unit
        and classified.period_year >= canonical_fx.rate_year
    asof left join fx_rates as usd_fx
        on classified.unit_class = 'currency'
        and usd_fx.currency_code = 'USD'
        and classified.period_year >= usd_fx.rate_year
    left join restatements on restatements.restated_mention_id = classified.mention_id
),

converted as (
    select
        *,
        case
            when unit_class <> 'currency' or unit = canonical_unit then 1.0
            else fx_cny_per_unit / canonical_cny_per_unit
        end as factor_to_indicator_unit,
        case when unit_class = 'currency' then fx_cny_per_unit end as factor_to_cny,
        -- USD through the CNY value and the recorded CNY-per-USD rate, so that the row's
        -- value_usd = value_cny / fx_rate_cny_per_usd exactly.
        case when unit_class = 'currency' then fx_cny_per_unit / fx_rate_cny_per_usd end as factor_to_usd
    from with_rates
),

final as (
    select
        mention_id || ':reported' as observation_id,
        mention_id,
        document_id,
        sentence_id,
        indicator_id,
        case when indicator_level = 'company' then entity_id end as entity_id,
        geography_id,
        period_label,
        period_granularity,
        period_start,
        period_end,
        period_year,
        period_is_fallback,
        period_source,
        comparison_label,
        status,
        qualifier,
        -- A price per kilogram stays per kilogram even when the text names the basis only once.
        coalesce(rate_basis, expected_rate_basis) as rate_basis,
        rate_basis is null and expected_rate_basis is not null as rate_basis_is_inferred,
        unit as unit_raw,
        value_stated as value_raw,
        canonical_unit as unit,
        {{ apply_factors('value_low', ['factor_to_indicator_unit']) }} as value_low,
        {{ apply_factors('value_high', ['factor_to_indicator_unit']) }} as value_high,
        {{ apply_factors('value_point', ['factor_to_indicator_unit']) }} as value_point,
        {{ apply_factors('coalesce(value_point, (value_low + value_high) / 2, value_low, value_high)', ['factor_to_indicator_unit']) }}
            as value_central,
        unit_class = 'currency' and unit <> canonical_unit as value_is_converted,
        {{ apply_factors('value_low', ['factor_to_cny']) }} as value_cny_low,
        {{ apply_factors('value_high', ['factor_to_cny']) }} as value_cny_high,
        {{ apply_factors('coalesce(value_point, (value_low + value_high) / 2, value_low, value_high)', ['factor_to_cny']) }}
            as value_cny,
        {{ apply_factors('value_low', ['factor_to_usd']) }} as value_usd_low,
        {{ apply_factors('value_high', ['factor_to_usd']) }} as value_usd_high,
        {{ apply_factors('coalesce(value_point, (value_low + value_high) / 2, value_low, value_high)', ['factor_to_usd']) }}
            as value_usd,
        case when unit_class = 'currency' then fx_rate_cny_per_usd end as fx_rate_cny_per_usd,
        case when unit_class = 'currency' then fx_rate_year end as fx_rate_year,
        case when unit_class = 'currency' then fx_rate_date end as fx_rate_date,
        case when unit_class = 'currency' then fx_rate_basis end as fx_rate_basis,
        unit_class = 'currency' and fx_rate_year is distinct from period_year as fx_rate_year_differs,
        stated_equivalent_mention_id,
        stated_equivalent_unit,
        stated_equivalent_value,
        -- The rate the document implies: units of the figure's currency per one unit of the restatement's.
        case when stated_equivalent_value > 0 then value_stated / stated_equivalent_value end as stated_implied_rate,
        case when stated_equivalent_value > 0 then unit || ' per ' || stated_equivalent_unit end as stated_implied_rate_unit,
        source_tier,
        document_published_on,
        plausible_min,
        plausible_max,
        classification_score,
        classification_method,
        classification_evidence
    from converted
    -- Money in a currency the reference rates do not cover (the New Taiwan dollar, the pataca)
    -- has no value in the indicator's unit: the figure stays in fct_figure, classified, in its
    -- own currency, and gives no observation to reconcile.
    where factor_to_indicator_unit is not null
)

select * from final
