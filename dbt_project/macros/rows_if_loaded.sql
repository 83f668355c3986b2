{#- The rows of a raw table a Python asset writes, or none with the same columns when the run
    did not materialise that asset (a partial run): `typed_nulls` is a select list of
    null::type as column. -#}
{% macro rows_if_loaded(relation, typed_nulls) -%}
    {%- set loaded = (not execute) or adapter.get_relation(
            database=relation.database, schema=relation.schema, identifier=relation.identifier) is not none -%}
    {%- if loaded -%}
    select * from {{ relation }}
    {%- else -%}
    select {{ typed_nulls }} where false
    {%- endif -%}
{%- endmacro %}
