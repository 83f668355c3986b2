-- One row per reported total of a flow indicator for a calendar year ("67.0 million new companies
-- in 2018") that some document also gives a rate for within that year ("18,100 a day in the first
-- half of 2018"), annualised: the year's total against the closest of those annualised rates.
-- A total $max_ratio times or more away from every such rate is a scale word wrong in one of
-- them (a year's flow is not ten times its own daily pace); seasonality and part-year rates stay
-- well within that. Only firm readings are compared: the period from the figure's own text
-- ($firm_period_sources), the indicator from the catalog (cues or the chooser) with the concept
-- read from the figure's own words matching its cues (a Chinese concept the Chinese cues), and a
-- counted noun of its own; the place not
-- one named after the figure in its clause, where a comparison puts it as often as the figure
-- ("522,000 new businesses registered in the year, the most in the country").
with observations as (
    select o.*
    from marts.fct_indicator_observation as o
    inner join marts.fct_figure as f using (figure_id)
    inner join marts.dim_indicator as i on i.indicator_id = o.indicator_id
    left join concept_cue_matches as cues on cues.indicator_id = o.indicator_id and cues.concept = f.concept
    where o.value_central > 0
        and not o.is_quarantined
        and not o.period_is_fallback
        and list_contains($firm_period_sources::varchar[], o.period_source)
        and o.classification_method in ('cues', 'model')
        and f.counted_noun is not null
        and (coalesce(cues.matches_cues, false)
            -- a Chinese figure's concept by the Chinese cues
            or coalesce(cues.matches_zh_cues, false))
        and f.geography_source is distinct from 'after_in_clause'
),

year_totals as (
    select o.*
    from observations as o
    inner join marts.dim_indicator as i using (indicator_id)
    where i.measure_type = 'flow'
        and not o.is_derived
        and o.rate_basis is null
        and regexp_matches(o.period_label, '^[0-9]{4}$')
),

-- rates per day or month (or a part-year total turned into a year) within the same calendar year
year_rates as (
    select o.*
    from observations as o
    where o.value_basis = 'annualised' and o.rate_basis = 'year'
),

compared as (
    select
        total.observation_id as row_key,
        total.figure_id,
        total.document_id,
        total.indicator_id,
        coalesce(total.geography_id, total.entity_id, '') as place,
        total.period_label,
        total.value_central as total_value,
        rate.figure_id as rate_figure_id,
        rate.document_id as rate_document_id,
        rate.period_label as rate_period_label,
        rate.value_central as rate_value,
        greatest(total.value_central / rate.value_central, rate.value_central / total.value_central) as ratio
    from year_totals as total
    inner join year_rates as rate
        on rate.indicator_id = total.indicator_id
        and rate.geography_id is not distinct from total.geography_id
        and rate.entity_id is not distinct from total.entity_id
        and rate.status = total.status
        and rate.period_year = total.period_year
        and starts_with(rate.period_label, total.period_label)
    -- the closest rate: one that agrees clears the total
    qualify row_number() over (partition by total.observation_id order by ratio, rate.observation_id) = 1
)

select
    *,
    ratio < $max_ratio as is_consistent
from compared
