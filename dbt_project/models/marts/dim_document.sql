with documents as (
    select * from {{ ref('stg_documents') }}
),

final as (
    select
        document_id,
        title,
        publisher,
        published_on,
        published_on_text,
        published_precision,
        url,
        format,
        language,
        source_tier,
        date_accessed,
        license,
        translation_of,
        source_path,
        metadata_path,
        content_sha256,
        status,
        error,
        warnings,
        n_chars,
        n_sentences
    from documents
)

select * from final
