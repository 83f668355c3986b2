{#-
    A number as text for a message: thousands separated and no decimals from 1,000 up
    ("6,567", "1,100,000,000,000"), else `digits` significant digits ("6.64", "0.0231", "-3").
-#}
{% macro readable_number(value, digits=4) -%}
    case
        when abs({{ value }}) >= 1000 then format('{:,.0f}', {{ value }})
        else format('{:.{{ digits }}g}', {{ value }})
    end
{%- endmacro %}
