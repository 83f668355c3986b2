{#- A model's not-null, unique and accepted-values claims in one query instead of one test (one
    dbt node, one query, one asset check) each: the same claims as dbt's not_null, unique and
    accepted_values, about a third of the time per build.
    not_null: column names, or {column: name, where: condition} for a claim on some rows only.
    unique: column names (nulls are not compared, as with dbt's unique).
    accepted_values: column name -> the values it may hold (strings compared as text, numbers and
    booleans as such; null passes, as with dbt's accepted_values).
    When any claim fails, the query raises an error that names every failing claim and how many
    rows break it ("fct_figure: not_null(document_id) fails on 1 rows"), so the build fails and
    says which claims by name. A failure is always an error (no warn severity). -#}
{% test column_checks(model, not_null=[], unique=[], accepted_values={}) %}
{%- set claims = [] -%}
{%- for claim in not_null -%}
    {%- if claim is mapping -%}
        {%- do claims.append(("not_null(" ~ claim["column"] ~ " where " ~ claim["where"] ~ ")",
                              "count(*) filter (where (" ~ claim["where"] ~ ") and " ~ claim["column"] ~ " is null)")) -%}
    {%- else -%}
        {%- do claims.append(("not_null(" ~ claim ~ ")", "count(*) filter (where " ~ claim ~ " is null)")) -%}
    {%- endif -%}
{%- endfor -%}
{%- for column in unique -%}
    {#- rows beyond the first of each repeated value -#}
    {%- do claims.append(("unique(" ~ column ~ ")", "count(" ~ column ~ ") - count(distinct " ~ column ~ ")")) -%}
{%- endfor -%}
{%- for column, values in accepted_values.items() -%}
    {%- set listed = [] -%}
    {%- for value in values -%}
        {%- do listed.append(value if value is number else "'" ~ (value | string | replace("'", "''")) ~ "'") -%}
    {%- endfor -%}
    {%- do claims.append(("accepted_values(" ~ column ~ ")",
                          "count(*) filter (where " ~ column ~ " not in (" ~ listed | join(", ") ~ "))")) -%}
{%- endfor -%}
with counts as (
    select
    {%- for _, failing_rows in claims %}
        {{ failing_rows }} as claim_{{ loop.index }}{{ "," if not loop.last }}
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
