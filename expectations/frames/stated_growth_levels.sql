-- One row per growth rate stated with the two levels it relates in its sentence ("15.61
-- million, up 178.6 percent from 10.01 million"): whether they bear it out. The judgement is
-- made once, in intermediate.int_figures_checked (growth_contradiction on the rate; the base,
-- the likeliest of the three to be wrong, is quarantined).
select
    checked.mention_id as row_key,
    checked.mention_id as figure_id,
    checked.growth_base_mention_id as base_figure_id,
    checked.growth_level_mention_id as level_figure_id,
    checked.document_id,
    rate.surface_text,
    base.surface_text as base_text,
    checked.growth_contradiction,
    checked.growth_contradiction is null as levels_agree
from intermediate.int_figures_checked as checked
inner join marts.fct_figure as rate on rate.figure_id = checked.mention_id
inner join marts.fct_figure as base on base.figure_id = checked.growth_base_mention_id
where checked.growth_base_mention_id is not null
