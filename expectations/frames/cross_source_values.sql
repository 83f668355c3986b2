-- One row per reconciled value reported by more than one document: whether every source agrees
-- with the chosen value within the indicator's tolerance (fct_indicator_value.values_agree), the
-- chosen value with the number of independent sources behind it, and the disagreeing values
-- with their documents.
select
    v.indicator_value_id as row_key,
    v.chosen_document_id as document_id,
    v.indicator_id,
    coalesce(v.geography_id, v.entity_id, '') as place,
    v.period_label,
    v.unit,
    v.n_sources,
    v.n_supporting_sources,
    v.agreement_tolerance,
    v.chosen_value,
    v.chosen_document_id,
    coalesce(v.disagreeing_values, '') as disagreeing_values,
    v.values_agree
from marts.fct_indicator_value as v
where v.value_basis = 'reported' and v.n_sources > 1
