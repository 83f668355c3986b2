{#- The clean text at [start, end) (0-based character offsets) of each row of `spans`: a query
    of (`key`, quoted) giving what substring(clean_text, start + 1, end - start) gives, in work
    linear in the documents' size. substring() reads a non-ASCII text from its first character
    on every call, so quoting each sentence of a 19 MB document that way took hours; here each
    clean text is cut once into pieces of `piece` characters, and each span is quoted from the
    pieces it covers. Spans whose document is not in stg_documents are left out, and so are
    those of documents `documents_filter` (a condition on document_id) leaves out. -#}
{% macro quote_clean_text(spans, key, start, end, piece=256, documents_filter='true') %}
    with pieces as (
        select
            document_id,
            generate_subscripts(pieces, 1) - 1 as piece_index,
            unnest(pieces) as piece_text
        from (
            select document_id, regexp_extract_all(clean_text, '(?s).{1,{{ piece }}}') as pieces
            from {{ ref('stg_documents') }}
            where {{ documents_filter }}
        )
    ),

    wanted as (
        select
            {{ key }} as span_key,
            document_id,
            {{ start }} as span_start,
            {{ end }} as span_end,
            -- every piece the span covers; an empty span still reads the piece it starts in
            unnest(range({{ start }} // {{ piece }}, greatest(({{ end }} + {{ piece }} - 1) // {{ piece }}, {{ start }} // {{ piece }} + 1))) as piece_index
        from {{ spans }}
        where document_id in (select document_id from {{ ref('stg_documents') }})
            and {{ documents_filter }}
    )

    select
        w.span_key as {{ key }},
        -- past the text's end substring() gives what is left, or ''
        coalesce(substring(
            string_agg(p.piece_text, '' order by p.piece_index),
            any_value(w.span_start) - any_value(w.span_start) // {{ piece }} * {{ piece }} + 1,
            any_value(w.span_end) - any_value(w.span_start)
        ), '') as quoted
    from wanted as w
    left join pieces as p on w.document_id = p.document_id and w.piece_index = p.piece_index
    group by w.span_key
{%- endmacro %}

{#- The documents a data test over raw rows checks: every document, unless the orchestration
    says the build is incremental (DBT_TEST_CHANGED_DOCUMENTS=1), when the rows of documents
    not in raw.pending_documents are those the last green build tested (a document's raw rows
    change only with its content or the ingestion or extraction code, which queue it). A plain
    `dbt build` tests every document. Read only when the test runs, so parsing is unaffected. -#}
{% macro documents_under_test(column='document_id') -%}
    {%- set pending = source('ingestion', 'pending_documents') -%}
    {%- if execute and env_var('DBT_TEST_CHANGED_DOCUMENTS', '') == '1' -%}
        {{ column }} in (select document_id from {{ pending }})
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}
