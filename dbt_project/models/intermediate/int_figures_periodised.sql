-- The period and status of each normalised figure: read from the text by the extractor's
-- context step (stg_mentions' period_* and status columns), else the document's publication
-- year, flagged as a fallback.
{%- set mentions_relation = ref('stg_mentions') %}
with normalised as (
    select * from {{ ref('int_mentions_normalised') }}
    where {{ in_changed_documents() }}
),

mention_context as (
    select
        mention_id,
        {{ column_or_null(mentions_relation, 'period_label', 'varchar') }},
        {{ column_or_null(mentions_relation, 'period_granularity', 'varchar') }},
        {{ column_or_null(mentions_relation, 'period_start', 'date') }},
        {{ column_or_null(mentions_relation, 'period_end', 'date') }},
        {{ column_or_null(mentions_relation, 'period_text', 'varchar') }},
        {{ column_or_null(mentions_relation, 'period_is_point_in_time', 'boolean') }},
        {{ column_or_null(mentions_relation, 'period_type', 'varchar') }},
        {{ column_or_null(mentions_relation, 'period_source', 'varchar') }},
        {{ column_or_null(mentions_relation, 'comparison_label', 'varchar') }},
        {{ column_or_null(mentions_relation, 'comparison_text', 'varchar') }},
        {{ column_or_null(mentions_relation, 'status', 'varchar', alias='context_status') }},
        {{ column_or_null(mentions_relation, 'status_text', 'varchar') }}
    from {{ mentions_relation }}
    where {{ in_changed_documents() }}
),

documents as (
    select document_id, published_on, published_precision from {{ ref('stg_documents') }}
    where {{ in_changed_documents() }}
),

joined as (
    select
        normalised.*,
        mention_context.* exclude (mention_id),
        documents.published_on,
        documents.published_precision,
        coalesce(mention_context.period_source, 'none') = 'none' or mention_context.period_start is null
            as period_is_fallback
    from normalised
    inner join mention_context using (mention_id)
    left join documents using (document_id)
),

periodised as (
    select
        * exclude (
            period_label, period_granularity, period_start, period_end, period_source,
            period_is_point_in_time, period_type, context_status
        ),
        -- Fallback: the text gives no period, so the figure is taken to hold in the year the
        -- document was published (flagged by period_is_fallback).
        case when period_is_fallback then strftime(published_on, '%Y') else period_label end as period_label,
        case when period_is_fallback then 'year' else period_granularity end as period_granularity,
        case when period_is_fallback then date_trunc('year', published_on)::date else period_start end as period_start,
        case
            when period_is_fallback then (date_trunc('year', published_on) + interval 1 year - interval 1 day)::date
            else period_end
        end as period_end,
        case when period_is_fallback then 'publication_date' else period_source end as period_source,
        -- The period-type model's reading of the measure type and the words (stg_mentions.period_type),
        -- else: a stock is a level at the end of its period ("China had 3,255 incubators in 2016"); a
        -- flow, rate or change runs over it even when a point closes it ("up 6.5 percent by the
        -- end of 2018"); a share or price is a point when the words say so ("as of June").
        case
            when period_type is not null then period_type = 'point'
            when measure_type = 'stock' then true
            when measure_type in ('flow', 'rate', 'change') then false
            else coalesce(period_is_point_in_time, false)
        end as period_is_point_in_time,
        coalesce(context_status, status_hint, 'actual') as status
    from joined
),

final as (
    select
        *,
        -- The calendar year a figure is converted and compared in: its period's (last) year.
        extract(year from period_end)::integer as period_year,
        try_cast(left(comparison_label, 4) as integer) as comparison_year
    from periodised
)

select * from final
