{#- A catalog cue (RE2) made case-insensitive; null cues match nothing. -#}
{% macro cue_matches(text, cue) -%}
    coalesce(({{ cue }}) is not null and ({{ cue }}) <> '' and regexp_matches({{ text }}, '(?i)' || ({{ cue }})), false)
{%- endmacro %}
