{#- A run that materialises only some assets (no reference_places) finds no raw.places: the
    model is then empty and only the curated entities seed names places. -#}
with source as (
    {{ rows_if_loaded(source('reference_inputs', 'places'),
        'null::varchar as entity_id, null::varchar as name, null::varchar as kind, null::boolean as owns_figures, null::varchar as aliases, null::varchar as geography_id, null::varchar as parent_entity_id, null::varchar as note, null::varchar as context_aliases') }}
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
        note,
        -- names of the place only in a document that also names its parent (南山区 in a Shenzhen story)
        context_aliases
    from source
)

select * from renamed
