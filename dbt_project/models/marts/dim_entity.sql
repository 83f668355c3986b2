with entities as (
    select * from {{ ref('int_entity_catalog') }}
),

mentions as (
    select entity_id, count(*) as n_mentions, count(distinct document_id) as n_documents
    from {{ ref('int_entity_mentions_located') }}
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
)

select * from final
