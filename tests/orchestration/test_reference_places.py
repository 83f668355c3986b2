"""Reference places: countries and large cities, English and Chinese names, from bundled data."""

from __future__ import annotations

import pytest

from orchestration.defs.reference import places


@pytest.fixture(scope="module")
def rows_by_id() -> dict[str, dict]:
    return {row["entity_id"]: row for row in places.place_rows()}


def test_every_country_with_its_chinese_names(rows_by_id):
    albania = rows_by_id["albania"]
    assert albania["aliases"].split("|") == ["Albania", "阿尔巴尼亚", "阿爾巴尼亞"]
    assert albania["geography_id"] is None and albania["kind"] == "place"
    assert sum(row["note"].startswith("country") for row in rows_by_id.values()) == 252
    # Hong Kong, Macao and Taiwan hang under China, as in the curated seed
    assert rows_by_id["hong_kong"]["geography_id"] == "china"
    # the names Taiwan and Hong Kong write (the CLDR's zh_Hant, zh_Hant_HK), in both scripts
    assert rows_by_id["indonesia"]["aliases"].split("|") == ["Indonesia", "印度尼西亚", "印度尼西亞", "印尼"]
    assert {"澳洲", "南韓", "南韩", "紐西蘭", "纽西兰", "沙地阿拉伯", "阿聯酋"} <= {
        alias for entity_id in ("australia", "south_korea", "new_zealand", "saudi_arabia", "united_arab_emirates")
        for alias in rows_by_id[entity_id]["aliases"].split("|")
    }


def test_chinese_cities_take_geonames_english_spelling(rows_by_id):
    # GeoNames lists old names too (宝安, 新安 for Shenzhen): only the one spelling the English
    # name in pinyin gives the division its English name
    assert rows_by_id["shenzhen"]["aliases"].split("|") == ["Shenzhen", "深圳市", "深圳"]
    assert rows_by_id["shenzhen"]["parent_entity_id"] == "guangdong"
    assert "新安" not in rows_by_id["shenzhen"]["aliases"]
    assert rows_by_id["tokyo"]["geography_id"] == "japan"


def test_cities_english_names_from_mongolian_uyghur_and_tibetan(rows_by_id):
    # English writes Ordos and Kashgar, not (only) the pinyin Eerduosi and Kashi
    assert rows_by_id["ordos"]["aliases"].split("|")[:3] == ["Ordos", "Eerduosi City", "Eerduosi city"]
    assert rows_by_id["ordos"]["parent_entity_id"] == "inner_mongolia"
    # the city GeoNames names, 喀什市; the prefecture around it keeps its pinyin name
    assert rows_by_id["kashgar"]["aliases"].split("|")[:2] == ["Kashgar", "Kashi City"]
    assert rows_by_id["kashi"]["name"] == "Kashi Prefecture"
    assert "eerduosi" not in rows_by_id
    # elsewhere GeoNames files cities under a town's name: 海东市 stays Haidong, not Nianbo; Tibet's
    # cities keep pinyin (Shannan, not Lhoka)
    assert "nianbo" not in rows_by_id and "海东市" in rows_by_id["haidong"]["aliases"]
    assert "lhoka" not in rows_by_id and rows_by_id["shannan"]["name"] == "Shannan"
    # and under a part of them: 和田市 is not Gujangbagh, a street of it
    assert "gujangbagh" not in rows_by_id


def test_districts_hang_under_their_city_in_both_scripts_and_languages(rows_by_id):
    binjiang = rows_by_id["binjiang"]
    assert binjiang["name"] == "Binjiang District" and binjiang["parent_entity_id"] == "hangzhou"
    assert rows_by_id["hangzhou"]["parent_entity_id"] == "zhejiang"
    assert binjiang["aliases"].split("|") == [
        "Binjiang District", "Binjiang district", "滨江区", "濱江區", "滨江", "濱江",
        "杭州市滨江区", "杭州市濱江區", "杭州滨江区", "杭州濱江區",
    ]
    # an autonomous prefecture goes by its name without the nationalities
    assert "延边" in rows_by_id["yanbian"]["aliases"].split("|")


def test_a_name_two_divisions_share_needs_its_parent(rows_by_id):
    # 鼓楼区 is a district of Nanjing, Fuzhou, Xuzhou and Kaifeng
    gulou = rows_by_id["gulou"]["aliases"].split("|")
    assert "鼓楼区" not in gulou and "鼓楼" not in gulou and "南京市鼓楼区" in gulou
    assert rows_by_id["suzhou"]["parent_entity_id"] == "jiangsu"
    assert rows_by_id["suzhou_anhui"]["aliases"].split("|") == ["宿州市", "宿州"]


def test_a_name_that_is_also_a_word_needs_its_suffix(rows_by_id):
    aliases = {alias for row in rows_by_id.values() for alias in row["aliases"].split("|")}
    # 新兴县 "emerging", 平安区 "safe", 合作市 "cooperation", 城区 "urban area"
    assert {"新兴县", "平安区", "合作市"} <= aliases
    assert not {"新兴", "平安", "合作", "城区", "矿区"} & aliases


def test_a_large_city_written_with_common_characters_keeps_its_bare_name(rows_by_id):
    # 常州 and 株洲 (a city of over a million whose characters are common, 株洲 also its own county's
    # name with 县) are written bare in the news; a smaller one (东营, "广东营业") or a name the
    # dictionary knows as another word keeps its suffix
    assert "常州" in rows_by_id["changzhou"]["aliases"].split("|")
    assert "株洲" in rows_by_id["zhuzhou"]["aliases"].split("|")
    assert "东营" not in rows_by_id["dongying"]["aliases"].split("|")
    assert "保定" not in rows_by_id["baoding"]["aliases"].split("|")  # also a verb


def test_world_cities_by_their_chinese_names(rows_by_id):
    assert rows_by_id["london"]["aliases"].split("|") == ["London", "伦敦", "倫敦"]
    assert {"旧金山", "舊金山"} <= set(rows_by_id["san_francisco"]["aliases"].split("|"))
    assert rows_by_id["new_york"]["name"] == "New York City" and "纽约" in rows_by_id["new_york"]["aliases"]


def test_each_spelling_names_one_place_countries_first(rows_by_id):
    seen: dict[str, str] = {}
    for row in rows_by_id.values():
        for alias in row["aliases"].split("|"):
            assert alias not in seen, (alias, seen.get(alias), row["entity_id"])
            seen[alias] = row["entity_id"]
    assert seen["Singapore"] == "singapore" and rows_by_id["singapore"]["note"].startswith("country")
    assert not set(places.AMBIGUOUS_CITY_NAMES) & set(seen)


def test_slugs_are_ascii_snake_case():
    assert places.slug("Côte d'Ivoire") == "cote_d_ivoire"
    assert places.slug("Mexico City") == "mexico_city"


def test_the_rows_are_computed_once_per_key_and_read_back_equal(tmp_path, monkeypatch, rows_by_id):
    from orchestration.defs.reference import assets

    monkeypatch.setenv("REFERENCE_PLACES_CACHE", str(tmp_path))
    first = assets.cached_place_rows("key-a")
    assert {row["entity_id"]: row for row in first} == rows_by_id
    assert [path.name for path in tmp_path.iterdir()] == ["key-a.json"]

    def not_again():
        raise AssertionError("the rows of a kept key were computed again")

    monkeypatch.setattr(places, "place_rows", not_again)
    assert assets.cached_place_rows("key-a") == first
    (tmp_path / "key-a.json").write_text('[{"entity_id": "tru')  # a damaged copy is computed again
    with pytest.raises(AssertionError, match="computed again"):
        assets.cached_place_rows("key-a")


def test_development_zones_hang_under_their_city_in_both_languages(rows_by_id):
    xixian = rows_by_id["xixian_new_area"]
    assert xixian["parent_entity_id"] == "shaanxi"
    assert {"Xixian New Area", "西咸新区", "西咸新區"} <= set(xixian["aliases"].split("|"))
    xian_zone = rows_by_id["xian_high_tech_zone"]
    assert xian_zone["parent_entity_id"] == "xian"
    assert {"Xi'an High-tech Zone", "Xi'an Hi-Tech Industrial Development Zone", "西安高新区"} <= set(xian_zone["aliases"].split("|"))
    # the spellings English texts use: "Industries Development Zone", "National ... District", "... Area"
    assert {"Xi'an High-Tech Industries Development Zone", "Xi'an National Hi-tech District",
            "Xi'an High-Technology Industry Development Area"} <= set(xian_zone["aliases"].split("|"))
    park = rows_by_id["hong_kong_science_park"]
    assert park["parent_entity_id"] == "hong_kong" and "HKSTP" in park["aliases"].split("|")
    # a zone is of a district's level: "the zone", "the park" refer back to it (place_level)
    assert park["note"].startswith("district")


def test_the_division_tables_high_tech_and_economic_zones_are_places_under_their_city(rows_by_id):
    luoyang = rows_by_id["luoyang_high_tech_zone"]
    assert luoyang["parent_entity_id"] == "luoyang" and luoyang["note"].startswith("district-level zone")
    assert {"洛阳高新区", "洛陽高新區", "洛阳高新技术产业开发区", "Luoyang National Hi-tech Industrial Development Zone"} <= set(
        luoyang["aliases"].split("|")
    )
    assert luoyang["context_aliases"] == "高新区|高新區"  # its city's only one
    yantai = rows_by_id["yantai_economic_development_zone"]
    assert {"烟台经开区", "Yantai Economic and Technological Development Zone"} <= set(yantai["aliases"].split("|"))
    # a zone's own word after the city: pinyin, or English where texts translate it; 火炬 is no second zone
    assert rows_by_id["changchun_jingyue_high_tech_zone"]["context_aliases"] == ""
    assert rows_by_id["baotou_rare_earth_high_tech_zone"]["name"] == "Baotou Rare Earth High-tech Zone"
    assert {"威海高新区", "Weihai Torch High-tech Zone"} <= set(rows_by_id["weihai_high_tech_zone"]["aliases"].split("|"))
    # a county-level city's zone under it: 昆山高新区
    kunshan = rows_by_id["kunshan_high_tech_zone"]
    assert kunshan["parent_entity_id"] == "kunshan" and {"昆山高新区", "Kunshan Hi-Tech Zone"} <= set(kunshan["aliases"].split("|"))
    # a national economic and technological development zone, in both languages under one id
    wuhan = rows_by_id["wuhan_economic_development_zone"]
    assert {"武汉经开区", "武漢經濟技術開發區", "Wuhan Economic and Technological Development Zone"} <= set(wuhan["aliases"].split("|"))
    assert "TEDA" in rows_by_id["tianjin_economic_development_zone"]["aliases"].split("|")
    # a zone listed by hand keeps its row: no second id for 乌鲁木齐高新区
    assert "wulumuqi_high_tech_zone" not in rows_by_id and "乌鲁木齐高新区" in rows_by_id["urumqi_high_tech_zone"]["aliases"]


def test_pilot_free_trade_zones_and_their_city_areas(rows_by_id):
    sichuan = rows_by_id["sichuan_free_trade_zone"]
    assert sichuan["parent_entity_id"] == "sichuan" and {"China (Sichuan) Pilot Free Trade Zone", "四川自贸试验区"} <= set(
        sichuan["aliases"].split("|")
    )
    chengdu = rows_by_id["chengdu_free_trade_zone"]
    assert chengdu["parent_entity_id"] == "chengdu"
    assert {"Chengdu Area of China (Sichuan) Pilot Free Trade Zone", "Chengdu Pilot Free Trade Zone", "成都片区",
            "中国(四川)自由贸易试验区成都片区"} <= set(chengdu["aliases"].split("|"))
    assert "自贸区" in rows_by_id["shanghai_free_trade_zone"]["context_aliases"].split("|")


def test_every_state_level_new_area_is_a_place(rows_by_id):
    # 19 state-level new areas: Pudong and Binhai are divisions already (浦东新区, 滨海新区), Nansha
    # goes by its district; the other 16 are listed as zones
    new_areas = [row for row in rows_by_id.values() if row["note"].startswith("district-level zone: state-level new area")]
    assert len(new_areas) == 16
    assert rows_by_id["pudong"]["name"] == "Pudong New Area" and rows_by_id["binhai"]["name"] == "Binhai New Area"
    assert rows_by_id["xiongan_new_area"]["parent_entity_id"] == "hebei"
    assert rows_by_id["tianfu_new_area"]["parent_entity_id"] == "chengdu"


def test_taiwans_divisions_hang_under_taiwan_by_their_chinese_names(rows_by_id):
    # the mainland's division table stops at 台湾省; GeoNames names New Taipei only in English
    new_taipei = rows_by_id["new_taipei"]
    assert new_taipei["parent_entity_id"] == "taiwan"
    assert {"新北市", "新北"} <= set(new_taipei["aliases"].split("|"))
    assert {"臺北市", "台北市"} <= set(rows_by_id["taipei"]["aliases"].split("|"))
    # a county's bare name is its seat's (嘉義 is the city): the county needs 縣
    assert rows_by_id["chiayi_county"]["aliases"].split("|") == ["Chiayi County", "嘉義縣", "嘉义县"]
    assert "嘉義" in rows_by_id["chiayi"]["aliases"].split("|")
    # the mainland counties of the same pinyin are told apart by their city
    assert rows_by_id["taoyuan"]["note"] == "municipality 桃園市 (Taiwan)"
    assert "桃源县" in rows_by_id["taoyuan_changde"]["aliases"].split("|")
    assert "依兰县" in rows_by_id["yilan_haerbin"]["aliases"].split("|")
    # (20 divisions and Taiwan's 4 regions)
    assert sum(row["parent_entity_id"] == "taiwan" for row in rows_by_id.values()) == 24


def test_taiwans_regions_are_named_by_their_words_only_beside_taiwan(rows_by_id):
    # "北部地區有49處新創聚落…南部地區有25處": words of any region, so context aliases under Taiwan
    northern = rows_by_id["northern_taiwan"]
    assert (northern["parent_entity_id"], northern["note"]) == ("taiwan", "region of Taiwan")
    assert northern["aliases"].split("|") == ["Northern Taiwan", "北台灣", "北台湾", "北臺灣"]
    assert northern["context_aliases"].split("|") == ["北部地區", "北部地区", "北部"]
    assert [rows_by_id[f"{side}_taiwan"]["name"] for side in ("central", "southern", "eastern")] == [
        "Central Taiwan", "Southern Taiwan", "Eastern Taiwan",
    ]


def test_divisions_made_after_the_bundled_table_come_from_the_newer_one(rows_by_id):
    # Shenzhen's 龙华区 (2016), 坪山区 (2016) and 光明区 (2018); Haikou's older 龙华区 gives way to
    # it for the plain slug, the more populous city's district keeping it
    longhua = rows_by_id["longhua"]
    assert longhua["parent_entity_id"] == "shenzhen" and "深圳市龙华区" in longhua["aliases"].split("|")
    assert rows_by_id["longhua_haikou"]["parent_entity_id"] == "haikou"
    assert rows_by_id["guangming"]["parent_entity_id"] == "shenzhen"
    assert "坪山区" in rows_by_id["pingshan"]["aliases"].split("|")
    # a county made a district is the same place under its new name too (临安市 -> 临安区, 2017)
    linan = rows_by_id["linan"]["aliases"].split("|")
    assert {"临安市", "临安区", "杭州临安区"} <= set(linan)
    # the newer table's statistical zones are not divisions (天府新区 stays the zone)
    assert "天府新区" in rows_by_id["tianfu_new_area"]["aliases"].split("|")


def test_a_shared_or_word_like_district_name_is_a_context_alias(rows_by_id):
    # 南山区 is Shenzhen's and Hegang's, 南山 and 光明 are words too: names of the district only
    # in a document naming its city
    nanshan = rows_by_id["nanshan"]
    assert nanshan["parent_entity_id"] == "shenzhen" and rows_by_id["nanshan_hegang"]["parent_entity_id"] == "hegang"
    assert "南山区" not in nanshan["aliases"].split("|")
    assert nanshan["context_aliases"].split("|") == ["Nanshan District", "Nanshan district", "Nanshan", "南山区", "南山區", "南山"]
    assert rows_by_id["guangming"]["context_aliases"].split("|") == ["Guangming", "光明"]
    assert "和平区" in rows_by_id["heping"]["context_aliases"].split("|")
    # a unique name is an alias anywhere, its bare pinyin a context alias (also a given name)
    assert "滨江" in rows_by_id["binjiang"]["aliases"].split("|")
    assert rows_by_id["binjiang"]["context_aliases"] == "Binjiang"
    # a city's high-tech zone is 高新区 in its documents; countries have no context aliases
    assert rows_by_id["zhengzhou_high_tech_zone"]["context_aliases"] == "高新区|高新區"
    assert rows_by_id["albania"]["context_aliases"] == ""
    # a prefecture-level city too small for its bare English name anywhere has it where its
    # province is named ("In Huangshan, a city in Anhui province"); a large one has it everywhere
    assert "Huangshan" not in rows_by_id["huangshan"]["aliases"].split("|")
    assert rows_by_id["huangshan"]["context_aliases"].split("|")[0] == "Huangshan"
    assert "Wuhu" in rows_by_id["wuhu"]["aliases"].split("|") and "Wuhu" not in rows_by_id["wuhu"]["context_aliases"].split("|")


def test_a_countys_bare_name_that_is_an_everyday_word_needs_its_suffix(rows_by_id):
    # 同仁 is "colleagues" ("市府同仁共同祈福"), though the dictionary tags it as a name
    tongren = rows_by_id["tongren_huangnan"]
    assert "同仁县" in tongren["aliases"].split("|") and "同仁" not in tongren["aliases"].split("|")


def test_a_prefectures_bare_name_of_common_characters_is_a_context_alias(rows_by_id):
    # 烟台 and 德州 are words of common characters (德州 is also Texas), 东营 is also a district's
    # name: the bare name is the prefecture's only in a document naming its province, beside
    # another prefecture of it ("产值总量前三名为烟台、青岛、东营")
    for entity_id, bare in (("yantai", "烟台"), ("dezhou", "德州"), ("dongying", "东营")):
        row = rows_by_id[entity_id]
        assert bare not in row["aliases"].split("|")
        assert bare in row["context_aliases"].split("|")
        assert row["parent_entity_id"] == "shandong"
    assert rows_by_id["yantai"]["context_aliases"] == "烟台|煙臺"
    # a bare name already matched anywhere is no context alias; nor is the province's own name
    # (吉林 names the province first)
    assert "青岛" in rows_by_id["qingdao"]["aliases"].split("|") and rows_by_id["qingdao"]["context_aliases"] == ""
    assert rows_by_id["jilin_jilin"]["context_aliases"] == ""


def test_english_spellings_of_divisions(rows_by_id):
    # pinyin's ü is written u (and v) in English; the slug drops it
    lushunkou = rows_by_id["lushunkou"]
    assert lushunkou["name"] == "Lüshunkou District"
    assert {"Lushunkou District", "Lvshunkou District", "Lüshunkou District"} <= set(lushunkou["aliases"].split("|"))
    # a one-syllable county is written and slugged with its kind (新县 Xin County)
    assert rows_by_id["xin_county"]["aliases"].split("|")[:2] == ["Xin County", "Xin county"]
    # a syllable opening with a vowel is set off (临安 Lin'an), and a renamed division takes its new kind
    assert {"Lin'an District", "Lin’an City", "Linan District"} <= set(rows_by_id["linan"]["aliases"].split("|"))
    assert "xin" not in rows_by_id


def test_place_names_read_their_characters_as_places_do(rows_by_id):
    # 长, 都 and 朝 are read chang, du and chao in place names, not as in 长子 "eldest son",
    # 都 "all" or 朝阳 "morning sun"
    assert rows_by_id["changning"]["name"] == "Changning District" and "长宁区" in rows_by_id["changning"]["aliases"]
    assert rows_by_id["huadu"]["name"] == "Huadu District" and rows_by_id["pidu"]["name"] == "Pidu District"
    assert rows_by_id["changzhi"]["name"] == "Changzhi" and rows_by_id["duchang"]["name"] == "Duchang County"
    assert "Chaoyang District" in rows_by_id["chaoyang_beijing"]["context_aliases"].split("|")
    assert not {"zhangning", "huadou", "pidou", "zhangzhi", "douchang", "zhaoyang_beijing"} & set(rows_by_id)
    # a name whose established spelling keeps the everyday reading
    assert rows_by_id["zhangzi"]["name"] == "Zhangzi County"
    # names whose characters read otherwise there only: 闵行 Minhang, 漯河 Luohe, 单县 Shan County
    assert rows_by_id["minhang"]["name"] == "Minhang District" and "闵行区" in rows_by_id["minhang"]["aliases"]
    assert rows_by_id["luohe"]["name"] == "Luohe" and rows_by_id["shan_county"]["name"] == "Shan County"
    assert not {"minxing", "dan_county"} & set(rows_by_id) and "漯河市" not in rows_by_id["tahe"]["aliases"]


def test_zones_of_their_own_under_their_city(rows_by_id):
    assert rows_by_id["zhongguancun_haidian_park"]["parent_entity_id"] == "zhongguancun"
    assert "海淀园" in rows_by_id["zhongguancun_haidian_park"]["aliases"].split("|")
    assert rows_by_id["dapeng"]["parent_entity_id"] == "shenzhen"
    assert rows_by_id["dapeng"]["context_aliases"] == "大鹏|大鵬"
    assert "天津高新区" in rows_by_id["tianjin_binhai_high_tech_zone"]["aliases"].split("|")
    assert rows_by_id["north_america"]["aliases"].split("|") == ["North America", "North American", "北美", "北美洲"]


def test_a_city_named_like_its_own_county_takes_geonames_spelling(rows_by_id):
    # 芜湖 and 芜湖县: the city is GeoNames' Wuhu, written bare in English too; GeoNames' syllable
    # mark is no break in the id (Huai'an is huaian, as Xi'an is xian)
    assert "Wuhu" in rows_by_id["wuhu"]["aliases"].split("|")
    assert "Huai'an" in rows_by_id["huaian"]["aliases"].split("|")
    assert "huai_an" not in rows_by_id


def test_a_city_geonames_writes_with_an_apostrophe_is_named_without_it_too(rows_by_id):
    # "Huaian sets 140 million yuan ..." names the city Huai'an, not its Huaian District
    assert {"Huai'an", "Huai’an", "Huaian"} <= set(rows_by_id["huaian"]["aliases"].split("|"))
    assert "Huaian" not in (rows_by_id["huaian_huaian"]["context_aliases"] or "").split("|")
    # a name as short as a given name keeps its apostrophe ("Jian", "Xian")
    bare = {alias for row in rows_by_id.values() for alias in (row["aliases"] or "").split("|")}
    assert "Xian" not in bare and "Jian" not in bare


def test_a_zone_written_with_an_apostrophe_is_named_without_it_too(rows_by_id):
    # "Guian signed 15 new project agreements" names the Gui'an New Area
    assert {"Gui'an", "Gui’an", "Guian", "Guian New Area"} <= set(rows_by_id["guian_new_area"]["aliases"].split("|"))
