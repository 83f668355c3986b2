-- Every place where an entity's alias (from the entities seed) is written in a sentence, with
-- character offsets; an alias inside a longer alias match ("China" in "Aviation Industry
-- Corporation of China") is dropped in favour of the longer one.
with sentences as (
    select * from {{ ref('stg_sentences') }}
    where {{ in_changed_documents() }}
),

entities as (
    select * from {{ ref('int_entity_catalog') }}
),

catalog_aliases as (
    select distinct
        entity_id,
        kind,
        owns_figures,
        trim(alias) as alias
    from entities,
        unnest(string_split(aliases, '|')) as split_alias(alias)
    where trim(alias) <> ''
),

-- Places no catalog lists, found in a document's own words: a capitalised name before Town,
-- Township, Village or Subdistrict ("Jingrong Town"). The id is the name's slug
-- (jingrong_town); the name as written and the name alone ("Jingrong has ...") are its aliases
-- in that document only, so a namesake elsewhere is not matched.
found_place_names as (
    select
        document_id,
        regexp_extract(name, '^(.+)\s+(\S+)$', 1) as stem,
        lower(regexp_extract(name, '(\S+)$', 1)) as division,
        name
    from (
        select distinct
            sentences.document_id,
            -- "In Jingrong Town": the word opening the sentence is no part of the name
            regexp_replace(found.name, '^(In|At|From|To|By|Of|For|With|And|As|On|Near|Across|Around|Within|Into|Both|Including|The|A|An|This|That|Our|Its)\s+', '') as name
        from sentences,
            unnest(regexp_extract_all(
                sentences.sentence_text,
                '(?:^|[^[:alnum:]])([[:upper:]][[:lower:]]+(?:\s[[:upper:]][[:lower:]]+)?\s(?:[Tt]own(?:ship)?|[Vv]illage|[Ss]ubdistrict))\b',
                1
            )) as found(name)
    )
    where regexp_matches(name, '^\S+\s+\S+')
),

found_towns as (
    select distinct
        found_place_names.document_id,
        lower(replace(found_place_names.stem, ' ', '_')) || '_' || found_place_names.division as entity_id,
        found_place_names.stem,
        found_place_names.name
    from found_place_names
    where not regexp_matches(found_place_names.stem, '^(The|A|An|This|That|Our|Its|Each|Every|New|Old|Small|Ancient|Local|Global|Smart|Model|Pilot|Characteristic|Featured|Chinese|China)(\s|$)')
        and found_place_names.name not in (select alias from catalog_aliases)
        -- "Hangzhou Innovation Town" is in Hangzhou, which the catalog knows: Hangzhou places it
        and split_part(found_place_names.stem, ' ', 1) not in (select alias from catalog_aliases)
        -- a kind of place, not one place, where the document writes it in the plural or after an
        -- indefinite article ("there are Taobao Villages in 10 provinces", "A Taobao Village is ...")
        and not exists (
            select 1 from sentences
            where sentences.document_id = found_place_names.document_id
                and regexp_matches(
                    sentences.sentence_text,
                    '(?:\b(?:an?|every|each)\s+' || found_place_names.stem || '\s+' || found_place_names.division
                    || '\b|\b' || found_place_names.stem || '\s+' || found_place_names.division || 's\b)',
                    'i'
                )
        )
),

-- Development zones, parks and new areas no catalog lists ("Xixian New Area", "Suzhou Industrial
-- Park", "Xi'an High-tech Zone"), and science cities and software towns ("Mianyang Science and
-- Technology City"): a zone with figures of its own is a place of its own, even when
-- its name opens with a city the catalog knows. The id is the name's slug, every spelling of a
-- high-tech zone ("Hi-tech Industrial Development Zone") made "high_tech_zone"
-- (xian_high_tech_zone; "National" and "State" before it, 国家高新区, are no part of the name), of an economic and technological development zone
-- "economic_development_zone"; the stem alone ("Xixian") is an alias too unless it is a catalog
-- name, and so is the acronym the text gives after the name ("... Development Zone (WHDZ)",
-- "... Development Zone (Guiyang HIDZ)").
found_zone_names as (
    select distinct
        document_id,
        name,
        nullif(regexp_extract(name, '^(.+?)\s+(New Area|New District|((National|State)\s)?(High|Hi)-[Tt]ech\b.*|Economic(\s(and|&)\s|-)Technological\sDevelopment\sZone|[[:upper:]][[:lower:]]+(-[[:upper:]][[:lower:]]+)?(\sand\s[[:upper:]][[:lower:]]+)?\s(Park|Zone|Area|City|Town))$', 1), '') as stem
    from (
        select
            sentences.document_id,
            -- a sentence's opening word, a possessive ("China's Xixian New Area") or a rank word
            -- before the name is no part of it
            regexp_replace(
                regexp_replace(found.name, '^.*[''’]s\s+', ''),
                '^((In|At|From|To|By|Of|For|With|And|As|On|Near|Across|Around|Within|Into|Both|Including|The|A|An|This|That|Our|Its|Meanwhile|However|Moreover|Also|Besides|Currently|Today|Now|Since|Under|After|Before|During|Over|Through|Located|Based|National|State-level|Provincial|Municipal|New)\s+)+',
                ''
            ) as name
        from sentences,
            unnest(regexp_extract_all(
                sentences.sentence_text,
                '(?:^|[^[:alnum:]])((?:[[:upper:]][[:alnum:]''’-]*\s){1,4}(?:New Area|New District|(?:High|Hi)-[Tt]ech(?:\s[[:upper:]][[:lower:]]+){0,3}\sZone|(?:Industrial|Science|Technology|Innovation|Software|Science and Technology|Innovation and Technology|Entrepreneurship|Pioneer) Park|(?:Science and Technology|Science|Technology|Sci-[Tt]ech) City|(?:Software|Innovation|Entrepreneurship) Town|(?:Economic (?:and|&) Technological |Economic-Technological |Economic |Industrial )?Development Zone|(?:Pilot )?Free Trade Zone|Cooperation Zone|Demonstration Zone))\b',
                1
            )) as found(name)
    )
),

found_zones as (
    select
        document_id,
        lower(trim(regexp_replace(
            regexp_replace(
                regexp_replace(
                    -- a Torch Program zone is a high-tech zone ("Xiamen Torch Development Zone",
                    -- "Xiamen Torch High-tech Zone": the catalog's Xiamen High-tech Zone)
                    regexp_replace(regexp_replace(name, '[''’]', '', 'g'), '\sTorch\s(.*\s)?Zone$', ' high tech zone'),
                    '\s((National|State)\s)?(High|Hi)-[Tt]ech\b.*$', ' high tech zone'
                ),
                -- an economic and technological development zone by any spelling
                '\sEconomic(\s(and|&)\s|-)Technological\sDevelopment\sZone$', ' economic development zone'
            ),
            '[^[:alnum:]]+', '_', 'g'
        ), '_')) as entity_id,
        stem,
        name
    from found_zone_names
    -- the name needs a word of its own before the kind of zone ("Suzhou", "Xixian"), not only
    -- words every zone's name has ("Industrial Park", "High-tech Zone")
    where stem is not null
        and not regexp_matches(stem, '^(National|State|Provincial|Municipal|Modern|Economic|Industrial|Science|Technology|Innovation|Free|Pilot|Special|Bonded|Comprehensive|Development|Entrepreneurship|High-tech|Hi-tech|Chinese|China|Global|Local|Key|Major|Smart)$')
        and name not in (select alias from catalog_aliases)
        -- a zone named after a zone or district the catalog lists is that place ("Zhongguancun
        -- Science and Technology Park", "Zhongguancun National Innovation Demonstration Zone")
        and not exists (
            select 1
            from catalog_aliases
            inner join entities using (entity_id)
            where entities.kind = 'place' and regexp_matches(coalesce(entities.note, ''), '(zone|park|district)')
                and (found_zone_names.stem = catalog_aliases.alias or starts_with(found_zone_names.stem, catalog_aliases.alias || ' '))
        )
        -- "Beijing Zhongguancun Science Park" is the catalog's Zhongguancun Science Park
        and not exists (
            select 1 from catalog_aliases
            where catalog_aliases.kind = 'place'
                and ends_with(found_zone_names.name, ' ' || catalog_aliases.alias)
                and regexp_matches(catalog_aliases.alias, '\s(Park|Zone|Area|District)$')
        )
),

{#- the kinds of zone a Chinese zone's name ends with, written once for the three patterns below -#}
{%- set chinese_zone_kinds = '高新技术产业开发区|高新技術產業開發區|高新区|高新區|工业园区|工業園區|经济技术开发区|經濟技術開發區|经开区|經開區|自由贸易试验区|自由貿易試驗區|自贸试验区|自貿試驗區|自贸片区|自貿片區|自贸区|自貿區' %}
{#- a Torch Program zone is a high-tech zone, whatever it is called (厦门火炬高新区, 中山火炬开发区, 威海火炬高技术产业开发区) -#}
{%- set chinese_zone_kinds = '火炬(?:开发区|開發區|高技术产业开发区|高技術產業開發區)|' ~ chinese_zone_kinds %}
-- In Chinese, a zone named after a place the catalog knows ("合肥高新区", "苏州工业园区", "武汉经开区",
-- "上海自贸区"): its id is that place's id and the kind of zone (hefei_high_tech_zone, suzhou_industrial_park,
-- wuhan_economic_development_zone, shanghai_free_trade_zone, as the English names give them). 国家 between the name and the
-- kind is no part of the name ("保定国家高新区" is 保定高新区), and a prefecture's name may drop its 市
-- before the kind ("保定高新区" is the zone of 保定市).
found_chinese_zone_names as (
    select distinct
        sentences.document_id,
        found.name as written,
        -- the two or three characters before the kind of zone, the place's name among them
        regexp_extract(found.name, '^(.+?)(?:国家|國家|火炬)?({{ chinese_zone_kinds }})$', 1) as prefix,
        regexp_extract(found.name, '^(.+?)(?:国家|國家|火炬)?({{ chinese_zone_kinds }})$', 2) as zone_kind
    from sentences,
        unnest(regexp_extract_all(
            sentences.sentence_text,
            '、?[\x{4e00}-\x{9fff}]{2,3}(?:国家|國家|火炬)?(?:{{ chinese_zone_kinds }})'
        )) as found(name)
    -- the last of a list the kind closes ("南宁、来宾高新区") is one of several zones, none alone
    where not starts_with(found.name, '、')
),

-- The place each name is of: the last two or three characters before the kind ("安徽合肥高新区"),
-- the longest the catalog knows ("天津市高新区" is Tianjin's, not 津市's).
found_chinese_zone_places as (
    select
        names.document_id,
        -- the name as written, from the place's name on
        substr(names.written, strpos(names.written, stems.written_stem)) as name,
        names.zone_kind,
        catalog_aliases.entity_id,
        catalog_aliases.alias,
        row_number() over (
            partition by names.document_id, names.written
            order by length(stems.written_stem) desc, catalog_aliases.alias = stems.written_stem desc, catalog_aliases.entity_id
        ) as preference
    from found_chinese_zone_names as names
    cross join unnest([names.prefix, right(names.prefix, 2)]) as stems(written_stem)
    inner join catalog_aliases
        on catalog_aliases.kind = 'place'
        and catalog_aliases.alias in (stems.written_stem, stems.written_stem || '市')
    inner join entities on entities.entity_id = catalog_aliases.entity_id
    where catalog_aliases.entity_id <> 'china'
        -- only a prefecture drops its 市: a county-level city's short name is often a district's
        -- too (栖霞市 of Yantai, 栖霞区 of Nanjing)
        and (catalog_aliases.alias = stems.written_stem or starts_with(coalesce(entities.note, ''), 'prefecture '))
),

found_chinese_zones as (
    select distinct
        document_id,
        entity_id
            || case
                when zone_kind in ('工业园区', '工業園區') then '_industrial_park'
                when zone_kind in ('经济技术开发区', '經濟技術開發區', '经开区', '經開區') then '_economic_development_zone'
                when zone_kind like '自%' then '_free_trade_zone'
                else '_high_tech_zone'
            end
            as entity_id,
        alias as stem,
        name
    from found_chinese_zone_places
    where preference = 1
        and name not in (select alias from catalog_aliases)
),

-- The acronym a text gives after a zone or park the catalog lists ("Guiyang National High-tech
-- Industrial Development Zone (Guiyang HIDZ)"): that zone's name in that document.
catalog_zone_acronyms as (
    select distinct written.document_id, catalog_aliases.entity_id, written.acronym
    from (
        select
            document_id,
            regexp_extract(written_text, '^(.*)\s\(', 1) as written_name,
            regexp_extract(written_text, '\(([^()]*)\)$', 1) as acronym
        from (
            select document_id, unnest(regexp_extract_all(
                sentence_text, '[[:upper:]][^()]{0,80}\s\((?:[[:upper:]][[:lower:]]+\s)?[[:upper:]]{2,6}\)'
            )) as written_text
            from sentences
            where contains(sentence_text, ' (')
        )
    ) as written
    inner join catalog_aliases
        on catalog_aliases.kind = 'place'
        and ends_with(written.written_name, catalog_aliases.alias)
        and regexp_matches(catalog_aliases.alias, '\s(Zone|Park|Area|District)$')
    inner join entities on entities.entity_id = catalog_aliases.entity_id
    where regexp_matches(coalesce(entities.note, ''), '(zone|park)')
        and written.acronym not in (select alias from catalog_aliases)
),

found_places as (
    select document_id, entity_id, stem, name from found_towns
    union all
    select document_id, entity_id, stem, name from found_zones
    union all
    select document_id, entity_id, stem, name from found_chinese_zones
    union all
    -- a high-tech zone's short spellings ("Xi'an high-tech zone" for "Xi'an High-Tech Industries
    -- Development Zone")
    select document_id, entity_id, stem, stem || short_name
    from found_zones
    cross join unnest([' High-tech Zone', ' High-Tech Zone', ' high-tech zone', ' Hi-tech Zone', ' hi-tech zone']) as spellings(short_name)
    where ends_with(entity_id, '_high_tech_zone')
    union all
    select distinct found_zones.document_id, found_zones.entity_id, null as stem, acronym
    from found_zones
    inner join sentences
        on sentences.document_id = found_zones.document_id
        and contains(sentences.sentence_text, found_zones.name || ' (')
    cross join lateral (
        select regexp_extract(
            substr(sentences.sentence_text, strpos(sentences.sentence_text, found_zones.name || ' (') + length(found_zones.name)),
            -- the acronym alone ("(WHDZ)") or after the city's name ("(Guiyang HIDZ)")
            '^\s\(((?:[[:upper:]][[:lower:]]+\s)?[[:upper:]]{2,6})\)', 1
        ) as acronym
    )
    where acronym <> ''
    union all
    select document_id, entity_id, null as stem, acronym from catalog_zone_acronyms
),

-- The name alone is an alias unless the document also writes it in lower case, as a common word
-- ("Dream Town" and "the dream of ..."), or it is a catalog name ("Suzhou" of "Suzhou
-- Industrial Park" is the city).
found_stems as (
    select distinct found_places.entity_id, found_places.stem, found_places.document_id
    from found_places
    where found_places.stem not in (select alias from catalog_aliases)
        and not exists (
            select 1 from sentences
            where sentences.document_id = found_places.document_id
                and regexp_matches(sentences.sentence_text, '\b' || lower(found_places.stem) || '\b')
        )
),

sentence_keys as (
    select distinct sentences.sentence_id, unnest(regexp_extract_all(sentences.sentence_text, '[A-Za-z]+|[^A-Za-z\s]')) as match_key
    from sentences
),

-- A district's name that is its own only in its city's documents (南山区 is Shenzhen's and
-- Hegang's; 光明 is also a word: int_entity_catalog's context_aliases) is an alias of the
-- documents naming its city, unless they name two such cities.
context_candidates as (
    select entities.entity_id, entities.parent_entity_id, trim(split_alias.alias) as alias
    from entities,
        unnest(string_split(coalesce(entities.context_aliases, ''), '|')) as split_alias(alias)
    where trim(split_alias.alias) <> '' and entities.parent_entity_id is not null
),

context_parent_aliases as (
    select distinct
        entity_id as parent_id,
        alias,
        coalesce(nullif(regexp_extract(alias, '^[A-Za-z]+'), ''), left(alias, 1)) as match_key
    from catalog_aliases
    where entity_id in (select parent_entity_id from context_candidates)
),

documents_naming_parent as (
    select distinct sentences.document_id, context_parent_aliases.parent_id
    from sentences
    inner join sentence_keys on sentence_keys.sentence_id = sentences.sentence_id
    inner join context_parent_aliases
        on context_parent_aliases.match_key = sentence_keys.match_key
        and contains(sentences.sentence_text, context_parent_aliases.alias)
),

context_aliases as (
    select
        any_value(context_candidates.entity_id) as entity_id,
        context_candidates.alias,
        documents_naming_parent.document_id,
        any_value(context_candidates.parent_entity_id) as parent_entity_id
    from context_candidates
    inner join documents_naming_parent on documents_naming_parent.parent_id = context_candidates.parent_entity_id
    group by context_candidates.alias, documents_naming_parent.document_id
    having count(distinct context_candidates.entity_id) = 1
),

-- "东部、中部、西部和东北地区": the regions of a list that 地区 closes are each named by their bare
-- word, in that document (东部 alone is the east of anything)
listed_regions as (
    select distinct sentences.document_id, regions.entity_id, regions.alias
    from sentences
    cross join (
        values ('eastern_china', '东部'), ('eastern_china', '東部'), ('central_china', '中部'),
            ('western_china', '西部'), ('northeast_china', '东北'), ('northeast_china', '東北')
    ) as regions(entity_id, alias)
    where regexp_matches(
            sentences.sentence_text,
            '(东部|東部|中部|西部|东北|東北)[、，,](东部|東部|中部|西部|东北|東北)([、，,](东部|東部|中部|西部|东北|東北))*(和|及|与|與|以及|、)(东部|東部|中部|西部|东北|東北)(地区|地區)'
        )
        and contains(sentences.sentence_text, regions.alias)
),

-- China's regions listed by one word each before the word they share: "东、中、西部分别有1773家、
-- 746家、411家" (东部, 中部, 西部), "the central, western and northeastern regions was 1,362, 839.3
-- and 90.9 billion yuan". Each word is its region where it stands, so the list pairs with its
-- figures as a list of names does (东 alone is no region: 广东, 山东). Chinese lists need a 、
-- between words, so 中西部 (the centre and west as one) stays whole.
elided_region_lists as (
    select
        *,
        strpos(sentence_text, list_text) - 1 as list_offset
    from (
        select
            sentences.sentence_id, sentences.document_id, sentences.sentence_index,
            sentences.start_char as sentence_start_char, sentences.sentence_text,
            -- (the character before a Chinese list is matched with it: dropped here)
            regexp_replace(found.matched, '^[^东東中西A-Za-z]+', '') as list_text
        from sentences,
            unnest(regexp_extract_all(
                sentences.sentence_text,
                '(?:^|[^\x{4e00}-\x{9fff}]|[在按从從的对對])(?:东北|東北|[东東中西])(?:、(?:东北|東北|[东東中西]))*(?:、|和|及|与|與)(?:东北|東北|[东東中西])部'
                || '|(?i:\b(?:eastern|central|western|north-?eastern)(?:,\s+(?:eastern|central|western|north-?eastern))*,?\s+and\s+(?:eastern|central|western|north-?eastern)\s+(?:regions|areas|parts)\b)'
            )) as found(matched)
        where regexp_matches(
            sentences.sentence_text,
            '[东東中西北]、[东東中西]|(?i:(eastern|central|western|north-?eastern),?\s+and\s+(eastern|central|western|north-?eastern)\s+(regions|areas|parts))'
        )
    )
),

elided_region_items as (
    select
        *,
        case
            when alias in ('东北', '東北') or lower(alias) in ('northeastern', 'north-eastern') then 'northeast_china'
            when alias in ('东', '東') or lower(alias) = 'eastern' then 'eastern_china'
            when alias = '中' or lower(alias) = 'central' then 'central_china'
            when alias = '西' or lower(alias) = 'western' then 'western_china'
        end as entity_id
    from (
        select
            sentence_id, document_id, sentence_index, sentence_start_char, sentence_text,
            list_offset + position.i as offset_in_sentence,
            regexp_extract(substr(list_text, position.i + 1), '^(东北|東北|[东東中西]|(?i:north-?eastern|eastern|central|western)\b)', 1) as alias
        from elided_region_lists,
            unnest(range(0, length(list_text))) as position(i)
        -- a list word starts the list or follows a separator
        where (position.i = 0 or regexp_matches(substr(list_text, position.i, 1), '[、和及与與\s]'))
    )
    where alias <> ''
),

-- sibling_parent: a bare context name (南山, Nanshan, 高新区: no 区/县/District of its own) holds
-- only beside another place under the same parent in its sentence ("南山(5502户)、龙华(5419户)")
aliases as (
    select *, null::varchar as document_id, false as is_found_in_text, false as is_context_alias, null::varchar as sibling_parent from catalog_aliases
    union all
    select distinct entity_id, 'place' as kind, false as owns_figures, name as alias, document_id, true, false, null::varchar from found_places
    union all
    select entity_id, 'place' as kind, false as owns_figures, stem as alias, document_id, true, false, null::varchar from found_stems
    union all
    select entity_id, 'place' as kind, false as owns_figures, alias, document_id, true, false, null::varchar from listed_regions
    union all
    select
        entity_id, 'place' as kind, false as owns_figures, alias, document_id, false, true,
        case
            when alias in ('高新区', '高新區') or not regexp_matches(alias, '(区|區|县|縣|市|旗|District|district|County|county|Banner|banner)$')
                then parent_entity_id
        end
    from context_aliases
),

-- Tens of thousands of aliases (every county of China, in two scripts) are too many to test
-- against every sentence: an alias is tried only on the sentences holding its key, its first
-- run of Latin letters ("Hong" of "Hong Kong") or else its first character (余 of 余杭区). A
-- sentence's keys are its runs of Latin letters and its other characters, split the same way,
-- so every alias the sentence contains on word boundaries is still tried.
alias_keys as (
    select *, coalesce(nullif(regexp_extract(alias, '^[A-Za-z]+'), ''), left(alias, 1)) as match_key
    from aliases
),

sentence_alias_pairs as (
    select
        sentences.sentence_id,
        sentences.document_id,
        sentences.sentence_index,
        sentences.start_char as sentence_start_char,
        sentences.sentence_text,
        aliases.entity_id,
        aliases.kind,
        aliases.owns_figures,
        aliases.is_found_in_text,
        aliases.is_context_alias,
        aliases.sibling_parent,
        aliases.alias,
        -- Splitting the sentence on the alias: occurrence k starts after pieces 1..k and k-1 aliases.
        string_split(sentences.sentence_text, aliases.alias) as parts
    from sentences
    inner join sentence_keys on sentence_keys.sentence_id = sentences.sentence_id
    inner join alias_keys as aliases
        on aliases.match_key = sentence_keys.match_key
        and contains(sentences.sentence_text, aliases.alias)
        and (aliases.document_id is null or aliases.document_id = sentences.document_id)
),

occurrences as (
    select
        sentence_id,
        document_id,
        sentence_index,
        entity_id,
        kind,
        owns_figures,
        is_found_in_text,
        is_context_alias,
        sibling_parent,
        alias,
        sentence_start_char,
        sentence_text,
        (list_sum(list_transform(parts[1:occurrence_index], lambda part: length(part)))
            + (occurrence_index - 1) * length(alias))::bigint as offset_in_sentence,
        false as is_elided_region
    from sentence_alias_pairs,
        unnest(range(1, len(parts))) as occurrence(occurrence_index)
    union all
    select
        sentence_id, document_id, sentence_index, entity_id, 'place' as kind, false as owns_figures,
        true as is_found_in_text, false as is_context_alias, null::varchar as sibling_parent, alias,
        sentence_start_char, sentence_text, offset_in_sentence, true as is_elided_region
    from elided_region_items
),

on_word_boundaries as (
    -- Case-sensitive match on word boundaries: no letter or digit may touch the alias.
    select *
    from occurrences
    -- (on the alias's Latin or digit ends only: "北京114家" names Beijing)
    where not (regexp_matches(left(alias, 1), '[[:alnum:]]') and regexp_matches(substr(sentence_text, offset_in_sentence, 1), '[[:alnum:]]'))
        and not (regexp_matches(right(alias, 1), '[[:alnum:]]') and regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 1), '[[:alnum:]]'))
        -- Chinese has no word boundaries ([[:alnum:]] is ASCII): a name is matched inside a
        -- longer word, except where its first character ends the word 其中 ("其中国家级12家"
        -- is "of which national-level", not China).
        and substr(sentence_text, offset_in_sentence, 2) <> '其中'
        -- nor where its first character ends a common word: 示范县 ("a model county") holds the
        -- county 范县, 规范/防范/模范/师范 the same 范
        and substr(sentence_text, offset_in_sentence, 2) not in (
            '示范', '示範', '规范', '規範', '防范', '防範', '模范', '模範', '典范', '典範', '师范', '師範', '风范', '風範',
            -- 平台中 ("among the platforms") holds 台中 (Taichung), 烟台中小企业 Yantai's 台中
            '平台', '平臺', '舞台', '舞臺', '后台', '後台', '後臺', '前台', '前臺', '柜台', '櫃台', '櫃臺', '出台', '出臺',
            '站台', '站臺', '讲台', '講台', '講臺', '擂台', '擂臺', '电台', '電台', '電臺', '烟台', '煙台', '煙臺'
        )
        -- nor a county's name ending a county-level word: 现代县域 ("modern county economy")
        -- holds 代县 before 县域
        and not (
            regexp_matches(alias, '^[\x{4e00}-\x{9fff}][县縣]$')
            and substr(sentence_text, offset_in_sentence + length(alias) + 1, 1) in ('域', '级', '級', '乡', '鄉')
        )
        -- a person's given name after a title and a surname ("创始人毛大庆": founder Mao Daqing),
        -- not the city of Daqing, or a whole name after the title ("全媒体记者武威": reporter Wu Wei)
        and not regexp_matches(
            right(left(sentence_text, offset_in_sentence), 8),
            '(创始人|創始人|董事长|董事長|总裁|總裁|总经理|總經理|首席执行官|首席執行官|CEO|主席|主任|教授|记者|記者|通讯员|通訊員|经理|經理|合伙人|合夥人|院长|院長|书记|書記|市长|市長|省长|省長|局长|局長|先生|女士)[\x{4e00}-\x{9fff}]?$'
        )
),

all_spans as (
    select
        sentence_id,
        document_id,
        sentence_index,
        entity_id,
        kind,
        owns_figures,
        is_found_in_text,
        is_context_alias,
        sibling_parent,
        alias,
        sentence_start_char + offset_in_sentence as start_char,
        sentence_start_char + offset_in_sentence + length(alias) as end_char,
        -- "in Beijing", "across China" say where something is; "Beijing-based", "China's
        -- Premier" name a place in passing.
        regexp_matches(right(left(sentence_text, offset_in_sentence), 20), '(?i)(^|[^[:alnum:]])(in|across|throughout|around|within|at)\s+(the\s+)?$')
            or regexp_matches(alias, '(?i)^((in|across|throughout)\s|nationwide$|nationally$|globally$|worldwide$|internationally$)') as is_locative,
        -- A place the figure is measured against, not where it holds: "ranking first among all
        -- the provinces across the country", "the highest density in the country", "second
        -- only to Silicon Valley", "more than in Shanghai"; in Chinese "位居全国第一", "高于全国平均", "比排名第二的广东省多11家",
        -- "中国316家次于美国"; what a place catches up with ("catching up with international standards,
        -- and in particular, the US").
        (regexp_matches(
            right(left(sentence_text, offset_in_sentence), 80),
            '(?i)(\b(rank(s|ed|ing)?|among|largest|biggest|highest|lowest|fastest|greatest|best)\b[^,;:.]{0,50}$|\btop(s|ped|ping)?\s+(the\s+|in\s+)?$|\b(than|behind|only to|compared (with|to)|ahead of|versus|vs\.?|surpassing|outpacing)\s+(the\s+|in\s+)?$|\b(catch(es|ing)?\s+up\s+with|clos(e|es|ed|ing)\s+(the|its)\s+gap\s+with)\s[^;:.]{0,60}$|(位居|高居|居于|居於|仅次于|僅次於|次于|次於|落后于|落後於|高于|高於|低于|低於|高出|低出|快于|快於|慢于|慢於|多于|多於|少于|少於|领先于?|領先於?|超过|超過|占|佔|占整个|佔整個|占全|佔全)([^,，。；;、0-9０-９%％]{1,8}、){0,4}$|(^|[^同占对對相])比([^例重率,，。；;、0-9][^,，。；;0-9]{0,11})?$)'
        )
        -- the whole a place contributes to: "对武汉经济增长的贡献率接近50%" (the figure is the
        -- contributor's)
        or (
            regexp_matches(right(left(sentence_text, offset_in_sentence), 1), '^(对|對)$')
            and regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 14), '^[^,，。;；]{0,10}(贡献|貢獻)')
        )
        -- a rank within the place, said after it: "成为全国首个…的省份", "位列全国第一", "全国领先"
        -- (the figure is the ranked place's, not the country's)
        or regexp_matches(
            substr(sentence_text, offset_in_sentence + length(alias) + 1, 7),
            -- (after the name or its level word: "居武汉市之首")
            '^(全?[市省])?(首个|首個|首家|首位|居首|[第前][一二三四五六七八九十0-9]+([位名强強,，。、;；)）]|$)|领先|領先|排名|排行|之最|之首|之冠)'
        )
        -- the country, territory or union the things counted come from, not where they are ("初創企業…分別來自
        -- 中國內地(20.5%)、美國(14.4%)", "按母公司所在的國家/地區分析…日本(1 388間)"; a city they come
        -- from is where they are: "13家来自于杭州的独角兽")
        or (
            entity_id in (
                select entity_id from entities
                where kind = 'place' and (
                    regexp_matches(coalesce(note, ''), '^(country|special administrative region)') or entity_id in ('taiwan', 'world')
                    -- a continent or union of countries ("来自欧盟的实际使用外资")
                    or (parent_entity_id is null and regexp_matches(coalesce(note, ''), '^(region$|union )'))
                )
            )
            and regexp_matches(left(sentence_text, offset_in_sentence), '(来自|來自|母公司所在|母公司位于|母公司位於|原籍|籍贯|籍貫)[^。;；:：]*$')
            -- (the world with the count of its economies is the figure's own scope: "来自全球70多个经济体")
            and not (entity_id = 'world' and regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 2), '^[0-9一二三四五六七八九十百几幾多]'))
        )
        -- what is left out ("(不含港澳台)") and the domain of a superlative ("北京成为大中华区独角兽企业
        -- 最多的城市") are no place of the figure
        or regexp_matches(right(left(sentence_text, offset_in_sentence), 4), '(不含|不包括|不包含|除了|除去)$')
        or regexp_matches(
            substr(sentence_text, offset_in_sentence + length(alias) + 1, 20),
            '^[^,，。;；、成是为為]{0,14}(最多|最大|最高|最快|最少|最低|最强|最強)的(城市|省份|省|地区|地區|国家|國家|经济体|經濟體)'
        )
        -- the whole a share is taken of: "occupying 25.1 percent of Beijing", "40% of that of
        -- the US", "53 percent of that in Wuhan" (not "30 percent of Shenzhen's GDP", where the whole is the place's own)
        or (
            regexp_matches(right(left(sentence_text, offset_in_sentence), 40), '(?i)(\d\s*%|\bper\s?cent)\s+of\s+(that\s+(of|in)\s+)?(the\s+)?$')
            and not regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 2), '^[''’]s')
        )
        -- in Chinese, the base a multiple is taken of: "是全国增速的2.6倍", "为全市平均水平的1.3倍"
        or (
            regexp_matches(right(left(sentence_text, offset_in_sentence), 2), '(是|为|為|相当于|相當於)$')
            and regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 16), '^[^,，。;；]{0,10}的[0-9０-９.一二三四五六七八九十两兩]+(多)?倍')
        )
        -- the base a multiple is taken of: "2.8 times the overall level of Guiyang city", "almost
        -- ten times that of India" (the multiple is its subject's)
        or regexp_matches(right(left(sentence_text, offset_in_sentence), 50), '(?i)\btimes\s+(that|those|the\s+[a-z -]{0,30})\s+(of|in)\s+(the\s+)?$')
        -- the country whose total a share is taken of, or whose largest a place is: "accounting for a
        -- quarter of the country's total", "one-seventh of the national total", "Guangdong now has
        -- the country's largest number of business entities" (the share is the province's)
        or (
            -- (a city's or a province's total is its own: "30 percent of Shenzhen's total")
            entity_id in (select entity_id from entities where kind = 'place' and starts_with(coalesce(note, ''), 'country'))
            and regexp_matches(right(left(sentence_text, offset_in_sentence), 40), '(?i)((\d\s*%|\bper\s?cent)|\b(half|a\s+(quarter|third|fifth|tenth)|(one|two|three)[- ](half|third|thirds|quarter|quarters|fourth|fifth|sixth|seventh|eighth|ninth|tenth))|\bshare)\s+of\s+(the\s+)?$')
            and (
                regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 12), '^([''’]s)?\s+(total|overall)\b')
                or regexp_matches(alias, '(?i)^national total$')
            )
        )
        or regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 30), '^[''’]s\s+(largest|biggest|highest|greatest)\s+(number|share|amount)\b')
        -- the country a place is ranked in: "Jiangsu becomes China's first province with 10 mln
        -- individual businesses", "522,000 new businesses registered, the most in the country"
        or regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 50), '^[''’]s\s+(first|largest|biggest|leading|top)\s+([[:alpha:]-]+\s+){0,2}(province|provinces|city|cities|region|regions|district|county)\b')
        or regexp_matches(right(left(sentence_text, offset_in_sentence), 20), '(?i)\bthe\s+most\s+(in|among)\s+(the\s+)?$')
        or (regexp_matches(alias, '(?i)^in\s') and regexp_matches(right(left(sentence_text, offset_in_sentence), 20), '(?i)\bthe\s+(most|largest|highest)\s+$'))
        -- the domain of a ranking list: "six Top 500 companies from China", "the top 100 companies in the country"
        or regexp_matches(right(left(sentence_text, offset_in_sentence), 50), '(?i)\btop\s+\d+\s+([[:alpha:]-]+\s+){0,2}(of|in|from)\s+(the\s+)?$')
        -- where money comes from ("30 billion U.S. dollars of investment from Taiwan", "Capital from
        -- mainland China totalled", "coming from Guangdong"): an origin, not where the figures hold
        or regexp_matches(
            right(left(sentence_text, offset_in_sentence), 40),
            '(?i)\b((capital|investments?|funds|funding|FDI|money)\s+(that\s+came\s+|coming\s+)?from|coming\s+from)\s+(the\s+)?(Chinese\s+)?(mainland\s+)?$'
        )
        -- the place a multiple is taken of: "twice that of the UK", "almost ten times that of India"
        or regexp_matches(right(left(sentence_text, offset_in_sentence), 40), '(?i)\b(times|twice|thrice|double|triple|half)\s+(of\s+)?(that|those)\s+(of|in)\s+(the\s+)?$'))
        -- the average a place is compared with, given with its own figure ("compared with the
        -- national average of 10%", "higher than the US' 7.3 percent and Japan's 0.7 percent"):
        -- that figure is the average's, the place's
        and not regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 14), '^(\s+(of|at)|[''’]s?)\s+(about\s+|around\s+|nearly\s+|only\s+|just\s+)?(US)?[$¥€£]?\d')
        -- in Chinese, a place compared with by a count of its own ("远远超过旧金山的68家", "多于上海的
        -- 47家"): that count is the place's (not the whole a share is of: "占全国的36%")
        and not (
            regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 12), '^的(约|近|逾)?[0-9０-９][0-9０-９.,]*(多|余|餘)?(万|萬|亿|億)?(家|个|個|户|戶|所|座|只|项|項|名|间|間)')
            and not regexp_matches(right(left(sentence_text, offset_in_sentence), 4), '(占|佔)[^,，。;；]{0,3}$')
        ) as is_comparison_scope,
        -- A place that only names an organisation or modifies a noun: "the Shanghai Stock
        -- Exchange", "the Shenzhen Administration for Market Regulation", "Tianshan Torch
        -- Entrepreneurship and Innovation Alliance", "Beijing-based",
        -- "Hong Kong and Macao-funded legal entities"; not a place's own guidance or angel fund
        -- ("Suzhou Angel Mother Fund", "Jiangxi Modern Industry Guidance Fund"): a fund a government
        -- sets up is that place's, and so are its figures
        (regexp_matches(
            substr(sentence_text, offset_in_sentence + length(alias) + 1, 80),
            '^(-(based|headquartered|listed|registered|funded|owned|invested|backed|financed)\b|(\s+([[:upper:]][[:alnum:]&''’.-]*|and|&)){0,5}\s+(Exchange|Board|Commission|Group|Capital|Bank|University|Administration|Bureau|Committee|Association|Company|Corporation|Corp|Co\.|Holdings|Fund|Institute|Academy|Daily|News|Times|Post|Government|Office|Department|Ministry|Council|Federation|Hospital|School|College|Airlines|Securities|Ventures?|Partners|Investments?|Alliance|Union|Consortium|Society|Foundation|Chamber)\b)'
        )
        and not (
            regexp_matches(
                substr(sentence_text, offset_in_sentence + length(alias) + 1, 80),
                '^(\s+([[:upper:]][[:alnum:]&''’.-]*|and|&)){0,5}\s+(Guide|Guidance|Guiding|Mother|Parent|Angel)(\s+Investment)?\s+Fund\b'
            )
            -- (a company's or a university's fund is theirs: "China Merchants Bank Angel Fund")
            and not regexp_matches(
                substr(sentence_text, offset_in_sentence + length(alias) + 1, 80),
                '^(\s+([[:upper:]][[:alnum:]&''’.-]*|and|&)){0,4}\s+(Bank|Group|University|Holdings|Securities|Corporation|Company|Co\.)\s'
            )
        ))
        -- the city closing the name of an organisation's branch: "Microsoft Accelerator Beijing",
        -- "Tencent Maker Space Chengdu" (the branch's figures are the organisation's)
        or regexp_matches(right(left(sentence_text, offset_in_sentence), 40), '[[:upper:]][[:alnum:]&''’.-]*\s+(Accelerator|Incubator|Labs?|Hub|Campus|Maker\s?[Ss]pace|Makerspace)\s+$')
        -- the administrative level of the things counted, not the country: "including 27 at the
        -- national level", "eight of which are national level zones"
        or regexp_matches(alias, '(?i)^(the\s+)?national\s+level$')
        or (regexp_matches(alias, '(?i)^the\s+national$') and regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 8), '^[\s-]+level\b'))
        -- an organisation "of" the place: "the Bank of Guizhou", "the People's Government of Xixian New
        -- Area", "the Communist Youth League of China", "the Ministry of Science and Technology of
        -- the People's Republic of China" (the state's title after the ministry's own name)
        or regexp_matches(
            right(left(sentence_text, offset_in_sentence), 90),
            '\b(Bank|University|Academy|Institute|Government|Ministry|Bureau|Department|Commission|Administration|Committee|Council|Association|Chamber of Commerce|Federation|Exchange|League|Party|Cent(er|re)|Society|Foundation|Agency|Congress)\s+of\s+((([[:upper:]][[:alnum:]&-]*|and)\s+){1,5}of\s+)?(the\s+)?(People[''’]s\s+Republic\s+of\s+)?$'
        )
        -- in Chinese: a place opening an organisation's name ("纽约证券交易所", "杭州银行",
        -- "深圳市汇通控股"; not 公司/集团, mostly generic: "中国科技公司"), or in parentheses
        -- inside one ("优客工场(北京)创业投资有限公司")
        -- (pinyin some reprints insert in parentheses, "生產(chǎn)建設(shè)兵團(tuán)", read past)
        -- (创投/资本 followed by a kind of fund or business is the business, not a name: "山东省创投风投基金的
        -- 数量", "青岛创投风投备案基金")
        or (
            regexp_matches(
                left({{ without_pinyin_glosses('substr(sentence_text, offset_in_sentence + length(alias) + 1, 60)', longest=none) }}, 12),
                '^[^\s\x00-\x{2fff}的有共和与與及在是为為等将將对對从從向由把被了新家个個多占佔以达達]{0,6}(生产建设兵团|生產建設兵團|证券交易所|證券交易所|证券交易委员会|證券交易委員會|交易所|纽交所|紐交所|港交所|上交所|深交所|北交所|纳斯达克|納斯達克|银行|銀行|大学|大學|日报|日報|晚报|晚報|电视台|電視台|报社|報社|研究院|控股|金控|资本|資本|创投|創投|基金会|基金會)'
            )
            and not regexp_matches(
                left({{ without_pinyin_glosses('substr(sentence_text, offset_in_sentence + length(alias) + 1, 60)', longest=none) }}, 14),
                '^[^\s\x00-\x{2fff}的有共和与與及在是为為等将將对對从從向由把被了新家个個多占佔以达達]{0,6}(创投|創投|资本|資本)(风投|風投|基金|行业|行業|市场|市場|规模|規模|项目|項目|案例|领域|領域)'
            )
        )
        -- the people of a nationality ("overseas Chinese", "Chinese students", "returned overseas
        -- Chinese students") are no place their figures hold in
        or (
            alias = 'Chinese'
            and (
                regexp_matches(right(left(sentence_text, offset_in_sentence), 20), '(?i)\b(overseas|returned|returnee)\s+$')
                or regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 40), '^\s+((overseas|returned|returnee|international)\s+)?(students?|returnees|nationals|citizens|people|expats|expatriates|scholars|talents?|graduates|tourists|diaspora|immigrants)\b')
            )
        )
        -- an honour or a programme conferred or joined ("成功创建全国科普示范区", "入选全国双创示范基地"):
        -- the country names the title, not where the figures hold
        or (
            regexp_matches(alias, '^(全国|全國)$')
            and regexp_matches(right(left(sentence_text, offset_in_sentence), 4), '(创建|創建|获评|獲評|评为|評為|入选|入選|获批|獲批|荣获|榮獲|列入|纳入|納入|授予|确定为|確定為|列为|列為|认定为|認定為)$')
        )
        -- a news agency's dateline ("人民日报北京4月11日电", "中新网上海12月21日电", CNA's "中央社記者
        -- 許秩維台北2日電" with the day alone): where the story was filed, not where its figures hold
        or regexp_matches(
            substr(sentence_text, offset_in_sentence + length(alias) + 1, 12),
            '^' || {{ dateline_after_place_regex() }}
        )
        -- in Chinese, where the capital or the people come from ("澳資企業", "港籍", "港澳青创项目",
        -- "澳門創業項目" registered in Hengqin): an origin, not where the figures hold (not a
        -- place's capital market or funds: "香港資本市場")
        or regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 2), '^(资|資|籍)([^本金源产產料助讯訊格质質]|$)')
        or (
            regexp_matches(alias, '^(港澳|港澳台|香港|澳门|澳門|台湾|台灣)$')
            and regexp_matches(
                substr(sentence_text, offset_in_sentence + length(alias) + 1, 8),
                '^(地区|地區)?(青年|青创|青創|创业项目|創業項目|项目|項目|团队|團隊|同胞|居民|人才|创业者|創業者|大学生|大學生|学生|學生)'
            )
        )
        -- firms of Hong Kong and Macao together ("港澳企业入驻率达40%" in a Hengqin building): where
        -- they come from; the two regions hold no one place's count
        or (
            regexp_matches(alias, '^(港澳|港澳台)$')
            and regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 2), '^(企业|企業)')
        )
        -- a place opening the name of the paper or site whose news tag opens the story ("中国江苏网
        -- 4月15日讯", "湖北日报讯", "中国宁波网讯": 中国 too): the outlet's name, not where the figures hold
        or regexp_matches(
            substr(sentence_text, offset_in_sentence + length(alias) + 1, 24),
            '^([\x{4e00}-\x{9fff}]{1,4}?)?(省|市)?(新闻网|新聞網|网|網|日报|日報|晚报|晚報|商报|商報|广播电视台|廣播電視台|电视台|電視台|卫视|衛視|在线|在線)'
                || '(' || {{ dateline_after_place_regex() }} || '|\s?(讯|訊))'
        )
        or (
            regexp_matches(right(left(sentence_text, offset_in_sentence), 1), '[(（]')
            and regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 14), '^[)）][^\s\x00-\x{2fff}]{0,10}(公司|集团|集團)')
        )
        -- a place opening the registered name of a company the clause works with, not its subject
        -- ("课题组与长沙云研科技有限公司、北京新锦成数据科技有限公司合作"): the company's name, not where
        -- the figure holds (a company acting in its own name keeps its place, above)
        or (
            regexp_matches(
                substr(sentence_text, offset_in_sentence + length(alias) + 1, 24),
                '^[^\s\x00-\x{2fff}的是有在由与與及和等将將对對从從向把被了、增设設共]{1,16}(股份有限公司|有限责任公司|有限責任公司|有限公司|股份公司)'
            )
            and regexp_matches(right(left(sentence_text, offset_in_sentence), 40), '(与|與|同|跟|联合|聯合|委托|委託)[^,，。;；:：]{0,30}$')
        )
        -- 硅谷 written into a Chinese name ("科大硅谷", "台灣矽谷科技基金", "亞洲‧矽谷計畫") or a
        -- likeness ("中国的硅谷"): not the valley in California, which a word of place, motion or
        -- comparison comes before ("在硅谷", "美国硅谷", "从硅谷到斯坦福")
        or (
            alias in ('硅谷', '矽谷')
            and regexp_matches(right(left(sentence_text, offset_in_sentence), 1), '[\x{4e00}-\x{9fff}‧·．.]')
            and not regexp_matches(right(left(sentence_text, offset_in_sentence), 1), '[国國州在从從于於到赴与與和及自来來去是如像]')
        ) as names_organisation,
        -- "China's leading bike-sharing service ofo", "led by Japan's SoftBank": a place before a
        -- possessive says whose the next words are
        regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 3), '^[''’]s\s') as is_possessive,
        -- One item of a Chinese enumeration ("银川阅海湾中央商务区、平罗工业园、中宁工业园等5家",
        -- "A、B和C3家"): one of the things counted, not where the count holds. An item is followed
        -- by 、 or 等 before any number or clause mark, or, after a 、, by 和/及/与. A place whose
        -- verb comes first ("夷陵區通過強化政策扶持、加強示范引領") is its sentence's subject, no item.
        (
            regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 10), '^[^0-9,;:.。，；：()（）]{0,9}[、等]')
            and not regexp_matches(
                substr(sentence_text, offset_in_sentence + length(alias) + 1, 10),
                '^[^、等]{0,7}(通过|通過|坚持|堅持|围绕|圍繞|按照|依托|依託|立足|聚焦|着力|著力|大力|积极|積極|深入|加快|加强|加強|持续|持續|不断|不斷|全面|先后|先後|相继|相繼|将|將|把|被)'
            )
        )
        or (
            regexp_matches(right(left(sentence_text, offset_in_sentence), 10), '、[^0-9,;:.。，；：()（）、]{0,9}$')
            and regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 10), '^[^0-9,;:.。，；：()（）]{0,9}(和|及|与|與)')
        )
        -- a place opening the registered name of a company a count gives as its example
        -- ("现确定北京时代凌宇科技孵化器有限公司…众创空间等350家", "江苏普达迪泰科技有限公司等157家企业")
        or regexp_matches(
            {{ without_pinyin_glosses('substr(sentence_text, offset_in_sentence + length(alias) + 1, 120)', longest=none) }},
            '^[^\s\x00-\x{2fff}的是有在由与與及和等将將对對从從向把被了、增设設共]{1,16}(有限公司|有限责任公司|有限責任公司|股份公司)[^,，。;；:：、]{0,30}等'
        )
        -- the last item, closed by the count of the places listed ("落地北京、上海、深圳三地",
        -- "郑州、洛阳、新乡三市", "郑州、洛阳、新乡3个国家高新区")
        or (
            regexp_matches(right(left(sentence_text, offset_in_sentence), 10), '、[^0-9,;:.。，；：()（）、]{0,9}$')
            and regexp_matches(
                substr(sentence_text, offset_in_sentence + length(alias) + 1, 6),
                '^(两|兩|三|四|五|六|七|八|九|十|[0-9]+)(地|城|市|省|区|區|县|縣|个|個|座城市|省市)'
            )
        )
        -- a region of a list by one word each ("东、中、西部"): the last is one too
        or is_elided_region as is_list_item
    from on_word_boundaries
    -- a person's given name after the surname, before the person's role ("Mao Daqing, founder of
    -- UR Work"): no mention of the city of Daqing
    where not (
        kind = 'place'
        and regexp_matches(right(left(sentence_text, offset_in_sentence), 8), '(^|[^[:alnum:]])[[:upper:]][[:lower:]]{1,4}\s$')
        and not regexp_matches(right(left(sentence_text, offset_in_sentence), 8), '(^|[^[:alnum:]])(In|At|Of|On|By|To|As|For|And|From|The|With|Near)\s$')
        and regexp_matches(
            substr(sentence_text, offset_in_sentence + length(alias) + 1, 40),
            '^,\s+((the|a|an)\s+)?(co-?founder|founder|CEO|chairman|chairwoman|president|vice[- ]president|director|general manager|head|secretary|professor|partner|deputy|chief)\b'
        )
    )
    -- a place's name given to another as a nickname ("Zhongguancun, also dubbed China's "Silicon
    -- Valley"") names neither of them
    and not (
        kind = 'place'
        and (
            regexp_matches(right(left(sentence_text, offset_in_sentence), 40), '(?i)(\b(dubbed|known\s+as|nicknamed|hailed\s+as|billed\s+as)\s+(the\s+)?([[:alpha:]]+[''’]s\s+)?["“‘]?|[''’]s\s+["“‘])$')
            or regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 4), '^[''’]s\s+["“‘]')
        )
    )
    -- a Chinese name ending in 地 before 区, 产, 带, 铁, 标, 市, 方 or 级 is the end of another word and
    -- 地区 ("region"), 地产 ("property"), 地铁 ("metro") ...: 海地 (Haiti) inside 沿海地区, 环渤海地区,
    -- 上海地产, 上海地铁, 沿海地市 names no Haiti
    and not (
        kind = 'place'
        and regexp_matches(alias, '^[\x{4e00}-\x{9fff}]+地$')
        and regexp_matches(substr(sentence_text, offset_in_sentence + length(alias) + 1, 1), '^[区區产產带帶铁鐵标標市方级級]')
    )
    -- "中西部地区", "东中部": regions written together name none of them alone (西部地区 inside
    -- 中西部地区 is no mention of western China); 中 closing a word (其中东部地区, 集中) is no region
    and not (
        kind = 'place'
        and regexp_matches(alias, '^(东|東|中|西)(部|北)')
        and regexp_matches(right(left(sentence_text, offset_in_sentence), 2), '(^|[^其集之当當从從正居空心])(东|東|中|西)$')
    )
    -- "Innovation China", "Startup China": the country's name inside a programme's or a
    -- brand's name is no mention of the country
    and not (
        entity_id = 'china'
        and regexp_matches(right(left(sentence_text, offset_in_sentence), 30), '(^|[^[:alnum:]])[[:upper:]][[:alnum:]-]*\s+$')
        and not regexp_matches(
            right(left(sentence_text, offset_in_sentence), 30),
            '(^|[^[:alnum:]])(In|At|Across|Throughout|Of|For|And|To|From|The|With|By|On|As|Than|About|Within|Around|Over|Into|Like|Unlike|All|Whole|But|While|Mainland|Greater|Modern|Today)\s+$'
        )
    )
),

kept_context_spans as (
    select all_spans.*
    from all_spans
    where all_spans.sibling_parent is null
        or (
            (
                exists (
                    select 1
                    from all_spans as sibling
                    inner join entities on entities.entity_id = sibling.entity_id
                    where sibling.sentence_id = all_spans.sentence_id
                        and sibling.entity_id <> all_spans.entity_id
                        and entities.parent_entity_id = all_spans.sibling_parent
                )
                -- in English, a capitalised pinyin name beside its city too ("Yuhang, Hangzhou",
                -- "Hangzhou's Yuhang")
                or (
                    regexp_matches(all_spans.alias, '^[A-Z]')
                    and exists (
                        select 1 from all_spans as city
                        where city.sentence_id = all_spans.sentence_id
                            and city.entity_id = all_spans.sibling_parent
                            and abs(city.start_char - all_spans.start_char) <= 40
                    )
                )
            )
            -- a bare Chinese name not opening a longer name ("中原智谷" is a maker space): the next
            -- character is no Chinese one, or a word that follows a place (南山的, 高新区有)
            and not exists (
                select 1 from sentences
                where sentences.sentence_id = all_spans.sentence_id
                    and regexp_matches(all_spans.alias, '^[\x{4e00}-\x{9fff}]')
                    and regexp_matches(substr(sentences.sentence_text, all_spans.end_char - sentences.start_char + 1, 1), '^[\x{4e00}-\x{9fff}]')
                    and substr(sentences.sentence_text, all_spans.end_char - sentences.start_char + 1, 1) not in (
                        '的', '有', '为', '為', '是', '占', '佔', '和', '及', '与', '與', '等', '共', '在', '以', '增', '新', '各', '分', '达', '達', '实', '實', '累', '合', '同', '较', '較', '比', '全', '上', '下', '成', '已', '均'
                    )
            )
            -- not a given name after a capitalised surname ("Xu Yuhang")
            and not exists (
                select 1 from sentences
                where sentences.sentence_id = all_spans.sentence_id
                    and regexp_matches(all_spans.alias, '^[A-Z]')
                    and regexp_matches(right(left(sentences.sentence_text, all_spans.start_char - sentences.start_char), 12), '[[:upper:]][[:lower:]]+\s$')
                    and not regexp_matches(right(left(sentences.sentence_text, all_spans.start_char - sentences.start_char), 12), '(^|[^[:alnum:]])(In|At|Of|On|By|To|As|For|And|From|The|With|Near)\s$')
            )
        )
),

-- a context alias kept is the document's reading of the name: another place written the same
-- ("Wuzhong", the city in Ningxia, beside Suzhou's Wuzhong District) is not also named there
spans as (
    select kept_context_spans.*
    from kept_context_spans
    where kept_context_spans.is_context_alias
        or not exists (
            select 1 from kept_context_spans as context
            where context.sentence_id = kept_context_spans.sentence_id
                and context.start_char = kept_context_spans.start_char
                and context.end_char = kept_context_spans.end_char
                and context.is_context_alias
        )
),

outermost as (
    select spans.*
    from spans
    where not exists (
        select 1
        from spans as longer
        where longer.sentence_id = spans.sentence_id
            and longer.start_char <= spans.start_char
            and longer.end_char >= spans.end_char
            and (longer.end_char - longer.start_char) > (spans.end_char - spans.start_char)
    )
),

-- The places a catalog place lies in (its parent, grandparent and great-grandparent).
place_ancestors as (
    {{ place_ancestors('entities') }}
),

-- Two places of a sentence, the second at most 80 characters after the first, with the words
-- between them and the 60 after the second: how the second is set after the first tells whether
-- one of them only says where the other is (every pairing of two places in locating, below).
place_pairs as (
    select
        first.sentence_id,
        first.entity_id as first_entity_id,
        first.start_char as first_start_char,
        first.end_char as first_end_char,
        first.is_found_in_text as first_found_in_text,
        second.entity_id as second_entity_id,
        second.alias as second_alias,
        second.start_char as second_start_char,
        second.is_found_in_text as second_found_in_text,
        substr(sentences.sentence_text, first.end_char - sentences.start_char + 1, second.start_char - first.end_char) as between_places,
        substr(sentences.sentence_text, second.end_char - sentences.start_char + 1, 60) as after_second
    from outermost as first
    inner join outermost as second
        on second.sentence_id = first.sentence_id
        and second.kind = 'place'
        and first.end_char < second.start_char
        and first.end_char >= second.start_char - 80
    inner join sentences on sentences.sentence_id = first.sentence_id
    where first.kind = 'place'
),

-- A place that only says where another one is: "Beijing's Zhongguancun", "Jilin's capital
-- Changchun" (the place before the possessive), the city opening a zone's name ("the Wuhan East
-- Lake High-tech Zone", "Beijing Zhongguancun"), the province set after a city ("Shenzhen city,
-- South China's Guangdong Province", "Guiyang, capital of Guizhou province", "Weifang, Shandong
-- province"), and a wider place set after a place in it, with "in" ("Tianjin Municipality in
-- north China", "Liangjiang New Area in Southwest China's Chongqing municipality") or in an
-- apposition ("Heilongjiang, also an agricultural base in China, reported ...").
locating as (
    select distinct sentence_id, first_start_char as start_char
    from place_pairs
    where second_start_char - first_end_char between 2 and 30
        and regexp_matches(between_places, '^[''’]s\s?((provincial\s+)?capital(\s+city)?\s+)?$')
    union
    -- a place in brackets right after another, its other name ("乌鲁木齐高新区(新市区)", a zone and
    -- the district it is run with; "Xinshi District (Urumqi High-tech Zone)"): the figure is the
    -- first one's
    select distinct sentence_id, second_start_char
    from place_pairs
    where first_entity_id <> second_entity_id
        and second_start_char - first_end_char between 1 and 2
        and regexp_matches(between_places, '^\s?[(（]$')
        and left(after_second, 1) in (')', '）')
        -- (not a place within the first, which it narrows: "中国(驻马店)国际农产品加工产业园",
        -- "金华(义乌)市", "长三角(上海)"; a place found in the text has no known ancestors)
        and not exists (
            select 1 from place_ancestors
            where place_ancestors.entity_id = place_pairs.second_entity_id and place_ancestors.ancestor_id = place_pairs.first_entity_id
        )
        and not second_found_in_text
        and not exists (
            select 1 from entities as named_entity
            where named_entity.entity_id = place_pairs.first_entity_id
                and regexp_matches(coalesce(named_entity.note, ''), '^(country|region)')
        )
    union
    -- a wider place set after a place (located, the pair's first; wider, its second)
    select distinct place_pairs.sentence_id, place_pairs.second_start_char
    from place_pairs
    left join entities as wider_entity on wider_entity.entity_id = place_pairs.second_entity_id
    left join entities as located_entity on located_entity.entity_id = place_pairs.first_entity_id
    -- a region of the country ("northeast China"): the catalog gives regions no members
    cross join lateral (
        select starts_with(coalesce(wider_entity.note, ''), 'region of several')
            and coalesce(wider_entity.parent_entity_id, '') = 'china' as is_region_of_the_country
    ) as wider_kind
    where place_pairs.first_entity_id <> place_pairs.second_entity_id
        -- wider: a place the catalog puts the first in, or a country after a place below one
        and (
            exists (
                select 1 from place_ancestors
                where place_ancestors.entity_id = place_pairs.first_entity_id and place_ancestors.ancestor_id = place_pairs.second_entity_id
            )
            or (
                starts_with(coalesce(wider_entity.note, ''), 'country')
                and not starts_with(coalesce(located_entity.note, ''), 'country')
                and place_pairs.first_entity_id <> 'world'
                and (located_entity.entity_id is not null or place_pairs.first_found_in_text)
            )
            -- a zone or a town found in the text lies in the catalog place named after it
            or (place_pairs.first_found_in_text and wider_entity.entity_id is not null)
            -- a region of the country set after a place of the country ("Liaoning Province, a
            -- traditional industrial base in northeast China, has vowed ...")
            or (
                wider_kind.is_region_of_the_country
                and exists (
                    select 1 from place_ancestors
                    where place_ancestors.entity_id = place_pairs.first_entity_id and place_ancestors.ancestor_id = 'china'
                )
            )
        )
        and (
            -- "X (Municipality) (ACRONYM) in (north / Southwest China's) Y", "the coastal city Zhuhai
            -- of Guangdong province"
            regexp_matches(
                place_pairs.between_places,
                '^(\s+(city|City|municipality|Municipality|province|Province|district|District|county|County))?(\s*\([^()]{1,20}\))?\s+(in|of)\s+(the\s+)?([[:alpha:]-]+\s+)?([[:alpha:]]+[''’]s\s+)?$'
            )
            -- "Haikou (the administrative center of Hainan)"
            or regexp_matches(
                place_pairs.between_places,
                '^\s*\((the\s+)?([[:alpha:]-]+\s+){0,4}(of|in)\s+$'
            )
            -- "X, also an agricultural base in China, ...", "X Province, part of the country's ...",
            -- "Guangdong Province, south China, will ...": the apposition closes with a comma after
            -- the wider place
            or (
                regexp_matches(
                    place_pairs.between_places,
                    '^(\s+(city|City|municipality|Municipality|province|Province|district|District|county|County))?,\s+((also\s+)?(an?|the|part\s+of|one\s+of|home\s+to|located\s+in|situated\s+in)\s[^,;.()]{0,60}|(?i:(north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(ern)?)\s+)$'
                )
                and regexp_matches(
                    place_pairs.after_second,
                    '^[^,;.()]{0,50},'
                )
            )
            -- "Heilongjiang Province, northeast China, will ...": a region of the country as the
            -- whole apposition
            or (
                wider_kind.is_region_of_the_country
                and regexp_matches(place_pairs.between_places, '^(\s+(city|City|municipality|Municipality|province|Province))?,\s+$')
                and regexp_matches(place_pairs.after_second, '^\s*,')
            )
            -- "Shenzhen – China's hardware hub, ...", "Hefei, Anhui's capital, ...": a possessive
            -- apposition, closed by a comma or a dash, with no number in it ("In Shenzhen, China's
            -- exports rose 5%, ..." is a clause of its own)
            or (
                regexp_matches(
                    place_pairs.between_places,
                    '^(\s+(city|City|municipality|Municipality|province|Province|district|District|county|County))?\s*[,–—]\s*$'
                )
                and regexp_matches(
                    place_pairs.after_second,
                    '^[''’]s\s[^,;.()0-9–—]{1,50}[,–—]'
                )
            )
        )
    union
    select distinct place_pairs.sentence_id, place_pairs.first_start_char
    from place_pairs
    left join entities on entities.entity_id = place_pairs.second_entity_id
    where place_pairs.second_start_char = place_pairs.first_end_char + 1
        and place_pairs.between_places = ' '
        and (place_pairs.second_found_in_text or regexp_matches(coalesce(entities.note, ''), '(zone|park|district)'))
    union
    select distinct place_pairs.sentence_id, place_pairs.second_start_char
    from place_pairs
    where place_pairs.second_start_char - place_pairs.first_end_char <= 60
        -- the name itself says it is a province or region ("Guangdong Province", "Guangxi Zhuang Autonomous Region")
        and (
            regexp_matches(place_pairs.second_alias, '\s(province|Province|autonomous region|Autonomous Region)$')
            or regexp_matches(
                substr(place_pairs.after_second, 1, 30),
                '^(\s+[[:upper:]][[:alpha:]]+)?\s+(province|Province|autonomous region|Autonomous Region)\b'
            )
        )
        and regexp_matches(
            place_pairs.between_places,
            '^(\s+(city|City))?,\s*(the\s+)?(capital(\s+city)?\s+of\s+)?([[:alpha:]]+\s+China[''’]s\s+)?$'
        )
),

-- An English enumeration of places ("in Beijing, Shanghai, Guangzhou and Shenzhen", "the US, the
-- European Union and Japan", "Hong Kong, Macao and other places"): places next to each other
-- with only a comma, "and", "or" or "as well as" between them are one list; a list of three or
-- more, or of two followed by "and other ...", names the things a figure counts or sums over,
-- not where it holds (the Chinese rule is in spans). "respectively" still pairs them
-- (int_figures_attributed).
place_gaps as (
    select
        outermost.sentence_id,
        outermost.start_char,
        outermost.end_char,
        coalesce(regexp_matches(
            substr(
                sentences.sentence_text,
                (lag(outermost.end_char) over sentence_order) - sentences.start_char + 1,
                outermost.start_char - (lag(outermost.end_char) over sentence_order)
            ),
            '^(\s*,\s*((and|or)\s+)?|\s+(and|or)\s+|\s*,?\s+as well as\s+)(the\s+)?$'
        ), false) as follows_a_listed_place,
        substr(sentences.sentence_text, outermost.end_char - sentences.start_char + 1, 40) as text_after
    from outermost
    inner join sentences using (sentence_id)
    where outermost.kind = 'place'
    window sentence_order as (partition by outermost.sentence_id order by outermost.start_char)
),

place_lists as (
    select
        *,
        sum(case when follows_a_listed_place then 0 else 1 end) over (
            partition by sentence_id order by start_char rows unbounded preceding
        ) as list_number
    from place_gaps
),

english_list_items as (
    select distinct sentence_id, start_char
    from (
        select
            *,
            count(*) over list_members as list_size,
            arg_max(text_after, start_char) over list_members as list_followed_by
        from place_lists
        window list_members as (partition by sentence_id, list_number)
    ) as sized
    where list_size >= 3
        or (list_size = 2 and regexp_matches(list_followed_by, '^\s*,?\s+(and|or)\s+other\s+(cities|places|provinces|regions|countries|areas|economies|municipalities)\b'))
),

-- A county's bare name (永康, 兴和: no 市/县/区 of its own) in a document that names neither its city
-- nor its province, nor the county by its full name, is another place or a piece of a word
-- ("新興和未來產業" holds 興和; Tainan's 永康 is no Zhejiang county): no mention.
ungrounded_county_names as (
    select outermost.sentence_id, outermost.start_char
    from outermost
    inner join entities as county on county.entity_id = outermost.entity_id
    where outermost.kind = 'place'
        and not outermost.is_context_alias
        and not outermost.is_found_in_text
        and starts_with(coalesce(county.note, ''), 'county')
        and regexp_matches(outermost.alias, '^[\x{4e00}-\x{9fff}]+$')
        and not regexp_matches(outermost.alias, '[市县縣区區旗]$')
        and not exists (
            select 1 from outermost as named
            where named.document_id = outermost.document_id
                and (
                    named.entity_id in (
                        select ancestor_id from place_ancestors
                        where place_ancestors.entity_id = county.entity_id and place_ancestors.generation <= 2
                    )
                    or (named.entity_id = outermost.entity_id and regexp_matches(named.alias, '[市县縣区區旗]$'))
                )
                and named.entity_id <> 'china'
        )
),

final as (
    select
        document_id || '@' || start_char || '-' || end_char || ':' || entity_id as entity_mention_id,
        sentence_id,
        document_id,
        sentence_index,
        entity_id,
        kind as entity_kind,
        owns_figures,
        is_found_in_text,
        alias as alias_text,
        start_char,
        end_char,
        is_locative,
        is_comparison_scope,
        names_organisation,
        is_possessive,
        is_list_item or english_list_items.start_char is not null as is_list_item,
        locating.start_char is not null as locates_another_place
    from outermost
    left join locating using (sentence_id, start_char)
    left join english_list_items using (sentence_id, start_char)
    where not exists (
        select 1 from ungrounded_county_names
        where ungrounded_county_names.sentence_id = outermost.sentence_id
            and ungrounded_county_names.start_char = outermost.start_char
    )
)

select * from final
