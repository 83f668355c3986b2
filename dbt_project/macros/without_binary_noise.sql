{#-
    A converted value without the binary noise of its factors (16.51 x 1e6 = 16510000.000000002):
    rounded to 6 decimals, and a value below a thousandth to 7 significant digits, so that a
    small unit's figure keeps its size ("5 nm" is 5e-9 m, not 0).

        {{ without_binary_noise('number_low * factor_to_canonical') }}
-#}
{% macro without_binary_noise(value) -%}
    case
        when ({{ value }}) = 0 or abs({{ value }}) >= 1e-3 then round({{ value }}, 6)
        else round({{ value }}, 6 - cast(floor(log10(abs({{ value }}))) as integer))
    end
{%- endmacro %}
