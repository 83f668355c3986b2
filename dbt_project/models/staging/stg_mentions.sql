with source as (
    select * from {{ source('ingestion', 'mentions') }}
),

renamed as (
    select
        mention_id,
        document_id,
        sentence_id,
        sentence_index::integer as sentence_index,
        start_char::bigint as start_char,
        end_char::bigint as end_char,
        surface_text,
        number_text,
        raw_low::double as number_low,
        raw_high::double as number_high,
        scale_text,
        scale::double as scale_multiplier,
        value::double as extracted_value,
        low::double as extracted_low,
        high::double as extracted_high,
        unit_text,
        unit as extracted_unit,
        unit_class as extracted_unit_class,
        is_percentage_point::boolean as is_percentage_point,
        counted as counted_noun,
        per as rate_basis,
        qualifier,
        qualifier_text,
        status_hint,
        change as change_direction,
        change_basis_text,
        equivalent_mention_id,
        is_word_number::boolean as is_word_number,
        period_label,
        period_granularity,
        period_start::date as period_start,
        period_end::date as period_end,
        period_text,
        period_is_point_in_time::boolean as period_is_point_in_time,
        period_source,
        comparison_label,
        comparison_text,
        status,
        status_text,
        {{ column_or_null(source('ingestion', 'mentions'), 'concept', 'varchar') }},
        {{ column_or_null(source('ingestion', 'mentions'), 'measure_type', 'varchar') }},
        {{ column_or_null(source('ingestion', 'mentions'), 'measure_cue', 'varchar') }},
        {{ column_or_null(source('ingestion', 'mentions'), 'meaning_rate_basis', 'varchar') }},
        extractor_version
    from source
)

select * from renamed
