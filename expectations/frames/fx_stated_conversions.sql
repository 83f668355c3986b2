-- One row per stated conversion, classified or not: a money figure restated by its document in
-- another currency ("53.96 billion yuan ($7.83 billion)"), with the rate the pair implies
-- against the reference rate of its year. The judgement (more than 3x outside every rate the
-- reference table has seen for the pair is impossible, both figures quarantined) is made once, in intermediate.int_figures_checked, and
-- read here as is_conversion_impossible; possible_rate_ratio is how far outside every rate seen for the pair the
-- implied rate lies (1 within them) for the pairs it did not find impossible (null otherwise), so
-- that the 10% warning and the impossible-conversion rule never list one pair twice. A
-- restatement whose leading digit is a fused footnote marker (is_footnote_fused, quarantined
-- alone) is listed by its own rule only.
select
    c.mention_id as row_key,
    c.restates_mention_id as figure_id,
    c.mention_id as equivalent_figure_id,
    c.document_id,
    restated.surface_text,
    restatement.surface_text as equivalent_surface_text,
    c.implied_rate,
    c.implied_rate_unit,
    c.reference_rate,
    c.reference_rate_year,
    c.reference_rate_date as fx_rate_date,
    c.rate_ratio,
    -- readable in messages: "6,567" and "973" rather than "6.567e+03"
    case when c.implied_rate >= 1000 then format('{:,.0f}', c.implied_rate) else format('{:.4g}', c.implied_rate) end
        as implied_rate_text,
    case when c.rate_ratio >= 100 then format('{:,.0f}', c.rate_ratio) else format('{:.3g}', c.rate_ratio) end
        as rate_ratio_text,
    -- a fused footnote marker is the next rule's (fx_footnote_marker_fused), not a rate off; a rate
    -- off its year's reference but within reach of a rate the table has seen for the pair in another
    -- year is a date question (the figure's year, the writer's rate date), not worth a warning
    case when not c.is_conversion_impossible and not c.is_footnote_fused then c.seen_rate_ratio end as possible_rate_ratio,
    c.lowest_rate_seen,
    c.highest_rate_seen,
    c.is_conversion_impossible,
    c.is_footnote_fused,
    c.unfused_rate,
    restated.is_quarantined
from intermediate.int_figures_checked as c
inner join marts.fct_figure as restated on restated.figure_id = c.restates_mention_id
inner join marts.fct_figure as restatement on restatement.figure_id = c.mention_id
where c.rate_ratio is not null
