-- The story each document tells again, if it repeats one: a document sharing at least half of its
-- own sentences (compared without case, spaces or punctuation) with one published earlier is that
-- story carried again (a wire copy on a portal, a mirror), and a translation (its sidecar's
-- translation_of) is the story it translates. One row per document; story_document_id is null for
-- a document of its own. Reconciliation counts a repeated story as one source, and two documents'
-- readings of one number meet only when they tell the same story (fct_indicator_observation).
with sentences as (
    select document_id, sentence_hash from {{ ref('int_sentence_fingerprints') }}
),

-- a sentence many documents share is page furniture (a copyright line), not one story's
story_sentences as (
    select * from sentences
    where sentence_hash in (select sentence_hash from sentences group by sentence_hash having count(*) <= 20)
),

sentence_counts as (
    select document_id, count(*) as n_sentences from sentences group by document_id
),

shared as (
    select copy.document_id, original.document_id as original_document_id, count(*) as n_shared
    from story_sentences as copy
    inner join story_sentences as original using (sentence_hash)
    where copy.document_id <> original.document_id
    group by all
),

publications as (
    select document_id, translation_of, coalesce(published_on, date '9999-12-31') as published_order
    from {{ ref('stg_documents') }}
),

originals as (
    select
        shared.document_id,
        arg_min(shared.original_document_id, (original.published_order, shared.original_document_id)) as original_document_id
    from shared
    inner join sentence_counts as copy_counts on copy_counts.document_id = shared.document_id
    inner join publications as copy on copy.document_id = shared.document_id
    inner join publications as original on original.document_id = shared.original_document_id
    -- half of the copy's own sentences: an article quoting two lines of a short release is its own story
    where shared.n_shared >= 2
        and shared.n_shared >= 0.5 * copy_counts.n_sentences
        -- the earlier of the two (then the first by id) is the original
        and (original.published_order, shared.original_document_id) < (copy.published_order, shared.document_id)
    group by shared.document_id
)

select
    publications.document_id,
    coalesce(publications.translation_of, originals.original_document_id) as story_document_id,
    case
        when publications.translation_of is not null then 'translation'
        when originals.original_document_id is not null then 'repost'
    end as story_relation
from publications
left join originals using (document_id)
