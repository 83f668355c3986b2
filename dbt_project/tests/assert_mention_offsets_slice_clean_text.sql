{{ config(meta={'dagster': {'ref': {'name': 'stg_mentions'}}}) }}
-- Provenance: the quote at each mention's offsets in the stored clean text equals its surface text
-- (quoted by the macro in work linear in the text).
with quoted as (
    {{ quote_clean_text(ref('stg_mentions'), 'mention_id', 'start_char', 'end_char', documents_filter=documents_under_test()) }}
)

select
    m.mention_id,
    m.surface_text,
    q.quoted
from {{ ref('stg_mentions') }} as m
inner join quoted as q on m.mention_id = q.mention_id
where q.quoted != m.surface_text
