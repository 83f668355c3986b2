{{ config(meta={'dagster': {'ref': {'name': 'stg_sentences'}}}) }}
-- Provenance: every sentence's offsets slice its document's clean text to the sentence itself
-- (quoted by the macro in work linear in the text: a 19 MB document is checked in seconds).
with quoted as (
    {{ quote_clean_text(ref('stg_sentences'), 'sentence_id', 'start_char', 'end_char', documents_filter=documents_under_test()) }}
)

select
    s.sentence_id,
    s.start_char,
    s.end_char
from {{ ref('stg_sentences') }} as s
inner join quoted as q on s.sentence_id = q.sentence_id
where q.quoted != s.sentence_text
