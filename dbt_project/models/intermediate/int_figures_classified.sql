-- Classifies each figure to a catalog indicator by scoring the catalog's cues against the
-- figure's counted noun and the words around it in its sentence (see the indicators seed for
-- the weights). The best-scoring indicator wins; a tie leaves the figure unclassified. A figure
-- with no cue of its own that continues a series ("from 9.46 million in 2012 to 16.51 million
-- in 2016") takes its predecessor's indicator; a restatement ("($7.83 billion)") takes the
-- indicator of the figure it restates. Nothing is dropped: unclassified figures keep a null id.
-- Figures of Chinese documents are scored with the Chinese cues (seed indicator_cues_zh) instead.
-- Figures of both languages also carry the learned chooser's ranked candidates
-- (figures/indicators.py, column indicator_choices; Chinese ones proposed by the Chinese cues):
-- its most probable candidate that reaches
-- its threshold and passes the checks here (unit, measure type, the owner's level, plausibility)
-- wins; otherwise the cue scores' choice stands only when the chooser also proposed that
-- indicator (a candidate it judged possible), else the figure stays unclassified ('vetoed').
with figures as (
    select * from {{ ref('int_figures_attributed') }}
    where {{ in_changed_documents() }}
),

documents as (
    select
        document_id,
        clean_text,
        case when language like 'zh%' then 'zh' else 'en' end as cue_language
    from {{ ref('stg_documents') }}
    where {{ in_changed_documents() }}
),

indicators as (
    select * from {{ ref('indicators') }}
),

-- The latest annual rate of each currency: enough to tell a value's order of magnitude.
latest_fx as (
    select currency_code, arg_max(cny_per_unit, rate_year) as cny_per_unit
    from {{ ref('int_fx_rates') }}
    group by currency_code
),

rate_bases as (
    select * from {{ ref('rate_bases') }}
),

windows as (
    select
        mention_id,
        documents.cue_language,
        unit,
        unit_class,
        entity_id,
        is_organisation_figure,
        equivalent_mention_id,
        counted_noun,
        concept,
        measure_type,
        rate_basis,
        indicator_choices,
        indicator_threshold,
        indicator_floor,
        -- "incubators and makerspaces" (in Chinese 孵化器和众创空间): a noun cue must span the
        -- coordination to count, whether the extractor's counted noun or the concept read from
        -- the clause says it.
        unit_class = 'count' and regexp_matches(coalesce(counted_noun, concept, ''), '(?i)\s(and|or|&)\s|,|[和及、]') as noun_is_compound,
        -- The figure's concept ("R&D spending" for "... rose 11.6 percent to 1.75 trillion yuan")
        -- counts as a word right before it: the window alone stops at the neighbouring figure.
        -- A partitive ("..., among whom over 460,000 were graduates") is a part of what the
        -- clause before says, so that clause is its near context ("people were hired").
        concat_ws(
            ' ',
            concept,
            case
                when regexp_matches(near_before_text, '(?i)^\s*(among|of)\s+(whom|which|them|these|those)\b')
                    then clause_before_text
                else near_before_text
            end
        ) as near_before,
        near_after_text as near_after,
        clause_before_text || ' ' || clause_after_text as clause_text,
        -- What a count counts: the extractor's counted noun, else the words right after it.
        case
            when unit_class = 'count' then coalesce(counted_noun, concept, left(regexp_extract(near_after_text, '^[^,;.()，；。（）]*'), 40))
        end as noun_text
    from figures
    inner join documents using (document_id)
),

-- Chinese reprints that gloss characters with pinyin ("眾創(chuàng)空間") are matched without the glosses.
cue_windows as (
    select * replace (
        {{ without_pinyin_glosses('noun_text') }} as noun_text,
        {{ without_pinyin_glosses('near_before') }} as near_before,
        {{ without_pinyin_glosses('near_after') }} as near_after,
        {{ without_pinyin_glosses('clause_text') }} as clause_text
    )
    from windows
    where cue_language = 'zh'
    union all by name
    select * from windows where cue_language <> 'zh'
),

{#-
    The catalog's cue patterns are inlined as constants, one union branch per indicator:
    DuckDB compiles a constant regex once, but a pattern read from a joined column once per
    row, which made classification take minutes on a thousand documents. The patterns are
    read from the indicators seed when the model runs; every other attribute still comes
    from the joined catalog row. The Chinese cues (seed indicator_cues_zh) make branches of
    their own, for figures of Chinese documents only, with their own minimum score; their
    excluded cues veto within the figure's near window only (a Chinese sentence lists many
    figures between full-width commas, and one item's words must not veto the next).
-#}
{%- set cue_rows = [] -%}
{%- if execute -%}
    {%- set catalog = api.Relation.create(database=target.database, schema='reference', identifier='indicators') -%}
    {%- set catalog_zh = api.Relation.create(database=target.database, schema='reference', identifier='indicator_cues_zh') -%}
    {%- set cue_rows = run_query(
        "select indicator_id, coalesce(noun_cues, ''), coalesce(context_cues, ''), coalesce(excluded_cues, ''), 'en', null::integer from " ~ catalog
        ~ " union all select indicator_id, coalesce(noun_cues, ''), coalesce(context_cues, ''), coalesce(excluded_cues, ''), 'zh', min_score from " ~ catalog_zh
        ~ " order by 5, 1"
    ).rows -%}
    {#- a build of a few documents (a batch of them too: in_changed_documents says which): the
        branches of the cues its figures' words hold (a unit test's fixtures are no table to query) -#}
    {%- if model.resource_type != 'unit_test' -%}
        {%- set cue_rows = cue_rows_found_in_figures(cue_rows, ref('int_figures_attributed')) -%}
    {%- endif -%}
{%- endif -%}

candidates as (
    {%- for indicator_id, noun_cues, context_cues, excluded_cues, cue_language, language_min_score in cue_rows %}
    select
        windows.mention_id,
        indicators.indicator_id,
        {{ language_min_score if language_min_score is not none else 'indicators.min_score' }} as min_score,
        -- A counted noun matches on its head (last words): "startup incubators" are incubators.
        case
            when windows.noun_is_compound then {{ cue_hit('windows.noun_text', '(' ~ noun_cues ~ ')$' if noun_cues else '') }}
                and regexp_matches(regexp_extract(windows.noun_text, {{ sql_literal('(?i)(' ~ noun_cues ~ ')$') }}), '\s(and|or|&)\s|,')
            when windows.counted_noun is not null then {{ cue_hit('windows.noun_text', '(' ~ noun_cues ~ ')$' if noun_cues else '') }}
            else {{ cue_hit('windows.noun_text', noun_cues) }}
        end as noun_hit,
        {{ cue_hit('windows.near_before', context_cues) }} as near_before_hit,
        {{ cue_hit('windows.near_after', context_cues) }} as near_after_hit,
        {{ cue_hit('windows.clause_text', context_cues) }} as clause_hit,
        -- A cue elsewhere in the clause speaks of a figure whose own noun is no cue only when the
        -- figure names nothing else: "the revenue of high-tech zones reached 3.27 trillion yuan,
        -- and the export volume reached 319 billion yuan" is no revenue figure.
        windows.concept is null or len(list_filter(
            string_split(lower(windows.concept), ' '),
            lambda word: length(word) > 4 and strpos(lower(regexp_extract(windows.clause_text, {{ sql_literal('(?i)(' ~ context_cues ~ ')') if context_cues else "''" }})), word) > 0
        )) > 0 as clause_names_concept,
        {{ cue_hit("concat_ws(' ', windows.near_before, windows.noun_text, windows.near_after)", excluded_cues) }}
            {%- if cue_language == 'en' %}
            or {{ cue_hit('windows.clause_text', excluded_cues) }}
            {%- endif %} as excluded_hit,
        windows.near_before,
        windows.near_after,
        windows.noun_text,
        {{ sql_literal(noun_cues) }} as noun_cues,
        {{ sql_literal(context_cues) }} as context_cues,
        windows.counted_noun,
        -- The cue words found, read here where the cues are constants: DuckDB compiles a pattern
        -- read from a column again for every row (most of this model's time at 1,000 documents).
        {% if noun_cues %}regexp_extract(windows.noun_text, {{ sql_literal('(?i)' ~ noun_cues) }}){% else %}null::varchar{% endif %} as noun_cue_text,
        {% if context_cues %}list_last(regexp_extract_all(windows.near_before, {{ sql_literal('(?i)' ~ context_cues) }})){% else %}null::varchar{% endif %} as near_before_cue_text,
        {% if context_cues %}regexp_extract(windows.near_after, {{ sql_literal('(?i)' ~ context_cues) }}){% else %}null::varchar{% endif %} as near_after_cue_text
    from cue_windows as windows
    inner join indicators
        on indicators.indicator_id = {{ sql_literal(indicator_id) }}
        and {{ indicator_fits_figure('windows', 'indicators') }}
    where windows.equivalent_mention_id is null
        and windows.cue_language = {{ sql_literal(cue_language) }}
    {% if not loop.last %}union all{% endif %}
    {%- else %}
    -- Not executing (parsing): an empty relation of the same shape.
    select
        null::varchar as mention_id, null::varchar as indicator_id, null::integer as min_score,
        false as noun_hit, false as near_before_hit, false as near_after_hit, false as clause_hit, false as clause_names_concept,
        false as excluded_hit, null::varchar as near_before, null::varchar as near_after,
        null::varchar as noun_text, null::varchar as noun_cues, null::varchar as context_cues,
        null::varchar as counted_noun, null::varchar as noun_cue_text, null::varchar as near_before_cue_text,
        null::varchar as near_after_cue_text
    where false
    {%- endfor %}
),

-- The chooser's candidates, most probable first (macros/indicator_choices.sql).
model_choices as (
    select
        mention_id,
        {{ indicator_choice('item', 'indicator_id') }} as indicator_id,
        {{ indicator_choice('item', 'probability') }} as probability,
        {{ indicator_choice('item', 'evidence') }} as evidence
    from (
        select mention_id, {{ unnest_indicator_choices() }} as item
        from windows
        where indicator_choices is not null and equivalent_mention_id is null
    )
),

-- Those the figure's unit, measure type and owner allow, at or above the chooser's threshold.
model_eligible as (
    select
        model_choices.mention_id,
        model_choices.indicator_id,
        model_choices.probability,
        format('model {:.2f}; {}', model_choices.probability, model_choices.evidence) as evidence,
        case when model_choices.evidence like 'noun:%' then 1 else 0 end as noun_match_length
    from model_choices
    inner join windows using (mention_id)
    inner join indicators
        on indicators.indicator_id = model_choices.indicator_id
        and {{ indicator_fits_figure('windows', 'indicators') }}
    where model_choices.probability >= windows.indicator_threshold
),

scored as (
    select
        mention_id,
        indicator_id,
        4 * noun_hit::integer
            + 2 * (near_before_hit or near_after_hit)::integer
            + 1 * (clause_hit and (noun_hit or clause_names_concept) and not (near_before_hit or near_after_hit))::integer as score,
        -- Tie-break: how close the nearest context cue is to the figure (characters).
        least(
            case when noun_hit then 0 end,
            case
                when near_before_hit then strpos(
                    reverse(near_before),
                    reverse(near_before_cue_text)
                ) - 1
            end,
            case
                when near_after_hit then strpos(near_after, near_after_cue_text) - 1
            end
        ) as cue_distance,
        concat_ws(
            '; ',
            case when noun_hit then 'noun: ' || noun_cue_text end,
            case when near_before_hit then 'before: ' || near_before_cue_text end,
            case when near_after_hit then 'after: ' || near_after_cue_text end,
            case when clause_hit and (noun_hit or clause_names_concept) and not (near_before_hit or near_after_hit) then 'clause' end
        ) as evidence,
        coalesce(length(case when noun_hit then noun_cue_text end), 0) as noun_match_length,
        min_score
    from candidates
    where not excluded_hit
),

-- Each candidate's value per year in the indicator's unit, against the catalog's plausible
-- range widened {{ var('classification_plausibility_margin') }}-fold each way. When only the
-- words around a figure name the indicator, a value further out is far more often the wrong
-- indicator ("a 100 billion yuan fund" in a sentence about makerspaces) than a scale error in
-- the source: the indicator is not taken and the figure goes to the review list with the reason.
-- Two signs say the source has the scale wrong instead, and keep the indicator for the
-- plausibility rule to flag: the figure's own counted noun or concept names the indicator, or
-- it has the mark of a translated scale: a scale word after a number of a thousand or more
-- (writers say "7.5 million", translations "7500 thousands"), whose number alone lies inside
-- the range.
plausibility as (
    select
        scored.mention_id,
        scored.indicator_id,
        coalesce(figures.counted_noun, figures.concept) is not null and scored.noun_match_length > 0 as is_named_by_its_noun,
        coalesce(
            figures.scale_multiplier > 1
            and coalesce(figures.value_point, (figures.value_low + figures.value_high) / 2, figures.value_low, figures.value_high)
                / figures.scale_multiplier between greatest(indicators.plausible_min, 1000) and indicators.plausible_max,
            false
        ) as is_translated_scale,
        coalesce(figures.value_point, (figures.value_low + figures.value_high) / 2, figures.value_low, figures.value_high)
            * case
                when figures.unit_class = 'currency' and figures.unit <> indicators.canonical_unit
                    then figure_fx.cny_per_unit / canonical_fx.cny_per_unit
                else 1
            end
            * case
                when indicators.measure_type = 'flow' then coalesce(rate_bases.periods_per_year, 1)
                else 1
            end as value_per_year,
        indicators.plausible_min,
        indicators.plausible_max
    from (
        select mention_id, indicator_id, max(noun_match_length) as noun_match_length
        from (
            select mention_id, indicator_id, noun_match_length from scored
            union all
            select mention_id, indicator_id, noun_match_length from model_eligible
        )
        group by mention_id, indicator_id
    ) as scored
    inner join figures using (mention_id)
    inner join indicators on indicators.indicator_id = scored.indicator_id
    left join latest_fx as figure_fx on figure_fx.currency_code = figures.unit
    left join latest_fx as canonical_fx on canonical_fx.currency_code = indicators.canonical_unit
    left join rate_bases on rate_bases.rate_basis = figures.rate_basis and rate_bases.basis_kind = 'time'
),

-- Plausibility per (figure, indicator), whichever way the indicator was proposed.
scored_plausibility_keys as (
    select
        mention_id,
        indicator_id,
        is_named_by_its_noun or is_translated_scale or is_within_margin as is_plausible,
        -- a value far out with the mark of a translated scale ("7500 thousands"): the source's
        -- scale is suspect, and the indicator is kept for indicator_within_plausible_range to flag
        is_translated_scale and not is_within_margin as is_scale_suspect
    from (
    select
        plausibility.mention_id,
        plausibility.indicator_id,
        plausibility.is_named_by_its_noun,
        plausibility.is_translated_scale,
        coalesce(
            plausibility.value_per_year between
                coalesce(
                    case
                        when plausibility.plausible_min >= 0 then plausibility.plausible_min / {{ var('classification_plausibility_margin') }}
                        else plausibility.plausible_min * {{ var('classification_plausibility_margin') }}
                    end,
                    plausibility.value_per_year
                )
                and coalesce(
                    case
                        when plausibility.plausible_max >= 0 then plausibility.plausible_max * {{ var('classification_plausibility_margin') }}
                        else plausibility.plausible_max / {{ var('classification_plausibility_margin') }}
                    end,
                    plausibility.value_per_year
                ),
            true
        ) as is_within_margin
    from plausibility
    )
),

scored_plausibility as (
    select
        scored.*,
        plausibility.value_per_year,
        plausibility.plausible_min,
        plausibility.plausible_max,
        -- Unknown (no rate, no range) counts as plausible.
        coalesce(keys.is_plausible, true) as is_plausible
    from scored
    left join plausibility using (mention_id, indicator_id)
    left join scored_plausibility_keys as keys using (mention_id, indicator_id)
),

eligible as (
    select * exclude (value_per_year, plausible_min, plausible_max, is_plausible)
    from scored_plausibility
    where score >= min_score and is_plausible
),

-- The best candidate turned down for its value, said in the review list.
rejected_as_implausible as (
    select
        mention_id,
        arg_max(
            format(
                'words name {} ({}), but {:,} per year is over {}x outside its plausible range [{:,}, {:,}]',
                indicator_id, evidence, round(value_per_year)::hugeint, {{ var('classification_plausibility_margin') }},
                plausible_min::hugeint, plausible_max::hugeint
            ),
            score
        ) as rejection_evidence
    from scored_plausibility
    where score >= min_score and not is_plausible
    group by mention_id
),

ranked as (
    select
        *,
        row_number() over best as rank_in_figure,
        lead(score) over best as runner_up_score,
        lead(coalesce(cue_distance, 9999)) over best as runner_up_distance,
        lead(noun_match_length) over best as runner_up_noun_length,
        lead(indicator_id) over best as runner_up_indicator_id
    from eligible
    window best as (partition by mention_id order by score desc, coalesce(cue_distance, 9999), noun_match_length desc, indicator_id)
),

cue_best as (
    select
        mention_id,
        -- A tie on score and cue distance is ambiguous: leave the figure unclassified.
        case
            when runner_up_score = score and runner_up_distance = coalesce(cue_distance, 9999)
                and runner_up_noun_length = noun_match_length then null
            else indicator_id
        end as indicator_id,
        score as classification_score,
        evidence as classification_evidence,
        runner_up_indicator_id,
        case
            when runner_up_score = score and runner_up_distance = coalesce(cue_distance, 9999)
                and runner_up_noun_length = noun_match_length then 'ambiguous'
            else 'cues'
        end as classification_method
    from ranked
    where rank_in_figure = 1
),

-- The chooser's pick: its most probable eligible candidate whose value is plausible.
model_best as (
    select
        model_eligible.mention_id,
        model_eligible.indicator_id,
        model_eligible.probability,
        model_eligible.evidence,
        lead(model_eligible.indicator_id) over by_probability as runner_up_indicator_id
    from model_eligible
    inner join scored_plausibility_keys as plausible
        on plausible.mention_id = model_eligible.mention_id and plausible.indicator_id = model_eligible.indicator_id
    where plausible.is_plausible
    window by_probability as (partition by model_eligible.mention_id order by model_eligible.probability desc, model_eligible.indicator_id)
    qualify row_number() over by_probability = 1
),

best as (
    select
        coalesce(model_best.mention_id, cue_best.mention_id) as mention_id,
        case
            when model_best.mention_id is not null then model_best.indicator_id
            when proposed.mention_id is not null or not windows.chooser_applies or suspect.mention_id is not null then cue_best.indicator_id
        end as indicator_id,
        case
            when model_best.mention_id is not null then round(100 * model_best.probability)::integer
            else cue_best.classification_score
        end as classification_score,
        case
            when model_best.mention_id is not null then model_best.evidence
            when proposed.mention_id is not null or not windows.chooser_applies or suspect.mention_id is not null then cue_best.classification_evidence
            else 'the chooser did not propose ' || cue_best.indicator_id || ' (cues: ' || cue_best.classification_evidence || ')'
        end as classification_evidence,
        coalesce(model_best.runner_up_indicator_id, cue_best.runner_up_indicator_id) as runner_up_indicator_id,
        case
            when model_best.mention_id is not null then 'model'
            when proposed.mention_id is not null or not windows.chooser_applies or suspect.mention_id is not null
                or cue_best.indicator_id is null then cue_best.classification_method
            else 'vetoed'
        end as classification_method
    from model_best
    full outer join cue_best using (mention_id)
    left join (
        select mention_id, cue_language in ('en', 'zh') as chooser_applies, indicator_floor from windows
    ) as windows on windows.mention_id = coalesce(model_best.mention_id, cue_best.mention_id)
    -- a candidate under the chooser's floor is kept only for corroboration by other documents:
    -- it does not let the cues classify the figure
    left join model_choices as proposed
        on proposed.mention_id = cue_best.mention_id and proposed.indicator_id = cue_best.indicator_id
        and proposed.probability >= coalesce(windows.indicator_floor, 0)
    -- a value whose scale looks translated wrongly in the source is taken by the cues even under
    -- the floor: the chooser reads its value as implausible, and the source error must be flagged
    -- (a value far out that its noun only names stays turned down: measured, mostly other concepts);
    -- an indicator of a population the catalog names (scope_cues) only when the figure's own noun
    -- names it or the chooser, which reads that population around the figure, proposed it: a
    -- family farm's 1.76亿亩 of land, by the word 面积 beside it, is no makerspace's floor area
    left join (
        select keys.mention_id, keys.indicator_id
        from scored_plausibility_keys as keys
        inner join plausibility using (mention_id, indicator_id)
        inner join indicators using (indicator_id)
        left join (select distinct mention_id, indicator_id from model_choices) as proposed_at_all
            using (mention_id, indicator_id)
        where keys.is_scale_suspect
            and (indicators.scope_cues is null or plausibility.is_named_by_its_noun or proposed_at_all.mention_id is not null)
    ) as suspect
        on suspect.mention_id = cue_best.mention_id and suspect.indicator_id = cue_best.indicator_id
),

first_pass as (
    select
        figures.*,
        best.indicator_id as cue_indicator_id,
        best.classification_score,
        coalesce(best.classification_evidence, rejected_as_implausible.rejection_evidence) as classification_evidence,
        best.runner_up_indicator_id,
        case
            when best.mention_id is null and rejected_as_implausible.mention_id is not null then 'implausible'
            else best.classification_method
        end as cue_method,
        lag(figures.end_char) over sentence_order as previous_end_char,
        lag(figures.unit) over sentence_order as previous_unit,
        lag(figures.counted_noun) over sentence_order as previous_counted_noun,
        lag(figures.measure_type) over sentence_order as previous_measure_type,
        lag(figures.mention_id) over unit_order as compared_mention_id,
        lag(figures.end_char) over unit_order as compared_end_char,
        lag(figures.counted_noun) over unit_order as compared_counted_noun,
        lag(figures.measure_type) over unit_order as compared_measure_type,
        lag(best.indicator_id) over unit_order as compared_indicator_id
    from figures
    left join best using (mention_id)
    left join rejected_as_implausible using (mention_id)
    window sentence_order as (
        partition by figures.sentence_id, figures.equivalent_mention_id is null
        order by figures.start_char
    ),
    unit_order as (
        partition by figures.sentence_id, figures.equivalent_mention_id is null, figures.unit
        order by figures.start_char
    )
),

-- Whether a figure continues the one before it in its sentence (same unit and measure type, no
-- cue of its own, a series connector between), and the runs of figures so linked: a run takes
-- the indicator of its first figure ("from 9.46 million in 2012 to 12.1 million in 2014 to 16.51
-- million in 2016": the third too).
series_links as (
    select
        first_pass.*,
        first_pass.cue_indicator_id is null
            and first_pass.equivalent_mention_id is null
            and first_pass.previous_unit = first_pass.unit
            and first_pass.previous_measure_type is not distinct from first_pass.measure_type
            and (first_pass.counted_noun is null or first_pass.counted_noun = first_pass.previous_counted_noun)
            and regexp_matches(
                substr(documents.clean_text, first_pass.previous_end_char + 1, first_pass.start_char - first_pass.previous_end_char),
                '(?i)' || {{ series_connector_regex() }}
            ) as links_to_previous,
        -- the base of a change, the same measure elsewhere, an average it is set against
        first_pass.cue_indicator_id is null
            and first_pass.equivalent_mention_id is null
            and first_pass.compared_indicator_id is not null
            and first_pass.compared_measure_type is not distinct from first_pass.measure_type
            and (first_pass.counted_noun is null or first_pass.counted_noun = first_pass.compared_counted_noun)
            and regexp_matches(
                substr(documents.clean_text, first_pass.compared_end_char + 1, first_pass.start_char - first_pass.compared_end_char),
                '(?i)' || {{ comparison_connector_regex() }}
            ) as compares_with_previous
    from first_pass
    inner join documents using (document_id)
),

series_runs as (
    select
        *,
        sum(case when coalesce(links_to_previous, false) then 0 else 1 end) over (
            partition by sentence_id, equivalent_mention_id is null
            order by start_char
            rows between unbounded preceding and current row
        ) as run_number
    from series_links
),

with_series as (
    select
        series_runs.* exclude (links_to_previous, run_number),
        first_value(cue_indicator_id) over series_run as series_indicator_id,
        first_value(mention_id) over series_run as series_head_mention_id,
        coalesce(links_to_previous, false) and series_indicator_id is not null as continues_series
    from series_runs
    window series_run as (
        partition by sentence_id, equivalent_mention_id is null, run_number
        order by start_char
        rows between unbounded preceding and current row
    )
),

restated as (
    select
        with_series.*,
        parent.cue_indicator_id as restated_indicator_id
    from with_series
    left join first_pass as parent on parent.mention_id = with_series.equivalent_mention_id
),

-- A headline's figure said again in the body, or the reverse ("... raised $1.3 billion through 89
-- deals" over "investors put $1.3 billion into 89 deals for venture-backed companies"): the same
-- value, unit and measure type, one of them in the document's first sentence. A twin the words
-- classify lends its indicator to one they leave unclassified, when all such twins agree.
headline_twins as (
    select
        unclassified.mention_id,
        any_value(twin.cue_indicator_id) as twin_indicator_id
    from with_series as unclassified
    inner join first_pass as twin
        on twin.document_id = unclassified.document_id
        and twin.sentence_id <> unclassified.sentence_id
        and twin.unit = unclassified.unit
        and twin.value_point = unclassified.value_point
        and twin.measure_type is not distinct from unclassified.measure_type
        and (twin.sentence_index = 0 or unclassified.sentence_index = 0)
    where unclassified.cue_indicator_id is null
        and unclassified.equivalent_mention_id is null
        and not unclassified.continues_series
        and not unclassified.compares_with_previous
        and twin.cue_indicator_id is not null
        and twin.equivalent_mention_id is null
    group by unclassified.mention_id
    having count(distinct twin.cue_indicator_id) = 1
),

final as (
    select
        restated.* exclude (cue_indicator_id, cue_method, restated_indicator_id, previous_end_char, previous_unit, previous_counted_noun, previous_measure_type, continues_series, series_indicator_id, series_head_mention_id,
            compared_mention_id, compared_end_char, compared_counted_noun, compared_measure_type, compared_indicator_id, compares_with_previous),
        case
            when restated.equivalent_mention_id is not null then restated.restated_indicator_id
            when restated.continues_series then restated.series_indicator_id
            when restated.compares_with_previous then restated.compared_indicator_id
            when headline_twins.mention_id is not null then headline_twins.twin_indicator_id
            else restated.cue_indicator_id
        end as indicator_id,
        case
            when restated.equivalent_mention_id is not null and restated.restated_indicator_id is not null then 'restatement'
            when restated.continues_series then 'series'
            when restated.compares_with_previous then 'comparison'
            when headline_twins.mention_id is not null then 'headline_twin'
            else restated.cue_method
        end as classification_method,
        case
            when restated.continues_series then restated.series_head_mention_id
            when restated.compares_with_previous then restated.compared_mention_id
        end as series_parent_mention_id
    from restated
    left join headline_twins using (mention_id)
)

select * from final
