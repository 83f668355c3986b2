-- One row per pair of documents (each report with the next five in order of value) that report one value (within the indicator's tolerance) for one
-- indicator, in a compatible place, published the same day or both for one period their texts
-- give, and whether the warehouse reconciled the two into one fct_indicator_value row. Such
-- reports are most often one news item told twice ("operates in 250 cities in 21 countries" in two stories
-- on one funding round), yet they stay apart when the two readings differ in one key field (the
-- owner, the status "target" or "expected", a place one text names) or when a period is only the
-- publication date: such a figure never enters a reconciled value, so this pairing is the only
-- place both documents are shown together. A classified figure in money the reference rates do
-- not cover (the New Taiwan dollar) has no observation and so no reconciled value either: it is
-- paired here in its own currency. A review list (severity info), not a fault: the two may also
-- be two facts that happen to share a value.
with observed as (
    select
        o.observation_id,
        o.indicator_value_id,
        o.figure_id,
        o.document_id,
        d.published_on,
        d.published_precision,
        o.indicator_id,
        o.entity_id,
        o.geography_id,
        o.period_label,
        o.period_is_fallback,
        -- a period the figure's own text gives (stated or relative to the publication date)
        o.period_source in ('text', 'relative') and not o.period_is_fallback as has_own_period,
        o.status,
        o.unit,
        o.value_central,
        f.surface_text,
        i.agreement_tolerance
    from marts.fct_indicator_observation as o
    inner join marts.dim_document as d using (document_id)
    inner join marts.fct_figure as f using (figure_id)
    inner join marts.dim_indicator as i on i.indicator_id = o.indicator_id
    where not o.is_derived and not o.is_quarantined
        and o.value_central is not null and o.value_central <> 0
        and d.published_on is not null
),

-- classified figures without an observation, in their own unit
unobserved as (
    select
        f.figure_id as observation_id,
        cast(null as varchar) as indicator_value_id,
        f.figure_id,
        f.document_id,
        d.published_on,
        d.published_precision,
        f.indicator_id,
        f.entity_id,
        f.geography_id,
        f.period_label,
        f.period_is_fallback,
        f.period_source in ('text', 'relative') and not f.period_is_fallback as has_own_period,
        f.status,
        f.unit,
        coalesce(f.value_point, (f.value_low + f.value_high) / 2, f.value_low, f.value_high) as value_central,
        f.surface_text,
        i.agreement_tolerance
    from marts.fct_figure as f
    inner join marts.dim_document as d using (document_id)
    inner join marts.dim_indicator as i on i.indicator_id = f.indicator_id
    where f.restates_figure_id is null and not f.is_quarantined
        and coalesce(f.value_point, f.value_low, f.value_high) <> 0
        and d.published_on is not null
        and not exists (
            select 1 from marts.fct_indicator_observation as o
            where o.figure_id = f.figure_id and not o.is_derived
        )
),

reports as (
    select * from observed
    union all by name
    select * from unobserved
),

-- Candidate pairs: each report with the next five reports of its indicator and unit in
-- order of value, among those published the same day and among those for one period both texts
-- give. Values within a tolerance of each other are near in that order, so pairs are found
-- without comparing every two reports of a group, whose number grows with the square of the
-- corpus (5.8 million pairs within the tolerance's reach at 10,000 generated documents); a
-- value more documents repeat than that is listed as a chain of them.
neighbours as (
    -- lead() windows, not a framed list(): those keep a tree of lists per partition
    select observation_id as a_id, unnest(next_ids) as b_id
    from (
        select observation_id, [lead(observation_id, 1) over by_value, lead(observation_id, 2) over by_value, lead(observation_id, 3) over by_value, lead(observation_id, 4) over by_value, lead(observation_id, 5) over by_value] as next_ids
        from reports
        window by_value as (
            partition by indicator_id, unit, published_on, published_precision
            order by value_central, document_id, observation_id
        )
    )
    union all
    select observation_id, unnest(next_ids)
    from (
        select observation_id, [lead(observation_id, 1) over by_value, lead(observation_id, 2) over by_value, lead(observation_id, 3) over by_value, lead(observation_id, 4) over by_value, lead(observation_id, 5) over by_value] as next_ids
        from reports
        where has_own_period
        window by_value as (partition by indicator_id, unit, period_label order by value_central, document_id, observation_id)
    )
),

candidate_pairs as (
    -- the report of the lower document id first, as the pairs' row keys have always been
    select distinct
        case when x.document_id < y.document_id then x.observation_id else y.observation_id end as a_id,
        case when x.document_id < y.document_id then y.observation_id else x.observation_id end as b_id
    from neighbours as n
    inner join reports as x on x.observation_id = n.a_id
    inner join reports as y on y.observation_id = n.b_id
    where x.document_id <> y.document_id
        and (x.has_own_period and y.has_own_period and x.period_label = y.period_label
            or x.published_on = y.published_on and x.published_precision is not distinct from y.published_precision)
),

places as (
    select entity_id as place_id, parent_entity_id as parent_place_id from marts.dim_entity where kind = 'place'
),

-- the pairs within the tolerance, in a compatible place and period, ranked on their keys alone
-- (the texts are joined to the pairs kept only)
ranked_pairs as (
    select
        a.observation_id as a_id,
        b.observation_id as b_id,
        coalesce(a.indicator_value_id = b.indicator_value_id, false)
            and not a.period_is_fallback and not b.period_is_fallback as is_reconciled,
        -- one (document pair, indicator, value) once: reconciled when any of its pairs is
        row_number() over (
            partition by a.document_id, b.document_id, a.indicator_id, round(a.value_central, 6)
            order by coalesce(a.indicator_value_id = b.indicator_value_id, false)
                and not a.period_is_fallback and not b.period_is_fallback desc,
                a.observation_id, b.observation_id
        ) as pair_rank
    from candidate_pairs
    inner join reports as a on a.observation_id = candidate_pairs.a_id
    inner join reports as b on b.observation_id = candidate_pairs.b_id
    left join places as place_a on place_a.place_id = a.geography_id
    left join places as place_b on place_b.place_id = b.geography_id
    where abs(a.value_central - b.value_central)
            <= a.agreement_tolerance * greatest(abs(a.value_central), abs(b.value_central))
        -- two periods both texts give must be the same one (one value for two years is two facts)
        and not (a.has_own_period and b.has_own_period and a.period_label <> b.period_label)
        -- the same place, one within the other, or a place one text does not say
        and (a.geography_id is null or b.geography_id is null or a.geography_id = b.geography_id
            or place_a.parent_place_id = b.geography_id or place_b.parent_place_id = a.geography_id)
),


select
    a.observation_id || '|' || b.observation_id as row_key,
    a.figure_id,
    b.figure_id as other_figure_id,
    a.document_id,
    b.document_id as other_document_id,
    a.indicator_id,
    a.published_on,
    a.surface_text,
    b.surface_text as other_surface_text,
    a.value_central,
    b.value_central as other_value,
    a.unit,
    a.agreement_tolerance,
    -- the key fields the two readings differ in, and a period that is only the publication date
    concat_ws(', ',
        case when a.entity_id is distinct from b.entity_id
            then format('owner {} / {}', coalesce(a.entity_id, 'none'), coalesce(b.entity_id, 'none')) end,
        case when a.geography_id is distinct from b.geography_id
            then format('place {} / {}', coalesce(a.geography_id, 'none'), coalesce(b.geography_id, 'none')) end,
        case when a.status <> b.status then format('status {} / {}', a.status, b.status) end,
        case when a.period_label <> b.period_label then format('period {} / {}', a.period_label, b.period_label) end,
        case when a.period_is_fallback or b.period_is_fallback then 'period from the publication date' end,
        case when a.indicator_value_id is null or b.indicator_value_id is null
            then format('no reference rate for {}', a.unit) end
    ) as differences,
    kept.is_reconciled
from ranked_pairs as kept
inner join reports as a on a.observation_id = kept.a_id
inner join reports as b on b.observation_id = kept.b_id
where kept.pair_rank = 1
