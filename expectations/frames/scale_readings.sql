-- One row per figure: whether the scale words seed and the extractor read its number alike. A
-- figure they read differently (a range scaled in a way neither foresaw) is quarantined by dbt
-- (int_figures_checked: scale_disagreement) with both readings in its reason.
select
    figure_id as row_key,
    figure_id,
    document_id,
    surface_text,
    quarantine_reason,
    coalesce(quarantine_reason not like '%scale_disagreement:%', true) as readings_agree
from marts.fct_figure
