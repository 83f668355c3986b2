{#-
    Per-document models are incremental: a refresh rebuilds only the documents listed in
    raw.pending_documents (new, changed or removed since the last successful build; written
    by the extraction step, cleared after a green build). Their rows are deleted before the
    model runs (pre-hook) and the model's select keeps only those documents, so a removed
    document simply loses its rows. A first build or `--full-refresh` reads everything.
-#}

{#- Boolean SQL: is this row's document one to rebuild? `true` on a full build. -#}
{% macro in_changed_documents(column='document_id') -%}
    {%- set pending = source('ingestion', 'pending_documents') -%}
    {%- if is_incremental() -%}
        {{ column }} in (select document_id from {{ pending }})
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- Pre-hook of every incremental model: drop the rows of the documents about to be rebuilt. -#}
{% macro delete_changed_documents() -%}
    {%- if is_incremental() -%}
        delete from {{ this }} where {{ in_changed_documents() }}
    {%- endif -%}
{%- endmacro %}
