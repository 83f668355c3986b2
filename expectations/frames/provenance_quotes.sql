-- One row per figure: the clean text sliced at the figure's offsets beside its surface text.
select
    f.figure_id as row_key,
    f.figure_id,
    f.document_id,
    f.start_char,
    f.end_char,
    f.surface_text,
    coalesce(substring(d.clean_text, f.start_char + 1, f.end_char - f.start_char), '<no text>') as quote
from marts.fct_figure as f
left join staging.stg_documents as d using (document_id)
