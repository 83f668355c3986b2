-- One row per figure of an original document that another document translates (the
-- translation's sidecar names it in translation_of): whether the translation keeps the figure,
-- that is reports a figure of the same unit class whose value agrees within the tolerance
-- (the indicator's, else 1%; qualifiers leave an open end as in cross_language_values). A
-- figure not kept was lost or changed on the way: the row names both documents, the
-- original's value and quote, and, when the translation has a figure of the same indicator,
-- period and place, the value it gives instead.
with translations as (
    select t.document_id, t.translation_of as original_document_id, t.language, o.language as original_language
    from marts.dim_document as t
    inner join marts.dim_document as o on o.document_id = t.translation_of
    where t.status = 'ok' and o.status = 'ok' and t.document_id <> o.document_id
),

figures as (
    select
        f.figure_id, f.document_id, f.surface_text, f.unit_class, f.unit, f.indicator_id,
        f.period_label, coalesce(f.geography_id, f.entity_id, '') as place,
        coalesce(f.value_point, f.value_low, f.value_high) as value,
        f.value_low, f.value_high,
        coalesce(i.agreement_tolerance, 0.01) as tolerance
    from marts.fct_figure as f
    left join reference.indicators as i using (indicator_id)
    -- a restatement in another currency is the figure it restates; a quarantined one is no figure
    where f.restates_figure_id is null and not f.is_quarantined
        and coalesce(f.value_point, f.value_low, f.value_high) is not null
),

checked as (
    select
        t.document_id || ':' || o.figure_id as row_key,
        t.document_id,
        t.original_document_id,
        o.figure_id,
        o.surface_text as original_text,
        o.value as original_value,
        o.unit,
        o.indicator_id,
        o.period_label,
        o.place,
        exists (
            select 1 from figures as k
            where k.document_id = t.document_id and k.unit_class = o.unit_class
                and coalesce(k.value_low <= o.value_high * (1 + o.tolerance), true)
                and coalesce(o.value_low <= k.value_high * (1 + o.tolerance), true)
        ) as is_kept,
        (
            select string_agg(format('{:,.0f} (''{}'')', k.value, k.surface_text), '; ' order by k.figure_id)
            from figures as k
            where k.document_id = t.document_id and o.indicator_id is not null
                and k.indicator_id = o.indicator_id and k.period_label = o.period_label and k.place = o.place
        ) as translated_as
    from translations as t
    inner join figures as o on o.document_id = t.original_document_id
)

select
    *,
    case when indicator_id is not null then format(' for {} ({}, {})', indicator_id, place, period_label) else '' end as indicator_text,
    case when translated_as is null then 'has no figure of that value' else 'says ' || translated_as end as verdict
from checked
