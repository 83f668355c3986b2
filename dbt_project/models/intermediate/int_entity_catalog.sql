-- The entities names are matched against: the curated seed, then the reference places it does
-- not cover. The seed wins on ids and on spellings ("Georgia" stays whatever the seed says it
-- is; a reference place keeps only the aliases no seed entity uses).
with curated as (
    select
        entity_id, name, kind, owns_figures, aliases, geography_id, parent_entity_id, note,
        'curated' as entity_source
    from {{ ref('entities') }}
),

curated_aliases as (
    select list(distinct trim(alias)) as aliases
    from curated, unnest(string_split(aliases, '|')) as split_alias(alias)
),

reference as (
    select
        places.* replace (
            array_to_string(
                list_filter(string_split(places.aliases, '|'), lambda alias: not list_contains(curated_aliases.aliases, trim(alias))),
                '|'
            ) as aliases
        )
    from {{ ref('stg_reference__places') }} as places
    cross join curated_aliases
    where places.entity_id not in (select entity_id from curated)
),

referenced as (
    select
        entity_id, name, kind, owns_figures, aliases, geography_id, parent_entity_id, note,
        'reference places' as entity_source
    from reference
    where aliases <> ''
),

select * from curated
union all
select * from referenced
