with source as (
    select * from {{ source('ingestion', 'sentences') }}
),

renamed as (
    select
        sentence_id,
        document_id,
        sentence_index::integer as sentence_index,
        start_char::bigint as start_char,
        end_char::bigint as end_char,
        text as sentence_text
    from source
)

select * from renamed
