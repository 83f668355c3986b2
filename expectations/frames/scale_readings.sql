-- One row per figure: whether the scale words seed and the extractor read its number alike. The
-- judgement is made once, in intermediate.int_mentions_normalised (is_scale_disagreement), and
-- dbt quarantines a figure they read differently (int_figures_checked: scale_disagreement) with
-- both readings in its reason.
select
    f.figure_id as row_key,
    f.figure_id,
    f.document_id,
    f.surface_text,
    f.quarantine_reason,
    not c.is_scale_disagreement as readings_agree
from marts.fct_figure as f
inner join intermediate.int_figures_checked as c on c.mention_id = f.figure_id
