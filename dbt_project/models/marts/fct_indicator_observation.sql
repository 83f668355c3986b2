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
    from checked as weak
    inner join {{ ref('indicators') }} as indicators using (indicator_id)
    inner join checked as firm
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
        checked.* replace (
            coalesce(period_givers.period_label, checked.period_label) as period_label,
            coalesce(period_givers.period_granularity, checked.period_granularity) as period_granularity,
            coalesce(period_givers.period_start, checked.period_start) as period_start,
            coalesce(period_givers.period_end, checked.period_end) as period_end,
            case when period_givers.observation_id is not null then 'other_document' else checked.period_source end
                as period_source
        ),
        checked.period_label as period_label_as_read
    from checked
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
        classification_evidence
    from periodised
)

select * from final
