-- One row per figure: whether it is a part stated right after its whole in one sentence ("91
-- makerspaces, of which 115 ..."; "91家，其中...115家") and larger than it. The judgement is made
-- once, in intermediate.int_figures_checked (part_whole_contradiction; the part is quarantined).
select
    f.figure_id as row_key,
    f.figure_id,
    c.stated_whole_mention_id as whole_figure_id,
    f.document_id,
    f.surface_text,
    whole.surface_text as whole_text,
    c.part_whole_contradiction,
    c.part_whole_contradiction is null as part_within_whole
from marts.fct_figure as f
inner join intermediate.int_figures_checked as c on c.mention_id = f.figure_id
left join marts.fct_figure as whole on whole.figure_id = c.stated_whole_mention_id
