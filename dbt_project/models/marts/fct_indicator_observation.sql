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
    from reported
    union all by name
    select
        *,
        false as is_derived,
        'reported' as value_basis,
        cast(null as varchar) as parent_observation_id,
        cast(null as varchar) as derived_from_rate_basis,
        cast(null as varchar) as growth_mention_id,
        cast(null as double) as growth_percent
    from corroborated
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
    from checked
)

select * from final
