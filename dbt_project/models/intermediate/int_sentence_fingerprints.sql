-- Each document's sentences as fingerprints for int_document_stories: the text without case,
-- spaces or punctuation, hashed; sentences shorter than 30 letters or digits are left out (a
-- dateline or "Xinhua" proves nothing). Per document and incremental: a refresh fingerprints the
-- changed documents' sentences, not every sentence of the corpus again.
select
    document_id,
    md5(regexp_replace(lower(sentence_text), '[^\pL\pN]+', '', 'g')) as sentence_hash
from {{ ref('stg_sentences') }}
where {{ in_changed_documents() }}
    and length(regexp_replace(sentence_text, '[^\pL\pN]+', '', 'g')) >= 30
group by all
