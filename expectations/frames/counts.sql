-- One row per count figure with its smallest stated value.
select
    figure_id as row_key,
    figure_id,
    document_id,
    surface_text,
    least(value_low, value_high, value_point) as count_value
from marts.fct_figure
where unit_class = 'count'
  and coalesce(value_low, value_high, value_point) is not null
