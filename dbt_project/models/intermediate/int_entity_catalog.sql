-- The entities names are matched against: the curated seed, then the reference places it does
-- not cover. The seed wins on ids and on spellings ("Georgia" stays whatever the seed says it
-- is; a reference place keeps only the aliases no seed entity uses). A reference place that
-- shares a spelling with a curated place is that place (the divisions' 呼和浩特 is the seed's
-- Hohhot, whatever pinyin spells it), and so is a prefecture named as a seed city with 市 in the
-- same province (乌鲁木齐市, the seed's Urumqi): it is left out and its divisions hang under the seed's.
with curated as (
    select
        entity_id, name, kind, owns_figures, aliases, geography_id, parent_entity_id, note,
        null::varchar as context_aliases,
        'curated' as entity_source
    from {{ ref('entities') }}
),

curated_aliases as (
    select list(distinct trim(alias)) as aliases
    from curated, unnest(string_split(aliases, '|')) as split_alias(alias)
),

curated_place_aliases as (
    select trim(alias) as alias, min(entity_id) as entity_id
    from curated, unnest(string_split(aliases, '|')) as split_alias(alias)
    where kind = 'place' and trim(alias) <> ''
    group by trim(alias)
),

same_as_curated as (
    select entity_id, min(curated_id) as curated_id
    from (
        select places.entity_id, curated_place_aliases.entity_id as curated_id
        from {{ ref('stg_reference__places') }} as places,
            unnest(string_split(places.aliases, '|')) as split_alias(alias)
        inner join curated_place_aliases on curated_place_aliases.alias = trim(split_alias.alias)
        union all
        -- a district the seed lists under the same city by a name that is the reference place's
        -- in that city's documents only (the seed's 南山区 is Shenzhen's 南山区)
        select places.entity_id, curated.entity_id as curated_id
        from {{ ref('stg_reference__places') }} as places,
            unnest(string_split(coalesce(places.context_aliases, ''), '|')) as split_alias(alias)
        inner join curated_place_aliases on curated_place_aliases.alias = trim(split_alias.alias)
        inner join curated on curated.entity_id = curated_place_aliases.entity_id
        inner join curated_place_aliases as curated_parent on curated_parent.entity_id = curated.parent_entity_id
        inner join {{ ref('stg_reference__places') }} as reference_parent
            on reference_parent.entity_id = places.parent_entity_id
            and list_contains(string_split(reference_parent.aliases, '|'), curated_parent.alias)
        where trim(split_alias.alias) <> ''
        union all
        -- a prefecture whose full name is a seed city's name and 市 (乌鲁木齐市 for the seed's
        -- Urumqi, 乌鲁木齐): the divisions hold back the bare name where a county shares it
        -- (乌鲁木齐县), so no spelling is shared; in the same province, it is that city
        select places.entity_id, curated.entity_id as curated_id
        from {{ ref('stg_reference__places') }} as places,
            unnest(string_split(places.aliases, '|')) as split_alias(alias)
        inner join curated
            on curated.kind = 'place'
            and curated.note = 'city'
            and curated.parent_entity_id = places.parent_entity_id
            and list_contains(list_transform(string_split(curated.aliases, '|'), lambda alias: trim(alias) || '市'), trim(split_alias.alias))
        where starts_with(coalesce(places.note, ''), 'prefecture')
    )
    group by entity_id
),

reference as (
    select
        places.* replace (
            array_to_string(
                list_filter(string_split(places.aliases, '|'), lambda alias: not list_contains(curated_aliases.aliases, trim(alias))),
                '|'
            ) as aliases,
            array_to_string(
                list_filter(string_split(coalesce(places.context_aliases, ''), '|'), lambda alias: not list_contains(curated_aliases.aliases, trim(alias))),
                '|'
            ) as context_aliases,
            coalesce(same_parent.curated_id, places.geography_id) as geography_id,
            coalesce(same_parent.curated_id, places.parent_entity_id) as parent_entity_id
        )
    from {{ ref('stg_reference__places') }} as places
    cross join curated_aliases
    left join same_as_curated as same_parent on same_parent.entity_id = places.parent_entity_id
    where places.entity_id not in (select entity_id from curated)
        and places.entity_id not in (select entity_id from same_as_curated)
),

referenced as (
    select
        entity_id, name, kind, owns_figures, aliases, geography_id, parent_entity_id, note,
        nullif(context_aliases, '') as context_aliases,
        'reference places' as entity_source
    from reference
    where aliases <> '' or coalesce(context_aliases, '') <> ''
),

-- a seed place takes the spellings and context aliases of the reference place that is it, those
-- no seed entity uses (the seed's Changchun is matched by 长春 and 長春 as the divisions' 长春市
-- would be; the seed's Nanshan by 南山 beside Shenzhen's other districts, as Shenzhen's 南山区)
curated_with_context as (
    select
        curated.* replace (
            array_to_string(list_concat(
                string_split(curated.aliases, '|'),
                list_filter(
                    list_distinct(string_split(coalesce(inherited.aliases, ''), '|')),
                    lambda alias: trim(alias) <> '' and not list_contains(curated_aliases.aliases, trim(alias))
                )
            ), '|') as aliases,
            nullif(array_to_string(list_filter(
                string_split(coalesce(inherited.context_aliases, ''), '|'),
                lambda alias: trim(alias) <> '' and not list_contains(curated_aliases.aliases, trim(alias))
            ), '|'), '') as context_aliases
        )
    from curated
    cross join curated_aliases
    left join (
        select curated_id, string_agg(aliases, '|') as aliases, string_agg(context_aliases, '|') as context_aliases
        from (
            select distinct
                same.curated_id, places.entity_id, places.context_aliases,
                -- (spellings only from a reference place under the same parent: a namesake elsewhere is another place)
                case when places.parent_entity_id is not distinct from curated_parent.parent_entity_id then places.aliases end as aliases
            from (
                select entity_id, curated_id from same_as_curated
                -- (and the reference place of the seed's own id under the same parent)
                union all
                select curated.entity_id, curated.entity_id
                from curated
                inner join {{ ref('stg_reference__places') }} as namesake
                    on namesake.entity_id = curated.entity_id
                    and namesake.parent_entity_id = curated.parent_entity_id
            ) as same
            inner join {{ ref('stg_reference__places') }} as places on places.entity_id = same.entity_id
            inner join curated as curated_parent on curated_parent.entity_id = same.curated_id
        )
        group by curated_id
    ) as inherited on inherited.curated_id = curated.entity_id
)

select * from curated_with_context
union all
select * from referenced
