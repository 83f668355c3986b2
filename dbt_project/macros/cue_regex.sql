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

{#- The catalog's cue rows (indicator_id, noun_cues, context_cues, ...) whose noun or context cues
    occur in the words of the figures this build classifies, or every row when it classifies
    more than `most_figures` figures. A row whose cues occur nowhere in those words scores every
    figure 0, under every indicator's minimum score, so leaving its classification branch out
    changes no row; each branch costs DuckDB about 7 ms to plan (1 s of a one-document refresh
    for the whole catalog). The words are those the branches read: the concept beside the near
    and clause words, the counted noun, each also without pinyin glosses. -#}
{% macro cue_rows_found_in_figures(cue_rows, figures, most_figures=5000) -%}
    {%- set counted = run_query("select count(*) from " ~ figures ~ " where " ~ in_changed_documents()).rows[0][0] -%}
    {%- if counted > most_figures -%}
        {{ return(cue_rows) }}
    {%- endif -%}
    {%- set query -%}
        with words as (
            select string_agg(concat_ws(chr(10),
                concat_ws(' ', concept, near_before_text), concat_ws(' ', concept, clause_before_text),
                clause_before_text || ' ' || clause_after_text, near_after_text, counted_noun, concept
            ), chr(10)) as words
            from {{ figures }}
            where {{ in_changed_documents() }}
        ),
        searched as (
            select coalesce(words || chr(10) || {{ without_pinyin_glosses('words') }}, '') as words from words
        )
        select
            true
            {%- for row in cue_rows %}
            {%- set cues = [row[1], row[2]] | select | list %}
            , {% if cues %}regexp_matches(words, {{ sql_literal('(?i)(?:' ~ cues | join(')|(?:') ~ ')') }}){% else %}false{% endif %}
            {%- endfor %}
        from searched
    {%- endset -%}
    {%- set found_flags = run_query(query).rows[0] -%}
    {%- set found = [] -%}
    {%- for row in cue_rows -%}
        {%- if found_flags[loop.index] -%}{%- do found.append(row) -%}{%- endif -%}
    {%- endfor -%}
    {{ return(found) }}
{%- endmacro %}
