{#- Fails on every row where the expression does not hold (null counts as a failure). -#}
{% test expression_is_true(model, column_name, expression) %}
select *
from {{ model }}
where not coalesce(({{ expression }}), false)
{% endtest %}
