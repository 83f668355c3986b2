{#-
    What a corroborating observation lends the figure it corroborates (int_observations_corroborated):
    its indicator, owner, place, period (a publication-date one too) and rate basis, and the factors that convert the figure's
    value as the observation's was converted (same unit and year: the same rates). `source` is a
    relation with the columns of the model's `corroborating` rows.
-#}
{% macro reading_lent_by(source) -%}
    {{ source }}.observation_id as corroborating_observation_id,
    {{ source }}.document_id as corroborating_document_id,
    {{ source }}.corroborating_surface_text,
    {{ source }}.indicator_id,
    {{ source }}.entity_id,
    {{ source }}.geography_id,
    {{ source }}.period_label,
    {{ source }}.period_granularity,
    {{ source }}.period_start,
    {{ source }}.period_end,
    {{ source }}.period_year,
    {{ source }}.period_is_fallback,
    {{ source }}.period_source as corroborating_period_source,
    {{ source }}.rate_basis,
    {{ source }}.rate_basis_is_inferred,
    {{ source }}.unit,
    {{ source }}.value_central / {{ source }}.corroborating_central as factor_to_indicator_unit,
    {{ source }}.value_cny / {{ source }}.corroborating_central as factor_to_cny,
    {{ source }}.value_usd / {{ source }}.corroborating_central as factor_to_usd,
    {{ source }}.value_is_converted,
    {{ source }}.fx_rate_cny_per_usd,
    {{ source }}.fx_rate_year,
    {{ source }}.fx_rate_date,
    {{ source }}.fx_rate_basis,
    {{ source }}.fx_rate_year_differs,
    {{ source }}.plausible_min,
    {{ source }}.plausible_max
{%- endmacro %}
