{#- A string as a SQL literal (single quotes doubled). -#}
{% macro sql_literal(text) -%}
    '{{ text | replace("'", "''") }}'
{%- endmacro %}

{#- A constant catalog cue matched case-insensitively; an empty cue matches nothing.
    Constant patterns are compiled once by DuckDB, unlike patterns read from a column. -#}
{% macro cue_hit(text, cue) -%}
    {%- if cue -%}coalesce(regexp_matches({{ text }}, {{ sql_literal('(?i)' ~ cue) }}), false){%- else -%}false{%- endif -%}
{%- endmacro %}

{#- Text without the pinyin glosses some Chinese reprints put after characters ("規(guī)模",
    "生產(chǎn)建設(shè)兵團(tuán)"); longest=none reads past a parenthesised lower-case run of any length. -#}
{% macro without_pinyin_glosses(text, longest=6) -%}
    regexp_replace({{ text }}, '\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{{ '{1,' ~ longest ~ '}' if longest else '+' }}\)', '', 'g')
{%- endmacro %}
