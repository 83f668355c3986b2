-- One row per figure: whether another statement of its number in the same document (headline
-- and body, say) contradicts its currency: the same value in a currency never within 3x of it.
-- The judgement is made once, in
-- intermediate.int_figures_checked (restatement_contradiction; the figure is quarantined).
select
    f.figure_id as row_key,
    f.figure_id,
    f.document_id,
    f.surface_text,
    c.contradicting_mention_id as other_figure_id,
    other.surface_text as other_surface_text,
    c.restatement_contradiction,
    c.restatement_contradiction is null as agrees_with_its_restatements
from marts.fct_figure as f
inner join intermediate.int_figures_checked as c on c.mention_id = f.figure_id
left join marts.fct_figure as other on other.figure_id = c.contradicting_mention_id
