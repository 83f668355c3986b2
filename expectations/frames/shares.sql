-- One row per share: a percentage its words make a part of a whole and that is not a change, a growth rate or percentage points
-- (neither by a change word next to it nor by what the meaning reader made of its sentence:
-- "grew 178.6 percent over five years" is a change even without "up" beside the number).
-- A share can only be wrong above 100 when it is a part of a whole, so two readings are left
-- out: a fulfilment of a target ("128.3 percent of the annual target", "102.2 percent of the
-- goal": over-fulfilment is normal) and a percentage the words after it make a change or a
-- comparison ("250% up compared with", "30 percent higher than"), which the change reader
-- missed; nor is a rate or ratio the words before name ("the exit return rate has dropped to
-- 289%"): a return or a coverage ratio is not a part of a whole. Chinese says the change or the
-- ratio before the number ("同比分别增长约167.94%和209.94%", "营业利润率则由2017年的-238.88%"),
-- and a percentage written with a minus sign is a change or a margin; English too may name the
-- change first ("revenue grew by 150 percent"), and a percentage of GDP or of the previous
-- year's level is a ratio to a base that is not a whole, as is one a Chinese sentence sets
-- against GDP or income before the number ("研发开支...占...总收入的115.3%").
with percentages as (
    select
        f.figure_id,
        f.document_id,
        f.surface_text,
        coalesce(f.value_low, f.value_point, f.value_high) as share_percent,
        lower(substr(d.clean_text, f.end_char + 1, $words_after_chars)) as text_after,
        lower(substr(d.clean_text, greatest(1, f.start_char - $words_before_chars + 1), least(f.start_char, $words_before_chars))) as text_before
    from marts.fct_figure as f
    inner join staging.stg_documents as d using (document_id)
    left join marts.dim_indicator as i using (indicator_id)
    where f.unit_class = 'percent'
      -- a part of a whole by its words ("accounted for", "% of", 占): a percentage the meaning
      -- reader typed a share only for want of other words ("have returned more than 200%",
      -- "较2015年升了156%") is more likely a change it missed than a source error
      and f.measure_type = 'share'
      and f.measure_cue is not null
      and f.change_direction is null
      and f.measure_type is distinct from 'change'
      and not coalesce(f.is_percentage_point, false)
      and (f.indicator_id is null or i.plausible_min >= 0)
)

select figure_id as row_key, figure_id, document_id, surface_text, share_percent
from percentages
where not regexp_matches(text_after, $fulfilment_pattern)
  and not regexp_matches(text_after, $change_pattern)
  and not regexp_matches(text_before, $ratio_pattern)
  and not regexp_matches(text_before, $change_before_pattern)
  and not regexp_matches(text_after, $comparison_base_pattern)
  and not regexp_matches(text_before, $ratio_base_before_pattern)
  and not regexp_matches(text_before, $negative_sign_pattern)
