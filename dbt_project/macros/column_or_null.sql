{#-
    A column of `relation` when it exists, else a typed null: lets a model read columns an
    upstream model is about to gain (stg_mentions' period/status columns) without breaking
    builds made before they land. Columns are looked up at execution time only.
-#}
{% macro column_or_null(relation, column_name, data_type, alias=none) -%}
    {%- set present = [] -%}
    {%- if execute -%}
        {%- for column in adapter.get_columns_in_relation(relation) -%}
            {%- if column.name | lower == column_name | lower -%}{%- do present.append(column.name) -%}{%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if present -%}{{ column_name }}{%- else -%}cast(null as {{ data_type }}){%- endif %} as {{ alias or column_name }}
{%- endmacro %}
