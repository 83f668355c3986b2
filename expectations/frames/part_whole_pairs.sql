-- One row per part x whole in the same place, entity, period and status: a part indicator of
-- the catalog (dim_indicator.part_of_indicator_id, plus $extra_part_of "part:whole" pairs)
-- against its whole, and a place against the place it lies in (Beijing within China).
with values_reported as (
    select v.*, i.label
    from marts.fct_indicator_value as v
    inner join marts.dim_indicator as i using (indicator_id)
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
)

select *, part_value / nullif(whole_value, 0) - 1 as excess_ratio
from (select * from indicator_pairs union all select * from place_pairs)
