-- One row per figure written with a scale word ("3.15 billion"): the stored base-unit value
-- against the number as written times the scale word's multiplier and its unit's factor to the
-- canonical unit ("10万平方公里" is 10 x 10,000 km2, stored as 1e11 m2). A figure whose stored value
-- is still the bare number carries a leftover scale (a fault of the build); one whose scale word
-- the seed does not list is a document's word the warehouse cannot read (quarantined by dbt).
with scaled as (
    select
        f.figure_id,
        f.document_id,
        f.surface_text,
        f.scale_text,
        coalesce(f.is_scale_known, false) as is_scale_known,
        coalesce(f.value_low, f.value_high) as value_base,
        try_cast(replace(f.number_text, ',', '') as double) * s.multiplier * coalesce(u.factor_to_canonical, 1)
            as value_expected,
        -- magnitudes: a negative figure ("净利润为-10,554.24万元", "from negative RMB9.2 billion")
        -- keeps its sign out of number_text
        least(abs(abs(f.value_low) / nullif(abs(value_expected), 0) - 1),
              abs(abs(f.value_high) / nullif(abs(value_expected), 0) - 1)) as relative_gap
    from marts.fct_figure as f
    left join reference.scale_words as s on lower(trim(f.scale_text)) = s.scale_word
    -- currencies keep their own code (no row here): factor 1
    left join reference.unit_aliases as u on u.alias_kind = 'unit code' and u.unit_code = f.extracted_unit
    where f.scale_text is not null
      and f.unit_class in ('currency', 'count', 'area', 'mass', 'length')
)

select
    figure_id as row_key,
    *,
    -- zero times any scale is zero: a garbled "000萬元" stored as 0 leaves no scale over
    not is_scale_known or coalesce(relative_gap < $relative_tolerance, value_expected is null)
        or (value_expected = 0 and value_base = 0) as scale_is_applied
from scaled
