{#-
    Text allowed between two figures of one series ("9.46 million in 2012 to 16.51 million in
    2016", "4,298 in 2016 and 5,739 in 2017"): optional dates, then a connector. A figure with no
    cue of its own that follows a classified figure of the same unit across such text belongs to
    the same indicator. Grammar, not vocabulary: the cues themselves live in the indicators seed.
-#}
{% macro series_connector_regex() -%}
'^[\s,]*((in|for|of|by) (the (end|first half|second half) of )?\d{4}[\s,]*|[a-z]+ly[\s,]*)?(to|and|while|versus|vs\.?|compared with|against)[\s,]*((in|for) \d{4}[\s,]*)?$'
{%- endmacro %}
