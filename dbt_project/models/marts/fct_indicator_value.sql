-- Reconciles observations across documents: one row per indicator x geography x entity x
-- period x status x rate basis x value basis (reported and derived values never mix). The
-- chosen value comes from the best source (tier 1 before 2 before 3), then the most recent
-- publication; sources agree when their value ranges overlap within the indicator's relative
-- tolerance ("over 1,600" agrees with 1,650, not with 1,500).
with observations as (
    select * from {{ ref('fct_indicator_observation') }}
),

indicators as (
    select indicator_id, agreement_tolerance from {{ ref('dim_indicator') }}
),

keyed as (
    select
        observations.*,
        -- Each observation as an interval; an open bound is unbounded on that side.
        coalesce(value_low, value_high) as interval_low,
        coalesce(value_high, value_low) as interval_high,
        value_low is null as is_open_below,
        value_high is null as is_open_above
    from observations
),

ranked as (
    select
        *,
        row_number() over (
            partition by indicator_value_id
            order by source_tier nulls last, document_published_on desc nulls last, observation_id
        ) as preference
    from keyed
),

grouped as (
    select
        indicator_value_id,
        any_value(indicator_id) as indicator_id,
        any_value(geography_id) as geography_id,
        any_value(entity_id) as entity_id,
        any_value(period_label) as period_label,
        any_value(period_year) as period_year,
        any_value(status) as status,
        any_value(rate_basis) as rate_basis,
        any_value(value_basis) as value_basis,
        any_value(is_derived) as is_derived,
        any_value(unit) as unit,
        count(*) as n_observations,
        count(distinct document_id) as n_sources,
        min(value_central) as min_value,
        max(value_central) as max_value,
        -- Largest lower bound and smallest upper bound over the sources (nulls: unbounded).
        max(case when not is_open_below then interval_low end) as max_lower_bound,
        min(case when not is_open_above then interval_high end) as min_upper_bound,
        bool_and(period_is_fallback) as period_is_fallback,
        string_agg(distinct document_id, ', ' order by document_id) as document_ids,
        string_agg(observation_id, ', ' order by observation_id) as observation_ids
    from ranked
    group by indicator_value_id
),

chosen as (
    select
        indicator_value_id,
        observation_id as chosen_observation_id,
        document_id as chosen_document_id,
        source_tier as chosen_source_tier,
        qualifier as chosen_qualifier,
        value_low as chosen_value_low,
        value_high as chosen_value_high,
        value_point as chosen_value_point,
        value_central as chosen_value,
        value_cny as chosen_value_cny,
        value_usd as chosen_value_usd
    from ranked
    where preference = 1
),

final as (
    select
        grouped.indicator_value_id,
        grouped.indicator_id,
        grouped.geography_id,
        grouped.entity_id,
        grouped.period_label,
        grouped.period_year,
        grouped.status,
        grouped.rate_basis,
        grouped.value_basis,
        grouped.is_derived,
        grouped.unit,
        chosen.chosen_value,
        chosen.chosen_qualifier,
        chosen.chosen_value_low,
        chosen.chosen_value_high,
        chosen.chosen_value_point,
        chosen.chosen_value_cny,
        chosen.chosen_value_usd,
        chosen.chosen_observation_id,
        chosen.chosen_document_id,
        chosen.chosen_source_tier,
        grouped.n_sources,
        grouped.n_observations,
        grouped.min_value,
        grouped.max_value,
        grouped.max_lower_bound is null
            or grouped.min_upper_bound is null
            or grouped.max_lower_bound - grouped.min_upper_bound
                <= indicators.agreement_tolerance * greatest(abs(grouped.max_lower_bound), abs(grouped.min_upper_bound))
            as values_agree,
        indicators.agreement_tolerance,
        grouped.period_is_fallback,
        grouped.document_ids,
        grouped.observation_ids
    from grouped
    inner join chosen using (indicator_value_id)
    inner join indicators using (indicator_id)
)

select * from final
