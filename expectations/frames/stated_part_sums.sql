-- One row per Chinese figure: whether it is a whole whose parts, listed after it in one sentence
-- after 其中 or 包括 ("91家，其中...40家，...35家，...30家"), each
-- within it, add up to more than it. The judgement is made once, in
-- intermediate.int_figures_checked (parts_sum_contradiction); nothing is quarantined, since which
-- figure is wrong, or whether the list counts something twice, the words cannot tell.
select
    f.figure_id as row_key,
    f.figure_id,
    f.document_id,
    f.surface_text,
    c.parts_sum_contradiction,
    c.parts_sum_contradiction is null as parts_within_whole
from marts.fct_figure as f
inner join intermediate.int_figures_checked as c on c.mention_id = f.figure_id
