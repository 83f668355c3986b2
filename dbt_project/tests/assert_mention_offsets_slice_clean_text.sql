{{ config(meta={'dagster': {'ref': {'name': 'stg_mentions'}}}) }}
-- Provenance: the quote at each mention's offsets in the stored clean text equals its surface text.
select
    m.mention_id,
    m.surface_text,
    substring(d.clean_text, m.start_char + 1, m.end_char - m.start_char) as quoted
from {{ ref('stg_mentions') }} as m
inner join {{ ref('stg_documents') }} as d on m.document_id = d.document_id
where substring(d.clean_text, m.start_char + 1, m.end_char - m.start_char) != m.surface_text
