-- One row per reported observation against its indicator's plausible range in the catalog,
-- with the values of comparable indicators (same place, any period) to show why it is off.
-- The ranges are per year: a figure per day or month is checked by its annualised value. A
-- value is implausible when it lies more than $margin times outside the range. Below the range,
-- only a figure written with a scale word can be a scale error ("2.5 thousand" for "2.5
-- million"); a small bare number ("employs 20 people", "the top 10 companies") is a smaller
-- thing than the indicator counts, a misread indicator and not a source error, so it is not
-- flagged (the classifier's review list is where such readings are corrected).
-- A flow read firmly (indicator from the catalog, its own counted noun matching the indicator's
-- cues) is implausible above the maximum itself ($flow_margin): a year's flow beyond it is a
-- stock reported as a flow ("private firms created a total of 163.9 million jobs") or a garbled
-- scale, not a misread indicator.
with observations as (
    select
        o.*,
        i.label || case when o.value_basis = 'annualised' then ' (annualised)' else '' end as label,
        i.plausible_min,
        i.plausible_max,
        i.measure_type = 'flow'
            and o.classification_method in ('cues', 'model')
            and f.counted_noun is not null
            and coalesce(cues.matches_cues, false)
            as is_firm_flow
    from marts.fct_indicator_observation as o
    inner join marts.dim_indicator as i using (indicator_id)
    left join marts.fct_figure as f using (figure_id)
    left join concept_cue_matches as cues on cues.indicator_id = o.indicator_id and cues.concept = f.concept
    where o.value_central is not null
        and (
            o.value_basis = 'annualised'
            or (
                not o.is_derived
                and o.observation_id not in (
                    select parent_observation_id from marts.fct_indicator_observation
                    where value_basis = 'annualised' and parent_observation_id is not null
                )
            )
        )
),

peer_pairs as (
    select split_part(pair, ':', 1) as indicator_id, split_part(pair, ':', 2) as peer_indicator_id
    from unnest($comparable_indicators::varchar[]) as pairs(pair)
),

-- The reconciled (best-source) value of each comparable indicator, latest period.
latest_peer_values as (
    select
        peer_pairs.indicator_id,
        peers.geography_id,
        peers.indicator_id as peer_indicator_id,
        arg_max(peers.chosen_value, peers.period_label) as peer_value,
        max(peers.period_label) as peer_period
    from peer_pairs
    inner join marts.fct_indicator_value as peers on peers.indicator_id = peer_pairs.peer_indicator_id
    where peers.value_basis = 'reported' and peers.chosen_value is not null
    group by all
),

peer_texts as (
    select
        indicator_id,
        geography_id,
        string_agg(
            format('{:,} {} ({})', round(peer_value)::bigint, lower(replace(peer_indicator_id, '_', ' ')), peer_period),
            ' and ' order by peer_indicator_id
        ) as peer_text
    from latest_peer_values
    group by all
)

select
    o.observation_id as row_key,
    o.figure_id,
    o.document_id,
    o.indicator_id,
    o.label,
    coalesce(o.geography_id, o.entity_id, 'unknown place') as place,
    o.period_label,
    f.surface_text,
    o.value_central,
    o.unit,
    o.plausible_min,
    o.plausible_max,
    case
        when o.value_central > o.plausible_max
            then format('above the plausible maximum of {:,} ({}x)', o.plausible_max::hugeint, round(o.value_central / o.plausible_max, 1))
        when o.value_central < o.plausible_min
            then format('below the plausible minimum of {}', o.plausible_min)
        else 'within the plausible range'
    end as bound_text,
    coalesce('; compare ' || p.peer_text, '') as peer_text,
    -- widened by the margin away from zero on each side (a negative minimum grows more negative)
    o.value_central between
        coalesce(
            case
                when f.scale_text is null and not o.is_derived then null
                when o.plausible_min >= 0 then o.plausible_min / $margin
                else o.plausible_min * $margin
            end,
            o.value_central)
        and coalesce(
            case
                when o.is_firm_flow then o.plausible_max * $flow_margin
                when o.plausible_max >= 0 then o.plausible_max * $margin
                else o.plausible_max / $margin
            end,
            o.value_central)
        as is_plausible
from observations as o
left join marts.fct_figure as f using (figure_id)
left join peer_texts as p on p.indicator_id = o.indicator_id and p.geography_id is not distinct from o.geography_id
