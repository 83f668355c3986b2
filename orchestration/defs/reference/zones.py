"""China's development zones, parks and new areas as places of their own: the 19 state-level new
areas, the national high-tech zones of the larger cities, the best-known science and industrial
parks, and the high-tech and economic development zones the division table lists (its
statistical zones), each under the city (or province) it lies in, with its English and Chinese
spellings. A zone with figures of its own is a place of its own (a figure "in the Xixian New
Area" is the zone's, not Xi'an's); the text's own names of zones the list lacks are still found
by int_entity_mentions_located.

Ids follow the slug the text-found zones get ("Xi'an High-tech Zone" -> xian_high_tech_zone,
"Xixian New Area" -> xixian_new_area). The parent is given by its Chinese name and resolved
against China's divisions (places.place_rows), so no id is written twice.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator

# (id, English name, other English spellings, Chinese names, parent's Chinese name)
NEW_AREAS = [
    ("liangjiang_new_area", "Liangjiang New Area", ["Liangjiang"], ["两江新区", "兩江新區"], "重庆市"),
    ("zhoushan_archipelago_new_area", "Zhoushan Archipelago New Area", ["Zhoushan Islands New Area"], ["舟山群岛新区", "舟山群島新區"], "舟山市"),
    ("lanzhou_new_area", "Lanzhou New Area", [], ["兰州新区", "蘭州新區"], "兰州市"),
    ("xixian_new_area", "Xixian New Area", ["Xixian"], ["西咸新区", "西咸新區"], "陕西省"),
    ("guian_new_area", "Gui'an New Area", ["Guian New Area", "Gui'an"], ["贵安新区", "貴安新區"], "贵州省"),
    ("west_coast_new_area", "West Coast New Area", ["Qingdao West Coast New Area", "Western Coast New Area"], ["西海岸新区", "西海岸新區"], "青岛市"),
    ("jinpu_new_area", "Jinpu New Area", ["Dalian Jinpu New Area"], ["金普新区", "金普新區"], "大连市"),
    ("tianfu_new_area", "Tianfu New Area", ["Sichuan Tianfu New Area"], ["天府新区", "天府新區"], "成都市"),
    ("xiangjiang_new_area", "Xiangjiang New Area", ["Hunan Xiangjiang New Area"], ["湘江新区", "湘江新區"], "长沙市"),
    ("jiangbei_new_area", "Jiangbei New Area", ["Nanjing Jiangbei New Area"], ["南京江北新区", "南京江北新區"], "南京市"),
    ("fuzhou_new_area", "Fuzhou New Area", [], ["福州新区", "福州新區"], "福州市"),
    ("dianzhong_new_area", "Dianzhong New Area", ["Central Yunnan New Area"], ["滇中新区", "滇中新區"], "云南省"),
    ("harbin_new_area", "Harbin New Area", [], ["哈尔滨新区", "哈爾濱新區"], "哈尔滨市"),
    ("changchun_new_area", "Changchun New Area", [], ["长春新区", "長春新區"], "长春市"),
    ("ganjiang_new_area", "Ganjiang New Area", [], ["赣江新区", "贛江新區"], "江西省"),
    ("xiongan_new_area", "Xiong'an New Area", ["Xiongan New Area", "Xiong'an", "Xiongan"], ["雄安新区", "雄安新區", "雄安"], "河北省"),
]

# Parks and zones known by a name of their own rather than "<city> High-tech Zone". (Not Cyberport:
# its figures are those of the company that runs it, Hong Kong's.)
PARKS = [
    ("hong_kong_science_park", "Hong Kong Science Park", ["HKSTP", "Hong Kong Science and Technology Park", "Hong Kong Science and Technology Parks"],
     ["香港科学园", "香港科學園"], "香港"),
    ("suzhou_industrial_park", "Suzhou Industrial Park", ["SIP", "China-Singapore Suzhou Industrial Park"], ["苏州工业园区", "蘇州工業園區"], "苏州市"),
    ("hengqin", "Hengqin", ["Hengqin New Area", "Hengqin Cooperation Zone"], ["横琴", "橫琴"], "珠海市"),
    ("lingang_new_area", "Lingang New Area", ["Lin-gang Special Area", "Lingang Special Area"], ["临港新片区", "臨港新片區"], "上海市"),
    ("caohejing", "Caohejing Hi-Tech Park", ["Caohejing", "Caohejing High-tech Park"], ["漕河泾", "漕河涇"], "上海市"),
    ("pingtan", "Pingtan Comprehensive Experimental Zone", ["Pingtan"], ["平潭综合实验区", "平潭綜合實驗區"], "福州市"),
    # Tianjin's national high-tech zone is named for Binhai ("Tianjin Binhai Hi-tech Zone")
    ("tianjin_binhai_high_tech_zone", "Tianjin Binhai High-tech Zone", ["Tianjin Binhai Hi-tech Zone", "Tianjin Binhai High-Tech Zone",
     "Tianjin Binhai Hi-Tech Industrial Development Zone", "Tianjin High-tech Zone", "Tianjin Hi-tech Zone"],
     ["天津滨海高新区", "天津滨海高新技术产业开发区", "滨海高新区", "天津高新区"], "天津市"),
    # Shenzhen's two functional districts, reported beside its nine districts
    ("dapeng", "Dapeng New District", ["Dapeng New Area"], ["大鹏新区", "大鵬新區"], "深圳市"),
    ("shenshan", "Shenzhen-Shanwei Special Cooperation Zone", ["Shenshan Special Cooperation Zone"], ["深汕特别合作区", "深汕特別合作區", "深汕合作区"], "深圳市"),
]

# Names a zone goes by only in a document naming its city, beside the city's districts: a city's
# high-tech zone is "高新区" there, Shenzhen's functional districts 大鹏 and 深汕.
CONTEXT_NAMES = {"dapeng": ["大鹏", "大鵬"], "shenshan": ["深汕"], "tianjin_binhai_high_tech_zone": ["高新区", "高新區"]}

# Zhongguancun's sub-parks (one zone, sixteen parks: 海淀园, 朝阳园 ...), each under Zhongguancun:
# (district's English name, park's Chinese name).
ZHONGGUANCUN_PARKS = [
    ("Dongcheng", "东城园"), ("Xicheng", "西城园"), ("Chaoyang", "朝阳园"), ("Haidian", "海淀园"), ("Fengtai", "丰台园"),
    ("Shijingshan", "石景山园"), ("Mentougou", "门头沟园"), ("Fangshan", "房山园"), ("Tongzhou", "通州园"), ("Shunyi", "顺义园"),
    ("Daxing-Yizhuang", "大兴-亦庄园"), ("Changping", "昌平园"), ("Pinggu", "平谷园"), ("Huairou", "怀柔园"), ("Miyun", "密云园"),
    ("Yanqing", "延庆园"),
]
ZHONGGUANCUN = "zhongguancun"  # the entities seed's id

# Cities whose national high-tech zone is written "<city> High-tech Zone": (English, Chinese).
HIGH_TECH_ZONE_CITIES = [
    ("Shenzhen", "深圳"), ("Guangzhou", "广州"), ("Hefei", "合肥"), ("Xi'an", "西安"), ("Chengdu", "成都"),
    ("Hangzhou", "杭州"), ("Nanjing", "南京"), ("Suzhou", "苏州"), ("Wuxi", "无锡"), ("Changzhou", "常州"),
    ("Ningbo", "宁波"), ("Xiamen", "厦门"), ("Jinan", "济南"), ("Qingdao", "青岛"), ("Dalian", "大连"),
    ("Shenyang", "沈阳"), ("Changsha", "长沙"), ("Zhengzhou", "郑州"), ("Chongqing", "重庆"), ("Kunming", "昆明"),
    ("Guiyang", "贵阳"), ("Harbin", "哈尔滨"), ("Changchun", "长春"), ("Taiyuan", "太原"), ("Shijiazhuang", "石家庄"),
    ("Lanzhou", "兰州"), ("Nanchang", "南昌"), ("Fuzhou", "福州"), ("Nanning", "南宁"), ("Urumqi", "乌鲁木齐"),
    ("Zhuhai", "珠海"), ("Foshan", "佛山"), ("Dongguan", "东莞"), ("Shanghai", "上海"),
]

# Further cities with a high-tech zone of their name (most of them national ones), each city's
# only one: "昆山高新区", "Kunshan High-tech Zone". Cities whose English name is another city's too
# (抚州 and 福州 Fuzhou, 宿州 and 苏州 Suzhou, 台州 and 泰州 Taizhou) are left out.
MORE_HIGH_TECH_ZONE_CITIES = [
    ("Anshan", "鞍山"), ("Yingkou", "营口"), ("Liaoyang", "辽阳"), ("Benxi", "本溪"), ("Fuxin", "阜新"), ("Yanji", "延吉"),
    ("Tonghua", "通化"), ("Qiqihar", "齐齐哈尔"), ("Kunshan", "昆山"), ("Jiangyin", "江阴"), ("Xuzhou", "徐州"),
    ("Zhenjiang", "镇江"), ("Yangzhou", "扬州"), ("Nantong", "南通"), ("Yancheng", "盐城"), ("Huai'an", "淮安"),
    ("Wenzhou", "温州"), ("Shaoxing", "绍兴"), ("Huzhou", "湖州"), ("Jiaxing", "嘉兴"), ("Quzhou", "衢州"), ("Wuhu", "芜湖"),
    ("Huainan", "淮南"), ("Tongling", "铜陵"), ("Quanzhou", "泉州"), ("Putian", "莆田"), ("Zhangzhou", "漳州"),
    ("Sanming", "三明"), ("Longyan", "龙岩"), ("Xinyu", "新余"), ("Jingdezhen", "景德镇"), ("Yingtan", "鹰潭"),
    ("Ganzhou", "赣州"), ("Ji'an", "吉安"), ("Jiujiang", "九江"), ("Zibo", "淄博"), ("Weifang", "潍坊"), ("Tai'an", "泰安"),
    ("Zaozhuang", "枣庄"), ("Dezhou", "德州"), ("Jiaozuo", "焦作"), ("Xiangyang", "襄阳"), ("Yichang", "宜昌"),
    ("Xiaogan", "孝感"), ("Jingmen", "荆门"), ("Suizhou", "随州"), ("Xianning", "咸宁"), ("Huanggang", "黄冈"),
    ("Jingzhou", "荆州"), ("Xiantao", "仙桃"), ("Zhuzhou", "株洲"), ("Changde", "常德"), ("Huaihua", "怀化"),
    ("Huizhou", "惠州"), ("Zhongshan", "中山"), ("Jiangmen", "江门"), ("Zhaoqing", "肇庆"), ("Shantou", "汕头"),
    ("Heyuan", "河源"), ("Qingyuan", "清远"), ("Zhanjiang", "湛江"), ("Maoming", "茂名"), ("Guilin", "桂林"),
    ("Liuzhou", "柳州"), ("Beihai", "北海"), ("Haikou", "海口"), ("Mianyang", "绵阳"), ("Zigong", "自贡"), ("Leshan", "乐山"),
    ("Panzhihua", "攀枝花"), ("Deyang", "德阳"), ("Luzhou", "泸州"), ("Zunyi", "遵义"), ("Anshun", "安顺"), ("Yuxi", "玉溪"),
    ("Lhasa", "拉萨"), ("Baoji", "宝鸡"), ("Xianyang", "咸阳"), ("Weinan", "渭南"), ("Ankang", "安康"), ("Baiyin", "白银"),
    ("Xining", "西宁"), ("Yinchuan", "银川"), ("Shizuishan", "石嘴山"), ("Changji", "昌吉"), ("Shihezi", "石河子"),
    ("Ordos", "鄂尔多斯"), ("Handan", "邯郸"),
]

# Cities with a national economic and technological development zone of their name ("武汉经济技术开发区",
# "Wuhan Economic and Technological Development Zone", 武汉经开区), and the names some go by.
ECONOMIC_ZONE_CITIES = [
    ("Beijing", "北京", ["Beijing Economic-Technological Development Area", "Beijing E-Town", "Yizhuang"], ["亦庄"]),
    ("Tianjin", "天津", ["TEDA", "Tianjin Economic-Technological Development Area"], ["泰达"]),
    ("Guangzhou", "广州", [], []), ("Wuhan", "武汉", [], []), ("Chongqing", "重庆", [], []), ("Chengdu", "成都", [], []),
    ("Xi'an", "西安", [], []), ("Guiyang", "贵阳", [], []), ("Kunming", "昆明", [], []), ("Nanning", "南宁", [], []),
    ("Nanchang", "南昌", [], []), ("Changsha", "长沙", [], []), ("Harbin", "哈尔滨", [], []), ("Shenyang", "沈阳", [], []),
    ("Dalian", "大连", [], []), ("Qingdao", "青岛", [], []), ("Nanjing", "南京", [], []), ("Hangzhou", "杭州", [], []),
    ("Ningbo", "宁波", [], []), ("Fuzhou", "福州", [], []), ("Lanzhou", "兰州", [], []), ("Xining", "西宁", [], []),
    ("Yinchuan", "银川", [], []), ("Taiyuan", "太原", [], []), ("Shijiazhuang", "石家庄", [], []), ("Kunshan", "昆山", [], []),
    ("Urumqi", "乌鲁木齐", [], []), ("Lhasa", "拉萨", [], []),
]
ECONOMIC_ZONE_SPELLINGS = (
    "Economic Development Zone", "Economic and Technological Development Zone", "Economic & Technological Development Zone",
    "Economic-Technological Development Zone", "Economic and Technology Development Zone",
    "Economic Technological Development Zone", "Economic-Technological Development Area", "Economic and Technological Development Area",
)

# The pilot free trade zones (自由贸易试验区), each of a province or municipality, and the areas (片区)
# of each named for a city: (English, Chinese) of the province, then of its area cities.
FREE_TRADE_ZONES = [
    (("Shanghai", "上海"), []), (("Guangdong", "广东"), []), (("Tianjin", "天津"), []), (("Beijing", "北京"), []),
    (("Chongqing", "重庆"), []), (("Hainan", "海南"), []), (("Hebei", "河北"), []),
    (("Fujian", "福建"), [("Fuzhou", "福州"), ("Xiamen", "厦门")]),
    (("Liaoning", "辽宁"), [("Dalian", "大连"), ("Shenyang", "沈阳"), ("Yingkou", "营口")]),
    (("Zhejiang", "浙江"), [("Zhoushan", "舟山"), ("Ningbo", "宁波"), ("Hangzhou", "杭州")]),
    (("Henan", "河南"), [("Zhengzhou", "郑州"), ("Kaifeng", "开封"), ("Luoyang", "洛阳")]),
    (("Hubei", "湖北"), [("Wuhan", "武汉"), ("Xiangyang", "襄阳"), ("Yichang", "宜昌")]),
    (("Sichuan", "四川"), [("Chengdu", "成都"), ("Luzhou", "泸州")]),
    (("Shaanxi", "陕西"), [("Xi'an", "西安")]),
    (("Shandong", "山东"), [("Jinan", "济南"), ("Qingdao", "青岛"), ("Yantai", "烟台")]),
    (("Jiangsu", "江苏"), [("Nanjing", "南京"), ("Suzhou", "苏州"), ("Lianyungang", "连云港")]),
    (("Guangxi", "广西"), [("Nanning", "南宁"), ("Qinzhou", "钦州"), ("Chongzuo", "崇左")]),
    (("Yunnan", "云南"), [("Kunming", "昆明"), ("Honghe", "红河"), ("Dehong", "德宏")]),
    (("Heilongjiang", "黑龙江"), [("Harbin", "哈尔滨"), ("Heihe", "黑河"), ("Suifenhe", "绥芬河")]),
    (("Hunan", "湖南"), [("Changsha", "长沙"), ("Yueyang", "岳阳"), ("Chenzhou", "郴州")]),
    (("Anhui", "安徽"), [("Hefei", "合肥"), ("Wuhu", "芜湖"), ("Bengbu", "蚌埠")]),
    (("Xinjiang", "新疆"), [("Urumqi", "乌鲁木齐"), ("Kashgar", "喀什")]),
]


def _free_trade_zone_names(english: str, chinese: str, province: tuple[str, str] | None) -> tuple[list[str], list[str]]:
    """The English and Chinese names of a pilot free trade zone (province None) or of its area named
    for a city: "China (Sichuan) Pilot Free Trade Zone", 四川自贸试验区; "Chengdu Area of China
    (Sichuan) Pilot Free Trade Zone", "Chengdu Pilot Free Trade Zone", 成都片区."""
    if province is None:
        wholes = [f"China ({english}) Pilot Free Trade Zone", f"China ({english}) Free Trade Zone"]
        english_names = [*wholes, f"{english} Pilot Free Trade Zone", f"{english} Free Trade Zone", f"{english} Pilot FTZ", f"{english} FTZ"]
        chinese_names = [f"中国({chinese})自由贸易试验区", f"中国（{chinese}）自由贸易试验区", f"{chinese}自由贸易试验区",
                         f"{chinese}自贸试验区", f"{chinese}自贸区"]
        return english_names, chinese_names
    wholes, _ = _free_trade_zone_names(*province, None)
    english_names = [
        *(f"{english} {part} of {article}{whole}" for whole in wholes[:1] + [f"{province[0]} Pilot Free Trade Zone"]
          for part in ("Area", "part", "area") for article in ("", "the ")),
        f"{english} Area of the Pilot Free Trade Zone", f"{english} Pilot Free Trade Zone", f"{english} Free Trade Zone",
        f"{english} Pilot FTZ", f"{english} FTZ",
    ]
    chinese_names = [f"中国({province[1]})自由贸易试验区{chinese}片区", f"中国（{province[1]}）自由贸易试验区{chinese}片区",
                     f"{province[1]}自贸试验区{chinese}片区", f"{province[1]}自贸区{chinese}片区", f"{chinese}片区",
                     f"{chinese}自贸片区", f"{chinese}自贸区", f"{chinese}自贸试验区"]
    return english_names, chinese_names


# The ways English texts spell a city's national high-tech zone after the city's name ("Hefei National
# High-tech Industry Development Zone", "Xi'an Hi-Tech Industries Development Zone", "Wuxi National
# Hi-tech District", "Hefei High-Technology Industry Development Area").
HIGH_TECH_ZONE_SPELLINGS = tuple(
    f"{national}{tech} {kind}"
    for national in ("", "National ")
    for tech in ("High-tech", "High-Tech", "Hi-tech", "Hi-Tech", "High-Technology", "Hi-Technology")
    for kind in (
        "Zone", "District", "Development Zone", "Industrial Zone", "Industrial Development Zone",
        "Industry Development Zone", "Industries Development Zone", "Industry Development Area",
    )
)


def _traditional(names: list[str]) -> list[str]:
    from orchestration.defs.reference import china_divisions

    return [form for name in names for form in (name, china_divisions.to_traditional(name))]


def _english_forms(names: list[str]) -> list[str]:
    """Each English spelling, and its forms without or with a curly apostrophe ("Gui'an" is as often
    "Guian" or "Gui’an"), as the divisions' names get them."""
    from orchestration.defs.reference import china_divisions

    return [form for name in names for form in china_divisions.apostrophe_forms(name)]


def zone_rows(parent_ids: dict[str, str]) -> Iterator[dict]:
    """Rows in the entities seed's columns; parent_ids maps a Chinese name (西安市, 陕西省) to its id.
    A zone whose parent is unknown is left out."""
    listed = [(*row, "state-level new area") for row in NEW_AREAS] + [(*row, "science or industrial park") for row in PARKS]
    cities = [(*city, "national high-tech zone") for city in HIGH_TECH_ZONE_CITIES]
    for english, chinese, kind in cities + [(*city, "high-tech zone") for city in MORE_HIGH_TECH_ZONE_CITIES]:
        listed.append((
            f"{_slug(english)}_high_tech_zone", f"{english} High-tech Zone", [f"{english} {spelling}" for spelling in HIGH_TECH_ZONE_SPELLINGS],
            _traditional([f"{chinese}高新区", f"{chinese}高新技术产业开发区"]), _as_listed(chinese, parent_ids), kind,
        ))
    for english, chinese, others, chinese_others in ECONOMIC_ZONE_CITIES:
        listed.append((
            f"{_slug(english)}_economic_development_zone", f"{english} Economic Development Zone",
            [f"{english} {spelling}" for spelling in ECONOMIC_ZONE_SPELLINGS] + others,
            _traditional([f"{chinese}经开区", f"{chinese}经济技术开发区", *chinese_others]),
            _as_listed(chinese, parent_ids), "national economic and technological development zone",
        ))
    for province, areas in FREE_TRADE_ZONES:
        for english, chinese in [province, *areas]:
            of = None if (english, chinese) == province else province
            english_names, chinese_names = _free_trade_zone_names(english, chinese, of)
            listed.append((
                f"{_slug(english)}_free_trade_zone", english_names[0] if of is None else f"{english} Free Trade Zone",
                english_names[1:] if of is None else english_names, _traditional(chinese_names),
                _as_listed(chinese, parent_ids, ("", "省", "市") if of is None else ("市",)),
                "pilot free trade zone" if of is None else "area of a pilot free trade zone",
            ))
    for english, chinese in ZHONGGUANCUN_PARKS:
        key = english.lower().replace("-", "_")
        listed.append((
            f"zhongguancun_{key}_park", f"Zhongguancun {english} Park", [f"{english} Park of Zhongguancun"],
            _traditional([f"中关村{chinese}", chinese]), ZHONGGUANCUN, "Zhongguancun sub-park",
        ))
    for entity_id, name, spellings, chinese, parent_name, kind in listed:
        parent = parent_ids.get(parent_name) or parent_ids.get(parent_name.removesuffix("市"))
        if parent_name == ZHONGGUANCUN:
            parent = ZHONGGUANCUN
        if parent is None:
            continue
        context = CONTEXT_NAMES.get(entity_id, [])
        if entity_id.endswith("_high_tech_zone") and not context:
            context = ["高新区", "高新區"]
        elif entity_id.endswith("_economic_development_zone") and not context:
            context = ["经开区", "經開區"]
        elif kind == "pilot free trade zone":  # "自贸区共办结新设企业1434家" in a document on Shanghai
            context = _traditional(["自贸区", "自贸试验区"])
        yield _zone_row(entity_id, name, [*_english_forms([name, *spellings]), *chinese], parent, kind, parent_name, context)


def _as_listed(chinese: str, parent_ids: dict[str, str], endings: tuple[str, ...] = ("市",)) -> str:
    """A parent's Chinese name as the divisions list it: the first of the name with each ending
    that they hold (昆山 -> 昆山市; a province: 四川 -> 四川 or 四川省), else the name as given."""
    return next((chinese + ending for ending in endings if chinese + ending in parent_ids), chinese)


def _zone_row(entity_id: str, name: str, aliases: list[str], parent: str, kind: str, parent_name: str, context: list[str]) -> dict:
    """A zone's row in the entities seed's columns."""
    return {
        "entity_id": entity_id,
        "name": name,
        "kind": "place",
        "owns_figures": False,
        "aliases": "|".join(dict.fromkeys(aliases)),
        "geography_id": parent,
        "parent_entity_id": parent,
        # "district": a zone is of a district's level ("the zone", "the park" refer back to it)
        "note": f"district-level zone: {kind} in {parent_name}",
        "context_aliases": "|".join(context),
    }


# --- the statistical zones of the division table --------------------------------------------

# The division table's statistical zones (codes ending 71-79) that are high-tech or economic and
# technological development zones: what is left of the name once the province, the city and the
# kind are taken off is the zone's own word ("长春净月高新技术产业开发区" -> 净月), read in pinyin
# unless English texts translate it. 火炬 ("Torch") is the national programme's name, not a
# second zone of the city: "威海火炬高技术产业开发区" is Weihai's high-tech zone.
STATISTICAL_ZONE_KINDS = (
    ("high-tech zone", re.compile(r"(?:高新技术|高技术|高新)(?:产业)?(?:开发区|园区)$"), "High-tech Zone", HIGH_TECH_ZONE_SPELLINGS, "高新区"),
    ("economic development zone", re.compile(r"经济(?:技术)?开发区$"), "Economic Development Zone", ECONOMIC_ZONE_SPELLINGS, "经开区"),
)  # fmt: skip
ZONE_WORDS_IN_ENGLISH = {"稀土": "Rare Earth", "医药": "Medical", "汽车": "Automotive", "临港": "Lingang", "火炬": ""}
PROVINCE_PREFIXES = ("内蒙古", "河北", "山西", "吉林", "安徽", "河南", "湖南", "湖北", "西藏", "山东", "江苏", "四川")


def statistical_zone_rows(parent_ids: dict[str, str], english_names: dict[str, str], taken: set[str]) -> Iterator[dict]:
    """Rows for the statistical zones of the division table that are a city's high-tech or economic
    development zone, under that city: "洛阳高新技术产业开发区" is luoyang_high_tech_zone ("Luoyang
    High-tech Zone", 洛阳高新区), "烟台经济技术开发区" yantai_economic_development_zone (烟台经开区).
    `english_names` maps an id to its English name. A zone whose name does not open on its city's
    ("苏滁现代产业园"), or whose Chinese name a place already has (`taken`: the zones listed above,
    乌鲁木齐高新区), is left out."""
    from orchestration.defs.reference import china_divisions

    with open(china_divisions.NEWER_TABLE, encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    names = {row["adcode"]: row["name"] for row in table}
    for row in table:
        code, name = row["adcode"], row["name"]
        if not "71" <= code[4:] <= "79":
            continue
        for kind_name, kind_re, english_kind, spellings, short_word in STATISTICAL_ZONE_KINDS:
            kind = kind_re.search(name)
            if kind is None:
                continue
            parent_name = names.get(row["parent_adcode"], "")
            parent = parent_ids.get(parent_name)
            city = parent_name.removesuffix("市")
            own = name[: kind.start()].removesuffix("市")
            for province in PROVINCE_PREFIXES:
                if own.startswith(province) and own[len(province) :].startswith(city):
                    own = own[len(province) :]
            if parent is None or not city or not own.startswith(city):
                break
            word = own[len(city) :].removesuffix("市")
            english_word = ZONE_WORDS_IN_ENGLISH.get(word, china_divisions.pinyin_name(word) if word else "")
            city_english = english_names[parent]
            english = f"{city_english} {english_word}".strip() if english_word else city_english
            entity_id = _slug(f"{english} {english_kind}")
            chinese = [name, f"{own}{short_word}"] if word != "火炬" else [name, f"{city}{short_word}", f"{own}{short_word}"]
            if taken & set(chinese):
                break
            aliases = [
                *_english_forms([f"{english} {spelling}" for spelling in spellings]),
                *(_english_forms([f"{city_english} Torch {spelling}" for spelling in spellings]) if word == "火炬" else []),
                *_traditional(chinese),
            ]
            # a city's only zone of the kind is "高新区", "经开区" in a document naming the city
            context = [] if word else _traditional([short_word])
            yield _zone_row(entity_id, f"{english} {english_kind}", aliases, parent, kind_name, parent_name, context)
            break


def _slug(english: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", english.lower().replace("'", "").replace("’", "")).strip("_")
