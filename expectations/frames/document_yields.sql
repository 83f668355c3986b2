-- One row per document ingested with status ok: how many sentences and figures it yielded.
with figure_counts as (
    select document_id, count(*) as n_figures from marts.fct_figure group by document_id
)

select
    d.document_id as row_key,
    d.document_id,
    d.title,
    coalesce(d.n_sentences, 0) as n_sentences,
    coalesce(c.n_figures, 0) as n_figures,
    coalesce(d.n_sentences, 0) > 0 and coalesce(c.n_figures, 0) > 0 as yields_sentences_and_figures
from marts.dim_document as d
left join figure_counts as c using (document_id)
where d.status = 'ok'
