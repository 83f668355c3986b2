-- One row per share: a percentage that is not a change, a growth rate or percentage points
-- (neither by a change word next to it nor by what the meaning reader made of its sentence:
-- "grew 178.6 percent over five years" is a change even without "up" beside the number).
select
    f.figure_id as row_key,
    f.figure_id,
    f.document_id,
    f.surface_text,
    coalesce(f.value_low, f.value_point, f.value_high) as share_percent
from marts.fct_figure as f
left join marts.dim_indicator as i using (indicator_id)
where f.unit_class = 'percent'
  and f.change_direction is null
  and f.measure_type is distinct from 'change'
  and not coalesce(f.is_percentage_point, false)
  and (f.indicator_id is null or i.plausible_min >= 0)
