-- Re-derives each mention's base-unit value and canonical unit from its written parts through
-- the seed tables (scale words, currency aliases, unit aliases), beside the extractor's values.
with mentions as (
    select * from {{ ref('stg_mentions') }}
    where {{ in_changed_documents() }}
),

scale_words as (
    select * from {{ ref('scale_words') }}
),

currency_aliases as (
    select * from {{ ref('currency_aliases') }}
),

unit_aliases as (
    select * from {{ ref('unit_aliases') }}
),

-- A bare 元 (or an amount the extractor read as yuan from its clause) in a Chinese document from
-- Hong Kong, Macao or Taiwan is the local dollar: "上限為四億元" in a Hong Kong paper is HK$400
-- million, "1500億" in a Taipei paper NT$150 billion. Written renminbi (人民币, RMB, ¥) stays yuan,
-- and so does the 元 a text declares renminbi ("36億元(人民幣,下同)": the extractor's unit_name CNY).
local_currencies as (
    {{ publishing_jurisdictions(ref('int_entity_catalog')) }}
),

-- A bare "$" in an English page published under Hong Kong's domain (news.gov.hk, a .hk paper) is
-- the Hong Kong dollar: "The $2 billion fund was launched by the Innovation & Technology
-- Commission". Elsewhere it stays the US dollar (China Daily's Hong Kong edition, chinadailyhk.com,
-- writes $ for US dollars).
english_local_dollars as (
    select document_id, 'HKD' as local_dollar
    from {{ ref('stg_documents') }}
    where {{ in_changed_documents() }}
        and language like 'en%'
        and ends_with(regexp_extract(coalesce(url, ''), '^[a-z]+://([^/:]+)', 1), '.hk')
),

keyed as (
    select
        *,
        nullif(lower(trim(scale_text)), '') as scale_key,
        nullif(lower(trim(low_scale_text)), '') as low_scale_key,
        nullif(trim(regexp_replace(unit_text, '\s+', ' ', 'g')), '') as unit_text_key,
        lower(unit_text_key) as unit_key
    from mentions
),

units_resolved as (
    select
        keyed.*,
        scale_words.multiplier as seed_scale_multiplier,
        low_scale_words.multiplier as seed_low_scale_multiplier,
        currency_aliases.iso_code as currency_iso_code,
        currency_aliases.is_ambiguous as currency_is_ambiguous,
        coalesce(exact_case_unit.unit_code, written_unit.unit_code, coded_unit.unit_code) as unit_code,
        coalesce(exact_case_unit.canonical_unit, written_unit.canonical_unit, coded_unit.canonical_unit) as non_money_unit,
        coalesce(exact_case_unit.unit_class, written_unit.unit_class, coded_unit.unit_class) as non_money_unit_class,
        coalesce(exact_case_unit.factor_to_canonical, written_unit.factor_to_canonical, coded_unit.factor_to_canonical)
            as non_money_factor,
        case
            when currency_aliases.alias is not null then 'currency_alias'
            when exact_case_unit.alias is not null or written_unit.alias is not null then 'unit_alias'
            when coded_unit.alias is not null then 'unit_code'
        end as unit_source,
        local_currencies.local_currency,
        english_local_dollars.local_dollar
    from keyed
    left join local_currencies using (document_id)
    left join english_local_dollars using (document_id)
    left join scale_words on keyed.scale_key = scale_words.scale_word
    left join scale_words as low_scale_words on keyed.low_scale_key = low_scale_words.scale_word
    -- A currency the text implies without writing it ("融资金额超3.5万亿": money by its clause)
    -- is known by the extractor's ISO code.
    left join currency_aliases
        on coalesce(keyed.unit_key, lower(keyed.extracted_unit)) = currency_aliases.alias
    -- A unit whose case tells it from another ("300 Nm" of torque, "7 nm" chips) is matched as
    -- written before any lower-cased spelling.
    left join unit_aliases as exact_case_unit
        on exact_case_unit.alias_kind = 'exact case' and keyed.unit_text_key = exact_case_unit.alias
        and currency_aliases.alias is null
    -- Bare degrees whose scale the extractor read from their context ("a high of 95 degrees" is
    -- Fahrenheit) keep its code: the spelling alone says only "degree".
    left join unit_aliases as written_unit
        on keyed.unit_key = written_unit.alias and currency_aliases.alias is null
        and exact_case_unit.alias is null and written_unit.alias_kind is distinct from 'exact case'
        and not (written_unit.unit_code = 'deg' and keyed.extracted_unit in ('degC', 'degF'))
    -- No unit written (a bare count, "half"), or a spelling the seed lacks (the traditional 平方公裡
    -- of 平方公里): the extractor's unit code says what it is.
    left join unit_aliases as coded_unit
        on exact_case_unit.alias is null and written_unit.alias is null and lower(keyed.extracted_unit) = coded_unit.alias
),

local_read as (
    select
        *,
        -- the extractor's yuan, written as a bare 元 or implied by the clause, in a document
        -- whose yuan is the local dollar
        (
            currency_iso_code is not null and local_currency is not null and extracted_unit = 'CNY'
            and coalesce(unit_key, '元') = '元' and not regexp_matches(surface_text, '人民币|人民幣|RMB|CNY|¥|￥')
            and unit_name is distinct from 'CNY'
        ) or (local_dollar is not null and extracted_unit = 'USD' and unit_key = '$')
            as is_local_currency
    from units_resolved
),

canonical as (
    select
        *,
        case
            when currency_iso_code is not null then
                case
                    when is_local_currency then coalesce(local_currency, local_dollar)
                    when currency_is_ambiguous and regexp_full_match(extracted_unit, '[A-Z]{3}') then extracted_unit
                    else currency_iso_code
                end
            else non_money_unit
        end as unit,
        -- a unit neither seed nor the extractor's code resolves is 'other' (is_unit_known false), and the
        -- figure is quarantined downstream: one document's spelling never stops the build
        case when currency_iso_code is not null then 'currency' else coalesce(non_money_unit_class, 'other') end as unit_class,
        case when currency_iso_code is not null then 1.0 else non_money_factor end as factor_to_canonical,
        -- No scale word means a multiplier of one; an unknown scale word gives null (flagged).
        case when scale_key is null then 1.0 else seed_scale_multiplier end as scale_multiplier_seed
    from local_read
),

low_scaled as (
    select
        *,
        -- "500 million to 1 billion", "3000万至1亿": the low end's own scale word; else
        -- "800,000 to 1 million": a low numeral above the high one but not above the scaled high
        -- is written in full; the scale word is the high end's only
        case
            when low_scale_key is not null then seed_low_scale_multiplier
            when number_low > number_high and number_low <= number_high * scale_multiplier_seed then 1.0
            else scale_multiplier_seed
        end as scale_multiplier_low
    from canonical
),

valued as (
    select
        *,
        number_high * scale_multiplier_seed > number_low * scale_multiplier_low as is_range,
        {{ without_binary_noise(apply_factors('number_low', ['scale_multiplier_low'])) }} as value_raw_low,
        {{ without_binary_noise(apply_factors('number_high', ['scale_multiplier_seed'])) }} as value_raw_high,
        {{ without_binary_noise(apply_factors('number_low', ['scale_multiplier_low', 'factor_to_canonical'])) }} as value_canonical_low,
        {{ without_binary_noise(apply_factors('number_high', ['scale_multiplier_seed', 'factor_to_canonical'])) }}
            as value_canonical_high,
        (scale_key is null or seed_scale_multiplier is not null)
            and (low_scale_key is null or seed_low_scale_multiplier is not null) as is_scale_known,
        unit_source is not null as is_unit_known
    from low_scaled
),

final as (
    select
        mention_id,
        document_id,
        sentence_id,
        sentence_index,
        start_char,
        end_char,
        surface_text,
        number_text,
        number_low,
        number_high,
        is_range,
        scale_text,
        low_scale_text,
        scale_multiplier_seed as scale_multiplier,
        scale_multiplier as scale_multiplier_extracted,
        unit_text,
        unit_source,
        unit_code,
        unit,
        is_local_currency,
        unit_class,
        factor_to_canonical,
        is_percentage_point,
        -- Raw values: the numeral times its scale word, still in the written unit.
        value_raw_low,
        value_raw_high,
        -- Qualifier semantics: "over" is a lower bound only, "under" an upper bound only;
        -- "about" keeps the stated number as an approximate point.
        case when qualifier <> 'under' then value_canonical_low end as value_low,
        case when qualifier <> 'over' then value_canonical_high end as value_high,
        case when qualifier in ('exact', 'about') and not is_range then value_canonical_low end as value_point,
        case when not is_range then value_canonical_low end as value_stated,
        -- A share said as a fraction in words ("half of", "one third of") is a rounded one.
        case when unit_code = 'fraction' and qualifier = 'exact' then 'about' else qualifier end as qualifier,
        qualifier_text,
        qualifier = 'about' or (unit_code = 'fraction' and qualifier = 'exact') as is_approximate,
        counted_noun,
        -- The extractor's basis ("a day" after the figure), else one said by words it left
        -- ("were registered every day"), read with the figure's meaning.
        coalesce(rate_basis, meaning_rate_basis) as rate_basis,
        concept,
        measure_type,
        measure_cue,
        indicator_choices,
        indicator_threshold,
        indicator_floor,
        owner_probability,
        owner_is_organisation,
        owner_name,
        owner_key,
        owner_source,
        status_hint,
        change_direction,
        change_basis_text,
        equivalent_mention_id,
        is_word_number,
        extracted_value,
        extracted_low,
        extracted_high,
        extracted_unit,
        extracted_unit_class,
        is_scale_known,
        -- the range end whose scale word the seed does not list (the low end's own word first)
        case
            when low_scale_key is not null and seed_low_scale_multiplier is null then low_scale_text
            when scale_key is not null and seed_scale_multiplier is null then scale_text
        end as unknown_scale_text,
        -- the seeds and the extractor read the number differently (a range scaled in a way neither
        -- foresaw): decided here once, for the warn test below, the quarantine in
        -- int_figures_checked and the rule scale_readings_agree. Values are rounded to 6 decimals
        -- ("one third" is 0.333333); an "under" bound keeps only its high end.
        coalesce(
            is_scale_known and is_unit_known and qualifier <> 'under' and extracted_low is not null
                and abs(value_raw_low - extracted_low) > greatest(1e-9 * abs(extracted_low), 1e-6),
            false
        ) as is_scale_disagreement,
        is_unit_known,
        extractor_version
    from valued
)

select * from final
