{#-
    Whether two value intervals agree within the first one's relative tolerance: each bound may
    be open ("over 1,600" has no upper bound), and closed bounds may miss each other by at most
    the tolerance times the larger of the two. `a` and `b` are relations with interval_low,
    interval_high, is_open_below, is_open_above and (on `a`) agreement_tolerance.
-#}
{% macro intervals_agree(a, b) -%}
    (({{ a }}.is_open_below or {{ b }}.is_open_above
        or {{ a }}.interval_low - {{ b }}.interval_high
            <= {{ a }}.agreement_tolerance * greatest(abs({{ a }}.interval_low), abs({{ b }}.interval_high)))
    and ({{ a }}.is_open_above or {{ b }}.is_open_below
        or {{ b }}.interval_low - {{ a }}.interval_high
            <= {{ a }}.agreement_tolerance * greatest(abs({{ b }}.interval_low), abs({{ a }}.interval_high))))
{%- endmacro %}
