{#- A model's not-null and accepted-values claims in one query instead of one test (one dbt
    node, one query) each: the same claims as dbt's not_null and accepted_values.
    not_null: column names, or {column: name, where: condition} for a claim on some rows only.
    accepted_values: column name -> the values it may hold (strings compared as text, numbers as
    numbers; null passes, as with dbt's accepted_values).
    When any claim fails, the query raises an error that names every failing claim and how many
    rows break it ("fct_figure: not_null(qualifier) fails on 3 rows"), so the build fails and says
    which claims by name. A failure is always an error (no warn severity). -#}
{% test not_null_and_accepted_values(model, not_null=[], accepted_values={}) %}
{%- set claims = [] -%}
{%- for claim in not_null -%}
    {%- if claim is mapping -%}
        {%- do claims.append(("not_null(" ~ claim["column"] ~ " where " ~ claim["where"] ~ ")",
                              "(" ~ claim["where"] ~ ") and " ~ claim["column"] ~ " is null")) -%}
    {%- else -%}
        {%- do claims.append(("not_null(" ~ claim ~ ")", claim ~ " is null")) -%}
    {%- endif -%}
{%- endfor -%}
{%- for column, values in accepted_values.items() -%}
    {%- set listed = [] -%}
    {%- for value in values -%}
        {%- do listed.append(value if value is number else "'" ~ (value | string | replace("'", "''")) ~ "'") -%}
    {%- endfor -%}
    {%- do claims.append(("accepted_values(" ~ column ~ ")", column ~ " not in (" ~ listed | join(", ") ~ ")")) -%}
{%- endfor -%}
with counts as (
    select
    {%- for _, breaks in claims %}
        count(*) filter (where {{ breaks }}) as claim_{{ loop.index }}{{ "," if not loop.last }}
    {%- endfor %}
    from {{ model }}
),

failing as (
    select unnest([
    {%- for label, _ in claims %}
        {'claim': '{{ label | replace("'", "''") }}', 'failing_rows': claim_{{ loop.index }}}{{ "," if not loop.last }}
    {%- endfor %}
    ], recursive := true)
    from counts
),

listed as (
    select string_agg(claim || ' fails on ' || failing_rows || ' rows', '; ' order by claim) as failing_claims
    from failing
    where failing_rows > 0
)

-- a row (and the error naming the claims) only when a claim fails
select failing_claims
from listed
where failing_claims is not null
    and error('{{ model.identifier }}: ' || failing_claims) is null
{% endtest %}
