{#-
    The jurisdiction a Chinese document is published in, when it is Hong Kong, Macao or Taiwan
    (its publisher names the place, or its address is under .hk, .mo or .tw, or, for Taiwan, it
    is on one of Taiwan's portals whose address is not, or it is in traditional script and
    prices in 新台幣 or names two of Taiwan's cities and counties, with no word of the renminbi), with that
    jurisdiction's currency: one row per such document among the changed ones. There "national"
    (全國, 國內) means the jurisdiction, and a bare 元 is its dollar (新台幣, 港元, 澳門元), not
    the renminbi. `entities` is a relation with the catalog's entity_id and aliases.
-#}
{% macro publishing_jurisdictions(entities) -%}
    select publishing.document_id, min(jurisdiction.entity_id) as jurisdiction_id, min(jurisdiction.currency_code) as local_currency
    from {{ ref('stg_documents') }} as publishing
    inner join (
        values ('hong_kong', 'hk', 'HKD'), ('macao', 'mo', 'MOP'), ('taiwan', 'tw', 'TWD')
    ) as jurisdiction(entity_id, domain, currency_code) on true
    inner join {{ entities }} as jurisdiction_entity on jurisdiction_entity.entity_id = jurisdiction.entity_id
    where {{ in_changed_documents('publishing.document_id') }}
        and publishing.language like 'zh%'
        and (
            ends_with(regexp_extract(coalesce(publishing.url, ''), '^[a-z]+://([^/:]+)', 1), '.' || jurisdiction.domain)
            or len(list_filter(
                string_split(jurisdiction_entity.aliases, '|'),
                lambda alias: trim(alias) <> '' and contains(coalesce(publishing.publisher, ''), trim(alias))
            )) > 0
            -- Taiwan's news portals whose address is not under .tw (聯合新聞網 udn.com, 鉅亨網
            -- cnyes.com, 中時 chinatimes.com ...), and the Taiwan edition of a portal (tw.news.yahoo.com)
            or (
                jurisdiction.entity_id = 'taiwan'
                and regexp_matches(
                    regexp_extract(coalesce(publishing.url, ''), '^[a-z]+://([^/:]+)', 1),
                    '(^|\.)(udn|cnyes|chinatimes|ettoday|setn|storm|nownews|ctwant)\.(com|net|mg)$|^tw\.'
                )
                -- (not its reports of the mainland's or the world's figures in renminbi)
                and not regexp_matches(coalesce(publishing.clean_text, ''), '人民幣|人民币')
            )
            -- a Central News Agency dispatch filed in Taiwan, wherever it is reposted (its dateline
            -- "(中央社記者林思宇台北4日電)" near the top of an overseas site's copy): written from
            -- Taiwan, as the agency's own pages are (not a Hong Kong or Macao paper's copy)
            or (
                jurisdiction.entity_id = 'taiwan'
                and regexp_matches(
                    left(coalesce(publishing.clean_text, ''), 400),
                    '中央社(記者|记者)?[^()（）\s，,。]{0,6}?(台北|臺北|新北|桃園|桃园|新竹|台中|臺中|台南|臺南|高雄|基隆|嘉義|嘉义|花蓮|花莲)([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日(電|电)'
                )
                and not regexp_matches(
                    coalesce(publishing.publisher, '') || ' ' || regexp_extract(coalesce(publishing.url, ''), '^[a-z]+://([^/:]+)', 1),
                    '(?i)(hong kong|香港|macau|macao|澳門|澳门|\.hk$|\.mo$)'
                )
                -- (not its reports of the mainland's figures in renminbi)
                and not regexp_matches(coalesce(publishing.clean_text, ''), '人民幣|人民币')
            )
            -- a traditional-script page on a portal whose name and address do not say Taiwan, with
            -- no word of the renminbi, that prices in 新台幣 or names two or more of Taiwan's own
            -- cities and counties in their full names (臺北市, 新北市, 新竹縣: a Taiwan ministry's
            -- statistics on such a portal): its money is the New Taiwan dollar
            or (
                jurisdiction.entity_id = 'taiwan'
                and publishing.language = 'zh-Hant'
                and not regexp_matches(coalesce(publishing.clean_text, ''), '人民幣|人民币')
                and not regexp_matches(
                    coalesce(publishing.publisher, '') || ' ' || regexp_extract(coalesce(publishing.url, ''), '^[a-z]+://([^/:]+)', 1),
                    '(?i)(hong kong|香港|macau|macao|澳門|\.hk$|\.mo$)'
                )
                and (
                    regexp_matches(coalesce(publishing.clean_text, ''), '新台幣|新臺幣')
                    or (
                        select count(*)
                        from {{ entities }} as taiwan_place
                        where taiwan_place.parent_entity_id = 'taiwan'
                            and len(list_filter(
                                string_split(taiwan_place.aliases, '|'),
                                lambda alias: regexp_matches(trim(alias), '^[^ -~]+[市縣]$')
                                    and contains(coalesce(publishing.clean_text, ''), trim(alias))
                            )) > 0
                    ) >= 2
                )
            )
        )
        -- a copy of a mainland agency's or paper's dispatch ("Taiwan.cn (台灣網), gateway copy of
        -- Xinhua (新華社)", "Ta Kung Pao, after China News Service") is written from the mainland:
        -- its "national" is China's and its 元 the renminbi, wherever it is reposted
        and not exists (
            select 1
            from {{ ref('news_agencies') }} as agency, unnest(string_split(agency.aliases, '|')) as agency_name(alias)
            where agency.based_in = 'china'
                and trim(alias) <> ''
                and case
                    when regexp_matches(trim(alias), '^[ -~]+$')
                        then regexp_matches(coalesce(publishing.publisher, ''), '(?i)\b' || regexp_escape(trim(alias)) || '\b')
                    else contains(coalesce(publishing.publisher, ''), trim(alias))
                end
        )
    group by publishing.document_id
    having count(distinct jurisdiction.entity_id) = 1
{%- endmacro %}
