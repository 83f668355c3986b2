-- The entities: the catalog (curated seed, reference places), then the places and the
-- organisations found in the text that the catalog does not know (figures.owners keys them by name, so the same
-- company named alike in two documents is one row; no list of companies is needed).
with entities as (
    select * from {{ ref('int_entity_catalog') }}
),

mentions as (
    select entity_id, count(*) as n_mentions, count(distinct document_id) as n_documents
    from {{ ref('int_entity_mentions_located') }}
    group by entity_id
),

owned_figures as (
    select entity_id, owner_name, document_id
    from {{ ref('int_figures_attributed') }}
    where entity_id is not null
        and entity_id not in (select entity_id from entities)
),

found as (
    select
        entity_id,
        -- the spelling most figures give, the shortest on a tie
        arg_min(owner_name, length(owner_name)) filter (where owner_name is not null) as shortest_name,
        mode(owner_name) as name,
        string_agg(distinct owner_name, '|' order by owner_name) as aliases,
        count(*) as n_mentions,
        count(distinct document_id) as n_documents
    from owned_figures
    group by entity_id
),

-- Places the catalog does not list that a document names ("Jingrong Town", "Xixian New Area"; see
-- int_entity_mentions_located): one row per slug, named by its longest spelling.
found_places as (
    select
        entity_id,
        arg_max(alias_text, length(alias_text)) as name,
        string_agg(distinct alias_text, '|' order by alias_text) as aliases,
        count(*) as n_mentions,
        count(distinct document_id) as n_documents
    from {{ ref('int_entity_mentions_located') }}
    where entity_kind = 'place'
        and entity_id not in (select entity_id from entities)
    group by entity_id
),

final as (
    select
        entities.entity_id,
        entities.name,
        entities.kind,
        entities.owns_figures,
        entities.aliases,
        entities.geography_id,
        entities.parent_entity_id,
        entities.note,
        entities.entity_source,
        coalesce(mentions.n_mentions, 0) as n_mentions,
        coalesce(mentions.n_documents, 0) as n_documents
    from entities
    left join mentions using (entity_id)

    union all

    select
        entity_id,
        coalesce(name, shortest_name, entity_id) as name,
        'company' as kind,
        true as owns_figures,
        aliases,
        null as geography_id,
        null as parent_entity_id,
        'organisation found in the text: owner of ' || n_mentions || ' figure(s)' as note,
        'found in text' as entity_source,
        n_mentions,
        n_documents
    from found

    union all

    select
        entity_id,
        name,
        'place' as kind,
        false as owns_figures,
        aliases,
        null as geography_id,
        null as parent_entity_id,
        'place found in the text (a town, township, village, subdistrict, development zone, park or new area the place catalogs do not list)' as note,
        'found in text' as entity_source,
        n_mentions,
        n_documents
    from found_places
)

select * from final
