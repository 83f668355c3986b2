-- One row per indicator and concept read (fct_figure.concept) of the figures observed under it:
-- whether the concept names the indicator by the catalog's English cues (matches_cues, case
-- aside) or its Chinese cues (matches_zh_cues). A frame that names this relation gets it as a
-- CTE (validate.frame_sql). Matched once per distinct pair: the cues are a pattern per
-- indicator, and DuckDB compiles a pattern that is not a constant again for every row.
select
    pairs.indicator_id,
    pairs.concept,
    coalesce(regexp_matches(pairs.concept, '(?i)(' || coalesce(i.noun_cues, i.context_cues) || ')'), false) as matches_cues,
    coalesce(regexp_matches(pairs.concept, '(' || coalesce(zh.noun_cues, zh.context_cues) || ')'), false) as matches_zh_cues
from (
    select distinct o.indicator_id, f.concept
    from marts.fct_indicator_observation as o
    inner join marts.fct_figure as f using (figure_id)
    where f.concept is not null
) as pairs
inner join marts.dim_indicator as i using (indicator_id)
left join reference.indicator_cues_zh as zh using (indicator_id)
