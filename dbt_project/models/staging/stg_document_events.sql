with source as (
    select * from {{ source('ingestion', 'document_events') }}
),

renamed as (
    select
        document_id,
        source_path,
        event,
        content_key,
        detected_at
    from source
)

select * from renamed
