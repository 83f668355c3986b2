-- One row per money figure restated by its document in another currency ("53.96 billion yuan
-- ($7.83 billion)"): the rate the pair implies against the reference rate for the period.
select
    o.observation_id as row_key,
    o.figure_id,
    o.stated_equivalent_figure_id,
    o.document_id,
    f.surface_text,
    e.surface_text as equivalent_surface_text,
    o.period_label,
    o.fx_rate_date,
    o.fx_rate_cny_per_usd as reference_rate,
    case o.stated_implied_rate_unit
        when 'CNY per USD' then o.stated_implied_rate
        when 'USD per CNY' then 1 / nullif(o.stated_implied_rate, 0)
    end as implied_rate,
    implied_rate / o.fx_rate_cny_per_usd as rate_ratio
from marts.fct_indicator_observation as o
left join marts.fct_figure as f on f.figure_id = o.figure_id
left join marts.fct_figure as e on e.figure_id = o.stated_equivalent_figure_id
where o.stated_implied_rate is not null
  and o.stated_implied_rate_unit in ('CNY per USD', 'USD per CNY')
  and o.fx_rate_cny_per_usd is not null
  and not o.is_derived
