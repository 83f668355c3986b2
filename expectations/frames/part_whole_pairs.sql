-- One row per part x whole in the same place, entity, period and status: a part indicator of
-- the catalog (dim_indicator.part_of_indicator_id, plus $extra_part_of "part:whole" pairs)
-- against its whole, and a place against the place it lies in (Beijing within China).
-- A pair is compared only when both chosen values are firm readings (period from the figure's
-- own text, $firm_period_sources; indicator by the catalog cues, matching the concept read from
-- the figure's own words), or
-- both come from one sentence ("hired 300,000 people, among whom 460,000 graduates"), where
-- the sentence itself relates them. A part "above its whole" between weaker readings is
-- nearly always one figure read with the wrong indicator, period or place; so is a value
-- outside its indicator's plausible range.
with values_reported as (
    select
        v.*,
        i.label,
        chosen.sentence_id as chosen_sentence_id,
        list_contains($firm_period_sources::varchar[], chosen.period_source) as is_text_dated,
        -- outside its indicator's plausible range (per year), a value is more likely misread
        -- than a whole some part exceeds: that is indicator_within_plausible_range's to say
        v.rate_basis is distinct from null and v.rate_basis <> 'year'
            or v.chosen_value between coalesce(i.plausible_min, v.chosen_value) and coalesce(i.plausible_max, v.chosen_value)
            as is_plausible,
        list_contains($firm_period_sources::varchar[], chosen.period_source)
            and chosen.classification_method in ('cues', 'model')
            and coalesce(cues.matches_cues, false)
            -- the value's own counted noun (money has none: its concept is the reading)
            and (f.counted_noun is not null or f.unit_class = 'currency') as is_firm
    from marts.fct_indicator_value as v
    inner join marts.dim_indicator as i using (indicator_id)
    inner join marts.fct_indicator_observation as chosen on chosen.observation_id = v.chosen_observation_id
    inner join marts.fct_figure as f on f.figure_id = chosen.figure_id
    left join concept_cue_matches as cues on cues.indicator_id = v.indicator_id and cues.concept = f.concept
    where v.value_basis = 'reported' and v.chosen_value is not null
),

relations as (
    select indicator_id as part_indicator_id, part_of_indicator_id as whole_indicator_id
    from marts.dim_indicator
    where part_of_indicator_id is not null
    union
    select split_part(pair, ':', 1), split_part(pair, ':', 2)
    from unnest($extra_part_of::varchar[]) as pairs(pair)
),

indicator_pairs as (
    select
        part.indicator_value_id as row_key,
        part.chosen_document_id as document_id,
        whole.chosen_document_id as whole_document_id,
        part.label as part_label,
        whole.label as whole_label,
        coalesce(part.geography_id, part.entity_id, '') as place,
        part.period_label,
        part.chosen_value as part_value,
        whole.chosen_value as whole_value,
        part.unit
    from relations
    inner join values_reported as part on part.indicator_id = relations.part_indicator_id
    inner join values_reported as whole
        on whole.indicator_id = relations.whole_indicator_id
        and whole.geography_id is not distinct from part.geography_id
        and whole.entity_id is not distinct from part.entity_id
        and whole.period_label = part.period_label
        and whole.status = part.status
        and whole.rate_basis is not distinct from part.rate_basis
        and whole.unit = part.unit
    where part.is_plausible and whole.is_plausible
        and ((part.is_firm and whole.is_firm)
            or (part.chosen_sentence_id = whole.chosen_sentence_id and part.is_text_dated and whole.is_text_dated))
),

place_pairs as (
    select
        part.indicator_value_id as row_key,
        part.chosen_document_id as document_id,
        whole.chosen_document_id as whole_document_id,
        part.label || ' in ' || part.geography_id as part_label,
        whole.label || ' in ' || whole.geography_id as whole_label,
        part.geography_id as place,
        part.period_label,
        part.chosen_value as part_value,
        whole.chosen_value as whole_value,
        part.unit
    from values_reported as part
    inner join marts.dim_entity as places on places.entity_id = part.geography_id
    inner join values_reported as whole
        on whole.indicator_id = part.indicator_id
        and whole.geography_id = places.parent_entity_id
        and whole.entity_id is not distinct from part.entity_id
        and whole.period_label = part.period_label
        and whole.status = part.status
        and whole.rate_basis is not distinct from part.rate_basis
        and whole.unit = part.unit
    where part.unit <> 'percent' and part.entity_id is null
        and part.is_firm and whole.is_firm
        and part.is_plausible and whole.is_plausible
)

select *, part_value / nullif(whole_value, 0) - 1 as excess_ratio
from (select * from indicator_pairs union all select * from place_pairs)
