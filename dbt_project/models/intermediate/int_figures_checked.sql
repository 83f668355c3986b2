-- Checks every figure against what its own document says, classified or not, and quarantines
-- the figures that contradict themselves or their document. A quarantined figure is kept
-- (fct_figure, fct_indicator_observation) with the rule and the numbers in its reason, and is
-- left out of reconciled values; the warehouse still publishes.
--   impossible_stated_conversion  a money figure restated in another currency ("53.96 billion
--                                 yuan ($7.83 billion)") whose implied rate is more than
--                                 `impossible_rate_factor` times off the reference rate of
--                                 the restated figure's year, either way: a scale word is
--                                 wrong in one of the two, and which one cannot be told, so
--                                 both are quarantined. Closer than that but more than 10% off
--                                 is a warning only (rule fx_rate_near_reference).
--   reversed_range                a range whose low end is above its high end ("between 5,000
--                                 and 3,000").
--   scale_disagreement            the scale words seed and the extractor read the number
--                                 differently (a build fault, but one figure's: it is listed,
--                                 not allowed to hold back every other document).
--   negative_count                a count below zero.
--   growth_contradicts_levels     a growth rate stated with the two levels it relates, in one
--                                 sentence ("15.61 million, up 178.6 percent from 10.01
--                                 million"; "rose 20 percent from 100 to 150"), when the levels
--                                 imply a growth more than `growth_tolerance_points` points and
--                                 `growth_tolerance_share` of the stated rate away. The base is
--                                 quarantined: a report states the current level and its growth
--                                 rate as its source released them, and adds the earlier level
--                                 from an older release, where digits and years slip ("up 178.6
--                                 percent from 10.01 million": the 2013 census counted 5.6
--                                 million). The rate and the level stay in, flagged
--                                 (growth_contradicts_levels, rule growth_matches_stated_levels).
{%- set impossible_rate_factor = 5 %}
{%- set growth_tolerance_points = 2 %}
{%- set growth_tolerance_share = 0.15 %}
with figures as (
    select * from {{ ref('int_figures_classified') }}
    where {{ in_changed_documents() }}
),

fx_rates as (
    select * from {{ ref('int_fx_rates') }}
),

-- Each money restatement beside the figure it restates, as "<A> per <B>": units of the
-- restated figure's currency per unit of the restatement's, turned round when the restated
-- figure is in USD so that rates read per USD ("CNY per USD") whenever USD is one side.
conversions as (
    select
        restatement.mention_id,
        restated.mention_id as restates_mention_id,
        restatement.document_id,
        restated.period_year,
        restated.unit = 'USD' as is_turned,
        case when restated.unit = 'USD' then restatement.unit else restated.unit end as numerator_unit,
        case when restated.unit = 'USD' then restated.unit else restatement.unit end as denominator_unit,
        coalesce(restated.value_stated, (restated.value_raw_low + restated.value_raw_high) / 2) as restated_value,
        coalesce(restatement.value_stated, (restatement.value_raw_low + restatement.value_raw_high) / 2)
            as restatement_value
    from figures as restatement
    inner join figures as restated
        on restated.mention_id = restatement.equivalent_mention_id
        and restated.document_id = restatement.document_id
    where restatement.unit_class = 'currency'
        and restated.unit_class = 'currency'
        and restatement.unit <> restated.unit
),

-- The reference rate of the restated figure's year, or of the latest earlier year with rates
-- (as int_observations_reported converts).
conversions_rated as (
    select
        conversions.*,
        case
            when is_turned then restatement_value / nullif(restated_value, 0)
            else restated_value / nullif(restatement_value, 0)
        end as implied_rate,
        denominator_fx.cny_per_unit / nullif(numerator_fx.cny_per_unit, 0) as reference_rate,
        denominator_fx.rate_year as reference_rate_year,
        denominator_fx.rate_date as reference_rate_date
    from conversions
    asof left join fx_rates as numerator_fx
        on numerator_fx.currency_code = conversions.numerator_unit
        and conversions.period_year >= numerator_fx.rate_year
    asof left join fx_rates as denominator_fx
        on denominator_fx.currency_code = conversions.denominator_unit
        and conversions.period_year >= denominator_fx.rate_year
),

conversions_judged as (
    select
        *,
        numerator_unit || ' per ' || denominator_unit as implied_rate_unit,
        implied_rate / reference_rate as rate_ratio,
        implied_rate / reference_rate > {{ impossible_rate_factor }}
            or implied_rate / reference_rate < 1.0 / {{ impossible_rate_factor }} as is_conversion_impossible
    from conversions_rated
    where implied_rate > 0 and reference_rate > 0
),

conversion_reasons as (
    select
        conversions_judged.*,
        'impossible_stated_conversion: ''' || restated.surface_text || ''' restated as '''
            || restatement.surface_text || ''' implies ' || {{ readable_number('implied_rate') }} || ' '
            || implied_rate_unit || ', ' || {{ readable_number('rate_ratio', 3) }} || 'x the reference '
            || {{ readable_number('reference_rate') }} || ' (' || reference_rate_year || '); more than '
            || {{ impossible_rate_factor }} || 'x off means a scale word is wrong in one of the two figures'
            as reason
    from conversions_judged
    inner join figures as restated on restated.mention_id = conversions_judged.restates_mention_id
    inner join figures as restatement on restatement.mention_id = conversions_judged.mention_id
    where is_conversion_impossible
),

documents as (
    select document_id, clean_text from {{ ref('stg_documents') }}
    where {{ in_changed_documents() }}
),

-- A growth rate, the base after "from" that follows it, and the level it grew to: the same
-- unit's figure right after "from <base> to", else the nearest one before the rate.
levels as (
    select * from figures
    where unit_class in ('count', 'currency') and equivalent_mention_id is null and value_stated is not null
),

growth_bases as (
    select
        rate.mention_id,
        rate.surface_text as rate_text,
        case when rate.change_direction = 'decrease' then -rate.value_stated else rate.value_stated end as stated_growth,
        base.mention_id as base_mention_id,
        base.surface_text as base_text,
        base.value_stated as base_value,
        base.unit,
        base.sentence_id,
        base.end_char as base_end_char,
        rate.start_char as rate_start_char,
        rate.document_id
    from figures as rate
    inner join levels as base
        on base.sentence_id = rate.sentence_id
        and base.start_char > rate.end_char
        and base.start_char - rate.end_char <= 40
    inner join documents on documents.document_id = rate.document_id
    where rate.unit = 'percent'
        and rate.measure_type = 'change'
        and rate.change_direction is not null
        and not coalesce(rate.is_percentage_point, false)
        and rate.value_stated is not null
        and base.value_stated > 0
        and regexp_matches(
            substr(documents.clean_text, rate.end_char + 1, base.start_char - rate.end_char),
            '(?i)^[^,;.]{0,25}\bfrom\s+(the\s+)?$'
        )
    qualify row_number() over (partition by rate.mention_id order by base.start_char) = 1
),

growth_levels as (
    select
        growth_bases.*,
        level.mention_id as level_mention_id,
        level.surface_text as level_text,
        level.value_stated as level_value
    from growth_bases
    inner join documents on documents.document_id = growth_bases.document_id
    inner join levels as level
        on level.sentence_id = growth_bases.sentence_id
        and level.unit = growth_bases.unit
        and level.mention_id <> growth_bases.base_mention_id
        and (
            -- "from 100 to 150"
            (level.start_char > growth_bases.base_end_char
                and regexp_matches(
                    substr(documents.clean_text, growth_bases.base_end_char + 1, level.start_char - growth_bases.base_end_char),
                    '(?i)^\s*to\s+(about\s+|around\s+|nearly\s+)?$'
                ))
            -- "15.61 million ..., up 178.6 percent from"; not a figure written as a base itself
            -- ("to 19.2 billion from 11.3 billion in Q1 2018 and decreased by 3.2% from 19.8
            -- billion": 11.3 billion is the earlier change's base, not this rate's level)
            or (level.end_char <= growth_bases.rate_start_char
                and growth_bases.rate_start_char - level.end_char <= 120
                and not regexp_matches(
                    substr(documents.clean_text, greatest(1, level.start_char - 11), least(level.start_char, 12)),
                    '(?i)\bfrom\s+(the\s+)?$'
                ))
        )
    qualify row_number() over (
        partition by growth_bases.mention_id
        order by level.start_char > growth_bases.base_end_char desc, level.end_char desc
    ) = 1
),

growth_contradictions as (
    select
        *,
        'growth_contradicts_levels: ''' || rate_text || ''' stated with ''' || base_text || ''' and '''
            || level_text || ''', which imply ' || {{ readable_number('100 * (level_value / base_value - 1)', 3) }} || '%'
            as growth_reason
    from growth_levels
    where abs(100 * (level_value / base_value - 1) - stated_growth) > {{ growth_tolerance_points }}
        and abs(100 * (level_value / base_value - 1) - stated_growth) > {{ growth_tolerance_share }} * abs(stated_growth)
),

-- One row per (figure, reason): both figures of an impossible conversion, and the figures
-- that contradict themselves.
reasons as (
    select mention_id, reason from conversion_reasons
    union all
    select restates_mention_id as mention_id, reason from conversion_reasons
    union all
    select
        mention_id,
        'reversed_range: ''' || surface_text || ''' has its low end '
            || {{ readable_number('value_raw_low', 6) }} || ' above its high end '
            || {{ readable_number('value_raw_high', 6) }} as reason
    from figures
    where value_raw_low > value_raw_high
    union all
    select
        mention_id,
        'negative_count: ''' || surface_text || ''' counts '
            || {{ readable_number('least(value_raw_low, value_raw_high)', 6) }} || ', below zero' as reason
    from figures
    where unit_class = 'count' and least(value_raw_low, value_raw_high) < 0
    union all
    -- a scale word the scale words seed does not list ("a gross of"): the value is unknown, so
    -- the figure is kept and listed, and the rest of the warehouse publishes
    select
        mention_id,
        'unknown_scale_word: ''' || surface_text || ''' is written with the scale word ''' || scale_text
            || ''', which the scale words seed does not list' as reason
    from figures
    where not is_scale_known
    union all
    -- the seeds' reading of the number and scale words disagrees with the extractor's (a range
    -- whose ends are scaled in a way neither foresaw): which is right cannot be told here, so the
    -- figure is kept and listed, and the rest of the warehouse publishes
    select
        mention_id,
        'scale_disagreement: ''' || surface_text || ''' reads '
            || {{ readable_number('value_raw_low', 6) }} || ' by the scale words seed but '
            || {{ readable_number('extracted_low', 6) }} || ' by the extractor' as reason
    from figures
    where is_scale_known and is_unit_known and qualifier <> 'under' and extracted_low is not null
        and abs(value_raw_low - extracted_low) > greatest(1e-9 * abs(extracted_low), 1e-6)
    union all
    -- the base, the likeliest of the three to be wrong (see the header)
    select base_mention_id as mention_id, growth_reason as reason
    from growth_contradictions
),

quarantined as (
    select mention_id, string_agg(distinct reason, '; ' order by reason) as quarantine_reason
    from reasons
    group by mention_id
),

final as (
    select
        figures.mention_id,
        figures.document_id,
        quarantined.mention_id is not null as is_quarantined,
        quarantined.quarantine_reason,
        -- the stated conversion this figure makes, when it restates another money figure
        conversions_judged.restates_mention_id,
        conversions_judged.implied_rate,
        conversions_judged.implied_rate_unit,
        conversions_judged.reference_rate,
        conversions_judged.reference_rate_year,
        conversions_judged.reference_rate_date,
        conversions_judged.rate_ratio,
        conversions_judged.is_conversion_impossible,
        -- the levels a stated growth rate was checked against ("up 178.6 percent from 10.01
        -- million" to "15.61 million"), whether or not they bore it out
        growth_levels.base_mention_id as growth_base_mention_id,
        growth_levels.level_mention_id as growth_level_mention_id,
        -- on the rate: why its levels do not bear it out (only the base is quarantined)
        growth_contradictions.growth_reason as growth_contradiction
    from figures
    left join quarantined using (mention_id)
    left join conversions_judged using (mention_id)
    left join growth_levels using (mention_id)
    left join growth_contradictions using (mention_id)
)

select * from final
