-- Reconciles observations across documents: one row per indicator x geography x entity x
-- period x status x rate basis x value basis (reported and derived values never mix).
-- Reconciliation is by agreement, not by rank: two observations agree when their value
-- intervals overlap within the indicator's relative tolerance (an exact 3,255 agrees with
-- "more than 3,200"; "over 1,600" agrees with 1,650, not with 1,500). Each observation is
-- supported by the independent sources (publishers; a repost counts as the story it repeats)
-- whose observations agree with it; the best-supported value wins, then the value most sources state as written, then an exact value
-- before a bounded one, then the source tier, then the most recent publication. Observations that disagree with the chosen value are
-- listed beside it. A value stated as a point wins over a bound ("over 3,000" agrees with any
-- larger value). A figure whose period the text does not give (publication-date fallback)
-- or that its own document contradicts (quarantined) never enters a reconciled value.
with observations as (
    select * from {{ ref('fct_indicator_observation') }}
),

publications as (
    select document_id, publisher from {{ ref('dim_document') }}
),

-- a repost or a translation counts as the source of the story it repeats (int_document_stories)
documents as (
    select
        publications.document_id,
        coalesce(original.publisher, original.document_id, publications.publisher, publications.document_id) as publisher
    from publications
    left join {{ ref('int_document_stories') }} as stories using (document_id)
    left join publications as original on original.document_id = stories.story_document_id
),

indicators as (
    select indicator_id, agreement_tolerance from {{ ref('dim_indicator') }}
),

eligible as (
    select
        observations.*,
        documents.publisher,
        -- Each observation as an interval; an open bound is unbounded on that side.
        coalesce(value_low, value_high) as interval_low,
        coalesce(value_high, value_low) as interval_high,
        value_low is null as is_open_below,
        value_high is null as is_open_above,
        indicators.agreement_tolerance
    from observations
    inner join indicators using (indicator_id)
    left join documents using (document_id)
    where not observations.period_is_fallback
        and not observations.is_quarantined
        -- no value at all (an unknown scale word): nothing to agree or disagree with
        and coalesce(observations.value_low, observations.value_high) is not null
),

-- Observations stating the same interval the same way are one candidate: a national figure
-- repeated by hundreds of documents is compared once, not once per pair of documents.
candidates as (
    select
        indicator_value_id, qualifier, value_central, interval_low, interval_high,
        is_open_below, is_open_above, agreement_tolerance,
        list(distinct publisher) as publishers
    from eligible
    group by all
),

candidate_pairs as (
    -- Every ordered pair of candidates of one value row (a candidate pairs with itself).
    select
        candidate.indicator_value_id,
        candidate.qualifier,
        candidate.value_central,
        candidate.interval_low,
        candidate.interval_high,
        other.publishers as other_publishers,
        {{ intervals_agree('candidate', 'other') }} as agrees,
        candidate.qualifier = other.qualifier
            and candidate.value_central is not distinct from other.value_central as is_identical
    from candidates as candidate
    inner join candidates as other using (indicator_value_id)
),

support as (
    select
        indicator_value_id, qualifier, value_central, interval_low, interval_high,
        len(list_distinct(flatten(list(other_publishers) filter (where agrees)))) as n_supporting_sources,
        len(list_distinct(flatten(list(other_publishers) filter (where is_identical)))) as n_identical_sources
    from candidate_pairs
    group by all
),

ranked as (
    select
        eligible.*,
        support.n_supporting_sources,
        row_number() over (
            partition by eligible.indicator_value_id
            order by
                -- a value stated as a point before a bound or range: "over 3,000" agrees with
                -- everything above it, so its support says nothing about which value is right
                eligible.value_point is not null desc,
                support.n_supporting_sources desc,
                -- among values that agree, the one most sources state as written (three saying
                -- 4,298 beat one saying 4,292 even when the two agree within tolerance)
                support.n_identical_sources desc,
                case eligible.qualifier when 'exact' then 0 when 'about' then 1 else 2 end,
                eligible.source_tier nulls last,
                eligible.document_published_on desc nulls last,
                eligible.observation_id
        ) as preference
    from eligible
    inner join support
        on support.indicator_value_id = eligible.indicator_value_id
        and support.qualifier is not distinct from eligible.qualifier
        and support.value_central is not distinct from eligible.value_central
        and support.interval_low is not distinct from eligible.interval_low
        and support.interval_high is not distinct from eligible.interval_high
),

chosen as (
    select
        indicator_value_id,
        observation_id as chosen_observation_id,
        document_id as chosen_document_id,
        source_tier as chosen_source_tier,
        qualifier as chosen_qualifier,
        value_low as chosen_value_low,
        value_high as chosen_value_high,
        value_point as chosen_value_point,
        value_central as chosen_value,
        value_cny as chosen_value_cny,
        value_usd as chosen_value_usd,
        n_supporting_sources
    from ranked
    where preference = 1
),

against_chosen as (
    -- Whether each observation agrees with the chosen one.
    select
        ranked.indicator_value_id,
        ranked.observation_id,
        ranked.document_id,
        ranked.publisher,
        ranked.value_central,
        ranked.qualifier,
        {{ intervals_agree('chosen_interval', 'ranked') }} as agrees
    from ranked
    inner join ranked as chosen_interval
        on chosen_interval.indicator_value_id = ranked.indicator_value_id
        and chosen_interval.preference = 1
),

disagreements as (
    select
        indicator_value_id,
        count(distinct document_id) as n_disagreeing_sources,
        string_agg(
            document_id || ': ' || case qualifier when 'over' then 'over ' when 'under' then 'under ' when 'about' then 'about ' else '' end
                || coalesce({{ readable_number('value_central') }}, 'no value'),
            '; ' order by document_id, value_central
        ) as disagreeing_values
    from against_chosen
    where not agrees
    group by indicator_value_id
),

grouped as (
    select
        indicator_value_id,
        any_value(indicator_id) as indicator_id,
        any_value(geography_id) as geography_id,
        any_value(entity_id) as entity_id,
        any_value(period_label) as period_label,
        any_value(period_year) as period_year,
        any_value(status) as status,
        any_value(rate_basis) as rate_basis,
        any_value(value_basis) as value_basis,
        any_value(is_derived) as is_derived,
        any_value(unit) as unit,
        any_value(agreement_tolerance) as agreement_tolerance,
        count(*) as n_observations,
        count(distinct document_id) as n_sources,
        count(distinct publisher) as n_publishers,
        min(value_central) as min_value,
        max(value_central) as max_value,
        string_agg(distinct document_id, ', ' order by document_id) as document_ids,
        string_agg(observation_id, ', ' order by observation_id) as observation_ids
    from ranked
    group by indicator_value_id
),

final as (
    select
        grouped.indicator_value_id,
        grouped.indicator_id,
        grouped.geography_id,
        grouped.entity_id,
        grouped.period_label,
        grouped.period_year,
        grouped.status,
        grouped.rate_basis,
        grouped.value_basis,
        grouped.is_derived,
        grouped.unit,
        chosen.chosen_value,
        chosen.chosen_qualifier,
        chosen.chosen_value_low,
        chosen.chosen_value_high,
        chosen.chosen_value_point,
        chosen.chosen_value_cny,
        chosen.chosen_value_usd,
        chosen.chosen_observation_id,
        chosen.chosen_document_id,
        chosen.chosen_source_tier,
        grouped.n_sources,
        grouped.n_publishers,
        chosen.n_supporting_sources,
        grouped.n_observations,
        grouped.min_value,
        grouped.max_value,
        coalesce(disagreements.n_disagreeing_sources, 0) = 0 as values_agree,
        coalesce(disagreements.n_disagreeing_sources, 0) as n_disagreeing_sources,
        disagreements.disagreeing_values,
        grouped.agreement_tolerance,
        grouped.document_ids,
        grouped.observation_ids
    from grouped
    inner join chosen using (indicator_value_id)
    left join disagreements using (indicator_value_id)
)

select * from final
