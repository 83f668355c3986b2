{#-
    Per-document models are incremental: a refresh rebuilds only the documents listed in
    raw.pending_documents (new, changed or removed since the last successful build; written
    by the extraction step, cleared after a green build). Their rows are deleted before the
    model runs (pre-hook) and the model's select keeps only those documents, so a removed
    document simply loses its rows. A first build or `--full-refresh` reads everything.

    A full build of a large corpus runs in bounded batches of documents instead
    (orchestration/defs/transformation/batches.py): with DBT_DOCUMENT_BATCH=k/n in the
    environment the per-document models build the documents whose hash falls in batch k of n;
    with DBT_DOCUMENTS_PREBUILT=1 (the build that follows the batches) they add no document.
    The environment is read only when the model runs (`execute`), so parsing is unaffected.
-#}

{#- Boolean SQL: is this row's document one to rebuild? `true` on a full build. -#}
{% macro in_changed_documents(column='document_id') -%}
    {%- set pending = source('ingestion', 'pending_documents') -%}
    {#- a unit test's fixtures are its whole input, in whichever build it runs -#}
    {%- set batched = execute and not (model is defined and model.resource_type == 'unit_test') -%}
    {%- set batch = env_var('DBT_DOCUMENT_BATCH', '') if batched else '' -%}
    {%- set prebuilt = env_var('DBT_DOCUMENTS_PREBUILT', '') if batched else '' -%}
    {%- if batch -%}
        {%- set number, count = batch.split('/') -%}
        hash({{ column }}) % {{ count | int }} = {{ number | int }}
    {%- elif prebuilt -%}
        false
    {%- elif is_incremental() -%}
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
