-- One row per figure with the unit class it was given.
select
    figure_id as row_key,
    figure_id,
    document_id,
    surface_text,
    unit_class
from marts.fct_figure
