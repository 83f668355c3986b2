with source as (
    select * from {{ source('ingestion', 'documents') }}
),

renamed as (
    select
        document_id,
        source_path,
        metadata_path,
        title,
        publisher,
        published_on as published_on_text,
        published_precision,
        -- A month or year precision date stands for its first day; the precision column says so.
        case published_precision
            when 'day' then try_strptime(published_on, '%Y-%m-%d')::date
            when 'month' then try_strptime(published_on || '-01', '%Y-%m-%d')::date
            when 'year' then try_strptime(published_on || '-01-01', '%Y-%m-%d')::date
        end as published_on,
        url,
        format,
        language,
        source_tier::integer as source_tier,
        try_cast(date_accessed as date) as date_accessed,
        license,
        notes,
        translation_of,
        warnings,
        status,
        error,
        sha256 as content_sha256,
        encoding,
        n_bytes::bigint as n_bytes,
        clean_text,
        n_chars::bigint as n_chars,
        n_sentences::integer as n_sentences
    from source
)

select * from renamed
