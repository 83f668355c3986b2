{#- A run that materialises only some assets (no reference_places) finds no raw.places: the
    model is then empty and only the curated entities seed names places. -#}
{%- set places_source = source('reference_inputs', 'places') -%}
{%- set places_loaded = (not execute) or adapter.get_relation(
        database=places_source.database, schema=places_source.schema, identifier=places_source.identifier) is not none -%}
with source as (
    {% if places_loaded -%}
    select * from {{ places_source }}
    {%- else -%}
    select
        null::varchar as entity_id, null::varchar as name, null::varchar as kind, null::boolean as owns_figures,
        null::varchar as aliases, null::varchar as geography_id, null::varchar as parent_entity_id,
        null::varchar as note
    where false
    {%- endif %}
),

renamed as (
    select
        entity_id,
        name,
        kind,
        owns_figures::boolean as owns_figures,
        aliases,
        geography_id,
        parent_entity_id,
        note
    from source
)

select * from renamed
