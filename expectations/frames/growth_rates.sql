-- One row per stated growth rate whose earlier period is also reported, by any document: the
-- growth implied by the current value and the reconciled value of the earlier period (one row
-- per rate, however many documents report that period), against the stated rate, and how far
-- it falls outside what the rate's qualifier allows ("about" +/- $about_tolerance_pp points, exact +/-
-- $exact_tolerance_pp, "over" at least the rate, "under" at most).
-- Compared only when both levels are firm readings: the current and the prior chosen figure
-- each have their period from their own text ($firm_period_sources) and their indicator from
-- the catalog cues matching the concept read from their own words. A growth rate "contradicted" by a level dated by
-- the discourse or the publication date is nearly always a level of another period.
with firm_observations as (
    select o.observation_id
    from marts.fct_indicator_observation as o
    inner join marts.fct_figure as f using (figure_id)
    inner join marts.dim_indicator as i on i.indicator_id = o.indicator_id
    left join concept_cue_matches as cues on cues.indicator_id = o.indicator_id and cues.concept = f.concept
    where list_contains($firm_period_sources::varchar[], o.period_source)
        and o.classification_method in ('cues', 'model')
        and coalesce(cues.matches_cues, false)
            -- the value's own counted noun (money has none: its concept is the reading)
            and (f.counted_noun is not null or f.unit_class = 'currency')
),

derived as (
    select * from marts.fct_indicator_observation where value_basis = 'prior_period_implied'
),

reported as (
    select * from marts.fct_indicator_observation where not is_derived
),

reconciled as (
    select * from marts.fct_indicator_value where value_basis = 'reported'
),

compared as (
    select
        derived.observation_id as row_key,
        current_value.figure_id,
        current_value.document_id,
        prior.chosen_document_id as prior_document_id,
        derived.indicator_id,
        coalesce(derived.geography_id, derived.entity_id, '') as place,
        current_value.period_label as current_period,
        prior.period_label as prior_period,
        current_value.value_central as current_value,
        prior.chosen_value as prior_value,
        derived.growth_percent as stated_growth_percent,
        coalesce(growth.qualifier, 'exact') as growth_qualifier,
        (current_value.value_central / nullif(prior.chosen_value, 0) - 1) * 100 as actual_growth_percent
    from derived
    inner join reported as current_value on current_value.observation_id = derived.parent_observation_id
    inner join reconciled as prior
        on prior.indicator_id = derived.indicator_id
        and prior.geography_id is not distinct from derived.geography_id
        and prior.entity_id is not distinct from derived.entity_id
        and prior.period_label = derived.period_label
        and prior.status = derived.status
        and prior.rate_basis is not distinct from derived.rate_basis
    left join marts.fct_figure as growth on growth.figure_id = derived.growth_figure_id
    where current_value.observation_id in (select observation_id from firm_observations)
        and prior.chosen_observation_id in (select observation_id from firm_observations)
),

bounded as (
    select
        *,
        case growth_qualifier
            when 'over' then stated_growth_percent - $exact_tolerance_pp
            when 'under' then -1e308
            when 'about' then stated_growth_percent - $about_tolerance_pp
            else stated_growth_percent - $exact_tolerance_pp
        end as allowed_low,
        case growth_qualifier
            when 'over' then 1e308
            when 'under' then stated_growth_percent + $exact_tolerance_pp
            when 'about' then stated_growth_percent + $about_tolerance_pp
            else stated_growth_percent + $exact_tolerance_pp
        end as allowed_high
    from compared
)

select
    *,
    greatest(0, allowed_low - actual_growth_percent, actual_growth_percent - allowed_high) as growth_excess_pp
from bounded
