-- Every document's observations: reported by the figures' own classification, corroborated by
-- another document's figure (int_observations_corroborated), and derived. Rebuilt in full on
-- every run (a table, not per document): a corroborated observation depends on other documents.
with reported as (
    select * from {{ ref('int_observations_reported') }}
),

corroborated as (
    select * exclude (corroborating_observation_id) from {{ ref('int_observations_corroborated') }}
),

derived as (
    select * from {{ ref('int_observations_derived') }}
),

checks as (
    select mention_id, is_quarantined, quarantine_reason from {{ ref('int_figures_checked') }}
),

unioned as (
    select
        *,
        false as is_derived,
        'reported' as value_basis,
        cast(null as varchar) as parent_observation_id,
        cast(null as varchar) as derived_from_rate_basis,
        cast(null as varchar) as growth_mention_id,
        cast(null as double) as growth_percent
    from (
        select * from reported
        union all by name
        select * from corroborated
    )
    union all by name
    select
        * exclude (derivation),
        true as is_derived,
        derivation as value_basis
    from derived
),

checked as (
    select
        unioned.*,
        coalesce(checks.is_quarantined, false) as is_quarantined,
        checks.quarantine_reason
    from unioned
    left join checks using (mention_id)
),

-- Twins: two documents' reported observations of one number (the same value in the same unit as
-- written, the same year and period, rate basis, a compatible place and owner) whose keys differ, in
-- documents that tell one story (int_document_stories: a repost, a translation) or were published
-- within a month of each other (one news event), read slightly differently; the firmer reading of
-- each key field is taken so the two meet in one reconciled row:
--   indicator  the one the pair's chooser probabilities favour together (the figure's probability
--              for the twin's indicator plus the twin's for its own, against the reverse): a close
--              call in one document is settled by the other ("target size of up to 1 trillion yuan"
--              0.75 venture capital under management / 0.74 guide fund target, beside "potential
--              scale could reach 1 trillion yuan" 0.82 guide fund target). Only the chooser's own
--              candidates, and only model choices yield (a catalog cue is firm);
--   owner      a company indicator's figure without an owner takes the one owner its twins name;
--   place      a figure placed only by the national default takes the one place within it its twins
--              name from their text, and a figure placed nowhere the one place they name;
--   status     a forward-looking status the text does not word (only hinted) takes the one worded
--              forward-looking status its twins give ("target size" beside "could reach"); an
--              actual value and a target of the same size may be a goal and its outcome, and stay apart.
-- Exact value equality keeps two facts that merely agree within a tolerance apart; what was taken
-- and from which twin stays in twin_observation_id and twin_fields.
figure_readings as (
    select
        mention_id,
        indicator_choices,
        status_text is not null as is_status_worded,
        coalesce(geography_source, 'none') = 'default_national' as is_place_defaulted
    from {{ ref('int_figures_classified') }}
),

choices as (
    select
        mention_id,
        {{ indicator_choice('item', 'indicator_id') }} as indicator_id,
        {{ indicator_choice('item', 'probability') }} as probability
    from (
        select mention_id, {{ unnest_indicator_choices() }} as item
        from figure_readings
        where indicator_choices is not null
    )
),

-- each place with the places it lies within (a city's province and country)
places as (
    select
        place.entity_id as place_id,
        any_value(ancestors.ancestor_id) filter (where ancestors.generation = 1) as parent_place_id,
        any_value(ancestors.ancestor_id) filter (where ancestors.generation = 2) as grandparent_place_id
    from {{ ref('int_entity_catalog') }} as place
    left join ({{ place_ancestors(ref('int_entity_catalog')) }}) as ancestors on ancestors.entity_id = place.entity_id
    where place.kind = 'place'
    group by place.entity_id
),

readings as (
    select
        checked.*,
        coalesce(figure_readings.is_status_worded, false) as is_status_worded,
        -- placed only by the national default, or nowhere (read as an organisation's in this copy)
        coalesce(figure_readings.is_place_defaulted, false) or checked.geography_id is null as is_place_defaulted,
        -- the story the document tells (its own, or the one it reposts or translates)
        coalesce(stories.story_document_id, checked.document_id) as story_id,
        -- the chooser's probability for its own choice (a corroborated one: for the candidate another
        -- document's value confirmed); a catalog cue, a series or a restatement is firm
        case when checked.classification_method in ('model', 'corroborated') then checked.classification_score / 100.0
            else 1.0 end as own_support
    from checked
    left join figure_readings using (mention_id)
    left join {{ ref('int_document_stories') }} as stories using (document_id)
    where not checked.is_derived and not checked.is_quarantined
        and checked.value_central is not null and checked.value_central <> 0
),

twin_pairs as (
    select
        a.observation_id,
        b.observation_id as twin_observation_id,
        a.mention_id,
        b.mention_id as twin_mention_id,
        a.indicator_id,
        b.indicator_id as twin_indicator_id,
        a.classification_method,
        a.own_support,
        b.own_support as twin_own_support,
        b.entity_id as twin_entity_id,
        b.geography_id as twin_geography_id,
        b.is_place_defaulted as twin_is_place_defaulted,
        b.status as twin_status,
        b.is_status_worded as twin_is_status_worded
    from readings as a
    inner join readings as b
        on b.value_central = a.value_central
        and b.unit_raw = a.unit_raw
        and b.unit = a.unit
        and b.period_label = a.period_label
        and b.rate_basis is not distinct from a.rate_basis
        and b.document_id <> a.document_id
        -- one story told twice (a repost, a translation) or one news event told by two outlets within a
        -- month: a common number ("10 incubators") in two unrelated articles years apart is no twin
        and (b.story_id = a.story_id
            or abs(date_diff('day', a.document_published_on, b.document_published_on)) <= 31)
    left join places as place_a on place_a.place_id = a.geography_id
    left join places as place_b on place_b.place_id = b.geography_id
    where (a.entity_id is null or b.entity_id is null or a.entity_id = b.entity_id)
        and (a.geography_id is null or b.geography_id is null or a.geography_id = b.geography_id
            or b.geography_id in (place_a.parent_place_id, place_a.grandparent_place_id)
            or a.geography_id in (place_b.parent_place_id, place_b.grandparent_place_id))
),

-- The indicator each figure keeps or takes: the twin's when the pair's probabilities favour it.
indicator_votes as (
    select
        twin_pairs.observation_id,
        twin_pairs.twin_observation_id,
        twin_pairs.twin_indicator_id,
        proposed.probability + twin_pairs.twin_own_support as for_twin,
        twin_pairs.own_support + coalesce(counter.probability, 0) as for_own
    from twin_pairs
    left join choices as proposed
        on proposed.mention_id = twin_pairs.mention_id and proposed.indicator_id = twin_pairs.twin_indicator_id
    left join choices as counter
        on counter.mention_id = twin_pairs.twin_mention_id and counter.indicator_id = twin_pairs.indicator_id
    where twin_pairs.twin_indicator_id <> twin_pairs.indicator_id
        and twin_pairs.classification_method = 'model'
        and proposed.probability is not null
),

indicator_taken as (
    select observation_id, twin_observation_id, twin_indicator_id as indicator_id
    from indicator_votes
    where for_twin > for_own
    qualify row_number() over (partition by observation_id order by for_twin desc, twin_observation_id) = 1
),

resolved as (
    select
        readings.*,
        coalesce(indicator_taken.indicator_id, readings.indicator_id) as resolved_indicator_id,
        indicator_taken.twin_observation_id as indicator_twin_id
    from readings
    left join indicator_taken using (observation_id)
),

-- Twins under the indicators settled above.
settled_pairs as (
    select
        twin_pairs.*,
        a.resolved_indicator_id,
        a.entity_id as own_entity_id,
        a.geography_id as own_geography_id,
        a.is_place_defaulted,
        a.status as own_status,
        a.is_status_worded,
        levels.level as resolved_level
    from twin_pairs
    inner join resolved as a using (observation_id)
    inner join resolved as b on b.observation_id = twin_pairs.twin_observation_id
    inner join {{ ref('indicators') }} as levels on levels.indicator_id = a.resolved_indicator_id
    where b.resolved_indicator_id = a.resolved_indicator_id
),

owner_taken as (
    select observation_id, any_value(twin_entity_id) as entity_id, min(twin_observation_id) as twin_observation_id
    from settled_pairs
    where own_entity_id is null and twin_entity_id is not null and resolved_level = 'company'
    group by observation_id
    having count(distinct twin_entity_id) = 1
),

place_taken as (
    select observation_id, any_value(twin_geography_id) as geography_id, min(twin_observation_id) as twin_observation_id
    from settled_pairs
    left join places on places.place_id = settled_pairs.twin_geography_id
    where is_place_defaulted and not twin_is_place_defaulted
        and twin_geography_id is distinct from own_geography_id
        and (own_geography_id is null or own_geography_id in (places.parent_place_id, places.grandparent_place_id))
    group by observation_id
    having count(distinct twin_geography_id) = 1
),

status_taken as (
    select observation_id, any_value(twin_status) as status, min(twin_observation_id) as twin_observation_id
    from settled_pairs
    -- between forward-looking readings only: "actual" against "target" may be a goal and its outcome
    where not is_status_worded and twin_is_status_worded and twin_status <> own_status
        and own_status <> 'actual' and twin_status <> 'actual'
    group by observation_id
    having count(distinct twin_status) = 1
),

twinned as (
    select
        checked.* replace (
            coalesce(resolved.resolved_indicator_id, checked.indicator_id) as indicator_id,
            case
                when owner_taken.observation_id is not null then owner_taken.entity_id
                -- a figure that took a national indicator has no owner in its key
                when resolved.indicator_twin_id is not null and resolved_levels.level <> 'company' then null
                else checked.entity_id
            end as entity_id,
            coalesce(place_taken.geography_id, checked.geography_id) as geography_id,
            coalesce(status_taken.status, checked.status) as status
        ),
        coalesce(resolved.indicator_twin_id, owner_taken.twin_observation_id, place_taken.twin_observation_id,
            status_taken.twin_observation_id) as twin_observation_id,
        nullif(concat_ws(', ',
            case when resolved.indicator_twin_id is not null then 'indicator' end,
            case when owner_taken.observation_id is not null then 'owner' end,
            case when place_taken.observation_id is not null then 'place' end,
            case when status_taken.observation_id is not null then 'status' end
        ), '') as twin_fields
    from checked
    -- a derived row follows the observation it is derived from
    left join resolved on resolved.observation_id = coalesce(checked.parent_observation_id, checked.observation_id)
    left join {{ ref('indicators') }} as resolved_levels on resolved_levels.indicator_id = resolved.resolved_indicator_id
    left join owner_taken on owner_taken.observation_id = coalesce(checked.parent_observation_id, checked.observation_id)
    left join place_taken on place_taken.observation_id = coalesce(checked.parent_observation_id, checked.observation_id)
    left join status_taken on status_taken.observation_id = coalesce(checked.parent_observation_id, checked.observation_id)
),

-- A period read from the headline, carried over from the discourse or taken from the year the
-- whole document reports on yields to the one another
-- document states in its own text for the same value: the same indicator, place, company,
-- status and rate basis, an overlapping period of the same year, a value agreeing within the
-- indicator's tolerance, and only one such stated period ("RMB65.2 billion" dated 2018-Q4 by an annual-results headline,
-- stated "in 2018" by the next year's release). The same value in one year under two periods is
-- one fact read twice, not two facts; the period as read stays in period_label_as_read.
period_givers as (
    select
        weak.observation_id,
        any_value(firm.period_label) as period_label,
        any_value(firm.period_granularity) as period_granularity,
        any_value(firm.period_start) as period_start,
        any_value(firm.period_end) as period_end
    from twinned as weak
    inner join {{ ref('indicators') }} as indicators using (indicator_id)
    inner join twinned as firm
        on firm.indicator_id = weak.indicator_id
        and firm.geography_id is not distinct from weak.geography_id
        and firm.entity_id is not distinct from weak.entity_id
        and firm.status = weak.status
        and firm.rate_basis is not distinct from weak.rate_basis
        and firm.unit = weak.unit
        and firm.period_year = weak.period_year
        and firm.period_label <> weak.period_label
        -- overlapping periods (2018-Q4 within 2018), not two separate stretches of the year
        and firm.period_start <= weak.period_end and weak.period_start <= firm.period_end
        and firm.document_id <> weak.document_id
    where weak.period_source in ('headline', 'discourse', 'document')
        and firm.period_source in ('text', 'relative')
        and not weak.is_derived and not firm.is_derived
        and not weak.is_quarantined and not firm.is_quarantined
        and abs(weak.value_central - firm.value_central)
            <= indicators.agreement_tolerance * greatest(abs(weak.value_central), abs(firm.value_central))
    group by weak.observation_id
    having count(distinct firm.period_label) = 1
),

periodised as (
    select
        twinned.* replace (
            coalesce(period_givers.period_label, twinned.period_label) as period_label,
            coalesce(period_givers.period_granularity, twinned.period_granularity) as period_granularity,
            coalesce(period_givers.period_start, twinned.period_start) as period_start,
            coalesce(period_givers.period_end, twinned.period_end) as period_end,
            case when period_givers.observation_id is not null then 'other_document' else twinned.period_source end
                as period_source
        ),
        twinned.period_label as period_label_as_read
    from twinned
    left join period_givers using (observation_id)
),

final as (
    select
        observation_id,
        -- The reconciliation key: observations sharing it are one fct_indicator_value row.
        md5(concat_ws('|', indicator_id, coalesce(geography_id, '-'), coalesce(entity_id, '-'), period_label, status,
            coalesce(rate_basis, '-'), value_basis)) as indicator_value_id,
        is_derived,
        value_basis,
        parent_observation_id,
        mention_id as figure_id,
        document_id,
        sentence_id,
        indicator_id,
        entity_id,
        geography_id,
        period_label,
        period_granularity,
        period_start,
        period_end,
        period_year,
        period_is_fallback,
        period_source,
        period_label_as_read,
        status,
        qualifier,
        rate_basis,
        rate_basis_is_inferred,
        derived_from_rate_basis,
        unit,
        value_low,
        value_high,
        value_point,
        value_central,
        unit_raw,
        value_raw,
        value_is_converted,
        value_cny_low,
        value_cny_high,
        value_cny,
        value_usd_low,
        value_usd_high,
        value_usd,
        fx_rate_cny_per_usd,
        fx_rate_year,
        fx_rate_date,
        fx_rate_basis,
        fx_rate_year_differs,
        stated_equivalent_mention_id as stated_equivalent_figure_id,
        stated_equivalent_unit,
        stated_equivalent_value,
        stated_implied_rate,
        stated_implied_rate_unit,
        growth_mention_id as growth_figure_id,
        growth_percent,
        value_central between coalesce(plausible_min, value_central) and coalesce(plausible_max, value_central)
            as is_plausible,
        -- the figure (a derived row: its parent's figure) contradicts itself or its document:
        -- kept and flagged, to be left out of reconciled values
        is_quarantined,
        quarantine_reason,
        source_tier,
        document_published_on,
        classification_method,
        classification_score,
        classification_evidence,
        twin_observation_id,
        twin_fields
    from periodised
)

select * from final
