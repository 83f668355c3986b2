-- One row per classified per-day or per-month figure that has a total for its year in its own
-- document (same indicator, place and status): whether the rate over a year agrees with it.
-- The judgement is made once, in intermediate.int_figures_checked (daily_rate_contradicts_total
-- quarantines the rate).
select
    checked.mention_id as row_key,
    checked.mention_id as figure_id,
    checked.document_id,
    rate.surface_text,
    checked.quarantine_reason,
    coalesce(checked.quarantine_reason, '') not like '%daily_rate_contradicts_total%' as rate_agrees
from intermediate.int_figures_checked as checked
inner join marts.fct_figure as rate on rate.figure_id = checked.mention_id
where rate.rate_basis in ('day', 'month') and rate.indicator_id is not null
