-- One row per growth rate stated with the two levels it relates in its sentence ("15.61
-- million, up 178.6 percent from 10.01 million"): whether they bear it out. The judgement is
-- made once, in intermediate.int_figures_checked (growth_contradicts_levels quarantines the rate and both levels).
select
    checked.mention_id as row_key,
    checked.mention_id as figure_id,
    checked.growth_base_mention_id as base_figure_id,
    checked.growth_level_mention_id as level_figure_id,
    checked.document_id,
    rate.surface_text,
    checked.quarantine_reason,
    coalesce(checked.quarantine_reason, '') not like '%growth_contradicts_levels%' as levels_agree
from intermediate.int_figures_checked as checked
inner join marts.fct_figure as rate on rate.figure_id = checked.mention_id
where checked.growth_base_mention_id is not null
