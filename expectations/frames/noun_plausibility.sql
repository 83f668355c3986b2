-- One row per figure: whether an unclassified count lies within reach of the indicators its own
-- counted noun names. The judgement is made once, in intermediate.int_figures_checked
-- (noun_implausibility: over 100x the plausible maximum of every one of them; quarantined).
-- Classified figures are indicator_within_plausible_range's.
select
    f.figure_id as row_key,
    f.figure_id,
    f.document_id,
    f.surface_text,
    c.noun_implausibility,
    c.noun_implausibility is null as is_plausible_for_its_noun
from marts.fct_figure as f
inner join intermediate.int_figures_checked as c on c.mention_id = f.figure_id
