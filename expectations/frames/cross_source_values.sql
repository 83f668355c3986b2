-- One row per reconciled value reported by more than one document: whether the documents that
-- read it firmly agree with the chosen value within the indicator's tolerance (respecting
-- qualifiers: an exact 3,255 satisfies "more than 3,200", though not "more than 1,000": a lower
-- bound $open_bound_ratio times or more below the value is not what its writer meant), the chosen value with the number of
-- independent sources behind it, and the disagreeing values with their documents.
-- A disagreement is only claimed between firm readings: the chosen and the disagreeing figure
-- each have their period from their own text (stated, or relative to the publication date:
-- $firm_period_sources, not carried over from the discourse or the headline), their indicator
-- from the catalog (its cues, or the chooser among their candidates), and the concept the meaning layer read from the figure's own words
-- (counted noun and modifiers) matching the indicator's cues (not a series continuation or a
-- nearby word), and the same measure type. Two counts $concept_gap_ratio times apart or more
-- whose counted nouns differ ("103,000 foreign firms", "15.28 million businesses") are two
-- concepts the classifier put under one indicator, not a disagreement. Most "disagreements" between weaker readings are one figure read
-- with the wrong period, indicator or place, not sources that disagree; they stay visible in
-- fct_indicator_value (values_agree, disagreeing_values), which lists every observation.
with figures as (
    select
        o.observation_id,
        o.indicator_value_id,
        o.document_id,
        o.qualifier,
        o.value_central,
        coalesce(o.value_low, o.value_high) as interval_low,
        coalesce(o.value_high, o.value_low) as interval_high,
        o.value_low is null as is_open_below,
        o.value_high is null as is_open_above,
        f.measure_type,
        -- the counted noun as a concept key: case and a plural "s" aside
        regexp_replace(lower(trim(f.counted_noun)), 's$', '') as counted_noun_key,
        list_contains($firm_period_sources::varchar[], o.period_source)
            and o.classification_method in ('cues', 'model')
            and (coalesce(cues.matches_cues, false)
                -- a Chinese figure's concept by the Chinese cues
                or coalesce(cues.matches_zh_cues, false))
            -- the value's own counted noun (money has none: its concept is the reading)
            and (f.counted_noun is not null or f.unit_class = 'currency') as is_firm
    from marts.fct_indicator_observation as o
    inner join marts.fct_figure as f using (figure_id)
    inner join marts.dim_indicator as i on i.indicator_id = o.indicator_id
    left join concept_cue_matches as cues on cues.indicator_id = o.indicator_id and cues.concept = f.concept
    where not o.is_derived and not o.period_is_fallback and not o.is_quarantined
      and o.value_central is not null
),

reported_values as (
    select v.*
    from marts.fct_indicator_value as v
    where v.value_basis = 'reported' and v.n_sources > 1
),

against_chosen as (
    select
        v.indicator_value_id,
        other.document_id,
        other.qualifier,
        other.value_central,
        chosen.is_firm and other.is_firm and chosen.measure_type is not distinct from other.measure_type
            and not (
                coalesce(chosen.counted_noun_key <> other.counted_noun_key, false)
                and greatest(abs(chosen.value_central), abs(other.value_central))
                    >= $concept_gap_ratio * least(abs(chosen.value_central), abs(other.value_central))
            ) as is_firm_pair,
        (chosen.is_open_below or other.is_open_above
            or chosen.interval_low - other.interval_high
                <= v.agreement_tolerance * greatest(abs(chosen.interval_low), abs(other.interval_high)))
        and (chosen.is_open_above or other.is_open_below
            or other.interval_low - chosen.interval_high
                <= v.agreement_tolerance * greatest(abs(other.interval_low), abs(chosen.interval_high)))
        -- "over 9 million" does not agree with 28.87 million: a lower bound a writer states is
        -- near the value, and one $open_bound_ratio times below it is another concept's number
        and not (other.is_open_above and not chosen.is_open_above
            and chosen.interval_low > $open_bound_ratio * other.interval_low and other.interval_low > 0)
        and not (chosen.is_open_above and not other.is_open_above
            and other.interval_low > $open_bound_ratio * chosen.interval_low and chosen.interval_low > 0) as agrees
    from reported_values as v
    inner join figures as chosen on chosen.observation_id = v.chosen_observation_id
    inner join figures as other
        on other.indicator_value_id = v.indicator_value_id
        and other.document_id <> chosen.document_id
),

firm_disagreements as (
    select
        indicator_value_id,
        count(distinct document_id) as n_disagreeing_sources,
        string_agg(
            document_id || ': ' || case qualifier when 'over' then 'over ' when 'under' then 'under ' when 'about' then 'about ' else '' end
                || case when value_central = round(value_central) then format('{:,}', value_central::hugeint)
                        else format('{:,}', round(value_central, 2)) end,
            '; ' order by document_id, value_central
        ) as disagreeing_values
    from against_chosen
    where is_firm_pair and not agrees
    group by indicator_value_id
)

select
    v.indicator_value_id as row_key,
    v.chosen_document_id as document_id,
    v.indicator_id,
    coalesce(v.geography_id, v.entity_id, '') as place,
    v.period_label,
    v.unit,
    v.n_sources,
    v.n_supporting_sources,
    v.agreement_tolerance,
    v.chosen_value,
    v.chosen_document_id,
    coalesce(d.disagreeing_values, '') as disagreeing_values,
    coalesce(d.n_disagreeing_sources, 0) = 0 as values_agree
from reported_values as v
left join firm_disagreements as d using (indicator_value_id)
