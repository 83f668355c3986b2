{#-
    English grammar the classification and attribution rely on (not vocabulary: indicator cues
    live in the indicators seed, entity names in the entities seed).

    clause_boundary_regex: where the words around a figure stop belonging to it. The near
    window of a figure runs from the last boundary before it to the first boundary after it
    ("... sales for 2017 is expected to reach 1 billion yuan | and profit to be ..."); in Chinese
    at the full-width comma, semicolon, colon and full stop, and at an ASCII comma between
    ideographs (reprints often write "，" as ","). RE2 has no look-around, so the pattern that
    cuts away the words before a figure (side='before') takes the ideograph before such a
    comma, and the one that cuts away the words after it the ideograph after.

    anaphora_regex: words that refer back to an entity named earlier ("it", "its", "the
    company"): only a sentence using one may inherit its owner from the preceding sentences.
-#}
{% macro clause_boundary_regex(side='after') -%}
{%- if side == 'before' -%}
'(,\s|;|:|\.\s|\s(and|while|whereas|but|with|among which|of which)\s|[，；：。]|[\x{4e00}-\x{9fff}],)'
{%- else -%}
'(,\s|;|:|\.\s|\s(and|while|whereas|but|with|among which|of which)\s|[，；：。]|,[\x{4e00}-\x{9fff}])'
{%- endif -%}
{%- endmacro %}

{% macro anaphora_regex() -%}
'(?i)(^|[^[:alnum:]])(it|its|the company|the organi[sz]ation|the firm|the group|the project|this project|the start-?up|this start-?up)([^[:alnum:]]|$)'
{%- endmacro %}

{#- Words that refer back to a place named earlier ("the city", "the southern city", "our province",
    "its local"; 该市, 我省, 全区):
    only a sentence using one may take its place from a preceding sentence. Bare "there" and
    "local" are left out: "There were 1,600 incubators" refers back to nothing. -#}
{% macro place_anaphora_regex() -%}
'(?i)((^|[^[:alnum:]])((the|this|our) ([a-z-]+ )?(city|province|municipality|region|district|zone|park|capital|county|town)|in the (city|province|area|region)|this area|the new area|(the|its) local)([^[:alnum:]]|$)|(我|本|该|該|全)(省|市|区|區|县|縣|镇|鎮))'
{%- endmacro %}

{#- A sentence that opens with a quotation mark: a quotation, attributed in the next sentence. -#}
{% macro quotation_opening_regex() -%}
'^\s*["“”«]'
{%- endmacro %}

{#- Words that count countries: a figure they scope holds for the world ("in 117 countries and
    territories", "across five countries", "from over 90 countries", "来自50多个国家和地区",
    "全球53个国家和291个城市"). -#}
{% macro countries_scope_regex() -%}
'(?i)(\b(\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens of|several|many|more than \d+|over \d+)\s+(other\s+)?(countries|nations)\b|\bcountries\s+and\s+(regions|territories)\b|[0-9十百几多]+个?国家(和|与|及)地区|[0-9一二三四五六七八九十百几多]+(个|個)(国家|國家)(和|与|與|及|、|,|，|。|$))'
{%- endmacro %}

{#- Words that count the country's cities or provinces: a figure they scope and no place of its own
    clause holds for the country as a whole, not for the place the document's title names ("more
    than 30 maker spaces in 15 cities", "covering 31 provinces", "分布在9个城市", "覆盖全国31个省份", "5省市场主体": a numeral before 省 counts provinces, as
    before 省份). -#}
{% macro cities_scope_regex() -%}
'(?i)(\b(\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens of|several|many|more than \d+|over \d+)\s+(other\s+)?(cities|provinces|provincial-level regions|municipalities|prefectures)\b|[0-9一二三四五六七八九十百几多]+个?(城市|地市|省份|省区市|省\(区、市\)|省（区、市）)|[0-9一二三四五六七八九十]+省([^级級委政长長会會内內外]|$))'
{%- endmacro %}

{#- The administrative level a back-reference names ('words': "the province", 该市) or a catalog
    place's note says ('note': "province or autonomous region", "city in Zhejiang", "county ...").
    One of province, city, district, region; null when neither says. -#}
{% macro place_level(expression, kind) -%}
{%- if kind == 'words' -%}
case
    when regexp_matches({{ expression }}, '(?i)province|省') then 'province'
    when regexp_matches({{ expression }}, '(?i)city|municipality|capital|市') then 'city'
    when regexp_matches({{ expression }}, '(?i)district|zone|park|county|town|new area|区|區|县|縣|镇|鎮') then 'district'
    when regexp_matches({{ expression }}, '(?i)region|area') then 'region'
end
{%- else -%}
case
    when regexp_matches({{ expression }}, '^province') then 'province'
    when regexp_matches({{ expression }}, '^(city|prefecture|municipality)') then 'city'
    when regexp_matches({{ expression }}, '^(county|district|science park|place found)') then 'district'
    when regexp_matches({{ expression }}, '^region') then 'region'
end
{%- endif -%}
{%- endmacro %}

{#- Words of a Hong Kong, Macao or Taiwan public body, or of a speaker for the place (我們, 本港): an
    organisation's unplaced figure said in them is the jurisdiction's ("我们投入20亿港元设立创科创投基金",
    "國發基金投資4.2億元"); a company the paper reports on is not placed by where the paper is. -#}
{% macro local_public_voice_regex() -%}
'(政府|当局|當局|港府|澳府|特区|特區|行政院|立法会|立法會|国发|國發|经济部|經濟部|数码港|數碼港|科技园|科技園|科学园|科學園|投资推广|投資推廣|创新科技署|創新科技署|生产力局|生產力局|我们|我們|本港|本澳|本地)'
{%- endmacro %}

{#- Whether `words` (Chinese, between a place and a figure) say the whole or self the figure is of
    (全省, 全市, 我省, 本市: "新干县……，全省累计返乡创业人员达32.4万人"), not the whole it is measured
    against ("占全省的20%", "超过了全省的一半", "居全市第二"). -#}
{% macro names_own_subject(words) -%}
(
    regexp_matches({{ words }}, '(全省|全市|全区|全區|全县|全縣|我省|我市|我区|我區|本省|本市)')
    and not regexp_matches(
        {{ words }},
        '([占佔居比于於出过過超先列]了?(全省|全市|全区|全區|全县|全縣|我省|我市|我区|我區|本省|本市))'
            || '|((全省|全市|全区|全區|全县|全縣|我省|我市|我区|我區|本省|本市)[市省区區县縣]?的?(第|前[一二三四五六七八九十0-9]|首|排名|排行|平均|总量|總量|总数|總數))'
    )
)
{%- endmacro %}

{#- A news agency's dateline right after the place it was filed in: the day, with or without its
    month, then 电/讯 ("北京4月11日电", "台北2日電"). -#}
{% macro dateline_after_place_regex() -%}
'\s?([0-9０-９]{1,2}\s?月\s?)?[0-9０-９]{1,2}\s?日\s?(电|電|讯|訊)'
{%- endmacro %}

{#- Whether the words around a figure (`before`, `after`: its sentence up to and from it) make it a
    valuation said of the figure itself ("估值15亿美元的天际汽车", "以5600亿元估值", "valued at $1
    billion"), not one summed or averaged over many ("总估值", "平均估值", "combined valuation"). -#}
{% macro valuation_of_figure(before, after) -%}
(
    (
        regexp_matches(right({{ before }}, 14), '(估值|估價|估价|市值|價值|价值|(?i:valuation|valued|worth))[^，,；;。、.]{0,8}$')
        or regexp_matches(left({{ after }}, 12), '^[^，,；;。、]{0,8}?(估值|估價|估价|市值)')
    )
    and not regexp_matches(right({{ before }}, 24), '(总|總|合计|合計|累计|累計|整体|整體|平均|(?i:total|combined|average|aggregate))')
)
{%- endmacro %}
