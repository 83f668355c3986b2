{#-
    Text allowed between two figures of one series ("9.46 million in 2012 to 16.51 million in
    2016", "4,298 in 2016 and 5,739 in 2017"): optional dates, then a connector. (A Chinese list's
    bare separator, "依次为35家、20家、12家", was tried: on documents not read while tuning it gave
    only wrong picks.) A figure with no
    cue of its own that follows a classified figure of the same unit across such text belongs to
    the same indicator. Grammar, not vocabulary: the cues themselves live in the indicators seed.
-#}
{% macro series_connector_regex() -%}
'^[\s,]*((in|for|of|by) (the (end|first half|second half) of )?\d{4}[\s,]*|[a-z]+ly[\s,]*)?(to|and|while|versus|vs\.?|compared with|against)[\s,]*((in|for) \d{4}[\s,]*)?$'
{%- endmacro %}

{#-
    Text between a classified figure and a later one of the same unit that the sentence compares
    it with, so that the later one measures the same thing: the base of a change ("54.08 million,
    up 44 percent from 37.56 million", "to 54.08 million from 37.56 million"), the same measure
    elsewhere ("93.5 billion US dollars in Asia, while that in the world was 254.7 billion") and
    an average it is set against ("4% last year, above the national average of 2.23%"). Any
    figure between them (the change) is of another unit; the words of what was counted may come
    first ("54.08 million self-employed businesses in China, up ...").
-#}
{% macro comparison_connector_regex() -%}
'^( [^,;.\d()]{1,60})?[\s,]*(((an? )?(up|down|rising|rose|increasing|increased|growing|grew|gaining|falling|fell|declining|declined|dropping|dropped|decreasing|decreased|increase|rise|growth|jump|jumped|surge|surged|decline|drop|decrease)( of| by)? [\d.,]+ ?(%|percent|per cent|percentage points?)( year[- ]on[- ]year)? )?(from|compared with|compared to)|(while|whereas|and|but|compared with)? ?(that|those|the figure|the number|the total) (in|of|for|at) [^,;.\d]{1,60}? (was|were|is|are|stood at|reached|amounted to|totaled|totalled|hit|came to)( about| around| nearly| over| more than| almost| some| only| just)?|((which|and) (is|was) )?((well|far|slightly|much) )?(above|below|higher than|lower than|exceeding|surpassing|compared with|against|versus) the (\w+ |\w+''s )?(average|level|figure|rate)( level)?( of)?)[\s,]*$'
{%- endmacro %}
