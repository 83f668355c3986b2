-- One row per reconciled value reported by more than one document: whether the sources agree
-- within the indicator's tolerance (fct_indicator_value.values_agree), with the lowest and the
-- highest reported value and the documents that gave them.
with observations as (
    select * from marts.fct_indicator_observation where not is_derived and value_central is not null
),

extremes as (
    select
        indicator_value_id,
        arg_min(value_central, value_central) as low_value,
        arg_min(document_id, value_central) as low_document_id,
        arg_max(value_central, value_central) as high_value,
        arg_max(document_id, value_central) as high_document_id
    from observations
    group by indicator_value_id
)

select
    v.indicator_value_id as row_key,
    v.chosen_document_id as document_id,
    v.indicator_id,
    coalesce(v.geography_id, v.entity_id, '') as place,
    v.period_label,
    v.unit,
    v.n_sources,
    v.agreement_tolerance,
    e.low_value,
    e.low_document_id,
    e.high_value,
    e.high_document_id,
    v.values_agree
from marts.fct_indicator_value as v
inner join extremes as e using (indicator_value_id)
where v.value_basis = 'reported' and v.n_sources > 1
