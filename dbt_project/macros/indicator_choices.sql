{#
  The indicator chooser's candidates of a figure, as figures/ writes them into
  indicator_choices: "id:probability:evidence" items joined by "|", most probable first
  (figures.indicators.encode_choices). `unnest_indicator_choices` gives one `item` per candidate;
  `indicator_choice` reads a field of one.
#}
{% macro unnest_indicator_choices(column='indicator_choices') -%}
    unnest(string_split({{ column }}, '|'))
{%- endmacro %}

{% macro indicator_choice(item, field) -%}
    {%- if field == 'indicator_id' -%} split_part({{ item }}, ':', 1)
    {%- elif field == 'probability' -%} try_cast(split_part({{ item }}, ':', 2) as double)
    {%- elif field == 'evidence' -%} split_part({{ item }}, ':', 3)
    {%- else -%} {{ exceptions.raise_compiler_error("indicator_choice: no field " ~ field) }}
    {%- endif -%}
{%- endmacro %}
