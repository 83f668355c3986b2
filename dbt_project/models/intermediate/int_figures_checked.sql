-- Checks every figure against what its own document says, classified or not, and quarantines
-- the figures that contradict themselves or their document. A quarantined figure is kept
-- (fct_figure, fct_indicator_observation) with the rule and the numbers in its reason, and is
-- left out of reconciled values; the warehouse still publishes.
--   impossible_stated_conversion  a money figure restated in another currency ("53.96 billion
--                                 yuan ($7.83 billion)") whose implied rate lies outside every
--                                 rate the reference table has seen for the pair (any year) by
--                                 more than `impossible_rate_margin` times, either way: a scale
--                                 word slips by 10x or more and a swapped currency sign by the
--                                 rate itself, while rates drift far less, so a scale word or a
--                                 currency is wrong in one of the two; which one cannot be told,
--                                 so both are quarantined. Closer than that but more than 10%
--                                 off the year's reference rate is a warning only (rule
--                                 fx_rate_near_reference).
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
--   footnote_fused_restatement    a restatement whose leading digit is a footnote marker fused to
--                                 the number ("RMB344.8 billion (US$250.2 billion)", note 2 on
--                                 US$50.2 billion): as written its rate is more than 10% off the
--                                 reference, without that digit within 10%. Only the restatement
--                                 is quarantined; the restated figure is right.
--   part_exceeds_whole            a part stated after its whole in one Chinese sentence that is
--                                 larger than it: the whole, its noun or measure word, 其中 or 包括
--                                 and within a few words the part, with no figure between, the
--                                 whole's unit and measure word and no noun of its own (or the
--                                 whole's): "众创空间91家，其中政府和国有企业创办的115家". The part
--                                 is quarantined (dev documents: the part was the misprint). A
--                                 partitive further from the whole belongs to another noun ("以
--                                 估值10億美元為...標準,...新創已有數家,包括...17.2億美元"). Parts
--                                 each within the whole that add up to more than it are listed
--                                 on the whole (parts_sum_contradiction), not quarantined: one
--                                 part is wrong or the list counts something twice. English
--                                 partitives ("of which", "including") are left out: judged like
--                                 the Chinese ones, every part they quarantined on unread dev
--                                 documents (2 figures) was right.
--   implausible_for_its_noun      an unclassified count whose own counted noun (or the noun its
--                                 clause counts: "the number of private business entities ...
--                                 reached 1.81 trillion") names catalog indicators, larger than
--                                 `noun_plausibility_factor` times the plausible maximum of every
--                                 one of them ("1.25 trillion self-employed businesses"): no
--                                 misreading of the indicator explains it, a scale word is wrong
--                                 in the source.
--   unit_contradicts_restatement  a money figure whose number the same document states again
--                                 elsewhere (headline and body, say) with the same value in a
--                                 currency never within `impossible_rate_margin` times of it
--                                 ("26 billion 170 million yuan" in the headline, "$26 billion
--                                 170 million" in the text): the number was carried over and
--                                 one currency sign is wrong. A bare "$" or "¥" (which writers
--                                 and translators use for several currencies) loses to a
--                                 currency named outright and is quarantined alone; otherwise
--                                 both are. Only numbers of `restated_number_digits` or more
--                                 significant digits, which two different facts rarely share.
--                                 (The same digits in one unit a scale word apart, "2.617
--                                 billion" and "2.617 million", are not judged: on unread dev
--                                 documents the one such pair was two different facts.)
{%- set impossible_rate_margin = 3 %}
{%- set restated_number_digits = 3 %}
{%- set fx_warning_tolerance = 0.1 %}
{%- set noun_plausibility_factor = 100 %}
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
            as restatement_value,
        -- the restatement read without its leading digit ("250.2" as "50.2"), when that leaves a
        -- number: its value then, for a footnote marker fused to the number
        case
            when restatement.value_stated is not null
                and regexp_matches(restatement.number_text, '^[0-9],?[1-9][0-9,]*(\.[0-9]+)?$')
                then restatement.value_stated
                    * try_cast(replace(regexp_replace(restatement.number_text, '^[0-9],?', ''), ',', '') as double)
                    / nullif(try_cast(replace(restatement.number_text, ',', '') as double), 0)
        end as restatement_value_unfused
    from figures as restatement
    inner join figures as restated
        on restated.mention_id = restatement.equivalent_mention_id
        and restated.document_id = restatement.document_id
    where restatement.unit_class = 'currency'
        and restated.unit_class = 'currency'
        and restatement.unit <> restated.unit
),

-- Every rate the reference table has seen for a pair, over all its years: an implied rate far
-- outside that band is no rate of any year, so the figure's own year need not be right.
pair_rates_seen as (
    select
        pairs.numerator_unit,
        pairs.denominator_unit,
        min(denominator_fx.cny_per_unit / numerator_fx.cny_per_unit) as lowest_rate_seen,
        max(denominator_fx.cny_per_unit / numerator_fx.cny_per_unit) as highest_rate_seen,
        min(denominator_fx.rate_year) as first_rate_year,
        max(denominator_fx.rate_year) as last_rate_year
    from (select distinct numerator_unit, denominator_unit from conversions) as pairs
    inner join fx_rates as numerator_fx on numerator_fx.currency_code = pairs.numerator_unit
    inner join fx_rates as denominator_fx
        on denominator_fx.currency_code = pairs.denominator_unit
        and denominator_fx.rate_year = numerator_fx.rate_year
    where numerator_fx.cny_per_unit > 0 and denominator_fx.cny_per_unit > 0
    group by pairs.numerator_unit, pairs.denominator_unit
),

-- The reference rate of the restated figure's year, or of the latest earlier year with rates
-- (as int_observations_reported converts); a year before the table's first takes its first
-- year, an undated figure its last.
conversions_rated as (
    select
        conversions.*,
        case
            when is_turned then restatement_value / nullif(restated_value, 0)
            else restated_value / nullif(restatement_value, 0)
        end as implied_rate,
        case
            when is_turned then restatement_value_unfused / nullif(restated_value, 0)
            else restated_value / nullif(restatement_value_unfused, 0)
        end as unfused_rate,
        denominator_fx.cny_per_unit / nullif(numerator_fx.cny_per_unit, 0) as reference_rate,
        denominator_fx.rate_year as reference_rate_year,
        denominator_fx.rate_date as reference_rate_date
    from (
        select
            conversions.*,
            pair_rates_seen.lowest_rate_seen,
            pair_rates_seen.highest_rate_seen,
            pair_rates_seen.first_rate_year,
            pair_rates_seen.last_rate_year,
            greatest(coalesce(conversions.period_year, pair_rates_seen.last_rate_year), pair_rates_seen.first_rate_year)
                as rate_lookup_year
        from conversions
        left join pair_rates_seen using (numerator_unit, denominator_unit)
    ) as conversions
    asof left join fx_rates as numerator_fx
        on numerator_fx.currency_code = conversions.numerator_unit
        and conversions.rate_lookup_year >= numerator_fx.rate_year
    asof left join fx_rates as denominator_fx
        on denominator_fx.currency_code = conversions.denominator_unit
        and conversions.rate_lookup_year >= denominator_fx.rate_year
),

conversions_footnoted as (
    select
        *,
        numerator_unit || ' per ' || denominator_unit as implied_rate_unit,
        implied_rate / reference_rate as rate_ratio,
        -- off as written, right without the restatement's leading digit: a fused footnote marker
        coalesce(
            abs(implied_rate / reference_rate - 1) > {{ fx_warning_tolerance }}
                and abs(unfused_rate / reference_rate - 1) <= {{ fx_warning_tolerance }},
            false
        ) as is_footnote_fused
    from conversions_rated
    where implied_rate > 0 and reference_rate > 0
),

conversions_judged as (
    select
        * exclude (unfused_rate, restatement_value_unfused),
        case when is_footnote_fused then unfused_rate end as unfused_rate,
        -- a fused footnote marker is the restatement's error alone, not a scale word wrong in one
        -- of the two
        not is_footnote_fused
            and (implied_rate > {{ impossible_rate_margin }} * highest_rate_seen
                or implied_rate < lowest_rate_seen / {{ impossible_rate_margin }})
            as is_conversion_impossible
    from conversions_footnoted
),

conversion_reasons as (
    select
        conversions_judged.*,
        'impossible_stated_conversion: ''' || restated.surface_text || ''' restated as '''
            || restatement.surface_text || ''' implies ' || {{ readable_number('implied_rate') }} || ' '
            || implied_rate_unit || ', ' || {{ readable_number('rate_ratio', 3) }} || 'x the reference '
            || {{ readable_number('reference_rate') }} || ' (' || reference_rate_year || '), more than '
            || {{ impossible_rate_margin }} || 'x outside every rate seen (' || {{ readable_number('lowest_rate_seen') }}
            || ' to ' || {{ readable_number('highest_rate_seen') }} || ', ' || first_rate_year || '-' || last_rate_year
            || '): a scale word or a currency is wrong in one of the two figures'
            as reason
    from conversions_judged
    inner join figures as restated on restated.mention_id = conversions_judged.restates_mention_id
    inner join figures as restatement on restatement.mention_id = conversions_judged.mention_id
    where is_conversion_impossible
),

footnote_reasons as (
    select
        conversions_judged.mention_id,
        'footnote_fused_restatement: ''' || restatement.surface_text || ''' restating ''' || restated.surface_text
            || ''' implies ' || {{ readable_number('implied_rate') }} || ' ' || implied_rate_unit || ' against the reference '
            || {{ readable_number('reference_rate') }} || ' (' || reference_rate_year || '); without its leading digit, a footnote marker, '
            || {{ readable_number('unfused_rate') }} as reason
    from conversions_judged
    inner join figures as restated on restated.mention_id = conversions_judged.restates_mention_id
    inner join figures as restatement on restatement.mention_id = conversions_judged.mention_id
    where is_footnote_fused
),

documents as (
    select document_id, clean_text, coalesce(language like 'zh%', false) as is_chinese from {{ ref('stg_documents') }}
    where {{ in_changed_documents() }}
),

-- A part right after its whole in one Chinese sentence, after a word that says so (其中, 包括);
-- the part names no noun of its own (or the whole's) and has the whole's unit and measure word.
part_levels as (
    select * from figures
    where unit_class in ('count', 'currency') and value_stated is not null and equivalent_mention_id is null
        and change_direction is null
        -- "年利润在100万元以上, 其中...在1000万元以上的": bounds that define groups, not their sizes
        and measure_cue is distinct from 'group bound'
),

-- A whole and the first part after its partitive word.
partitive_pairs as (
    select
        whole.mention_id as whole_mention_id,
        whole.surface_text as whole_text,
        whole.value_stated as whole_value,
        whole.sentence_id,
        whole.end_char as whole_end_char,
        whole.unit,
        whole.unit_text,
        whole.counted_noun as whole_counted_noun,
        documents.is_chinese,
        part.mention_id,
        part.surface_text,
        part.value_stated,
        part.start_char
    from part_levels as whole
    inner join part_levels as part
        on part.sentence_id = whole.sentence_id
        and part.start_char > whole.end_char
        and part.start_char - whole.end_char <= 200
        and part.unit = whole.unit
        and coalesce(part.unit_text, '') = coalesce(whole.unit_text, '')
    inner join documents on documents.document_id = whole.document_id
    where documents.is_chinese
        -- right after the whole (its measure word, a comma), a partitive word, then at most a few
        -- words to the part, which names no noun of its own ("91家，其中...创办的115家"); a
        -- partitive further on belongs to another clause's noun ("标准...新创已有数家,包括")
        and (part.counted_noun is null or part.counted_noun = whole.counted_noun)
        and regexp_matches(
            substr(documents.clean_text, whole.end_char + 1, part.start_char - whole.end_char),
            '^[^。;；,，]{0,8}[,，、:：(（\s]*(其中|包括)[^。;；]{0,40}$'
        )
        -- the nearest whole and the first part: no figure between them
        and not exists (
            select 1 from figures as between_figure
            where between_figure.sentence_id = whole.sentence_id
                and between_figure.start_char >= whole.end_char
                and between_figure.start_char < part.start_char
        )
),

stated_parts as (
    select
        mention_id,
        whole_mention_id,
        'part_exceeds_whole: ''' || surface_text || ''' is stated as a part of ''' || whole_text
            || ''' in one sentence but is ' || {{ readable_number('value_stated / whole_value', 3) }}
            || ' times it' as reason
    from partitive_pairs
    where value_stated > whole_value * 1.01
),

-- The parts listed after a whole's partitive word: its first part and the figures after it in the
-- sentence with the whole's unit and measure word that count the same kind of thing, up to the
-- first figure that does not ("其中政府...创办的115家，高校院所创办的16家，民营60家"). Parts
-- each within the whole that add up to more than it: one of them is wrong, or the list counts
-- something twice, which the words cannot tell; the whole is listed (a warning), not quarantined.
listed_parts as (
    select
        pairs.whole_mention_id,
        pairs.whole_text,
        pairs.whole_value,
        part.mention_id as part_mention_id,
        part.surface_text as part_text,
        part.value_stated as part_value,
        part.start_char
    from partitive_pairs as pairs
    inner join part_levels as part
        on part.sentence_id = pairs.sentence_id
        and part.start_char >= pairs.start_char
        and part.unit = pairs.unit
        and coalesce(part.unit_text, '') = coalesce(pairs.unit_text, '')
        and (part.counted_noun is null or part.counted_noun = pairs.whole_counted_noun)
    where not exists (
        select 1 from figures as between_figure
        where between_figure.sentence_id = pairs.sentence_id
            and between_figure.start_char > pairs.start_char
            and between_figure.start_char < part.start_char
            and (between_figure.unit is distinct from pairs.unit
                or coalesce(between_figure.unit_text, '') <> coalesce(pairs.unit_text, '')
                or between_figure.value_stated is null
                or between_figure.change_direction is not null)
    )
),

parts_over_whole as (
    select
        whole_mention_id as mention_id,
        'parts_exceed_whole: the parts ' || string_agg('''' || part_text || '''', ' + ' order by start_char)
            || ' stated after ''' || any_value(whole_text) || ''' add up to '
            || {{ readable_number('sum(part_value)', 6) }} || ', ' || {{ readable_number('sum(part_value) / any_value(whole_value)', 3) }}
            || ' times it: a part is wrong or the list counts something twice' as reason
    from listed_parts
    group by whole_mention_id
    having count(*) >= 2
        and max(part_value) <= any_value(whole_value) * 1.01
        and sum(part_value) > any_value(whole_value) * 1.01
),

-- The catalog indicators an unclassified count's own counted noun names (on its head, as the
-- classifier matches it), in its document's language. Only counts larger than
-- `noun_plausibility_factor` times the smallest maximum are looked at (few: the regex is per row).
indicator_nouns as (
    select indicator_id, unit_class, plausible_max, noun_cues, false as is_chinese
    from {{ ref('indicators') }}
    where noun_cues is not null
    union all
    select cues.indicator_id, catalog.unit_class, catalog.plausible_max, cues.noun_cues, true as is_chinese
    from {{ ref('indicator_cues_zh') }} as cues
    inner join {{ ref('indicators') }} as catalog using (indicator_id)
    where cues.noun_cues is not null
),

oversized_counts as (
    select
        figures.mention_id,
        figures.surface_text,
        coalesce(figures.counted_noun, figures.concept) as counted_noun,
        figures.value_stated,
        documents.is_chinese
    from figures
    inner join documents using (document_id)
    where figures.unit_class = 'count' and figures.indicator_id is null
        -- its own counted noun, or the noun its clause counts ("the number of private business
        -- entities ... reached 1.81 trillion"); a bare large number may be money without its
        -- currency word, so no other reading counts
        and (
            figures.counted_noun is not null
            or (figures.concept is not null
                and regexp_matches(coalesce(figures.clause_before_text, ''), '(?i)\bnumber of\b|数量|总数|户数'))
        )
        and figures.value_stated > {{ noun_plausibility_factor }} * (
            select min(plausible_max) from indicator_nouns where unit_class = 'count'
        )
),

nouns_named as (
    select
        oversized_counts.*,
        indicator_nouns.indicator_id,
        indicator_nouns.plausible_max
    from oversized_counts
    inner join indicator_nouns
        on indicator_nouns.unit_class = 'count'
        and indicator_nouns.is_chinese = oversized_counts.is_chinese
        and regexp_matches(oversized_counts.counted_noun, '(?i)(' || indicator_nouns.noun_cues || ')$')
),

implausible_counts as (
    select
        mention_id,
        'implausible_for_its_noun: ''' || any_value(surface_text) || ''' ' || any_value(counted_noun) || ' is over '
            || {{ noun_plausibility_factor }} || 'x the plausible maximum of every indicator its noun names ('
            || string_agg(indicator_id || ' ' || {{ readable_number('plausible_max') }}, ', ' order by indicator_id)
            || '): a scale word is wrong in the source' as reason
    from nouns_named
    group by mention_id
    having bool_and(value_stated > {{ noun_plausibility_factor }} * plausible_max)
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

-- Money levels with the digits that carry their number ("26 billion 170 million" -> 2617) and
-- whether their currency is written with a sign several currencies share.
numbered_levels as (
    select
        mention_id,
        document_id,
        surface_text,
        unit,
        unit_class,
        unit_text,
        value_stated,
        equivalent_mention_id,
        trim(
            regexp_replace(regexp_replace(format('{:.12g}', value_stated), 'e.*$', ''), '[^0-9]', '', 'g'), '0'
        ) as significant_digits,
        coalesce(regexp_matches(trim(unit_text), '^(\$|¥|￥|dollars?)$', 'i'), false) as is_sign_shared
    from figures
    where unit_class = 'currency' and value_stated > 0
),

-- Currency pairs that were never within `impossible_rate_margin` times of parity in any year
-- the reference table has seen: one number cannot stand for the same sum in both.
currency_pairs_apart as (
    select
        numerator_fx.currency_code as first_unit,
        denominator_fx.currency_code as second_unit,
        min(denominator_fx.cny_per_unit / numerator_fx.cny_per_unit) as lowest_rate_seen,
        max(denominator_fx.cny_per_unit / numerator_fx.cny_per_unit) as highest_rate_seen
    from fx_rates as numerator_fx
    inner join fx_rates as denominator_fx
        on denominator_fx.rate_year = numerator_fx.rate_year
        and denominator_fx.currency_code <> numerator_fx.currency_code
    where numerator_fx.cny_per_unit > 0 and denominator_fx.cny_per_unit > 0
        and numerator_fx.currency_code in (select unit from numbered_levels where unit_class = 'currency')
        and denominator_fx.currency_code in (select unit from numbered_levels where unit_class = 'currency')
    group by numerator_fx.currency_code, denominator_fx.currency_code
    having min(denominator_fx.cny_per_unit / numerator_fx.cny_per_unit) > {{ impossible_rate_margin }}
        or max(denominator_fx.cny_per_unit / numerator_fx.cny_per_unit) < 1.0 / {{ impossible_rate_margin }}
),

-- Each money figure beside another statement of its number in the same document, not its
-- stated conversion, with the same value in a currency far from it. The figure written with a
-- shared sign is the wrong one when the other names its currency; otherwise both are.
restatement_contradictions as (
    select
        figure.mention_id,
        other.mention_id as other_mention_id,
        'unit_contradicts_restatement: ''' || figure.surface_text || ''' (' || figure.unit || ') and '''
            || other.surface_text || ''' (' || other.unit || ') in one document state the same number, in currencies '
            || 'never within {{ impossible_rate_margin }}x of each other: a currency sign is wrong'
            || case
                when figure.is_sign_shared and not other.is_sign_shared
                    then ' (the ''' || trim(figure.unit_text) || ''' sign, not the named ' || other.unit || ')'
                else ''
            end as reason
    from numbered_levels as figure
    inner join numbered_levels as other
        on other.document_id = figure.document_id
        and other.mention_id <> figure.mention_id
        and other.unit <> figure.unit
        and other.significant_digits = figure.significant_digits
        and abs(figure.value_stated / other.value_stated - 1) < 1e-9
        and coalesce(figure.equivalent_mention_id, '') <> other.mention_id
        and coalesce(other.equivalent_mention_id, '') <> figure.mention_id
    inner join currency_pairs_apart
        on currency_pairs_apart.first_unit = figure.unit
        and currency_pairs_apart.second_unit = other.unit
    where figure.unit_class = 'currency'
        and other.unit_class = 'currency'
        and length(figure.significant_digits) >= {{ restated_number_digits }}
        and (figure.is_sign_shared or not other.is_sign_shared)
),

restatement_contradicted as (
    select
        mention_id,
        min(other_mention_id) as contradicting_mention_id,
        string_agg(distinct reason, '; ' order by reason) as restatement_contradiction
    from restatement_contradictions
    group by mention_id
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
    -- a unit neither the unit seed nor the extractor's code resolves: what the figure counts is
    -- unknown, so the figure is kept and listed, and the rest of the warehouse publishes
    select
        mention_id,
        'unknown_unit: ''' || surface_text || ''' is written with the unit ''' || coalesce(unit_text, '')
            || ''', which neither the unit aliases seed nor the extractor''s unit codes resolve' as reason
    from figures
    where not is_unit_known
    union all
    -- a scale word the scale words seed does not list ("a gross of"): the value is unknown, so
    -- the figure is kept and listed, and the rest of the warehouse publishes
    select
        mention_id,
        'unknown_scale_word: ''' || surface_text || ''' is written with the scale word ''' || unknown_scale_text
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
    where is_scale_disagreement
    union all
    -- the base, the likeliest of the three to be wrong (see the header)
    select base_mention_id as mention_id, growth_reason as reason
    from growth_contradictions
    union all
    -- the restatement only: the restated figure is right
    select mention_id, reason from footnote_reasons
    union all
    select mention_id, reason from stated_parts
    union all
    select mention_id, reason from implausible_counts
    union all
    select mention_id, reason from restatement_contradictions
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
        -- every rate the reference table has seen for the pair, and how far outside that band the
        -- implied rate lies (1 inside it): a rate some year explains is no error of the document's,
        -- whatever year its figure is read as
        conversions_judged.lowest_rate_seen,
        conversions_judged.highest_rate_seen,
        case
            when conversions_judged.implied_rate > conversions_judged.highest_rate_seen
                then conversions_judged.implied_rate / conversions_judged.highest_rate_seen
            when conversions_judged.implied_rate < conversions_judged.lowest_rate_seen
                then conversions_judged.implied_rate / conversions_judged.lowest_rate_seen
            else 1.0
        end as seen_rate_ratio,
        conversions_judged.is_conversion_impossible,
        -- a restatement whose leading digit is a fused footnote marker, and its rate without it
        conversions_judged.is_footnote_fused,
        conversions_judged.unfused_rate,
        -- a part stated after its whole in one sentence and larger than it
        stated_parts.whole_mention_id as stated_whole_mention_id,
        stated_parts.reason as part_whole_contradiction,
        -- on a whole: the parts listed after it add up to more than it (listed, not quarantined)
        parts_over_whole.reason as parts_sum_contradiction,
        -- an unclassified count far beyond every indicator its own noun names
        implausible_counts.reason as noun_implausibility,
        -- another statement of this figure's number in its document in a currency far from its
        -- own, and why
        restatement_contradicted.contradicting_mention_id,
        restatement_contradicted.restatement_contradiction,
        coalesce(figures.is_scale_disagreement, false) as is_scale_disagreement,
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
    left join stated_parts using (mention_id)
    left join implausible_counts using (mention_id)
    left join restatement_contradicted using (mention_id)
    left join parts_over_whole using (mention_id)
)

select * from final
