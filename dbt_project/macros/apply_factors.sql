{#-
    The one place values are converted: a value times the factors that take it to the target
    unit (scale multiplier, unit factor, FX rate). Factors come from seed-driven columns, never
    from constants. Nulls propagate: an unknown scale word or a missing rate gives null, which
    the models flag, instead of a wrong number.

        {{ apply_factors('number_low', ['scale_multiplier', 'factor_to_canonical']) }}
        -> (number_low) * (scale_multiplier) * (factor_to_canonical)
-#}
{% macro apply_factors(value, factors) -%}
    ({{ value }}){% for factor in factors %} * ({{ factor }}){% endfor %}
{%- endmacro %}
