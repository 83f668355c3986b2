{#- Bands of values that may agree within a relative tolerance t (|a - b| <= t * max(|a|, |b|)).
    For 0 < t < 1 two such values have the same sign and logarithms of their sizes at most
    -ln(1 - t) apart, so their bands of that width are at most one apart (two, allowing for
    rounding). Joining on the band and its neighbours pairs only values that can agree; the
    exact test still decides. Any other tolerance puts every value in one band. Zero has no
    band (it agrees with nothing but zero under such a tolerance). -#}
{% macro value_band(value, tolerance) -%}
    case when {{ tolerance }} > 0 and {{ tolerance }} < 1
        then floor(ln(abs(nullif({{ value }}, 0))) / -ln(1 - {{ tolerance }}))::bigint
        else 0 end
{%- endmacro %}

{% macro value_sign(value, tolerance) -%}
    case when {{ tolerance }} > 0 and {{ tolerance }} < 1 then sign({{ value }}) else 0 end
{%- endmacro %}
