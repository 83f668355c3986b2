{#- A model's data-quality claims in one query instead of one test (one dbt node, one query, one
    asset check) each: the same claims as dbt's not_null, unique, accepted_values and relationships
    and this project's expression_is_true and unique_combination, in a fraction of the time per
    build (dbt's per-node work, not the queries, was most of a test's cost).
    not_null: column names, or {column: name, where: condition} for a claim on some rows only.
    unique: column names (nulls are not compared, as with dbt's unique).
    accepted_values: column name -> the values it may hold (strings compared as text, numbers and
    booleans as such; null passes, as with dbt's accepted_values).
    relationships: {column, to: ref(...), field, where (optional)}: every non-null value of the
    column is a value of field in `to`, as with dbt's relationships (where limits the rows checked).
    expressions: {column, expression, where (optional)}: the expression holds on every row (that
    where selects); null counts as a failure, as with expression_is_true.
    unique_combination: lists of columns no two rows share all of (nulls compared as equal, as
    with group by).
    When any claim fails, the query raises an error that names every failing claim and how many
    rows break it ("fct_figure: not_null(document_id) fails on 1 rows"), so the build fails and
    says which claims by name. A failure is always an error (no warn severity). -#}
{% test column_checks(model, not_null=[], unique=[], accepted_values={}, relationships=[], expressions=[], unique_combination=[]) %}
{#- (label, failing rows): counted in one pass over the model -#}
{%- set claims = [] -%}
{#- (label, query returning the failing rows' count as failing_rows): a query each -#}
{%- set queried_claims = [] -%}
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
{%- for claim in expressions -%}
    {%- set label = "expression_is_true(" ~ claim["column"] ~ ": " ~ claim["expression"] ~ (" where " ~ claim["where"] if claim.get("where") else "") ~ ")" -%}
    {%- do claims.append((label, "count(*) filter (where (" ~ claim.get("where", "true") ~ ") and not coalesce((" ~ claim["expression"] ~ "), false))")) -%}
{%- endfor -%}
{%- for claim in relationships -%}
    {%- set label = "relationships(" ~ claim["column"] ~ " -> " ~ claim["to"].identifier ~ "." ~ claim["field"] ~ (" where " ~ claim["where"] if claim.get("where") else "") ~ ")" -%}
    {#- child rows whose value the parent lacks -#}
    {%- do queried_claims.append((label,
        "select count(*) as failing_rows from " ~ model ~ " as child where child." ~ claim["column"] ~ " is not null"
        ~ " and (" ~ claim.get("where", "true") ~ ")"
        ~ " and not exists (select 1 from " ~ claim["to"] ~ " as parent where parent." ~ claim["field"] ~ " = child." ~ claim["column"] ~ ")")) -%}
{%- endfor -%}
{%- for columns in unique_combination -%}
    {#- combinations that occur more than once -#}
    {%- do queried_claims.append(("unique_combination(" ~ columns | join(", ") ~ ")",
        "select count(*) as failing_rows from (select 1 from " ~ model ~ " group by " ~ columns | join(", ") ~ " having count(*) > 1)")) -%}
{%- endfor -%}
with counts as (
    select
    {%- for _, failing_rows in claims %}
        {{ failing_rows }} as claim_{{ loop.index }}{{ "," if not loop.last }}
    {%- endfor %}
    {%- if not claims %}
        1 as no_claim
    {%- endif %}
    from {{ model }}
),
{%- for _, query in queried_claims %}

queried_claim_{{ loop.index }} as (
    {{ query }}
),
{%- endfor %}

failing as (
    select unnest([
    {%- for label, _ in claims %}
        {'claim': '{{ label | replace("'", "''") }}', 'failing_rows': claim_{{ loop.index }}}{{ "," if not (loop.last and not queried_claims) }}
    {%- endfor %}
    {%- for label, _ in queried_claims %}
        {'claim': '{{ label | replace("'", "''") }}', 'failing_rows': (select failing_rows from queried_claim_{{ loop.index }})}{{ "," if not loop.last }}
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
