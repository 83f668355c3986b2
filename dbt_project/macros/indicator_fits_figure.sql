{#- Whether a catalog indicator can hold a figure: same unit class; money converts between
    currencies, other units must already be the canonical one (a change in percentage points
    is not a percent level); a stock never lands on a flow indicator or the reverse, a rate per
    day or month being a flow's rate (annualised downstream); national indicators take no
    organisation's figures, company indicators only those of a catalog company. -#}
{% macro indicator_fits_figure(figure, indicator) -%}
    {{ figure }}.unit_class = {{ indicator }}.unit_class
    and ({{ figure }}.unit_class = 'currency' or {{ figure }}.unit = {{ indicator }}.canonical_unit)
    and case {{ indicator }}.measure_type
        when 'flow' then {{ figure }}.measure_type = 'flow'
            or ({{ figure }}.measure_type = 'rate' and {{ figure }}.rate_basis in ('day', 'week', 'month', 'quarter'))
        else {{ figure }}.measure_type = {{ indicator }}.measure_type
    end
    and case {{ indicator }}.level
        when 'national' then {{ figure }}.entity_id is null and not coalesce({{ figure }}.is_organisation_figure, false)
        when 'company' then {{ figure }}.entity_id is not null
        else true
    end
{%- endmacro %}
