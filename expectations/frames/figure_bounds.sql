-- One row per figure with its parsed bounds, and whether it is a share (a percentage that is
-- not a change) or a count.
select
    figure_id as row_key,
    figure_id,
    document_id,
    surface_text,
    unit_class,
    value_low,
    value_high,
    coalesce(value_low, value_point, value_high) as value_central
from marts.fct_figure
