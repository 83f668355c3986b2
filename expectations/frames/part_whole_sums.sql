-- One row per whole the catalog splits exhaustively into parts ($exhaustive_wholes): the sum
-- of its reported parts against the reported whole (57 + 10 billion against about 67 billion).
with values_reported as (
    select v.*, i.part_of_indicator_id
    from marts.fct_indicator_value as v
    inner join marts.dim_indicator as i using (indicator_id)
    where v.value_basis = 'reported' and v.chosen_value is not null
),

part_sums as (
    select
        part_of_indicator_id as whole_indicator_id,
        geography_id,
        entity_id,
        period_label,
        status,
        rate_basis,
        unit,
        sum(chosen_value) as parts_value,
        count(*) as n_parts,
        string_agg(format('{:,}', chosen_value::bigint), ' + ' order by indicator_id) as parts_text,
        string_agg(distinct chosen_document_id, ', ') as part_document_ids
    from values_reported
    where list_contains($exhaustive_wholes::varchar[], part_of_indicator_id)
    group by all
)

select
    whole.indicator_value_id as row_key,
    whole.chosen_document_id as document_id,
    sums.part_document_ids,
    whole.indicator_id as whole_indicator_id,
    coalesce(whole.geography_id, whole.entity_id, '') as place,
    whole.period_label,
    sums.parts_text,
    sums.parts_value,
    whole.chosen_value as whole_value,
    abs(sums.parts_value / nullif(whole.chosen_value, 0) - 1) as relative_gap
from part_sums as sums
inner join values_reported as whole
    on whole.indicator_id = sums.whole_indicator_id
    and whole.geography_id is not distinct from sums.geography_id
    and whole.entity_id is not distinct from sums.entity_id
    and whole.period_label = sums.period_label
    and whole.status = sums.status
    and whole.rate_basis is not distinct from sums.rate_basis
    and whole.unit = sums.unit
