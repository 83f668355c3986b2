-- Figures the classifier left without an indicator that another document's classified figure
-- corroborates: the same value (within the indicator's agreement tolerance, in the same unit),
-- the same status and year, a compatible place and measure type, for an indicator the chooser
-- itself proposed for the figure (among its candidates, below its threshold, at least
-- var corroboration_min_probability). Two documents
-- stating one value for one concept in one year are one fact reported twice, the commonest
-- way a fact reaches the corpus ("4 million business entities" in a wire story, the same
-- count filed as market entities in Shenzhen by the city's own release), so the figure joins
-- that fact's reconciled value. It takes the corroborating observation's place and period
-- (it may hold a coarser place, or a period read from the discourse, not from its text; a
-- figure whose own text gives another period of that year is not taken), and its values are
-- converted at the corroborating observation's factors (same unit and year: the same rates).
-- Cross-document: rebuilt in full on every run. Quarantined figures are never corroborated; a
-- figure whose period is only the publication date is corroborated only by another such
-- observation of a document published together (the same day, or the same month for documents
-- dated only to the month: an undated "operates in 250 cities" in two stories of one day is one fact; the observation keeps the fallback period, so it still stays out
-- of reconciled values, but it is filed with its twin). fct_figure keeps their own (null) indicator.
-- One exception, within a document: a figure that repeats a classified figure of its own
-- document word for word (the same number after the same words: a headline repeated in a
-- keyword line or a summary) is that figure, and takes its reading, period included, when the
-- chooser proposed that indicator for it too.
with figures as (
    select * from {{ ref('int_figures_classified') }}
),

checks as (
    select mention_id, is_quarantined from {{ ref('int_figures_checked') }}
),

reported as (
    select * from {{ ref('int_observations_reported') }}
),

indicators as (
    select indicator_id, agreement_tolerance from {{ ref('indicators') }}
),

places as (
    select entity_id as place_id, parent_entity_id as parent_place_id from {{ ref('int_entity_catalog') }}
    where kind = 'place'
),

-- Each figure as written: its central value in its own unit.
figure_values as (
    select
        figures.*,
        coalesce(figures.value_point, (figures.value_low + figures.value_high) / 2, figures.value_low, figures.value_high)
            as figure_central
    from figures
    left join checks using (mention_id)
    where not coalesce(checks.is_quarantined, false)
),

-- The chooser's candidates of the figures it did not classify (macros/indicator_choices.sql).
proposals as (
    select
        mention_id,
        period_is_fallback,
        {{ indicator_choice('item', 'indicator_id') }} as indicator_id,
        {{ indicator_choice('item', 'probability') }} as probability
    from (
        select mention_id, period_is_fallback, {{ unnest_indicator_choices() }} as item
        from figure_values
        where indicator_id is null
            and equivalent_mention_id is null
            and indicator_choices is not null
            and figure_central is not null
    )
    where {{ indicator_choice('item', 'probability') }} >= {{ var('corroboration_min_probability') }}
),

candidates as (
    select mention_id, indicator_id, probability from proposals
),

-- Observations to corroborate with: reported, not quarantined (with a fallback period only for
-- figures of documents published together, see pairs).
corroborating as (
    select
        reported.*,
        figure_values.published_on as corroborating_published_on,
        figure_values.published_precision as corroborating_published_precision,
        indicators.agreement_tolerance,
        figure_values.figure_central as corroborating_central,
        figure_values.measure_type as corroborating_measure_type,
        figure_values.surface_text as corroborating_surface_text,
        {{ value_band('figure_values.figure_central', 'indicators.agreement_tolerance') }} as value_band,
        {{ value_sign('figure_values.figure_central', 'indicators.agreement_tolerance') }} as value_sign
    from reported
    inner join figure_values using (mention_id)
    inner join indicators on indicators.indicator_id = reported.indicator_id
    where figure_values.figure_central <> 0
),

-- Each candidate, with the figure's own fields, and the value bands a corroborating value must
-- fall in to agree with it: the join in pairs then meets only values that can agree instead of
-- every pair of a key (which grows with the square of the corpus); the exact test follows in
-- matches. Materialized, so the optimizer cannot pair the figures with the observations on the
-- broad keys (unit, status, year) before the bands narrow them: that order made 28 million
-- pairs from 1,000 documents and filled the disk at 10,000.
candidate_bands as materialized (
    select
        candidates.mention_id,
        candidates.indicator_id,
        candidates.probability,
        figure.document_id,
        figure.figure_central,
        figure.unit,
        figure.status,
        figure.period_year,
        figure.period_source,
        figure.period_label,
        figure.period_is_fallback,
        figure.published_on,
        figure.published_precision,
        figure.rate_basis,
        figure.measure_type,
        figure.entity_id,
        figure.geography_id,
        {{ value_band('figure.figure_central', 'indicators.agreement_tolerance') }} + neighbour as value_band,
        {{ value_sign('figure.figure_central', 'indicators.agreement_tolerance') }} as value_sign
    from candidates
    inner join figure_values as figure using (mention_id)
    inner join indicators on indicators.indicator_id = candidates.indicator_id
    cross join (values (-2), (-1), (0), (1), (2)) as neighbours (neighbour)
),

-- Every candidate and observation of its indicator, value band, sign, unit, status and year
-- in another document: the only join that pairs rows.
pairs as materialized (
    select
        figure.mention_id,
        figure.probability,
        figure.figure_central,
        figure.period_source as figure_period_source,
        figure.period_label as figure_period_label,
        figure.rate_basis as figure_rate_basis,
        figure.measure_type as figure_measure_type,
        figure.entity_id as figure_entity_id,
        figure.geography_id as figure_geography_id,
        -- the same publication date as precisely as both give it: the same day, or the same month
        -- (or year) for documents dated only so
        corroborating.corroborating_published_on = figure.published_on
            and corroborating.corroborating_published_precision is not distinct from figure.published_precision
            as is_published_together,
        corroborating.* exclude (mention_id)
    from candidate_bands as figure
    inner join corroborating
        on corroborating.indicator_id = figure.indicator_id
        and corroborating.value_band = figure.value_band
        and corroborating.value_sign = figure.value_sign
        and corroborating.unit_raw = figure.unit
        and corroborating.status = figure.status
        and corroborating.period_year = figure.period_year
        and corroborating.document_id <> figure.document_id
        -- a firm period meets a firm one; a publication-date period one of a document published together
        and corroborating.period_is_fallback = figure.period_is_fallback
    where not figure.period_is_fallback or is_published_together
),

matches as (
    select
        pairs.mention_id,
        pairs.probability,
        {{ reading_lent_by('pairs') }},
        count(distinct pairs.document_id) over (partition by pairs.mention_id, pairs.indicator_id)
            as n_corroborating_documents
    from pairs
    left join places as figure_place on figure_place.place_id = pairs.figure_geography_id
    left join places as corroborating_place on corroborating_place.place_id = pairs.geography_id
    where abs(pairs.figure_central - pairs.corroborating_central)
            <= pairs.agreement_tolerance * greatest(abs(pairs.figure_central), abs(pairs.corroborating_central))
        -- a period the figure's own text gives must be the same one
        and (pairs.figure_period_source <> 'text' or pairs.figure_period_label = pairs.period_label)
        and (pairs.figure_rate_basis is null or pairs.figure_rate_basis = pairs.rate_basis)
        and (pairs.figure_measure_type is null or pairs.corroborating_measure_type is null
            or pairs.figure_measure_type = pairs.corroborating_measure_type)
        -- a company's figure only corroborates the same company's, or, published together, a figure
        -- whose text names no owner (one story told twice: one copy names the firm nearby)
        and (pairs.entity_id is null or pairs.entity_id = pairs.figure_entity_id
            or (pairs.figure_entity_id is null and pairs.is_published_together))
        -- the same place, one within the other, or a place the figure does not say
        and (pairs.figure_geography_id is null or pairs.geography_id is null
            or pairs.figure_geography_id = pairs.geography_id
            or corroborating_place.parent_place_id = pairs.figure_geography_id
            or figure_place.parent_place_id = pairs.geography_id)
),

-- A figure repeating, word for word, a classified figure of its own document: the same
-- number, unit and status after the same words (its near window's text before it).
repeats as (
    select
        proposals.mention_id,
        proposals.probability,
        {{ reading_lent_by('twin') }},
        0 as n_corroborating_documents,
        true as is_repeat
    from proposals
    inner join figure_values as figure using (mention_id)
    inner join corroborating as twin
        on twin.document_id = figure.document_id
        and twin.indicator_id = proposals.indicator_id
        and twin.corroborating_surface_text = figure.surface_text
        and twin.corroborating_central = figure.figure_central
        and twin.unit_raw = figure.unit
        and twin.status = figure.status
    inner join figure_values as twin_figure on twin_figure.mention_id = twin.mention_id
    where twin_figure.near_before_text = figure.near_before_text
        and twin.mention_id <> figure.mention_id
        and not twin.period_is_fallback
),

best as (
    select *
    from (
        select *, false as is_repeat from matches
        union all by name
        select * from repeats
    )
    qualify row_number() over (
        partition by mention_id
        -- a repeat of its own document's figure is that figure, before any other document's
        order by is_repeat desc, probability desc, n_corroborating_documents desc, corroborating_observation_id
    ) = 1
),

final as (
    select
        figure.mention_id || ':corroborated' as observation_id,
        figure.mention_id,
        figure.document_id,
        figure.sentence_id,
        best.indicator_id,
        best.entity_id,
        best.geography_id,
        best.period_label,
        best.period_granularity,
        best.period_start,
        best.period_end,
        best.period_year,
        best.period_is_fallback,
        -- the figure's own period source when its text gave the same period, else the corroborator's
        case when figure.period_label = best.period_label then figure.period_source else best.corroborating_period_source end
            as period_source,
        figure.comparison_label,
        figure.status,
        figure.qualifier,
        best.rate_basis,
        best.rate_basis_is_inferred,
        figure.unit as unit_raw,
        figure.value_stated as value_raw,
        best.unit,
        {{ apply_factors('figure.value_low', ['best.factor_to_indicator_unit']) }} as value_low,
        {{ apply_factors('figure.value_high', ['best.factor_to_indicator_unit']) }} as value_high,
        {{ apply_factors('figure.value_point', ['best.factor_to_indicator_unit']) }} as value_point,
        {{ apply_factors('figure.figure_central', ['best.factor_to_indicator_unit']) }} as value_central,
        best.value_is_converted,
        {{ apply_factors('figure.value_low', ['best.factor_to_cny']) }} as value_cny_low,
        {{ apply_factors('figure.value_high', ['best.factor_to_cny']) }} as value_cny_high,
        {{ apply_factors('figure.figure_central', ['best.factor_to_cny']) }} as value_cny,
        {{ apply_factors('figure.value_low', ['best.factor_to_usd']) }} as value_usd_low,
        {{ apply_factors('figure.value_high', ['best.factor_to_usd']) }} as value_usd_high,
        {{ apply_factors('figure.figure_central', ['best.factor_to_usd']) }} as value_usd,
        best.fx_rate_cny_per_usd,
        best.fx_rate_year,
        best.fx_rate_date,
        best.fx_rate_basis,
        best.fx_rate_year_differs,
        cast(null as varchar) as stated_equivalent_mention_id,
        cast(null as varchar) as stated_equivalent_unit,
        cast(null as double) as stated_equivalent_value,
        cast(null as double) as stated_implied_rate,
        cast(null as varchar) as stated_implied_rate_unit,
        documents.source_tier,
        documents.published_on as document_published_on,
        best.plausible_min,
        best.plausible_max,
        round(100 * best.probability)::integer as classification_score,
        'corroborated' as classification_method,
        case when best.is_repeat then format(
            'the chooser''s candidate {} ({:.2f}), repeating word for word ''{}'' of its own document ({})',
            best.indicator_id, best.probability, best.corroborating_surface_text, best.corroborating_observation_id
        ) else format(
            'the chooser''s candidate {} ({:.2f}), corroborated by {} ''{}'' in {} other document(s)',
            best.indicator_id, best.probability, best.corroborating_document_id, best.corroborating_surface_text,
            best.n_corroborating_documents
        ) end as classification_evidence,
        best.corroborating_observation_id
    from best
    inner join figure_values as figure using (mention_id)
    left join {{ ref('stg_documents') }} as documents on documents.document_id = figure.document_id
)

select * from final
