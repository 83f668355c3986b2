-- Who a figure belongs to and where it holds, and the words around it (its near window).
-- Owner: for an organisation's figure, the organisation its clause names as subject
-- (figures.owners); else the nearest alias of a figure-owning entity (a company) in the figure's
-- sentence, else, for a quotation, the first one named in the attribution sentence after it,
-- else, when the sentence refers back ("it", "its", "the company"), the first seed company named
-- in the nearest of the two preceding sentences, else the organisation figures.owners reads
-- through a back-reference or the title (seed companies and organisations found in the text
-- alike). Geography: the nearest place in the figure's near window, else
-- the nearest place before it in its clause, else the first place of its sentence when that comes
-- before it, else the discourse topic when the sentence opens with "It"/"Its"/"The city" (the
-- place that was the subject of the last sentence that set a topic), else the first place of the
-- preceding sentence when the sentence refers back to a place ("the city", "the southern
-- city"), else the world or the country when its clause counts countries or cities (not a
-- catalog company's footprint), else, in English, a place of the level the back-reference names
-- further back ("the zone"), else, in English, the world or a region no country contains (Asia)
-- when one of the two sentences before placed its figures there and none since names a place ("Globally, VC funding totalled ... The
-- number of deals declined to 2,985"), else the
-- place of the last section heading before it that names only a place within the document's
-- declared one (Chinese pages showing their districts one by one), else the
-- one place the document's title names (its declared subject), else the place its publisher
-- speaks for, else the one place its text keeps naming (or the only one it names), else China
-- (Taiwan in an English page from or on Taiwan) for figures no
-- organisation owns. A figure after a list of places in its clause, with no other place between,
-- holds for the places together (null: "based in Beijing, Shanghai, Hangzhou and Shenzhen, with
-- a combined number of 156"). An organisation's figure (a catalog company's, or one figures.owners reads
-- as an organisation's: "Hillhouse clinched 54 deals", "our platform") placed by none of the
-- figure's own sentence or back-reference holds nowhere in particular (not at the company's
-- home, not at the title's place); the bar a definition sets ("A unicorn is a startup valued at
-- over $1 billion") holds nowhere, and a bar of things a place counts is that place's (never
-- the national default's).
with figures as (
    select * from {{ ref('int_figures_periodised') }}
    where {{ in_changed_documents() }}
),

located_mentions as (
    select
        *,
        -- a place a figure can hold in: not what it is compared with, not a place that only
        -- locates the next one, not part of an organisation's name
        entity_kind = 'place' and not is_comparison_scope and not locates_another_place and not names_organisation
            as places_the_figure,
        -- "Chinese bike-sharing startup Ofo raises $866m", "China's leading bike-sharing service
        -- ofo": a nationality or a possessive describes an organisation, and places none of its figures
        alias_text = 'Chinese' or coalesce(is_possessive, false) as describes_organisation
    from {{ ref('int_entity_mentions_located') }}
    where {{ in_changed_documents() }}
        -- an item of a Chinese enumeration places no figure (分别 pairs them below)
        and not (entity_kind = 'place' and is_list_item)
),

entities as (
    select * from {{ ref('int_entity_catalog') }}
),

-- The place mentions a list of figures may be paired with ("respectively", 分别) or a Chinese
-- clause may hold: no comparison's scope, no part of an organisation's name.
pairable_places as (
    select * from {{ ref('int_entity_mentions_located') }}
    where entity_kind = 'place' and not is_comparison_scope and not names_organisation
),

-- The documents written in Chinese.
chinese_documents as (
    select document_id from {{ ref('stg_documents') }}
    where {{ in_changed_documents() }} and language like 'zh%'
),

-- The province's bodies and money (省发改委, 省政府, 省科技厅, 省级财政: its commission, government,
-- science department, funds) in a Chinese figure's clause speak of the province of the place a
-- figure took from outside its sentence (the title, the publisher, the sentences before): a figure
-- placed in Kunming ("我省重点产业发展母基金在昆明设立") by "整合省级财政资金16亿元" is Yunnan's;
-- "省科技厅…确定26家单位为省级科技企业孵化器" counts the province's. A provincial-level
-- designation alone ("深圳…省级孵化器20家") is the level of the things a place counts, not the
-- province. (全省 "the whole province" is left out: "排名全省第三" ranks a city within it.) The
-- province is the nearest of the place and its two ancestors that the catalog lists as a province
-- or municipality.
place_ancestors as (
    {{ place_ancestors('entities') }}
),

province_levels as (
    select place.entity_id, coalesce(
        any_value(case when regexp_matches(place.note, '^(province|municipality|special administrative region)') then place.entity_id end),
        min_by(ancestor.entity_id, place_ancestors.generation) filter (
            where place_ancestors.generation <= 2 and regexp_matches(ancestor.note, '^(province|municipality|special administrative region)')
        )
    ) as province_id
    from entities as place
    left join place_ancestors on place_ancestors.entity_id = place.entity_id
    left join entities as ancestor on ancestor.entity_id = place_ancestors.ancestor_id
    where place.kind = 'place'
    group by place.entity_id
),

sentences as (
    select sentence_id, start_char as sentence_start_char, end_char as sentence_end_char
    from {{ ref('stg_sentences') }}
    where {{ in_changed_documents() }}
),

sentence_texts as (
    select sentence_id, document_id, sentence_index, sentence_text, start_char as sentence_start_char
    from {{ ref('stg_sentences') }}
    where {{ in_changed_documents() }}
),

documents as (
    select document_id, clean_text, title, publisher from {{ ref('stg_documents') }}
    where {{ in_changed_documents() }}
),

-- The document's declared subject: the place its title names, when it names exactly one and
-- that one is not China ("Shenzhen's maker spaces ..."; not "China's zones lag behind Silicon
-- Valley"); else the place its publisher names, when the publisher is that place's government
-- ("Zhejiang Provincial Government", "贵阳市人民政府") or the document speaks as that place ("our
-- province", 我省, 本市: a provincial science site, a city's paper). Its unplaced figures are
-- that place's.
document_headings as (
    select document_id, 'title' as heading, title as heading_text from documents
    union all
    select document_id, 'publisher' as heading, publisher as heading_text from documents
    where regexp_matches(publisher, '(?i)(\bgovernment\b|\bmunicipal\b|\bprovincial\b|政府)')
        -- a government's own site: its address, a .gov.cn host, given beside its name
        -- ("Lushunkou District, Dalian (en.dllsk.gov.cn)"), not a site carrying its item
        or regexp_matches(publisher, '^[^(]*\([a-z0-9.-]+\.gov\.cn\)')
        or regexp_matches(clean_text, '(?i)(\b(our|this) (province|city|municipality|district)\b|我省|本省|我市|本市|我區|我区|本區|本区)')
),

-- Place names a heading may name: names only ("... with other cities across the country" does
-- not make the country a second subject of a title about Shenzhen; in Chinese, any place but
-- the country's 全国/我国: a Chinese name has no capital letter).
place_names as (
    select entities.entity_id, trim(alias.alias) as alias_text, null::varchar as document_id
    from entities
    cross join unnest(string_split(entities.aliases, '|')) as alias(alias)
    where entities.kind = 'place' and entities.entity_id <> 'world'
        and (regexp_matches(trim(alias.alias), '^[[:upper:]]')
            or (entities.entity_id <> 'china' and regexp_matches(trim(alias.alias), '^[\x{4e00}-\x{9fff}]')))
    union all
    -- a city's paper by the bare name its city goes by only in context ("长治日报": 长治 is also a
    -- word, 长治久安)
    select entities.entity_id, trim(alias.alias) || paper.word as alias_text, null::varchar as document_id
    from entities
    cross join unnest(string_split(entities.context_aliases, '|')) as alias(alias)
    cross join (values ('日报'), ('日報'), ('晚报'), ('晚報')) as paper(word)
    where entities.kind = 'place' and starts_with(coalesce(entities.note, ''), 'prefecture')
        and regexp_matches(trim(alias.alias), '^[\x{4e00}-\x{9fff}]{2,}$')
    union all
    -- a place no catalog lists that the document's text names ("Xixian New Area"), in its own
    -- headings only
    select distinct entity_id, alias_text, document_id
    from located_mentions
    where is_found_in_text and entity_kind = 'place'
),

-- Every one- and two-character piece of each heading: a name the heading contains starts with
-- one of them, so the name test below meets only the names that start like a piece of the
-- heading instead of every name of the catalog.
heading_pieces as (
    select distinct document_id, heading, heading_text, piece
    from (
        select
            document_id, heading, heading_text,
            unnest([substr(heading_text, position, 1), substr(heading_text, position, 2)]) as piece
        from document_headings
        cross join unnest(range(1, length(heading_text) + 1)) as positions(position)
    )
),

heading_matches as (
    select distinct
        heading_pieces.document_id,
        heading_pieces.heading,
        heading_pieces.heading_text,
        place_names.entity_id,
        place_names.alias_text
    from heading_pieces
    inner join place_names
        on left(place_names.alias_text, 2) = heading_pieces.piece
        and (place_names.document_id is null or place_names.document_id = heading_pieces.document_id)
    -- contains() first: the word-boundary regex is then built only for the few aliases present
    where contains(heading_pieces.heading_text, place_names.alias_text)
        -- (on the name's Latin or digit ends only, as in the text: "安庆365网", "杭州20家独角兽" name
        -- 安庆 and 杭州)
        and regexp_matches(
            heading_pieces.heading_text,
            case when regexp_matches(place_names.alias_text, '^[[:alnum:]]') then '(^|[^[:alnum:]])' else '' end
                || regexp_escape(place_names.alias_text)
                || case when regexp_matches(place_names.alias_text, '[[:alnum:]]$') then '([^[:alnum:]]|$)' else '' end
        )
        -- a news agency's dateline in a reposted headline ("(新華社北京9月14日電)"): where the story
        -- was filed, not its subject
        and not regexp_matches(
            heading_pieces.heading_text,
            regexp_escape(place_names.alias_text) || {{ dateline_after_place_regex() }}
        )
        -- a Chinese title naming the paper it was reprinted from ("…(北京日報,轉載)") or an exchange
        -- ("拟在美国纽交所上市") names no subject, nor does the place it measures its subject
        -- against ("中国316家次于美国", "仅次于北京")
        and not (
            heading_pieces.heading = 'title'
            and regexp_matches(
                heading_pieces.heading_text,
                '(仅次于|僅次於|次于|次於|落后于|落後於|超过|超過|高于|高於|低于|低於)' || regexp_escape(place_names.alias_text)
            )
        )
        -- nor places a Chinese title ranks together ("北市/新北市增最多", "广州、深圳居前"): the story is
        -- of the whole they lead (one place ranked first, "江苏居首", stays the subject). The place
        -- beside it ends as a place name does (市, 县, 区, 省 or a catalog name), so a section prefix
        -- ("财经/深圳") or a year ("2023/深圳") is no second place.
        and not (
            heading_pieces.heading = 'title'
            and regexp_matches(
                heading_pieces.heading_text,
                '(([\x{4e00}-\x{9fff}](市|县|縣|区|區|省)|广州|廣州|深圳|北京|上海|杭州|台北|臺北|高雄|台中|臺中)[/、]'
                    || regexp_escape(place_names.alias_text) || '|' || regexp_escape(place_names.alias_text)
                    || '(市|县|縣|区|區|省)?[/、][\x{4e00}-\x{9fff}]{1,6}?)[^,，。;；:：]{0,6}?(最多|居首|居冠|最快|领跑|領跑|居前|排名前)'
            )
        )
        -- a place's name given to another as a nickname ('China's "Silicon Valley" Zhongguancun')
        -- names neither of them
        and not regexp_matches(
            heading_pieces.heading_text,
            '(?i)(\b(dubbed|known\s+as|nicknamed|hailed\s+as|billed\s+as)\s+(the\s+)?([[:alpha:]]+[''’]s\s+)?["“‘]?|[''’]s\s+["“‘])' || regexp_escape(place_names.alias_text)
        )
        and not regexp_matches(heading_pieces.heading_text, regexp_escape(place_names.alias_text) || '[''’]s\s+["“‘]')
        and not (
            heading_pieces.heading = 'title'
            and regexp_matches(
                heading_pieces.heading_text,
                regexp_escape(place_names.alias_text) || '(日报|日報|晚报|晚報|商报|商報|电视台|電視台|报社|報社|证券交易所|證券交易所|交易所|纽交所|紐交所|港交所|纳斯达克|納斯達克)'
            )
        )
),

-- Where a title's event is held ("…发布会在长沙召开", "推介會在香港舉行", "... held in Hong Kong"):
-- the venue, not the subject, when the title names another place (湖南省's report, launched in
-- Changsha, is Hunan's).
heading_venues as (
    select distinct document_id, heading, entity_id
    from heading_matches
    where regexp_matches(
            heading_text,
            '在' || regexp_escape(alias_text) || '[^，,、。在]{0,12}(召开|召開|举行|舉行|举办|舉辦|开幕|開幕|闭幕|閉幕|启动|啟動|揭幕)'
        )
        or regexp_matches(heading_text, '(?i)\b(held|opens|opened|kicks off|kicked off) in ' || regexp_escape(alias_text))
),

heading_candidates as (
    select
        heading_matches.*,
        heading_venues.entity_id is not null as is_venue,
        bool_and(heading_venues.entity_id is not null) over (partition by heading_matches.document_id, heading_matches.heading)
            as names_only_venues
    from heading_matches
    left join heading_venues using (document_id, heading, entity_id)
),

heading_places as (
    select
        document_id,
        heading,
        any_value(entity_id) as entity_id,
        min(alias_text) as alias_text
    from heading_candidates as heading_matches
    -- a venue, beside a place that is none
    where (not is_venue or names_only_venues)
    -- a name inside a longer one the heading holds is part of it ("Xi'an" of "Xi'an High-tech
    -- Zone"), a place before a possessive only locates the next ("West China's Xixian New Area"),
    -- and so does a place another named lies in (unless that one is only the venue)
    and not exists (
        select 1 from heading_candidates as other
        where other.document_id = heading_matches.document_id
            and other.heading = heading_matches.heading
            and other.entity_id <> heading_matches.entity_id
            and not other.is_venue
            and (
                -- the place another one named lies in ("Lushunkou District, Dalian"), unless that
                -- one's name is written inside its name (龙江 county inside 黑龙江; compared as text,
                -- so a title naming the county bare after it, "黑龙江龙江", keeps the province)
                (
                    heading_matches.entity_id in (
                        select ancestor_id from place_ancestors
                        where place_ancestors.entity_id = other.entity_id and place_ancestors.generation <= 2
                    )
                    and not contains(heading_matches.alias_text, other.alias_text)
                )
                or (length(other.alias_text) > length(heading_matches.alias_text) and contains(other.alias_text, heading_matches.alias_text))
                or contains(heading_matches.heading_text, heading_matches.alias_text || '''s ' || other.alias_text)
                or contains(heading_matches.heading_text, heading_matches.alias_text || '’s ' || other.alias_text)
            )
    )
    group by document_id, heading
    having count(distinct entity_id) = 1 and any_value(entity_id) <> 'china'
),

-- A document neither its title nor its publisher places, but whose text keeps naming one place
-- below the country (at least twice, and it or places within it at least 40% of the places it
-- names, more often than China), or names no other place at all, is about that place: a blog on
-- Chengdu's makerspaces, a page on Guangzhou's incubators, a report on Shanghai's incubators that
-- names Zhangjiang and Pudong in Shanghai as often as Shanghai itself.
document_place_counts as (
    select located_mentions.document_id, located_mentions.entity_id, any_value(entities.note) as note,
        min(located_mentions.alias_text) as alias_text,
        -- a place opening a Chinese fund's or investor's name in a list of deals ("由无锡梁溪科创产业母基金
        -- 领投") is the investor's name, no sign of what the document is about (though it counts
        -- among the places the document names)
        count(*) filter (where not coalesce(regexp_matches(
            substr(sentence_texts.sentence_text, located_mentions.start_char - sentence_texts.sentence_start_char + length(located_mentions.alias_text) + 1, 16),
            '^[\x{4e00}-\x{9fff}]{2,10}?(母基金|基金|创投|創投|资本|資本)'
        ), false)) as mentions,
        count(*) as named,
        located_mentions.entity_id in (select entity_id from place_ancestors where ancestor_id = 'china') as is_in_china
    from located_mentions
    left join entities using (entity_id)
    left join sentence_texts on sentence_texts.sentence_id = located_mentions.sentence_id
    left join documents on documents.document_id = located_mentions.document_id
    where located_mentions.places_the_figure and located_mentions.entity_id <> 'world'
        -- a photo's caption ("A bronze bull stands outside the exchange in Shanghai. [Photo/VCG]")
        -- tells where the picture was taken, often a stock image, not what the story is about
        and not coalesce(regexp_matches(substr(documents.clean_text, located_mentions.start_char + 1, 300), '^[^\n]*[\[(](Photo|photo|PHOTO)\b'), false)
    group by located_mentions.document_id, located_mentions.entity_id
),

-- In English, a mention of a place within another (Zhangjiang, Pudong in a text on Shanghai) names
-- that one too. (Not in Chinese: a Chinese text leaves the country unsaid, so the districts of a
-- city a national report names in passing would outnumber the country's own mentions.)
document_place_coverage as (
    select
        document_place_counts.document_id,
        document_place_counts.entity_id,
        document_place_counts.mentions + coalesce(sum(within.mentions), 0) as covering_mentions
    from document_place_counts
    left join place_ancestors
        on place_ancestors.ancestor_id = document_place_counts.entity_id
        and document_place_counts.document_id not in (select document_id from chinese_documents)
    left join document_place_counts as within
        on within.document_id = document_place_counts.document_id
        and within.entity_id = place_ancestors.entity_id
    group by document_place_counts.document_id, document_place_counts.entity_id, document_place_counts.mentions
),

text_places as (
    select document_id, entity_id, alias_text
    from (
        select
            document_place_counts.*,
            document_place_coverage.covering_mentions,
            sum(named) over (partition by document_id) as document_mentions,
            max(case when entity_id = 'china' then mentions else 0 end) over (partition by document_id) as china_mentions
        from document_place_counts
        inner join document_place_coverage using (document_id, entity_id)
    ) as counted
    -- (a region wider than the country, Greater China, is no place below it either; nor is a region
    -- of several provinces a text names: its figures are a breakdown of the country's, 中西部地区;
    -- a region of several cities, the Greater Bay Area, may be a story's subject)
    where entity_id <> 'china' and not starts_with(coalesce(note, ''), 'country') and not starts_with(coalesce(note, ''), 'region of several economies')
        and coalesce(note, '') <> 'region of several provinces'
        and (
            (mentions >= 2 and covering_mentions >= 0.4 * document_mentions and covering_mentions > china_mentions)
            -- the one place an English text names at all, once, inside the country: a local
            -- story's setting ("The Macau Young Entrepreneur Incubation Center ... approved 84
            -- startup projects"; not a foreign place held up as a model, "Silicon Valley"). A
            -- Chinese text leaves the country unsaid (国内 reports name one city in passing).
            or (
                mentions = 1 and document_mentions = 1 and coalesce(is_in_china, false)
                and document_id not in (select document_id from chinese_documents)
            )
            -- the place every other place an English text names lies in, named more often than
            -- the country ("... attracting students to Shenzhen", "Longgang and Bao'an districts"):
            -- the story's setting, however seldom its own name is written
            or (
                covering_mentions >= 2 and covering_mentions = document_mentions - china_mentions
                and covering_mentions > china_mentions and coalesce(is_in_china, false)
                and document_id not in (select document_id from chinese_documents)
            )
        )
        -- a Chinese title that speaks of the whole country and names no place below it
        -- ("国家高新技术产业开发区总数达178家", "全国新设市场主体") declares the country its subject:
        -- the place its text names most is an example, not the subject
        and document_id not in (
            select documents.document_id from documents
            where documents.document_id in (select document_id from chinese_documents)
                and regexp_matches(coalesce(documents.title, ''), '(全国|全國|我国|我國|中国|中國|国内|國內|国家([^级級]|$)|國家([^级級]|$))')
        )
    qualify row_number() over (partition by document_id order by mentions desc, entity_id) = 1
),

-- 我省/本省 ("our province"), 我市/本市 ("our city"): the document speaks as the province or city its
-- publisher names (a provincial paper, a city's government), else as the one its title names (a
-- city's title speaks of its province as 我省). The words are a mention of that place; so are a
-- county's or a district's 我县/本区 (a county portal). Each word is of its own level: the named
-- place or its ancestor (a district's 我市 is its city's; an autonomous region's 我区 the region's).
self_places as (
    select
        document_id,
        province_levels.province_id,
        case
            when {{ place_level("coalesce(entities.note, '')", 'note') }} = 'city' then heading_place.entity_id
            -- a county-level city (巩义市) speaks of itself as 我市, 全市
            when regexp_matches(coalesce(entities.note, ''), '^county \S+市') then heading_place.entity_id
            when {{ place_level("coalesce(entities.note, '')", 'note') }} = 'district'
                and {{ place_level("coalesce(parent.note, '')", 'note') }} = 'city' then parent.entity_id
        end as city_id,
        case
            when regexp_matches(coalesce(entities.note, ''), '^(county|district)') then heading_place.entity_id
            when heading_place.entity_id in ('guangxi', 'ningxia', 'xinjiang', 'tibet', 'inner_mongolia') then heading_place.entity_id
        end as district_id
    from (
        select document_id, entity_id
        from heading_places
        qualify row_number() over (partition by document_id order by heading = 'publisher' desc) = 1
    ) as heading_place
    left join entities using (entity_id)
    left join entities as parent on parent.entity_id = entities.parent_entity_id
    left join province_levels using (entity_id)
),

self_mention_positions as (
    select
        sentence_texts.document_id,
        sentence_texts.sentence_id,
        sentence_texts.sentence_index,
        sentence_texts.sentence_start_char + positions.position - 1 as start_char,
        substr(sentence_texts.sentence_text, positions.position, 2) as alias_text
    from sentence_texts
    cross join unnest(range(1, length(sentence_texts.sentence_text))) as positions(position)
    where sentence_texts.document_id in (select document_id from chinese_documents)
        and regexp_matches(sentence_texts.sentence_text, '(我|本)(省|市|区|區|县|縣)')
        and substr(sentence_texts.sentence_text, positions.position, 2) in (
            '我省', '本省', '我市', '本市', '我区', '本区', '我區', '本區', '我县', '本县', '我縣', '本縣'
        )
),

self_mentions as (
    select
        self_mention_positions.document_id,
        self_mention_positions.sentence_id,
        self_mention_positions.sentence_index,
        self_place.entity_id,
        self_mention_positions.alias_text,
        self_mention_positions.start_char,
        true as is_locative
    from self_mention_positions
    inner join (
        select document_id, '省' as level_word, province_id as entity_id from self_places
        union all
        select document_id, '市' as level_word, city_id as entity_id from self_places
        union all
        select document_id, unnest(['区', '區', '县', '縣']) as level_word, district_id as entity_id from self_places
    ) as self_place
        on self_place.document_id = self_mention_positions.document_id
        and self_place.level_word = right(self_mention_positions.alias_text, 1)
    where self_place.entity_id is not null
),

-- 国家 ("the state") naming a fund ("国家创业投资引导基金", "国家级大基金") says the fund is the
-- country's: a mention of the country.
national_fund_mentions as (
    select
        sentence_texts.document_id,
        sentence_texts.sentence_id,
        sentence_texts.sentence_index,
        'china' as entity_id,
        substr(sentence_texts.sentence_text, positions.position, 2) as alias_text,
        sentence_texts.sentence_start_char + positions.position - 1 as start_char,
        false as is_locative
    from sentence_texts
    cross join unnest(range(1, length(sentence_texts.sentence_text))) as positions(position)
    where sentence_texts.document_id in (select document_id from chinese_documents)
        and regexp_matches(sentence_texts.sentence_text, '(国家|國家)[^,，。；;、:：]{0,8}基金')
        and regexp_matches(substr(sentence_texts.sentence_text, positions.position, 12), '^(国家|國家)[^,，。；;、:：]{0,8}基金')
),

-- "the 60-billion-yuan National SMEs Development Fund": a fund the name calls national is the
-- country's, as 国家 naming a fund is (not in a text on Taiwan, whose National Development Fund
-- is its own; not money from it, "1.1 billion yuan from the National ... Fund", put into a fund
-- of a place).
english_national_fund_mentions as (
    select
        sentence_texts.document_id,
        sentence_texts.sentence_id,
        sentence_texts.sentence_index,
        'china' as entity_id,
        'National' as alias_text,
        sentence_texts.sentence_start_char + positions.position - 1 as start_char,
        false as is_locative
    from sentence_texts
    cross join unnest(range(1, length(sentence_texts.sentence_text))) as positions(position)
    where sentence_texts.document_id not in (select document_id from chinese_documents)
        and regexp_matches(sentence_texts.sentence_text, '\bNational(\s+[A-Z][\w&''-]*){0,7}\s+Funds?\b')
        and regexp_matches(substr(sentence_texts.sentence_text, positions.position, 100), '^National(\s+[A-Z][\w&''-]*){0,7}\s+Funds?\b')
        and (positions.position = 1 or not regexp_matches(substr(sentence_texts.sentence_text, positions.position - 1, 1), '[A-Za-z]'))
        -- money "from" or "by" the fund is what it put into something else, whose place holds
        and not regexp_matches(left(sentence_texts.sentence_text, positions.position - 1), '(?i)\b(from|by)\s+(the\s+)?$')
        and sentence_texts.document_id not in (
            select document_id from documents where regexp_matches(coalesce(clean_text, ''), '\b(Taiwan|Taipei)\b')
        )
),

-- The two-character words above, as mentions of the place they stand for: a place the figure
-- holds in, and nothing else.
word_mentions as (
    select
        document_id || '@' || start_char || '-' || (start_char + length(alias_text)) || ':' || entity_id as entity_mention_id,
        sentence_id,
        document_id,
        sentence_index,
        entity_id,
        'place' as entity_kind,
        false as owns_figures,
        false as is_found_in_text,
        alias_text,
        start_char,
        start_char + length(alias_text) as end_char,
        is_locative,
        false as is_comparison_scope,
        false as names_organisation,
        false as is_possessive,
        false as is_list_item,
        false as locates_another_place,
        true as places_the_figure,
        false as describes_organisation
    from (
        select * from self_mentions
        union all by name
        select * from national_fund_mentions
        union all by name
        select * from english_national_fund_mentions
    ) as words
),

entity_mentions as (
    select * from located_mentions
    union all by name
    select * from word_mentions
),

title_self_places as (
    select
        documents.document_id,
        case when regexp_matches(documents.title, '(我|本)省') then self_places.province_id else self_places.city_id end as entity_id,
        regexp_extract(documents.title, '(我|本)(省|市)') as alias_text
    from documents
    inner join self_places using (document_id)
    where regexp_matches(documents.title, '(我|本)(省|市)')
),

-- A Chinese title whose subject is global ("全球586獨角獸值15萬億", "经济日报社论:全球独角兽趋势",
-- "胡润全球独角兽榜"): the figures nothing places and no organisation owns are the list's, the
-- world's, not the country's nor the publisher's jurisdiction's (the world takes the country's
-- place as the default). 全球 ranking a place ("居全球第二", "全球第三大") measures that place, and
-- 全球化, 全球首款, 全球最大, 全球领先 describe the subject, not a global scope.
global_titles as (
    select document_id, 'world' as entity_id, '全球' as alias_text
    from documents
    where document_id in (select document_id from chinese_documents)
        and regexp_matches(coalesce(title, ''), '全球')
        and not regexp_matches(coalesce(title, ''), '((居|列|排名|位居|位列|躋身|跻身|成為|成为)全球|全球(第|化|首|最|领先|領先))')
),

-- An English story whose lead opens on a zone, park or new area ("The Xi'an High-Tech Industries
-- Development Zone recently formulated ...", a title naming only its city or nothing) is about that
-- zone: it is the subject the story's unplaced figures are of, not the city its title, publisher or
-- text names. The lead is the first sentence that names a place (not inside an organisation's name,
-- not a photo caption); the zone opens it, after "The" at most (the seed's districts that are zones
-- too, Pudong, Qianhai, Haidian, count: a story opening on one is about it). (Also where nothing else
-- declares the story's place: requiring the zone to be named as often as China there, against a
-- national story opening on a zone it only cites, lost 8 right development figures and fixed none.)
-- A lead opening "In <a place in China>," among the story's first sentences sets the story there in
-- the same way ("In Huangshan, a city in Anhui province ..., B&Bs typically raise funding ...").
lead_zones as (
    select
        lead_mentions.document_id, lead_mentions.entity_id, lead_mentions.alias_text,
        not regexp_matches(coalesce(note, ''), '(zone|park|new area)') as is_setting
    from (
        select
            entity_mentions.document_id,
            entity_mentions.entity_id,
            entity_mentions.alias_text,
            left(sentence_texts.sentence_text, entity_mentions.start_char - sentence_texts.sentence_start_char) as words_before,
            substr(sentence_texts.sentence_text, entity_mentions.end_char - sentence_texts.sentence_start_char + 1, 20) as words_after,
            entities.note,
            entity_mentions.sentence_index,
            entity_mentions.entity_id in (select entity_id from place_ancestors where ancestor_id = 'china') as is_in_china,
            dense_rank() over (partition by entity_mentions.document_id order by entity_mentions.sentence_index) as place_sentence_rank
        from entity_mentions
        inner join sentence_texts on sentence_texts.sentence_id = entity_mentions.sentence_id
        left join entities on entities.entity_id = entity_mentions.entity_id
        where entity_mentions.entity_kind = 'place'
            and not entity_mentions.names_organisation
            and entity_mentions.document_id not in (select document_id from chinese_documents)
            and not regexp_matches(sentence_texts.sentence_text, '(?i)([(\[]\s*photo|photo\s*/)')
    ) as lead_mentions
    where place_sentence_rank = 1
        and (
            (regexp_matches(words_before, '^\s*((The|the)\s+)?$') and regexp_matches(coalesce(note, ''), '(zone|park|new area)'))
            -- (one place, its clause closing after it: not "In Beijing and Shanghai, ...", "In
            -- Beijing on Monday, the ministry said"; a listed place is no mention here at all)
            or (
                regexp_matches(words_before, '^\s*In\s+$') and is_in_china and sentence_index <= 4
                and not starts_with(coalesce(note, ''), 'region')
                and regexp_matches(words_after, '^(\s+(City|city|Province|province|County|county|District|district))?\s*,')
            )
        )
),

title_places as (
    select
        documents.document_id,
        coalesce(lead_zones.entity_id, self_titled.entity_id, titled.entity_id, published.entity_id, text_places.entity_id) as entity_id,
        coalesce(lead_zones.alias_text, self_titled.alias_text, titled.alias_text, published.alias_text, text_places.alias_text) as alias_text,
        case
            when lead_zones.entity_id is not null then 'document_lead'
            when self_titled.entity_id is not null then 'document_title'
            when titled.entity_id is not null then 'document_title'
            when published.entity_id is not null then 'document_publisher'
            when text_places.entity_id is not null then 'document_text'
        end as declared_in
    from documents
    left join heading_places as titled on titled.document_id = documents.document_id and titled.heading = 'title'
    left join heading_places as published on published.document_id = documents.document_id and published.heading = 'publisher'
    left join text_places on text_places.document_id = documents.document_id
    left join title_self_places as self_titled on self_titled.document_id = documents.document_id and self_titled.entity_id is not null
    -- the lead's zone, when it lies within the place the title, publisher or text declares (or
    -- none is declared); the place a lead opens on only when none is
    left join lead_zones
        on lead_zones.document_id = documents.document_id
        and (
            coalesce(self_titled.entity_id, titled.entity_id, published.entity_id, text_places.entity_id) is null
            or not lead_zones.is_setting and exists (
                select 1 from place_ancestors
                where place_ancestors.entity_id = lead_zones.entity_id
                    and place_ancestors.ancestor_id = coalesce(self_titled.entity_id, titled.entity_id, published.entity_id, text_places.entity_id)
            )
        )
    where coalesce(lead_zones.entity_id, self_titled.entity_id, titled.entity_id, published.entity_id, text_places.entity_id) is not null
    qualify row_number() over (partition by documents.document_id order by lead_zones.alias_text, lead_zones.entity_id) = 1
),

-- Neighbours: the figures just before and after in the same sentence (restatements such as
-- "($7.83 billion)" do not count: they belong to the figure they restate).
neighbours as (
    select
        figures.mention_id,
        lag(figures.end_char) over sentence_order as previous_end_char,
        lead(figures.start_char) over sentence_order as next_start_char
    from figures
    where figures.equivalent_mention_id is null
    window sentence_order as (partition by figures.sentence_id order by figures.start_char)
),

near_texts as (
    -- The near window: between the neighbouring figures, cut at the clause boundaries around
    -- the figure, at most 150 characters before and 100 after. (The document's text is read
    -- here, in a subquery: a CTE of every figure carrying its document's whole text was
    -- materialized by DuckDB, a copy of the text per figure.)
    select
        * exclude (clean_text),
        regexp_replace(
            right(substr(clean_text, neighbour_start_char + 1, start_char - neighbour_start_char), 150),
            '(?s)^.*' || {{ clause_boundary_regex('before') }}, ''
        ) as near_before_text,
        regexp_replace(
            left(substr(clean_text, end_char + 1, neighbour_end_char - end_char), 100),
            '(?s)' || {{ clause_boundary_regex() }} || '.*$', ''
        ) as near_after_text,
        substr(clean_text, sentence_start_char + 1, start_char - sentence_start_char) as sentence_before_text,
        substr(clean_text, end_char + 1, sentence_end_char - end_char) as sentence_after_text
    from (
        select
            figures.*,
            coalesce(neighbours.previous_end_char, sentences.sentence_start_char) as neighbour_start_char,
            coalesce(neighbours.next_start_char, sentences.sentence_end_char) as neighbour_end_char,
            sentences.sentence_start_char,
            sentences.sentence_end_char,
            documents.clean_text
        from figures
        left join neighbours using (mention_id)
        left join sentences using (sentence_id)
        left join documents using (document_id)
    ) as bounded
),

windowed as (
    select
        *,
        start_char - length(near_before_text) as near_start_char,
        end_char + length(near_after_text) as near_end_char,
        -- The clause: the sentence between the semicolons around the figure.
        start_char - length(regexp_extract(sentence_before_text, '[^;]*$')) as clause_start_char,
        right(regexp_extract(sentence_before_text, '[^;]*$'), 250) as clause_before_text,
        left(regexp_extract(sentence_after_text, '^[^;]*'), 150) as clause_after_text,
        regexp_matches(sentence_before_text, {{ anaphora_regex() }}) as refers_back,
        regexp_matches(sentence_before_text || ' ' || left(sentence_after_text, 120), {{ place_anaphora_regex() }}) as refers_back_to_place,
        -- the words of the back-reference: "the province", 该市, "the district"
        regexp_extract(sentence_before_text || ' ' || left(sentence_after_text, 120), {{ place_anaphora_regex() }}) as place_reference_text,
        regexp_matches(sentence_before_text, {{ quotation_opening_regex() }}) as is_quotation,
        -- a bar that defines a class ("A unicorn is a startup valued at over $1 billion", "seven are
        -- considered super unicorns – companies valued at more than $10 billion") holds nowhere; a
        -- bar of things a place counts ("Hangzhou has 138 startups valued at over $1 million") is
        -- that place's
        -- (in Chinese, every bar holds nowhere, as before)
        coalesce(measure_cue like 'threshold:%', false) as is_bar,
        coalesce(measure_cue like 'threshold:%', false)
            and (
                document_id in (select document_id from chinese_documents)
                or regexp_matches(sentence_before_text, '(?i)\b(is|are)\s+(an?|considered|defined\s+as|called)\s')
            )
            as is_definition_bar,
        coalesce(owner_is_organisation, false) as is_organisation_figure
    from near_texts
),

owner_in_sentence as (
    select
        windowed.mention_id,
        entity_mentions.entity_id,
        entity_mentions.entity_mention_id,
        entity_mentions.alias_text
    from windowed
    inner join entity_mentions
        on entity_mentions.sentence_id = windowed.sentence_id and entity_mentions.owns_figures
    -- a company named after the figure as the source of a poll, a survey or data ("... stood at 35
    -- percent, according to a poll of 50,000 graduates by MyCOS and Internet company Tencent") is
    -- who measured the figure, not whose it is
    where not (
        entity_mentions.start_char >= windowed.end_char
        and regexp_matches(
            left(windowed.sentence_after_text, (entity_mentions.start_char - windowed.end_char)::integer),
            '(?i)\b(according\s+to|(polls?|surveys?|study|studies|reports?|research|rankings?|data|statistics|figures)\s+([^.;:]{0,60}\s)?(by|from))\b[^.;:]*$'
        )
    )
    qualify row_number() over (
        partition by windowed.mention_id
        order by
            case
                when entity_mentions.end_char <= windowed.start_char then windowed.start_char - entity_mentions.end_char
                else entity_mentions.start_char - windowed.end_char
            end,
            entity_mentions.start_char
    ) = 1
),

owner_in_following as (
    -- A quotation's figures belong to the company named in the attribution right after it
    -- ("... 1 billion yuan." Ji Xinhua, CEO of Ucloud told reporter.).
    select
        windowed.mention_id,
        entity_mentions.entity_id,
        entity_mentions.entity_mention_id,
        entity_mentions.alias_text
    from windowed
    inner join entity_mentions
        on entity_mentions.document_id = windowed.document_id
        and entity_mentions.owns_figures
        and entity_mentions.sentence_index = windowed.sentence_index + 1
    where windowed.is_quotation
    qualify row_number() over (partition by windowed.mention_id order by entity_mentions.start_char) = 1
),

owner_in_preceding as (
    select
        windowed.mention_id,
        entity_mentions.entity_id,
        entity_mentions.entity_mention_id,
        entity_mentions.alias_text
    from windowed
    inner join entity_mentions
        on entity_mentions.document_id = windowed.document_id
        and entity_mentions.owns_figures
        and entity_mentions.sentence_index between windowed.sentence_index - 2 and windowed.sentence_index - 1
    left join sentence_texts as named_in on named_in.sentence_id = entity_mentions.sentence_id
    where windowed.refers_back
        -- an investor ("a round backed by investors including Alibaba", "led by Tencent",
        -- "Tencent-backed") is not the company "it" or "the company" refers back to
        and not coalesce(
            regexp_matches(
                right(left(named_in.sentence_text, (entity_mentions.start_char - named_in.sentence_start_char)::integer), 60),
                '(?i)(\b(backed|led|funded|financed|invested)\s+by\b|\b(investors?|backers?|shareholders?)\b)[^.;:]*$'
            )
            or regexp_matches(
                substr(named_in.sentence_text, (entity_mentions.end_char - named_in.sentence_start_char + 1)::integer, 10),
                '(?i)^[-\s]backed\b'
            ),
            false
        )
    qualify row_number() over (
        partition by windowed.mention_id
        order by entity_mentions.sentence_index desc, entity_mentions.start_char
    ) = 1
),

-- The organisation figures.owners reads for an organisation's figure: named in its sentence,
-- referred back to ("the company", "its"), or the one the title names. Its key is the seed's id
-- when the name is a seed company's alias, else an organisation found in the text (dim_entity
-- lists it). A seed entity that owns no figures (a ministry, a statistics centre) or a place is
-- no owner.
owner_named as (
    select
        windowed.mention_id,
        windowed.owner_key as entity_id,
        windowed.owner_source,
        windowed.owner_name as alias_text
    from windowed
    left join entities on entities.entity_id = windowed.owner_key
    where windowed.is_organisation_figure
        and windowed.owner_key is not null
        and coalesce(entities.owns_figures, true)
),

-- The figures a catalog company named in their sentence owns: a nationality or a possessive
-- describing an organisation ("Ucommune, China's largest co-working provider, operates at 160
-- locations") places none of them, whether or not figures.owners reads them as an organisation's.
company_figures as (
    select mention_id from owner_in_sentence
),

place_near as (
    select
        windowed.mention_id, entity_mentions.entity_id, entity_mentions.entity_mention_id, entity_mentions.alias_text,
        -- the place is written right before the figure ("南开区386家", "福田(41670户)")
        entity_mentions.end_char <= windowed.start_char
            and regexp_matches(right(windowed.sentence_before_text, windowed.start_char - entity_mentions.end_char), '^\s?([(（][^()（）0-9,，、;；。]{0,4})?$')
            as is_adjacent
    from windowed
    inner join entity_mentions
        on entity_mentions.sentence_id = windowed.sentence_id
        and entity_mentions.places_the_figure
        and not ((windowed.is_organisation_figure or windowed.mention_id in (select mention_id from company_figures)) and entity_mentions.describes_organisation)
        and entity_mentions.start_char >= windowed.near_start_char
        and entity_mentions.end_char <= windowed.near_end_char
        -- a place after the figure that the next figure follows at once is that figure's
        -- ("高新区1542家、南开区386家", "宝安(46781户)、福田(41670户)": 南开区 and 福田 are not the first's)
        and not (
            entity_mentions.start_char >= windowed.end_char
            and windowed.neighbour_end_char < windowed.sentence_end_char
            and regexp_matches(
                substr(windowed.sentence_after_text, (entity_mentions.end_char - windowed.end_char + 1)::integer, (windowed.neighbour_end_char - entity_mentions.end_char)::integer),
                '^\s?[(（]?\s?$'
            )
        )
    qualify row_number() over (
        partition by windowed.mention_id
        order by
            -- A place with the figure in brackets right after it holds it ("the US (441) and
            -- China (253) lead the world", "美国(441家)和中国(253家)是全球…", "河北(新增132家)").
            not (
                entity_mentions.end_char <= windowed.start_char
                and regexp_matches(right(windowed.sentence_before_text, windowed.start_char - entity_mentions.end_char), '^\s?[(（][^()（）0-9,，、;；。]{0,4}$')
            ),
            -- A named place beats the country beside it ("half of China's unicorns are in
            -- Beijing's Zhongguancun"): the country is the default anyway.
            entity_mentions.entity_id = 'china',
            case
                when entity_mentions.end_char <= windowed.start_char then windowed.start_char - entity_mentions.end_char
                else entity_mentions.start_char - windowed.end_char
            end,
            entity_mentions.start_char
    ) = 1
),

-- In Chinese, a place written right before a figure of its own ("福建(2.4%)", "南开区386家") is that
-- figure's: a later figure of the sentence ("…福建(2.4%)11个省份增速突破2%") does not take it as the
-- place of its clause or sentence.
places_holding_a_figure as (
    select entity_mentions.entity_mention_id, held.mention_id as held_mention_id
    from entity_mentions
    inner join sentence_texts using (sentence_id)
    inner join figures as held
        on held.sentence_id = entity_mentions.sentence_id
        and held.equivalent_mention_id is null
        and held.start_char between entity_mentions.end_char and entity_mentions.end_char + 7
    where entity_mentions.document_id in (select document_id from chinese_documents)
        and regexp_matches(
            substr(sentence_texts.sentence_text, (entity_mentions.end_char - sentence_texts.sentence_start_char + 1)::integer, (held.start_char - entity_mentions.end_char)::integer),
            '^\s?([(（][^()（）0-9,，、;；。]{0,4})?$'
        )
),

place_in_clause as (
    select windowed.mention_id, entity_mentions.entity_id, entity_mentions.entity_mention_id, entity_mentions.alias_text
    from windowed
    inner join entity_mentions
        on entity_mentions.sentence_id = windowed.sentence_id
        and entity_mentions.places_the_figure
        and not ((windowed.is_organisation_figure or windowed.mention_id in (select mention_id from company_figures)) and entity_mentions.describes_organisation)
        and entity_mentions.start_char >= windowed.clause_start_char
        and entity_mentions.end_char <= windowed.start_char
    -- an English organisation's figure takes a place from the words near it only: a place
    -- farther back in its clause sets the scene ("Other fundraisings in China ... were a USD 600
    -- million deal by NIO", "an IPO in the U.S. to raise up to 200 million U.S. dollars")
    where not (windowed.is_organisation_figure and windowed.document_id not in (select document_id from chinese_documents))
        -- a whole or self word between them is the figure's subject ("新干县……，全省累计返乡创业人员达
        -- 32.4万人"), unless it is the whole the figure is measured against ("占全省的20%", "居全市第二")
        and not {{ names_own_subject("right(windowed.sentence_before_text, (windowed.start_char - entity_mentions.end_char)::integer)") }}
        and not exists (
        select 1 from places_holding_a_figure
        where places_holding_a_figure.entity_mention_id = entity_mentions.entity_mention_id
            and places_holding_a_figure.held_mention_id <> windowed.mention_id
    )
    qualify row_number() over (partition by windowed.mention_id order by entity_mentions.end_char desc) = 1
),

place_after as (
    -- A place after the figure, before the next figure and within its clause ("... was raised
    -- for ... projects across the nation, of which 72.5 percent ...").
    select windowed.mention_id, entity_mentions.entity_id, entity_mentions.entity_mention_id, entity_mentions.alias_text
    from windowed
    inner join entity_mentions
        on entity_mentions.sentence_id = windowed.sentence_id
        and entity_mentions.places_the_figure
        and not ((windowed.is_organisation_figure or windowed.mention_id in (select mention_id from company_figures)) and entity_mentions.describes_organisation)
        and entity_mentions.start_char >= windowed.end_char
        and entity_mentions.end_char <= least(windowed.neighbour_end_char, windowed.end_char + length(windowed.clause_after_text))
        -- only a place the words put the figure in ("... projects across the nation"), not one
        -- named in passing ("according to a Beijing-based report")
        and entity_mentions.is_locative
    qualify row_number() over (partition by windowed.mention_id order by entity_mentions.start_char) = 1
),

-- "Chengdu was named one of the 15 model cities", "Suzhou was one of 14 Chinese cities", "Among
-- the 25 newly approved national university science parks, five were in Jiangsu": a count of
-- places that a named place is one of is the country's count, not that place's (a place after the
-- count in its clause still places it: "one of the 10 cities in Guangdong", "among the three
-- cities of Hefei, Wuhu and Bengbu"). The set is the country's when it is of cities or provinces,
-- or its words say so ("national pilot zones", "high-tech zones in China"); "Among the 8
-- cultivated towns" is a local list.
set_of_places as (
    select windowed.mention_id, 'china' as entity_id, regexp_extract(windowed.clause_before_text, '(?i)(one|each|any|some|several|many|two|three|four|five|among)\s+(of\s+)?(the\s+)?$') as alias_text
    from (
        -- the clause after the figure up to its next comma
        select *, regexp_extract(clause_after_text, '^[^,;:]*') as words_to_comma from windowed
        where document_id not in (select document_id from chinese_documents)
    ) as windowed
    where regexp_matches(windowed.clause_before_text, '(?i)(\b(one|each|any|some|several|many|two|three|four|five)\s+of\s+(the\s+)?|\bamong\s+(the\s+)?)$')
        and (
            regexp_matches(windowed.clause_after_text, '(?i)^\s+([a-z-]+\s+){0,8}?(cities|provinces|provincial-level\s+regions|municipalities)\b')
            or (
                regexp_matches(windowed.clause_after_text, '(?i)^\s+([a-z-]+\s+){0,8}?(counties|prefectures|towns|villages|districts|zones|parks|regions|areas)\b')
                and regexp_matches(windowed.words_to_comma, '(?i)\b(national|nationwide|chinese|china|the\s+country|the\s+mainland)\b')
            )
        )
        -- no place named after it before the clause's next comma (however it is read: a list's
        -- first item, the scope of "among"), but the country
        and not exists (
            select 1 from {{ ref('int_entity_mentions_located') }} as named
            where named.sentence_id = windowed.sentence_id
                and named.entity_kind = 'place'
                and named.entity_id <> 'china'
                and named.start_char >= windowed.end_char
                and named.start_char < windowed.end_char + length(windowed.words_to_comma)
        )
),

place_of_origin as (
    -- Of a whole of the world, the country the counted things come from, right after the figure
    -- ("全球十大独角兽企业中,有6个来自中国", "5家來自中國"): theirs, not the world's. (Of a place's
    -- things, where they come from is no place of theirs: int_entity_mentions_located.)
    select windowed.mention_id, entity_mentions.entity_id, entity_mentions.entity_mention_id, entity_mentions.alias_text
    from windowed
    inner join entity_mentions
        on entity_mentions.sentence_id = windowed.sentence_id
        and entity_mentions.entity_kind = 'place'
        and entity_mentions.start_char between windowed.end_char + 2 and windowed.end_char + 5
    where regexp_matches(
            left(windowed.sentence_after_text, (entity_mentions.start_char - windowed.end_char)::integer),
            '^(家|个|個|位|名|所|只|支)?(来自|來自)(于|於)?$'
        )
        and exists (
            select 1 from entity_mentions as whole
            where whole.sentence_id = windowed.sentence_id and whole.entity_id = 'world' and whole.end_char <= windowed.start_char
        )
    qualify row_number() over (partition by windowed.mention_id order by entity_mentions.start_char) = 1
),

place_leading as (
    -- The sentence's first place, when it comes before the figure ("In 2014, China had ...").
    select windowed.mention_id, entity_mentions.entity_id, entity_mentions.entity_mention_id, entity_mentions.alias_text
    from windowed
    inner join entity_mentions
        on entity_mentions.sentence_id = windowed.sentence_id
        and entity_mentions.places_the_figure
        and not ((windowed.is_organisation_figure or windowed.mention_id in (select mention_id from company_figures)) and entity_mentions.describes_organisation)
    -- (nor from the sentence's lead, as in its clause above)
    where not (windowed.is_organisation_figure and windowed.document_id not in (select document_id from chinese_documents))
        -- a whole or self word between them is the figure's subject ("新干县……，全省累计返乡创业人员达
        -- 32.4万人"), unless it is the whole the figure is measured against ("占全省的20%", "居全市第二")
        and not {{ names_own_subject("right(windowed.sentence_before_text, (windowed.start_char - entity_mentions.end_char)::integer)") }}
        and not exists (
        select 1 from places_holding_a_figure
        where places_holding_a_figure.entity_mention_id = entity_mentions.entity_mention_id
            and places_holding_a_figure.held_mention_id <> windowed.mention_id
    )
    qualify row_number() over (partition by windowed.mention_id order by entity_mentions.start_char) = 1
        and entity_mentions.end_char <= windowed.start_char
),

-- The discourse topic: a sentence whose subject is a place ("Shaanxi's research spending ...",
-- "In 2017, Jingrong Town has ...") makes that place the topic; a sentence whose subject is
-- anything else ends it; a sentence opening with "It"/"Its" or "The city" keeps the topic of
-- the last sentence that set one ("It has introduced 75 incubation platforms ...").
subject_mentions as (
    -- the sentence's subject: an entity with nothing before it but an opening adverbial ("In
    -- 2017, ", "At present, ") and an article
    select
        sentence_texts.sentence_id,
        entity_mentions.entity_id,
        entity_mentions.places_the_figure,
        entity_mentions.entity_mention_id,
        entity_mentions.alias_text
    from sentence_texts
    inner join entity_mentions on entity_mentions.sentence_id = sentence_texts.sentence_id
    where regexp_matches(
        left(sentence_texts.sentence_text, (entity_mentions.start_char - sentence_texts.sentence_start_char)::integer),
        '^\s*([^,]{1,40},\s+){0,2}([Tt]he\s+)?$'
    )
        -- a zone its city opens ("For example, the Wuhan East Lake High-tech Zone reported ...",
        -- "Beijing's Zhongguancun has ..."): the zone is the subject, not the city
        or exists (
            select 1 from entity_mentions as city
            where city.sentence_id = entity_mentions.sentence_id
                and coalesce(city.locates_another_place, false)
                and entity_mentions.start_char between city.end_char + 1 and city.end_char + 3
                and regexp_matches(
                    left(sentence_texts.sentence_text, (city.start_char - sentence_texts.sentence_start_char)::integer),
                    '^\s*([^,]{1,40},\s+){0,2}([Tt]he\s+)?$'
                )
        )
    qualify row_number() over (
        partition by sentence_texts.sentence_id
        order by coalesce(entity_mentions.locates_another_place, false), entity_mentions.start_char
    ) = 1
),

sentence_openings as (
    select
        sentence_texts.document_id,
        sentence_texts.sentence_id,
        sentence_texts.sentence_index,
        regexp_matches(
            sentence_texts.sentence_text,
            '^\s*([^,]{1,40},\s+)?([Ii]t|[Ii]ts|[Ii]t''s|The ([a-z-]+ )?(city|province|municipality|district|zone|park|county|town|area))([^[:alnum:]]|$)'
        ) as opens_with_reference,
        subject_mentions.entity_id as subject_entity_id,
        coalesce(subject_mentions.places_the_figure, false) as subject_places_figures,
        subject_mentions.entity_mention_id as subject_mention_id,
        subject_mentions.alias_text as subject_alias_text
    from sentence_texts
    left join subject_mentions using (sentence_id)
),

sentence_topics as (
    -- null: the sentence refers back (it keeps the topic); '': its subject is no place (the
    -- topic ends)
    select
        *,
        case when opens_with_reference then null when subject_places_figures then subject_entity_id else '' end
            as topic_entity_id,
        case when opens_with_reference then null when subject_places_figures then subject_mention_id else '' end
            as topic_mention_id,
        case when opens_with_reference then null when subject_places_figures then subject_alias_text else '' end
            as topic_alias_text
    from sentence_openings
),

inherited_topics as (
    select
        sentence_id,
        last_value(topic_entity_id ignore nulls) over document_order as entity_id,
        last_value(topic_mention_id ignore nulls) over document_order as entity_mention_id,
        last_value(topic_alias_text ignore nulls) over document_order as alias_text
    from sentence_topics
    window document_order as (
        partition by document_id order by sentence_index rows between unbounded preceding and 1 preceding
    )
    qualify opens_with_reference
),

place_topic as (
    select windowed.mention_id, inherited_topics.entity_id, inherited_topics.entity_mention_id, inherited_topics.alias_text
    from windowed
    inner join inherited_topics using (sentence_id)
    where inherited_topics.entity_id <> ''
),

-- The document's own place at each level (its self place above, a province, a city or a
-- county): what 全省, 全市, 该县 ("the whole province", "the county") mean when none of the three
-- sentences before names a place of that level ("全省实有私营企业88.58万家" after sentences on
-- Wuhan, in a paper on Hubei).
self_levels as (
    select document_id, 'province' as level, province_id as entity_id from self_places where province_id is not null
    union all
    select document_id, 'city' as level, city_id as entity_id from self_places where city_id is not null
    union all
    select document_id, 'district' as level, district_id as entity_id from self_places where district_id is not null
),

place_preceding_any as (
    select mention_id, entity_id, entity_mention_id, alias_text, is_far
    from (
        select
            windowed.mention_id, entity_mentions.entity_id, entity_mentions.entity_mention_id, entity_mentions.alias_text,
            -- (a place found in the text, a town or a zone, is of a district's level: "the zone")
            coalesce({{ place_level("coalesce(referent.note, case when entity_mentions.is_found_in_text then 'place found in the text' end)", 'note') }}
                = {{ place_level('windowed.place_reference_text', 'words') }}, false) as of_the_level,
            false as is_own_place,
            entity_mentions.sentence_index < windowed.sentence_index - 3 as is_far,
            entity_mentions.sentence_index,
            entity_mentions.start_char
        from windowed
        inner join entity_mentions
            on entity_mentions.document_id = windowed.document_id
            and entity_mentions.places_the_figure
            and entity_mentions.sentence_index < windowed.sentence_index
        -- "the city", "the province", 我省 are below a country: a sentence naming only China (or
        -- another country) is no antecedent ("... in China. The city's innovation centers ...")
        left join entities as referent on referent.entity_id = entity_mentions.entity_id
        where windowed.refers_back_to_place
            -- one of the three sentences before, or, in English, any sentence before that names a
            -- place of the level the words name ("the zone" four sentences after "the Urumqi State
            -- High-tech Zone", "this mountainous county" after "Xin county")
            and (
                entity_mentions.sentence_index >= windowed.sentence_index - 3
                or (
                    not regexp_matches(windowed.place_reference_text, '^[\x{4e00}-\x{9fff}]')
                    and coalesce({{ place_level("coalesce(referent.note, case when entity_mentions.is_found_in_text then 'place found in the text' end)", 'note') }}
                        = {{ place_level('windowed.place_reference_text', 'words') }}, false)
                )
            )
            and entity_mentions.entity_id <> 'world'
            and not starts_with(coalesce(referent.note, ''), 'country')
            -- a district's or county's words (全县, "the district") never refer back to a city or a province
            and not coalesce(
                {{ place_level('windowed.place_reference_text', 'words') }} = 'district'
                and {{ place_level('referent.note', 'note') }} in ('city', 'province'),
                false
            )
        union all
        -- the Chinese document's own place of the level the words name
        select windowed.mention_id, self_levels.entity_id, null as entity_mention_id, windowed.place_reference_text as alias_text,
            true as of_the_level, true as is_own_place, false as is_far, -1 as sentence_index, 0 as start_char
        from windowed
        inner join self_levels
            on self_levels.document_id = windowed.document_id
            and self_levels.level = {{ place_level('windowed.place_reference_text', 'words') }}
        where windowed.refers_back_to_place
            and regexp_matches(windowed.place_reference_text, '^[\x{4e00}-\x{9fff}]')
            -- said before the figure, as its subject ("全省实有私营企业88.58万家")
            and contains(windowed.sentence_before_text, windowed.place_reference_text)
            -- not the whole the figure is measured against ("占全省的20%", "居全市第二", "高于全省
            -- 平均水平"): the figure is still the place named before's
            and not regexp_matches(
                windowed.sentence_before_text || ' ' || left(windowed.sentence_after_text, 80),
                '((占|佔|居|比|于|於|出|过|過|超|先|列)了?' || windowed.place_reference_text || '|' || windowed.place_reference_text
                    || '[市省区區县縣]?的?(第|前[一二三四五六七八九十0-9]|首|排名|排行|领先|領先|平均|总量|總量|总数|總數|之最|之首|[一二三四五六七八九十半]+(成|半|分之)|[0-9.]+%))'
            )
    ) as candidates
    -- "the city" refers to the nearest earlier sentence naming a place below a country, of the
    -- level it names when one of the three sentences names one ("The province achieved ..." after
    -- "Jiangsu ... in the Yangtze River Delta" is Jiangsu), else to the document's own place of
    -- that level, else to the nearest place named
    qualify row_number() over (
        partition by mention_id
        order by is_far, of_the_level desc, is_own_place, sentence_index desc, entity_id = 'china', start_char
    ) = 1
),

-- A place of the level named further back stands in for the title's place and the country only
-- ("30 maker spaces in 15 cities" still counts the country's cities).
place_preceding as (
    select * exclude (is_far) from place_preceding_any where not is_far
),

place_preceding_far as (
    select * exclude (is_far) from place_preceding_any where is_far
),

-- The figures a catalog company owns, named in their sentence, in the attribution after a
-- quotation or referred back to: the cities and countries their clause counts are the company's
-- footprint ("WeWork ... 140 locations in 15 countries", "It now operates in over 250 cities
-- across 21 countries"), not a statistic of the world or the country.
company_owned as (
    select mention_id from owner_in_sentence
    union
    select mention_id from owner_in_following
    union
    select mention_id from owner_in_preceding
),

-- A figure whose clause counts countries ("students from 4,347 colleges in 117 countries and
-- territories", "across five countries", "from over 90 countries and regions") holds for the
-- world, not for the country a document defaults to.
place_countries as (
    select windowed.mention_id, 'world' as entity_id, regexp_extract(clause_text, {{ countries_scope_regex() }}) as alias_text
    from (
        -- the figure's own number is part of the clause: "in 20 countries" counts countries too
        select mention_id, clause_before_text || surface_text || clause_after_text as clause_text from windowed
    ) as windowed
    where regexp_matches(clause_text, {{ countries_scope_regex() }})
        and mention_id not in (select mention_id from company_owned)
),

-- A figure whose clause counts the country's cities or provinces ("30 maker spaces in 15 cities",
-- "19家超级独角兽企业分布在9个城市") and that no place of its own clause holds is the country's
-- (or the world's, when the clause counts countries), not the title's place.
place_cities as (
    select windowed.mention_id, 'china' as entity_id, regexp_extract(clause_text, {{ cities_scope_regex() }}) as alias_text
    from (
        select mention_id, clause_before_text || surface_text || clause_after_text as clause_text from windowed
    ) as windowed
    where regexp_matches(clause_text, {{ cities_scope_regex() }})
        and mention_id not in (select mention_id from company_owned)
        -- "200 spaces in 44 cities across the globe" counts the world's cities
        and not regexp_matches(clause_text, '(?i)(\b(globe|global|globally|world|worldwide|overseas|abroad)\b|全球|世界|海外|境外)')
),

-- In English, a sentence whose figures its own words place in the world only ("Globally, VC
-- funding in Q2 totalled USD40.1 billion", "Overall the year marked a new record for worldwide
-- venture capital, with $274 billion invested"), or in a region above the countries ("Venture
-- capital deals in the Asia-Pacific region shrank by one fifth"), keeps that scope for the figures
-- of the one or two sentences after it that name no place ("The number of deals continued to
-- decline ... to 2,985", "Total transaction value fell to $14.92 billion"): the scope a report of
-- global or regional totals set is not left for the country's default.
first_places as (
    select sentence_id, entity_id from entity_mentions
    where places_the_figure
    qualify row_number() over (partition by sentence_id order by start_char) = 1
),

-- the world and the regions no country contains (Asia, Europe, Greater China)
scope_regions as (
    select 'world' as entity_id
    union
    select entity_id from entities
    where kind = 'place' and parent_entity_id is null and entity_id not in ('world', 'china')
        and regexp_matches(coalesce(note, ''), '^region')
),

scope_sentences as (
    select windowed.document_id, windowed.sentence_index, first_places.entity_id, min(scope_mentions.alias_text) as alias_text
    from windowed
    inner join first_places using (sentence_id)
    left join place_near using (mention_id)
    left join place_in_clause using (mention_id)
    left join place_after using (mention_id)
    left join place_leading using (mention_id)
    left join entity_mentions as scope_mentions
        on scope_mentions.sentence_id = windowed.sentence_id and scope_mentions.entity_id = first_places.entity_id
    where windowed.document_id not in (select document_id from chinese_documents)
        -- the scope is the first place the sentence names ("Globally, ... and a robust performance
        -- in China"; not "six markets around the world, including Hong Kong, China, India")
        and first_places.entity_id in (select entity_id from scope_regions)
    group by all
    -- every figure of the sentence its own words place there (not its countries counted:
    -- "5,531 projects from 117 countries and regions" sets no scope)
    having bool_and(
        coalesce(place_near.entity_id, place_in_clause.entity_id, place_after.entity_id, place_leading.entity_id, '')
        = first_places.entity_id
    )
),

place_sentence_indexes as (
    select distinct document_id, sentence_index from entity_mentions where places_the_figure
),

scope_continued as (
    select windowed.mention_id, scope_sentences.entity_id, scope_sentences.alias_text
    from windowed
    inner join scope_sentences
        on scope_sentences.document_id = windowed.document_id
        and scope_sentences.sentence_index between windowed.sentence_index - 2 and windowed.sentence_index - 1
    where windowed.mention_id not in (select mention_id from company_owned)
        -- no place named since, in the figure's sentence or between
        and not exists (
            select 1 from place_sentence_indexes as named
            where named.document_id = windowed.document_id
                and named.sentence_index between scope_sentences.sentence_index + 1 and windowed.sentence_index
        )
    qualify row_number() over (partition by windowed.mention_id order by scope_sentences.sentence_index desc) = 1
),

attributed as (
    select
        windowed.*,
        -- the organisation the figure's own clause names as its subject beats a seed company
        -- named elsewhere in the sentence ("Ofo ... has raised $866 million led by Alibaba")
        case when owner_named.owner_source = 'sentence' then owner_named.entity_id
            else coalesce(owner_in_sentence.entity_id, owner_in_following.entity_id, owner_in_preceding.entity_id, owner_named.entity_id)
        end as entity_id,
        case
            when owner_named.owner_source = 'sentence' then 'same_sentence'
            when owner_in_sentence.entity_id is not null then 'same_sentence'
            when owner_in_following.entity_id is not null then 'quotation_attribution'
            when owner_in_preceding.entity_id is not null then 'preceding_sentence'
            when owner_named.owner_source = 'document_title' then 'document_title'
            when owner_named.entity_id is not null then 'preceding_sentence'
        end as entity_source,
        case when owner_named.owner_source = 'sentence' then null
            else coalesce(owner_in_sentence.entity_mention_id, owner_in_following.entity_mention_id, owner_in_preceding.entity_mention_id)
        end as entity_evidence_id,
        case when owner_named.owner_source = 'sentence' then owner_named.alias_text
            else coalesce(owner_in_sentence.alias_text, owner_in_following.alias_text, owner_in_preceding.alias_text, owner_named.alias_text)
        end as entity_evidence_text,
        coalesce(place_near.is_adjacent, false) as has_adjacent_place,
        case when windowed.is_definition_bar then null else coalesce(
            set_of_places.entity_id,
            place_of_origin.entity_id,
            place_near.entity_id,
            place_in_clause.entity_id,
            place_after.entity_id,
            place_leading.entity_id,
            place_topic.entity_id,
            place_preceding.entity_id,
            case when not windowed.is_organisation_figure then coalesce(place_countries.entity_id, place_cities.entity_id) end,
            place_preceding_far.entity_id,
            case when not windowed.is_organisation_figure then scope_continued.entity_id end,
            case when not windowed.is_organisation_figure then title_places.entity_id end,
            -- a bar no words place ("worth more than $10 billion each") is no national statistic
            case when coalesce(owner_in_sentence.entity_id, owner_in_following.entity_id, owner_in_preceding.entity_id) is null
                and not windowed.is_organisation_figure and not windowed.is_bar then coalesce(global_titles.entity_id, 'china') end
        ) end as geography_id,
        case
            when windowed.is_definition_bar then 'threshold'
            when set_of_places.entity_id is not null then 'several_cities'
            when place_of_origin.entity_id is not null then 'after_in_clause'
            when place_near.entity_id is not null then 'near_window'
            when place_in_clause.entity_id is not null then 'same_clause'
            when place_after.entity_id is not null then 'after_in_clause'
            when place_leading.entity_id is not null then 'sentence_lead'
            when place_topic.entity_id is not null then 'discourse_topic'
            when place_preceding.entity_id is not null then 'preceding_sentence'
            when place_preceding_far.entity_id is not null
                and (windowed.is_organisation_figure or coalesce(place_countries.entity_id, place_cities.entity_id) is null)
                then 'preceding_sentence'
            when windowed.is_organisation_figure then null
            when place_countries.entity_id is not null then 'several_countries'
            when place_cities.entity_id is not null then 'several_cities'
            when scope_continued.entity_id is not null then 'preceding_sentence'
            when title_places.entity_id is not null then title_places.declared_in
            when windowed.is_bar then 'threshold'
            when coalesce(owner_in_sentence.entity_id, owner_in_following.entity_id, owner_in_preceding.entity_id) is null
                then case when global_titles.entity_id is not null then 'document_title' else 'default_national' end
        end as geography_source,
        coalesce(place_of_origin.entity_mention_id, place_near.entity_mention_id, place_in_clause.entity_mention_id, place_after.entity_mention_id, place_leading.entity_mention_id,
            place_topic.entity_mention_id, place_preceding.entity_mention_id,
            case when windowed.is_organisation_figure or coalesce(place_countries.entity_id, place_cities.entity_id) is null
                then place_preceding_far.entity_mention_id end)
            as geography_evidence_id,
        coalesce(set_of_places.alias_text, place_of_origin.alias_text, place_near.alias_text, place_in_clause.alias_text, place_after.alias_text, place_leading.alias_text,
            place_topic.alias_text, place_preceding.alias_text,
            case when not windowed.is_organisation_figure then coalesce(place_countries.alias_text, place_cities.alias_text) end,
            place_preceding_far.alias_text,
            case when not windowed.is_organisation_figure then scope_continued.alias_text end,
            case when not windowed.is_organisation_figure then title_places.alias_text end,
            case when coalesce(owner_in_sentence.entity_id, owner_in_following.entity_id, owner_in_preceding.entity_id) is null
                and not windowed.is_organisation_figure and not windowed.is_bar then global_titles.alias_text end)
            as geography_evidence_text
    from windowed
    left join owner_in_sentence using (mention_id)
    left join owner_in_following using (mention_id)
    left join owner_in_preceding using (mention_id)
    left join owner_named using (mention_id)
    left join set_of_places using (mention_id)
    left join place_of_origin using (mention_id)
    left join place_near using (mention_id)
    left join place_in_clause using (mention_id)
    left join place_after using (mention_id)
    left join place_leading using (mention_id)
    left join place_topic using (mention_id)
    left join place_preceding using (mention_id)
    left join place_preceding_far using (mention_id)
    left join place_countries using (mention_id)
    left join place_cities using (mention_id)
    left join scope_continued using (mention_id)
    left join title_places on title_places.document_id = windowed.document_id
    left join global_titles on global_titles.document_id = windowed.document_id
),

-- A document in Chinese published in Hong Kong, Macao or Taiwan means that jurisdiction when it
-- says "national", "domestic" or "our country" (國內, 全國, 我國): Taiwan's 國發基金 is its National
-- Development Fund, and the figures no place is named for are the jurisdiction's, not China's.
publishing_jurisdictions as (
    {{ publishing_jurisdictions('entities') }}
    -- An English page from Taiwan ("Taipei Times") or whose title's place is Taiwan ("Taiwan
    -- government to foster 30,000 startups"): its "the country" and its unplaced figures are
    -- Taiwan's, as a Taiwan writer's 全國 is. (Not Hong Kong's or Macao's: their English press
    -- reports the mainland's national figures as national.)
    union all
    select documents.document_id, 'taiwan' as jurisdiction_id, 'TWD' as local_currency
    from documents
    where documents.document_id not in (select document_id from chinese_documents)
        and (
            regexp_matches(coalesce(documents.publisher, ''), '(?i)\b(taiwan|taipei)\b')
            or documents.document_id in (select document_id from heading_places where heading = 'title' and entity_id = 'taiwan')
        )
),

-- Chinese leaves out a subject the sentence before named ("去年资助建设科技孵化载体20个": the city
-- named before did): a figure of a Chinese document that nothing in its own sentence places
-- (it would fall to the document's title, publisher or the country) holds where the nearest of
-- the three sentences before it put a place, a named place rather than the country, when that
-- place is a subject the text can leave out: a self or whole word (我省, 本市, 全国), the country,
-- or a place within the one the document declares. A place named there in passing (a dateline's
-- city, another city an event took place in) leaves the declared place or the country.
--
-- A sentence setting several places side by side ("中部地区…;西部地区…") is no antecedent: the
-- next sentence's subject is none of them. Sentences split at a semicolon are one enumeration:
-- the places are counted over the run of sentences joined by ;/；.
sentence_runs as (
    select
        sentence_id,
        document_id,
        sum(case when coalesce(after_semicolon, false) then 0 else 1 end) over (
            partition by document_id order by sentence_index rows unbounded preceding
        ) as run_number
    from (
        select
            sentence_texts.*,
            lag(regexp_matches(sentence_text, '[;；]\s*$')) over (partition by document_id order by sentence_index) as after_semicolon
        from sentence_texts
        inner join chinese_documents using (document_id)
    ) as marked
),

-- A place inside quotation marks or title marks names a slogan, a campaign or a title ("夷陵區……
-- 唱響“我興楚鄉·創在宜昌”返鄉創業品牌"), not a second subject beside the sentence's own.
places_per_run as (
    select
        sentence_runs.document_id,
        sentence_runs.run_number,
        count(distinct entity_mentions.entity_id) filter (
            where entity_mentions.entity_id <> 'china'
                and not (
                    length(regexp_replace(mention_prefix, '[^“「《『]', '', 'g'))
                    > length(regexp_replace(mention_prefix, '[^”」》』]', '', 'g'))
                )
        ) as places_named
    from sentence_runs
    inner join (
        select
            entity_mentions.*,
            left(sentence_texts.sentence_text, (entity_mentions.start_char - sentence_texts.sentence_start_char)::integer)
                as mention_prefix
        from entity_mentions
        inner join sentence_texts using (sentence_id)
        where entity_mentions.places_the_figure
    ) as entity_mentions
        on entity_mentions.sentence_id = sentence_runs.sentence_id
    group by all
),

places_per_sentence as (
    select sentence_runs.sentence_id, places_per_run.places_named
    from sentence_runs
    inner join places_per_run using (document_id, run_number)
),

-- Joined below instead of correlated subqueries: DuckDB plans a correlated subquery over the
-- whole plan of `attributed` again, seconds of planning on any number of rows.
place_ancestor_pairs as (
    select entity_id, ancestor_id, bool_or(generation <= 2) as is_near
    from place_ancestors
    group by all
),

figure_sentences as (
    select distinct sentence_id from figures
),

place_sentences as (
    select distinct sentence_id from entity_mentions where entity_kind = 'place'
),

place_zero_anaphora as (
    select mention_id, entity_id, entity_mention_id, alias_text
    from (
        select attributed.mention_id, entity_mentions.entity_id, entity_mentions.entity_mention_id, entity_mentions.alias_text,
            places_per_sentence.places_named,
            -- the text speaks of itself or of the whole (我省, 本市, 全国, 我国) or names the
            -- country, or the place lies within the one the document declares (its title's,
            -- publisher's or text's place): a subject the next sentence can leave out (whole
            -- words: 本溪市 and 全椒县 are places, not 本市 or 全县)
            regexp_matches(entity_mentions.alias_text, '^((我|本|该|該|此)(省|市|区|區|县|縣|州|国|國|镇|鎮)|全(国|國|省|市|区|區|县|縣))$')
                or entity_mentions.entity_id = 'china'
                or declared.entity_id is not null
                -- or the sentence opens on the place as its topic ("梦想小镇,名副其实的放飞梦想之地。短短
                -- 一年,……聚集了590多个创业项目"): what the next sentence tells is of it
                or (
                    entity_mentions.start_char = topic.sentence_start_char
                    and regexp_matches(substr(topic.sentence_text, length(entity_mentions.alias_text) + 1, 2), '^\s?[，,]')
                ) as is_declared_subject
        from attributed
        inner join chinese_documents using (document_id)
        inner join entity_mentions
            on entity_mentions.document_id = attributed.document_id
            and entity_mentions.places_the_figure
            and entity_mentions.sentence_index between attributed.sentence_index - 3 and attributed.sentence_index - 1
        inner join places_per_sentence on places_per_sentence.sentence_id = entity_mentions.sentence_id
        inner join sentence_texts as topic on topic.sentence_id = entity_mentions.sentence_id
        left join place_ancestor_pairs as declared
            on attributed.geography_source in ('document_title', 'document_publisher', 'document_text')
            and declared.entity_id = entity_mentions.entity_id
            and declared.ancestor_id = attributed.geography_id
        left join figure_sentences as stated on stated.sentence_id = entity_mentions.sentence_id
        left join place_sentences as own on own.sentence_id = attributed.sentence_id
        -- the city or province that only locates the title's place ("张掖市高台县" in a text on
        -- 高台县) is not the subject the next sentence leaves out: the title's place is
        -- (the country is no such city: "全国…" before an unplaced figure is its subject)
        left join place_ancestor_pairs as titled
            on attributed.geography_source = 'document_title'
            and titled.entity_id = attributed.geography_id
            and titled.is_near
            and titled.ancestor_id = entity_mentions.entity_id
            and titled.ancestor_id <> 'china'
        where attributed.geography_source in ('document_title', 'document_publisher', 'document_text', 'default_national')
            -- the country said in passing (我国, 全国), in a sentence that gives no figure of its
            -- own, does not displace the place the document's title or publisher declares: a
            -- provincial page on its incubators that opens on the nation's economy still counts
            -- the province's ("全国共有孵化器5000家。其中…" still gives the country's)
            and not (
                entity_mentions.entity_id = 'china'
                and attributed.geography_source in ('document_title', 'document_publisher')
                and stated.sentence_id is null
            )
            -- a sentence naming a place only as a comparison ("占全国七成") has a subject of its own
            and own.sentence_id is null
            and titled.entity_id is null
        qualify row_number() over (
            partition by attributed.mention_id
            order by entity_mentions.sentence_index desc, entity_mentions.entity_id = 'china', entity_mentions.start_char
        ) = 1
    ) as nearest
    -- the world (全球, 世界各地) is a scope, never the subject left out of the next sentence; the
    -- nearest sentence naming it ("分布在全球48个国家") leaves no earlier place to take
    where places_named <= 1 and entity_id <> 'world' and is_declared_subject
),


-- A section headed by a place: a Chinese page that shows its districts or towns one by one under
-- headings of their names ("夷陵區", then a paragraph of its figures) places a figure nothing
-- nearer places in the place of the last heading before it, when that place lies within the one
-- the document declares. A heading is a short line with no sentence or clause mark and no number;
-- a heading naming no place ("示范園") ends the section.
section_headings as (
    select sentence_texts.document_id, sentence_texts.sentence_id, sentence_texts.sentence_index, sentence_texts.sentence_text
    from sentence_texts
    inner join chinese_documents using (document_id)
    where sentence_texts.sentence_index > 0
        and length(trim(sentence_texts.sentence_text)) between 2 and 20
        and not regexp_matches(sentence_texts.sentence_text, '[。！？!?，,；;、0-9０-９]')
),

section_heading_places as (
    select
        section_headings.document_id,
        section_headings.sentence_index,
        entity_mentions.entity_id,
        entity_mentions.entity_mention_id,
        entity_mentions.alias_text
    from section_headings
    inner join entity_mentions
        on entity_mentions.sentence_id = section_headings.sentence_id
        and entity_mentions.places_the_figure
        and entity_mentions.entity_id <> 'china'
    -- the heading is the name and nothing else (a colon or spaces aside)
    where length(regexp_replace(section_headings.sentence_text, '[\s:：]', '', 'g')) = length(entity_mentions.alias_text)
),

-- each sentence of a Chinese document with the index of the last heading before it
sentence_sections as (
    select
        sentence_texts.sentence_id,
        max(case when heading.sentence_id is not null then sentence_texts.sentence_index end) over (
            partition by sentence_texts.document_id order by sentence_texts.sentence_index
            rows between unbounded preceding and 1 preceding
        ) as heading_index
    from sentence_texts
    inner join chinese_documents using (document_id)
    left join section_headings as heading using (sentence_id)
),

place_section as (
    select attributed.mention_id, section_heading_places.entity_id, section_heading_places.entity_mention_id, section_heading_places.alias_text
    from attributed
    inner join sentence_sections using (sentence_id)
    -- the last heading before the figure is this place's
    inner join section_heading_places
        on section_heading_places.document_id = attributed.document_id
        and section_heading_places.sentence_index = sentence_sections.heading_index
    inner join place_ancestor_pairs as declared
        on declared.entity_id = section_heading_places.entity_id
        and declared.ancestor_id = attributed.geography_id
    left join place_sentences as own on own.sentence_id = attributed.sentence_id
    where attributed.geography_source in ('document_title', 'document_publisher', 'document_text')
        and own.sentence_id is null
),


-- "上海、广州、深圳和杭州分别以1858.2亿美元、1163.8亿美元、1146.3亿美元和973.0亿美元": 分别 or 依次
-- ("respectively", "in order") pairs the run of figures right after it (up to the clause's end)
-- with as many places before it, the last of them ("北京…67家…,上海、杭州、深圳为第二、三、四名,企业数量
-- 依次为35家、20家、12家,数量占比分别为21.6%、12.3%、7.4%": both runs are 上海, 杭州, 深圳's); the
-- figures after the run keep the place they had.
respectively_markers as (
    select
        listed.sentence_id,
        listed.sentence_text,
        listed.start_char as sentence_start_char,
        listed.start_char + positions.position - 1 as marker_char
    from {{ ref('stg_sentences') }} as listed
    cross join unnest(range(1, length(listed.sentence_text))) as positions(position)
    where {{ in_changed_documents('listed.document_id') }}
        and listed.document_id in (select document_id from chinese_documents)
        and regexp_matches(listed.sentence_text, '分别|分別|依次')
        and substr(listed.sentence_text, positions.position, 2) in ('分别', '分別', '依次')
),

respectively_places as (
    select
        respectively_markers.sentence_id,
        respectively_markers.marker_char,
        entity_mentions.entity_id,
        entity_mentions.entity_mention_id,
        entity_mentions.alias_text,
        row_number() over (partition by respectively_markers.sentence_id, respectively_markers.marker_char order by entity_mentions.start_char) as place_rank,
        count(*) over (partition by respectively_markers.sentence_id, respectively_markers.marker_char) as place_count
    from respectively_markers
    inner join pairable_places as entity_mentions
        on entity_mentions.sentence_id = respectively_markers.sentence_id
        and entity_mentions.end_char <= respectively_markers.marker_char
),

respectively_figures as (
    select
        *,
        row_number() over (partition by sentence_id, marker_char order by start_char) as figure_rank,
        count(*) over (partition by sentence_id, marker_char) as run_count
    from (
        -- the run: the figures after the marker joined only by 、, 和, 及 or 与
        select *
        from (
            select
                *,
                min(case when joined then 1 else 0 end) over (
                    partition by sentence_id, marker_char order by start_char rows unbounded preceding
                ) = 1 as in_run
            from (
                select
                    *,
                    coalesce(regexp_matches(
                        substr(
                            sentence_text,
                            ((lag(end_char) over (partition by sentence_id, marker_char order by start_char)) - sentence_start_char + 1)::integer,
                            (start_char - (lag(end_char) over (partition by sentence_id, marker_char order by start_char)))::integer
                        ),
                        '^\s*(、|和|及|与|與|以及|,|，)?\s*$'
                    ), true) as joined
                from (
                    -- each figure after a marker, with the nearest marker before it, when no clause ends between them
                    select
                        attributed.mention_id,
                        attributed.sentence_id,
                        attributed.start_char,
                        attributed.end_char,
                        respectively_markers.marker_char,
                        respectively_markers.sentence_text,
                        respectively_markers.sentence_start_char
                    from attributed
                    inner join respectively_markers
                        on respectively_markers.sentence_id = attributed.sentence_id
                        and attributed.start_char >= respectively_markers.marker_char
                    where attributed.equivalent_mention_id is null
                    qualify row_number() over (partition by attributed.mention_id order by respectively_markers.marker_char desc) = 1
                        and not regexp_matches(
                            substr(
                                respectively_markers.sentence_text,
                                (respectively_markers.marker_char - respectively_markers.sentence_start_char + 1)::integer,
                                (attributed.start_char - respectively_markers.marker_char)::integer
                            ),
                            '[,，;；。:：]'
                        )
                ) as after_marker
            ) as gaps
        ) as runs
        where in_run
    ) as run_figures
),

-- "the US, the European Union and Japan record only 2.7%, 2.3% and 0.6% respectively": in
-- English the figures come right before "respectively" and the places they pair with right
-- before the figures; the run of figures after the last place is paired, in order, with as
-- many places ending with that one.
english_respectively_markers as (
    select
        listed.sentence_id,
        listed.start_char + length(regexp_extract(listed.sentence_text, '^(.*?)\brespectively\b', 1)) as marker_char
    from {{ ref('stg_sentences') }} as listed
    where {{ in_changed_documents('listed.document_id') }}
        and regexp_matches(listed.sentence_text, '\brespectively\b')
        and listed.document_id not in (select document_id from chinese_documents)
),

english_respectively_places as (
    select
        *,
        -- the list the places end with ("the central, western and northeastern regions"): its
        -- items, counted back from the last place to the first place that is no list item
        coalesce(
            min(case when not is_list_item then place_rank_from_last end) over (partition by sentence_id) - 1,
            place_count
        ) as listed_count
    from (
        select
            english_respectively_markers.sentence_id,
            english_respectively_markers.marker_char,
            entity_mentions.entity_id,
            entity_mentions.entity_mention_id,
            entity_mentions.alias_text,
            entity_mentions.end_char,
            entity_mentions.is_list_item,
            row_number() over (partition by english_respectively_markers.sentence_id order by entity_mentions.start_char desc) as place_rank_from_last,
            count(*) over (partition by english_respectively_markers.sentence_id) as place_count
        from english_respectively_markers
        inner join pairable_places as entity_mentions
            on entity_mentions.sentence_id = english_respectively_markers.sentence_id
            and entity_mentions.end_char <= english_respectively_markers.marker_char
    )
),

english_respectively_figures as (
    select
        attributed.mention_id,
        attributed.sentence_id,
        row_number() over (partition by attributed.sentence_id order by attributed.start_char desc) as figure_rank_from_last,
        count(*) over (partition by attributed.sentence_id) as figure_count,
        last_place.place_count,
        last_place.listed_count
    from attributed
    inner join english_respectively_places as last_place
        on last_place.sentence_id = attributed.sentence_id
        and last_place.place_rank_from_last = 1
        and attributed.start_char >= last_place.end_char
        and attributed.end_char <= last_place.marker_char
    where attributed.equivalent_mention_id is null
),

place_respectively as (
    select respectively_figures.mention_id, respectively_places.entity_id, respectively_places.entity_mention_id, respectively_places.alias_text
    from respectively_figures
    inner join respectively_places
        on respectively_places.sentence_id = respectively_figures.sentence_id
        and respectively_places.marker_char = respectively_figures.marker_char
        and respectively_places.place_rank = respectively_places.place_count - respectively_figures.run_count + respectively_figures.figure_rank
    where respectively_figures.run_count between 2 and respectively_places.place_count
    union all
    -- one figure per place from the last back; more figures than places are runs, one per listed
    -- place each ("the central, western and northeastern regions was 1,362, 839.3 and 90.9 billion
    -- yuan, an increase of 8.4, 11.8 and 1.5 percent respectively")
    select english_respectively_figures.mention_id, english_respectively_places.entity_id,
        english_respectively_places.entity_mention_id, english_respectively_places.alias_text
    from english_respectively_figures
    inner join english_respectively_places
        on english_respectively_places.sentence_id = english_respectively_figures.sentence_id
        and english_respectively_places.place_rank_from_last = case
            when english_respectively_figures.figure_count <= english_respectively_figures.place_count
                then english_respectively_figures.figure_rank_from_last
            else (english_respectively_figures.figure_rank_from_last - 1) % english_respectively_figures.listed_count + 1
        end
    where english_respectively_figures.figure_count between 2 and english_respectively_figures.place_count
        or (
            english_respectively_figures.figure_count > english_respectively_figures.place_count
            and english_respectively_figures.listed_count >= 2
            and english_respectively_figures.figure_count % english_respectively_figures.listed_count = 0
        )
),

-- "郑州、洛阳、新乡三市集聚了497家企业", "集中在上海市、北京市…和江苏省,总计占比达72.13%": a Chinese
-- figure whose nearest place before it in its clause closes an enumeration of places (joined to
-- the place before by 、/和/及/与) holds for the places together, not for the last one named, nor
-- for the title's place. Not a count of the items themselves ("A、B、C等5家",
-- "郑州、洛阳、新乡3个国家高新区"), nor a figure 分别/依次 pairs or 其中 takes apart; a place a
-- bracket excepts ("浙江省(除宁波)") is no item.
enumerated_places as (
    select
        attributed.mention_id,
        attributed.start_char as figure_start_char,
        entity_mentions.entity_id,
        entity_mentions.entity_mention_id,
        entity_mentions.alias_text,
        entity_mentions.start_char,
        entity_mentions.end_char,
        sentence_texts.sentence_text,
        sentence_texts.sentence_start_char,
        lag(entity_mentions.end_char) over (partition by attributed.mention_id order by entity_mentions.start_char) as previous_end_char
    from attributed
    inner join chinese_documents using (document_id)
    inner join sentence_texts on sentence_texts.sentence_id = attributed.sentence_id
    inner join pairable_places as entity_mentions
        on entity_mentions.sentence_id = attributed.sentence_id
        and entity_mentions.start_char >= attributed.clause_start_char
        and entity_mentions.end_char <= attributed.start_char
    where not attributed.has_adjacent_place
        and not regexp_matches(
            right(left(sentence_texts.sentence_text, (entity_mentions.start_char - sentence_texts.sentence_start_char)::integer), 4),
            '[(（]\s*(除|不含|不包括)\s*$'
        )
),

-- Each place of enumerated_places with the words from it to the figure and whether it is joined to
-- the place before it (two places side by side, not one place among organisations' or parks'
-- names; a bracket holding a figure of its own, "四川(2.4%)、福建(2.4%)", makes each item its own).
enumerated_place_words as (
    select
        *,
        substr(sentence_text, (end_char - sentence_start_char + 1)::integer, (figure_start_char - end_char)::integer) as words_to_figure,
        regexp_matches(
            coalesce(
                case when previous_end_char <= start_char then
                    substr(sentence_text, (previous_end_char - sentence_start_char + 1)::integer, (start_char - previous_end_char)::integer)
                end,
                ''
            ),
            '^[省市]?\s*([(（][^()（）0-9]{0,10}[)）])?\s*(、|和|及|与|與|以及)\s*$'
        ) as is_joined,
        row_number() over (partition by mention_id order by start_char desc) as from_last
    from enumerated_places
),

place_enumerations as (
    select mention_id
    from enumerated_place_words
    where from_last = 1
        and is_joined
        -- the figure is the last item's own ("日本(六家)"), counts the items or follows the next
        -- item at once ("、新乡3个国家高新区")
        and not regexp_matches(words_to_figure, '^[省市]?\s*([(（][^()（）0-9,，、;；。]{0,4})?$')
        and not regexp_matches(words_to_figure, '^[省市]?\s*[、和及与與][^\s,，。;；:：0-9]{1,6}$')
        -- examples of a larger set ("等37个地方"), each of the places ("各11家", "皆为2处", "都以18家",
        -- "均达到"), a figure 分别/依次 pairs or 其中 takes apart, or a scope word of its own
        and not regexp_matches(words_to_figure, '(等|各|皆|均|都|分别|分別|依次|其中|全省|全市|全区|全區|全县|全縣|我省|我市|本省|本市)')
),

-- "天津、青岛、苏州各9家", "浙江(除宁波)、江苏两省各10家": one number said of each of several places
-- is placed, as the labelling guide places it, on the first of them (the warehouse keeps one row
-- per figure), not on the last one named; 各类/各级/各项 ("北京、上海各类孵化器300家") is no "each".
each_enumerations as (
    select
        mention_id,
        arg_max(entity_id, start_char) filter (where not is_joined) as entity_id,
        arg_max(entity_mention_id, start_char) filter (where not is_joined) as entity_mention_id,
        arg_max(alias_text, start_char) filter (where not is_joined) as alias_text
    from enumerated_place_words
    group by mention_id
    having bool_or(
        from_last = 1
        and is_joined
        and regexp_matches(words_to_figure, '^[省市]?\s*([两二三四五六七八九十]+[个個]?[省市地区區城])?\s*各([^类類级級项項地界种種自]|$)')
    )
),

-- "China's unicorns are based in Beijing, Shanghai, Hangzhou and Shenzhen, with a combined number
-- of 156", "concentrated in Beijing, Shanghai, Guangdong, and Zhejiang, accounting for 90.4%": an
-- English figure after a list of three or more places (int_entity_mentions_located's list items)
-- in its clause, with no other place between, sums over the places together: not the country
-- named before the list, nor the title's place. A figure "respectively" pairs with an item keeps
-- it.
english_enumerations as (
    select attributed.mention_id
    from attributed
    inner join {{ ref('int_entity_mentions_located') }} as listed
        on listed.sentence_id = attributed.sentence_id
        and listed.entity_kind = 'place'
        and listed.is_list_item
        and listed.start_char >= attributed.clause_start_char
        and listed.end_char <= attributed.start_char
    where attributed.document_id not in (select document_id from chinese_documents)
        and not exists (
            select 1 from entity_mentions as between_places
            where between_places.sentence_id = attributed.sentence_id
                and between_places.places_the_figure
                and between_places.start_char >= listed.end_char
                and between_places.end_char <= attributed.start_char
        )
        and not exists (
            select 1 from {{ ref('int_entity_mentions_located') }} as paired
            where paired.sentence_id = attributed.sentence_id
                and paired.is_list_item
                and paired.entity_id = attributed.geography_id
        )
),

chinese_placed as (
    select
        attributed.* replace (
            case
                when attributed.geography_source = 'threshold' then attributed.geography_id
                when place_respectively.entity_id is not null then place_respectively.entity_id
                when each_enumerations.entity_id is not null then each_enumerations.entity_id
                when place_enumerations.mention_id is not null then null
                when place_zero_anaphora.entity_id is not null then place_zero_anaphora.entity_id
                when place_section.entity_id is not null then place_section.entity_id
                else attributed.geography_id
            end as geography_id,
            case
                when attributed.geography_source = 'threshold' then attributed.geography_source
                when place_respectively.entity_id is not null then 'same_clause'
                when each_enumerations.entity_id is not null then 'same_clause'
                when place_enumerations.mention_id is not null then 'several_places'
                when place_zero_anaphora.entity_id is not null then 'preceding_sentence'
                when place_section.entity_id is not null then 'section_heading'
                else attributed.geography_source
            end as geography_source,
            case when attributed.geography_source = 'threshold' then attributed.geography_evidence_id
                when place_respectively.entity_id is null and place_enumerations.mention_id is not null then null else
                coalesce(place_respectively.entity_mention_id, each_enumerations.entity_mention_id, place_zero_anaphora.entity_mention_id, place_section.entity_mention_id, attributed.geography_evidence_id) end
                as geography_evidence_id,
            case when attributed.geography_source = 'threshold' then attributed.geography_evidence_text
                when place_respectively.entity_id is null and place_enumerations.mention_id is not null then null else
                coalesce(place_respectively.alias_text, each_enumerations.alias_text, place_zero_anaphora.alias_text, place_section.alias_text, attributed.geography_evidence_text) end
                as geography_evidence_text
        )
    from attributed
    -- a place written right before the figure is its own, whatever 分别 pairs with it
    left join place_respectively
        on place_respectively.mention_id = attributed.mention_id and not attributed.has_adjacent_place
    left join place_zero_anaphora on place_zero_anaphora.mention_id = attributed.mention_id
    left join place_section on place_section.mention_id = attributed.mention_id
    left join each_enumerations
        on each_enumerations.mention_id = attributed.mention_id and not attributed.has_adjacent_place
    left join (
        select mention_id from place_enumerations
        union
        select mention_id from english_enumerations
    ) as place_enumerations on place_enumerations.mention_id = attributed.mention_id
),

jurisdiction_placed as (
    select
        chinese_placed.* replace (
            case
                when chinese_documents.document_id is not null
                    and chinese_placed.geography_source in ('document_title', 'document_publisher', 'document_text', 'preceding_sentence', 'discourse_topic')
                    and regexp_matches(chinese_placed.clause_before_text || chinese_placed.clause_after_text, '(我省|本省|省委|省政府|省发改委|省發改委|省财政|省財政|省科技厅|省科技廳|省级财政|省級財政|省级资金|省級資金)')
                    -- the city that speaks of itself ("我市…累计建成省级科技企业孵化器10家") counts its own
                    -- provincial-level incubators: its figure stays the city's
                    and coalesce(chinese_placed.geography_evidence_text, '') not in ('我市', '本市')
                    then coalesce(province_levels.province_id, chinese_placed.geography_id)
                else chinese_placed.geography_id
            end as geography_id
        ),
        publishing_jurisdictions.jurisdiction_id
    from chinese_placed
    left join chinese_documents using (document_id)
    left join province_levels on province_levels.entity_id = chinese_placed.geography_id
    left join publishing_jurisdictions using (document_id)
),

-- A company's own filing in Chinese (an annual report, a financial statement, published by the
-- company: "创业黑马科技集团" publishing "2022年度财务决算报告"): its figures are the company's, and
-- one its own sentence does not place holds nowhere in particular, not in the country.
company_filings as (
    select document_id
    from documents
    where document_id in (select document_id from chinese_documents)
        and regexp_matches(publisher, '(集团|集團|公司|股份|控股|(?i:\bgroup\b|\bholdings\b|\binc\b|\bco\.|\bltd\b|\blimited\b|\bcorporation\b))')
        and not regexp_matches(publisher, '(报业|報業|日报|日報|新闻|新聞|传媒|傳媒|(?i:\bpress\b|\bdaily\b|\bnews\b|\bmedia\b))')
        and regexp_matches(title, '(年度报告|年度報告|年报|年報|半年度|季度报告|季度報告|财务|財務|决算|決算|业绩|業績|财报|財報|招股)')
),

-- A Chinese story on one company's financing, listing or results, told by its title ("天天果园获1亿元
-- D+轮融资", "小鹏汽车启动总额22亿B轮融资", "优客工场赴美上市", "某公司发布2021年第一季度财报", "某科技向港交所
-- 递交招股书"): the
-- company named first is its subject, and the figures its sentences do not place are the company's,
-- held nowhere in particular (not a tally of the country's deals: "本周76起投融资事件" opens on no name).
company_stories as (
    select document_id
    from documents
    where document_id in (select document_id from chinese_documents)
        and regexp_matches(
            coalesce(title, ''),
            '^[“"]?[^，,:：。;；\s“”"]{2,12}?[”"]?(获|獲|完成|启动|啟動|啓動|宣布|公布|发布|發布|發佈|赴美|赴港|拟|擬|冲刺|衝刺|递交|遞交|提交)[^，,:：。]{0,14}(融资|融資|[A-Fa-f][+]*[轮輪]|天使[轮輪]|上市|IPO|招股|财报|財報|业绩|業績)'
        )
        and not regexp_matches(coalesce(title, ''), '^[^，,:：。]{0,12}(全国|全國|我国|我國|中国|中國|全省|全市|企业|企業|公司们|独角兽|獨角獸|本周|本月|今年|上半年)')
    union
    -- a title that opens on a name (after a column's label, "企業放榜:") and goes on to its results
    -- ("小鹏汽车穿越“血海”:三季度财报等……", "小鵬汽車上季淨蝕近16億人幣"), naming no place, no board,
    -- market or kind of companies, no zone, industry or teams
    select document_id
    from documents
    where document_id in (select document_id from chinese_documents)
        and regexp_matches(
            coalesce(title, ''),
            '^([^，,:：。]{1,6}[:：])?[“"]?[^，,:：。;；\s“”"0-9]{2,10}[^，,。;；]{0,12}(财报|財報|业绩|業績|淨蝕|净蚀|净亏|淨虧|净利|淨利|营收|營收)'
        )
        and not regexp_matches(
            coalesce(title, ''),
            '(全国|全國|我国|我國|全省|全市|上市公司|A股|港股|美股|创业板|創業板|科创板|科創板|企业们|公司们|独角兽|獨角獸|高新区|高新區|园区|園區|开发区|開發區|行业|行業|产业|產業|团队|團隊|部[:：])'
        )
        -- (a count opening the title is of many: "三〇三支创业团队今年营收3.3亿元")
        and not regexp_matches(coalesce(title, ''), '^[^，,:：]{0,6}?[0-9〇零一二两兩三四五六七八九十百千万萬]+(支|家|个|個|名|位|项|項|所|间|間)')
        and document_id not in (select document_id from heading_matches where heading = 'title')
),

-- the documents whose unplaced figures are one company's
company_documents as (
    select document_id from company_filings
    union
    select document_id from company_stories
),

final as (
    select
        * exclude (sentence_before_text, sentence_after_text, place_reference_text, jurisdiction_id, has_adjacent_place, is_definition_bar, is_bar) replace (
            case
                when geography_id = 'china' and jurisdiction_id is not null
                    and (
                        geography_source = 'default_national'
                        or regexp_matches(
                            coalesce(geography_evidence_text, ''),
                            '^(国内|國內|本国|本國|nationwide|nationally|national level|across the (nation|country)|in the country|the country|the nation)$'
                        )
                        -- in Hong Kong and Macao "全國" (the whole country) and "我國" are China; only
                        -- Taiwan's writers mean their own jurisdiction by them
                        or (jurisdiction_id = 'taiwan' and regexp_matches(
                            coalesce(geography_evidence_text, ''),
                            '^(全国|全國|全国各地|全國各地|我国|我國|国家|國家)$'
                        ))
                    )
                    then jurisdiction_id
                -- an organisation's figure no words place, in a Hong Kong, Macao or Taiwan paper: a
                -- local fund's or company's ("我们投入20亿港元设立创科创投基金"), the jurisdiction's
                when geography_id is null and geography_source is null and jurisdiction_id is not null
                    and is_organisation_figure and coalesce(measure_cue, '') not like 'threshold:%'
                    then jurisdiction_id
                -- a Taiwan writer's 中部地區 and 東部地區 are Taiwan's regions, not the mainland's
                when jurisdiction_id = 'taiwan' and geography_id in ('central_china', 'eastern_china')
                    and regexp_matches(coalesce(geography_evidence_text, ''), '^(中部|東部|东部)')
                    then replace(geography_id, '_china', '_taiwan')
                else geography_id
            end as geography_id,
            case
                when geography_id is null and geography_source is null and jurisdiction_id is not null
                    and is_organisation_figure and coalesce(measure_cue, '') not like 'threshold:%'
                    then 'document_publisher'
                else geography_source
            end as geography_source
        ),
        -- the words before the figure speak for an organisation ("我们每年大概看1000-2000个", "本公司"),
        -- in a mainland paper: an investor's or a company's own figure (not an official's: "局长
        -- 表示,我们…")
        jurisdiction_id is null
            and regexp_matches(sentence_before_text, '(我们|我們|我司|本公司|本行|本集团|本集團)')
            and not regexp_matches(sentence_before_text, '(政府|局长|局長|市长|市長|省长|省長|区长|區長|县长|縣長|书记|書記|主任|厅长|廳長|部长|部長|官员|官員)')
            as speaks_for_organisation,
        -- an organisation's valuation is the organisation's, wherever it is ranked or seated ("我国最大
        -- 移动支付平台……蚂蚁集团以1万亿元估值", "以5600億元估值穩坐全球第二大獨角獸"): no place
        is_organisation_figure and {{ valuation_of_figure('sentence_before_text', 'sentence_after_text') }}
            as is_organisation_valuation
    from jurisdiction_placed
),

-- A company's own filing or story (company_documents), or the first person of a speaker who is no
-- government's (an investor at a round table): a Chinese figure its own sentence does not place
-- holds nowhere in particular. The
-- speaker's figure does so only where nothing but the country or the text's most named place would
-- place it; a place the title, the publisher or the sentences before declare keeps it.
organisation_voices as (
    select document_id, false as first_person_only from company_documents
    union all
    select documents.document_id, true as first_person_only
    from documents
    where documents.document_id in (select document_id from chinese_documents)
        and documents.document_id not in (select document_id from company_documents)
        and not regexp_matches(
            coalesce(documents.publisher, ''),
            '(政府|人大|政协|政協|委员会|委員會|部|局|署|厅|廳|中心|办公室|辦公室|(?i:government|ministry|bureau|department|commission|council|administration|office|cent(er|re)|congress|agency))'
        )
)

select
    * exclude (is_filing_default, speaks_for_organisation, is_organisation_valuation) replace (
        case when is_filing_default or is_organisation_valuation then null else geography_id end as geography_id,
        case when is_filing_default or is_organisation_valuation then null else geography_source end as geography_source,
        case when is_filing_default or is_organisation_valuation then null else geography_evidence_id end as geography_evidence_id,
        case when is_filing_default or is_organisation_valuation then null else geography_evidence_text end as geography_evidence_text
    )
from (
    select
        final.*,
        organisation_voices.document_id is not null
            and (not organisation_voices.first_person_only
                -- the speaker's own figure where the document declares no place of its own: a
                -- place its title, publisher or the sentences before give stays the figure's
                or (final.speaks_for_organisation and coalesce(final.geography_source, '') in ('default_national', 'document_text')))
            and coalesce(final.geography_source, '') in ('default_national', 'document_lead', 'document_title', 'document_publisher', 'document_text', 'preceding_sentence', 'discourse_topic')
            as is_filing_default
    from final
    left join organisation_voices using (document_id)
) as marked
