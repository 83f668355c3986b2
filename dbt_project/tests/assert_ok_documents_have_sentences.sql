{{ config(meta={'dagster': {'ref': {'name': 'stg_documents'}}}) }}
-- Completeness: a document that was ingested without error yields at least one sentence.
select d.document_id
from {{ ref('stg_documents') }} as d
left join {{ ref('stg_sentences') }} as s on d.document_id = s.document_id
where d.status = 'ok'
group by d.document_id
having count(s.sentence_id) = 0
