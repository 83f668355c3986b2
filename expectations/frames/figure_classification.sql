-- One row per figure of a unit class the catalog has indicators for (count, currency, ...),
-- except restatements of another figure and growth rates attached to an observation: whether
-- it was classified to an indicator.
select
    figure_id as row_key,
    figure_id,
    document_id,
    surface_text,
    unit_class,
    coalesce(counted_noun, '') as counted_noun,
    -- Said in the message, so a figure with no counted noun reads '(no counted noun)'.
    coalesce(nullif(trim(counted_noun), ''), 'no counted noun') as counted_noun_text,
    sentence_text,
    -- Why it is unclassified, when the classifier turned an indicator down.
    case
        when classification_method = 'implausible' then ': ' || classification_evidence
        when classification_method = 'ambiguous' then ': a tie between indicators'
        else ''
    end as reason_text,
    indicator_id is not null as is_classified
from marts.fct_figure
where unit_class in (select distinct unit_class from marts.dim_indicator)
  and restates_figure_id is null
  and figure_id not in (
      select growth_figure_id from marts.fct_indicator_observation where growth_figure_id is not null
  )
