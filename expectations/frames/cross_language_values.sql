-- One row per pair of reports of one reconciled value (same indicator, place, period, status,
-- rate and value basis) where one document is in Chinese and the other is not: whether the two
-- values agree within the indicator's tolerance, respecting qualifiers ("over 5,000" agrees with
-- 5,739). A pair that disagrees is a translation (or a reprint in the other language) that
-- changed the figure: both values, both quotes and both documents are in the row.
with reports as (
    select
        o.observation_id,
        o.indicator_value_id,
        o.document_id,
        o.value_low,
        o.value_high,
        o.value_central,
        o.qualifier,
        f.surface_text,
        d.language like 'zh%' as is_chinese
    from marts.fct_indicator_observation as o
    inner join marts.dim_document as d using (document_id)
    inner join marts.fct_figure as f using (figure_id)
    where not o.is_derived and not o.is_quarantined and o.indicator_value_id is not null
),

pairs as (
    select
        chinese.observation_id || '|' || other.observation_id as row_key,
        chinese.document_id,
        other.document_id as other_document_id,
        v.indicator_id,
        coalesce(v.geography_id, v.entity_id, '') as place,
        v.period_label,
        v.unit,
        v.agreement_tolerance,
        chinese.surface_text as chinese_text,
        chinese.value_central as chinese_value,
        other.surface_text as other_text,
        other.value_central as other_value,
        -- the two intervals (an open end where a qualifier leaves one) widened by the tolerance overlap
        -- (an open end, null, always overlaps)
        coalesce(chinese.value_low <= other.value_high * (1 + v.agreement_tolerance), true)
            and coalesce(other.value_low <= chinese.value_high * (1 + v.agreement_tolerance), true)
            as values_agree
    from reports as chinese
    inner join reports as other
        on other.indicator_value_id = chinese.indicator_value_id
        and not other.is_chinese
    inner join marts.fct_indicator_value as v on v.indicator_value_id = chinese.indicator_value_id
    where chinese.is_chinese
)

select * from pairs
