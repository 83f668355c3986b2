{{ config(meta={'dagster': {'ref': {'name': 'stg_sentences'}}}) }}
-- Provenance: every sentence's offsets slice its document's clean text to the sentence itself.
select
    s.sentence_id,
    s.start_char,
    s.end_char
from {{ ref('stg_sentences') }} as s
inner join {{ ref('stg_documents') }} as d on s.document_id = d.document_id
where substring(d.clean_text, s.start_char + 1, s.end_char - s.start_char) != s.sentence_text
