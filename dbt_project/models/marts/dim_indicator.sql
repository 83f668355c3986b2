with indicators as (
    select * from {{ ref('indicators') }}
),

final as (
    select
        indicator_id,
        label,
        definition,
        level,
        unit_class,
        measure_type,
        canonical_unit,
        expected_rate_basis,
        plausible_min,
        plausible_max,
        part_of as part_of_indicator_id,
        noun_cues,
        context_cues,
        excluded_cues,
        min_score,
        agreement_tolerance
    from indicators
)

select * from final
