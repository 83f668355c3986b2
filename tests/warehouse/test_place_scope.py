"""Where a figure holds when its sentence names several places: an enumeration names what a figure
counts or sums over, not where it holds; "respectively" pairs listed places with figures in order;
words counting the country's cities scope a figure to the country; a run of sentences split at
semicolons that sets regions side by side is no antecedent for the next sentence.

Read from the corpus build shared with the cross-language and found-organisation tests
(tests/warehouse/conftest.py), with eighteen real public articles of the meaning corpora (dev parts;
provenance in their sidecars) beside them; a Taiwan portal's page that names no place holds its
figures in Taiwan, a place compared with by a count of its own holds that count, and a city's
news site named with digits after the city's name ("安庆365网") speaks as that city; Taiwan's
regions are Taiwan's in a Taiwan publication; 全省 said before a figure makes the province its
subject over a county named earlier; a traditional-script page naming Taiwan's cities prices in
New Taiwan dollars; a news agency's dateline with the day alone ("台北2日電") names no place; a
sentence opening on a place as its topic gives it to the next sentence's figures; a fund its
name calls national is the country's, not the money it puts into a province's fund; China's
regions listed by one word each ("东、中、西部", "the central, western and northeastern regions")
pair with their figures in order.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from published_builds import opened

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPORA = [REPO_ROOT / "benchmarks" / "meaning_corpus" / "documents", REPO_ROOT / "benchmarks" / "meaning_corpus_zh" / "documents"]
RD_INVESTMENT = "2018-10_asia-times-rd-investment-2017"
SHENZHEN_MAKER_SPACES = "2017-03-08_china-daily-hk-shenzhen-maker-spaces"
ZHEJIANG_ENTERPRISES = "2018-02-12_zhejiang-government-small-micro-enterprises-2017"
PRIVATE_ENTERPRISES = "2023-04-27_xinhua-new-private-enterprises-q1-2023"
UNICORN_REPORT = "2024-11-22_chinanews-unicorn-report-2024"
XIAN_ZONE = "2021-03-31_xian-government-high-tech-zone-growth"
XIXIAN_NEW_AREA = "2023-03-24_kyodo-jbn-xixian-new-area-2022"
HEFEI_ZONE = "2023-02-17_cnr-hefei-high-tech-zone-ranking-2022"
TAIWAN_PORTAL_SURVEY = "2025-11-17_udn-yes123-founder-dream-survey"
UNICORN_CITIES = "2020-08-05_yybnet-weifang-evening-news-hurun-global-unicorns-2020"
CITY_NEWS_SITE = "2018-05-26_aq365-anqing-provincial-incubators-makerspaces"
REPOSTED_DATELINE = "2022-09-14_essencecafe-xinhua-national-high-tech-zones-173"
TAIWAN_REGIONS = "2024-06-21_findit-taiwan-startup-hubs-may-2024"
PROVINCE_RETURNEES = "2017-09-16_gov-cn-jiangxi-daily-returnee-entrepreneurs-jul-2017"
TAIWAN_COMPANIES = "2024-11-05_moneydj-taiwan-new-companies-jan-sep-2024"
AGENCY_DATELINE = "2014-03-02_epochtimes-cna-taiwan-phoenix-women-startups-7646"
TOPIC_PLACE = "2016-08-22_yangzhou-government-zhejiang-characteristic-towns"
NATIONAL_FUND = "2016-11-30_jiangsu-government-sme-development-baby-fund"
REGIONS_REVENUE = "2020-02-17_marketscreener-nbs-cultural-industries-revenue-2019"
LITTLE_GIANTS = "2021-07_cuzhiwang-third-batch-little-giant-enterprises-2930"
DOCUMENTS = [
    RD_INVESTMENT, SHENZHEN_MAKER_SPACES, ZHEJIANG_ENTERPRISES, PRIVATE_ENTERPRISES, UNICORN_REPORT,
    XIAN_ZONE, XIXIAN_NEW_AREA, HEFEI_ZONE, TAIWAN_PORTAL_SURVEY, UNICORN_CITIES, CITY_NEWS_SITE, REPOSTED_DATELINE,
    TAIWAN_REGIONS, PROVINCE_RETURNEES, TAIWAN_COMPANIES, AGENCY_DATELINE, TOPIC_PLACE, NATIONAL_FUND,
    REGIONS_REVENUE, LITTLE_GIANTS,
]  # fmt: skip


def add_documents(sources: Path) -> None:
    """Each article with its sidecar, in the folder it has in its corpus."""
    for document_id in DOCUMENTS:
        text = next(path for corpus in CORPORA for path in corpus.glob(f"*/*/{document_id}.txt"))
        folder = sources / text.parent.relative_to(text.parents[2])
        folder.mkdir(parents=True, exist_ok=True)
        for path in (text, text.with_name(text.name + ".meta.yml")):
            shutil.copy(path, folder / path.name)


@pytest.fixture(scope="module")
def warehouse(corpus_build):
    with opened(corpus_build) as connection:
        yield connection


def places(warehouse, document_id: str, surfaces: list[str]) -> dict[str, tuple]:
    rows = warehouse.execute(
        "select surface_text, geography_id, geography_source from marts.fct_figure where document_id = ? order by start_char",
        [document_id],
    ).fetchall()
    return {surface: (geography, source) for surface, geography, source in rows if surface in surfaces}


def geographies(warehouse, document_id: str, surfaces: list[str]) -> dict[str, str]:
    """places() without how each was found."""
    return {surface: geography for surface, (geography, _) in places(warehouse, document_id, surfaces).items()}


def test_respectively_pairs_listed_places_with_figures_in_order(warehouse):
    # "China's R&D investment increased by 11.1% on average every year, while the US, the European
    # Union and Japan record only 2.7%, 2.3% and 0.6% respectively."
    found = places(warehouse, RD_INVESTMENT, ["11.1%", "2.7%", "0.6%"])
    assert found == {"11.1%": ("china", "near_window"), "2.7%": ("united_states", "same_clause"), "0.6%": ("japan", "same_clause")}


def test_regions_listed_by_one_word_each_pair_with_their_figures(warehouse):
    # "第三批小巨人企业中,东、中、西部分别有1773家、746家、411家,占比分别为61%、25%、14%,与全国制造业
    # 企业区域分布规律基本保持一致。" The next sentence's shares stay the country's.
    found = geographies(warehouse, LITTLE_GIANTS, ["1773家", "746家", "411家", "61%", "14%", "七成"])
    assert found == {
        "1773家": "eastern_china", "746家": "central_china", "411家": "western_china",
        "61%": "eastern_china", "14%": "western_china", "七成": "china",
    }
    # "... that of the central, western and northeastern regions was 1,362, 839.3 and 90.9 billion
    # yuan, an increase of 8.4, 11.8 and 1.5 percent respectively": two runs, one figure per region each
    found = geographies(warehouse, REGIONS_REVENUE, ["1,362", "839.3", "90.9 billion yuan", "8.4", "1.5 percent"])
    assert found == {
        "1,362": "central_china", "839.3": "western_china", "90.9 billion yuan": "northeast_china",
        "8.4": "central_china", "1.5 percent": "northeast_china",
    }


def test_a_listed_place_does_not_place_the_figure_before_the_list(warehouse):
    # "... increased from 31.9% at the end of 2016 to 33.1% at present, of which the rate of the
    # enterprises in Hangzhou, Ningbo and Jinhua saw the largest increase." (the provincial government's page)
    assert places(warehouse, ZHEJIANG_ENTERPRISES, ["33.1%"]) == {"33.1%": ("zhejiang", "document_publisher")}


def test_counting_cities_scopes_a_figure_to_the_country_not_the_title_place(warehouse):
    # "It has assisted in the establishment of more than 30 maker spaces in 15 cities, ..." (an
    # article on a Shenzhen maker space); "19家超级独角兽企业分布在9个城市,其中北京5家、上海3家。"
    assert places(warehouse, SHENZHEN_MAKER_SPACES, ["30"]) == {"30": ("china", "several_cities")}
    assert places(warehouse, UNICORN_REPORT, ["19家"]) == {"19家": ("china", "several_cities")}


def test_regions_set_side_by_side_across_a_semicolon_are_no_antecedent(warehouse):
    # "一季度,中部地区新设民营企业51.9万户,…;" / "西部地区新设民营企业44.1万户,…" then "一季度,第一、二、三产业
    # 新设民营企业分别为7.6万户、34.9万户、161.4万户": the industries' figures are national
    found = places(warehouse, PRIVATE_ENTERPRISES, ["44.1万户", "7.6万户", "34.9万户"])
    assert found == {
        "44.1万户": ("western_china", "near_window"),
        "7.6万户": ("china", "default_national"),
        "34.9万户": ("china", "default_national"),
    }


def test_a_zone_is_a_place_of_its_own(warehouse):
    # "Since its establishment, the Xi'an High-Tech Industries Development Zone has prioritized
    # innovation ..." / "The zone is home to 3,182 high-tech companies" (title: "Xi'an high-tech
    # zone fosters ..."; "the zone" refers back past three sentences to the zone named); "In 2022, the number of new technology-based enterprises in Xixian New
    # Area was 1.8 times that of last year" (a release printed from a PDF, broken after "was"), and
    # "the New Area" refers back to it; "2022年,合肥高新区新增工业百亿企业4家"
    assert places(warehouse, XIAN_ZONE, ["3,182"]) == {"3,182": ("xian_high_tech_zone", "preceding_sentence")}
    assert places(warehouse, XIXIAN_NEW_AREA, ["1.8 times", "490"]) == {
        "1.8 times": ("xixian_new_area", "near_window"),
        "490": ("xixian_new_area", "preceding_sentence"),
    }
    assert places(warehouse, HEFEI_ZONE, ["4家"]) == {"4家": ("hefei_high_tech_zone", "near_window")}
    # the catalog of development zones lists all three, under their city or province
    rows = warehouse.execute(
        "select entity_id, kind, entity_source, parent_entity_id from marts.dim_entity"
        " where entity_id in ('xian_high_tech_zone', 'xixian_new_area', 'hefei_high_tech_zone') order by entity_id"
    ).fetchall()
    assert rows == [
        ("hefei_high_tech_zone", "place", "reference places", "hefei"),
        ("xian_high_tech_zone", "place", "reference places", "xian"),
        ("xixian_new_area", "place", "reference places", "shaanxi"),
    ]


def test_a_taiwan_portal_page_naming_no_place_holds_its_figures_in_taiwan(warehouse):
    # udn.com (聯合新聞網), a Taiwan portal whose address is not under .tw, on a job bank's survey:
    # "「勇敢冒險的態度」(37.1%)、「財務管理能力」(36%)" names no place at all
    found = places(warehouse, TAIWAN_PORTAL_SURVEY, ["37.1%", "36%"])
    assert found == {"37.1%": ("taiwan", "default_national"), "36%": ("taiwan", "default_national")}


def test_a_place_compared_with_by_a_count_of_its_own_holds_that_count(warehouse):
    # "北京拥有93家独角兽企业,成为全球独角兽之都,远远超过旧金山的68家" and "美国以233家领先于中国的227家":
    # the count after 旧金山的 / 中国的 is that place's, not the world's nor the leader's
    found = places(warehouse, UNICORN_CITIES, ["93家", "68家", "227家"])
    assert found == {
        "93家": ("beijing", "near_window"),
        "68家": ("san_francisco", "near_window"),
        "227家": ("china", "near_window"),
    }


def test_a_city_news_site_named_with_digits_speaks_as_its_city(warehouse):
    # 安庆365网 (aq365.com): "近年来,我市大力加强科技企业孵化器及众创空间建设…全市新建科技企业孵化器、众创空间、
    # 星创天地16家" — its 我市 is Anqing, the name written before 365 as before any other character
    found = places(warehouse, CITY_NEWS_SITE, ["16家", "10万平方米"])
    assert found == {"16家": ("anqing", "preceding_sentence"), "10万平方米": ("anqing", "preceding_sentence")}


def test_a_news_agency_dateline_in_a_reposted_headline_names_no_subject(warehouse):
    # the headline "國家高新區總數達173家(新華社北京9月14日電)": Beijing is where Xinhua filed it
    found = places(warehouse, REPOSTED_DATELINE, ["173家", "84家"])
    assert found == {"173家": ("china", "default_national"), "84家": ("china", "default_national")}


def test_a_news_agency_dateline_with_the_day_alone_names_no_place(warehouse):
    # CNA's "(中央社記者許秩維台北2日電)勞動部今天說,……民國97年至今協助7646名婦女創業": Taipei is where
    # the story was filed; the figures are Taiwan's (the page names Taiwan's ministry and programme)
    assert geographies(warehouse, AGENCY_DATELINE, ["7646名", "2萬1488個"]) == {"7646名": "taiwan", "2萬1488個": "taiwan"}


def test_taiwans_regions_in_a_taiwan_publication(warehouse):
    # FINDIT (findit.org.tw): "北部地區有49處新創聚落(占比52%),中部地區有15處(占比16%)、南部地區有25處
    # (占比26%),東部與離島地區則各有3處" — 中部地區 is central Taiwan here, not the mainland's region
    found = places(warehouse, TAIWAN_REGIONS, ["49處", "15處", "25處"])
    assert found == {
        "49處": ("northern_taiwan", "near_window"),
        "15處": ("central_taiwan", "near_window"),
        "25處": ("southern_taiwan", "near_window"),
    }
    eastern = warehouse.execute(
        "select surface_text from marts.fct_figure where document_id = ? and geography_id = 'eastern_taiwan' order by start_char",
        [TAIWAN_REGIONS],
    ).fetchall()
    assert eastern == [("3處",), ("3%",)]


def test_the_whole_province_said_before_a_figure_is_its_subject(warehouse):
    # "新干县拉杆箱包占全国市场份额的80%以上……9月15日,记者从省就业局获悉:截至今年7月底,全省累计返乡创业
    # 人员达32.4万人,带动就业149.2万人": the county named earlier in the run-on lead is not the
    # subject of 全省's figures; the province of the title (江西省) is
    assert geographies(warehouse, PROVINCE_RETURNEES, ["32.4万人", "149.2万人"]) == {"32.4万人": "jiangxi", "149.2万人": "jiangxi"}


def test_a_traditional_script_page_naming_taiwans_cities_prices_in_taiwan_dollars(warehouse):
    # MoneyDJ (m.moneydj.com) on the Ministry of Economic Affairs' company statistics: the address and
    # the publisher say nothing of Taiwan, the text names 臺北市, 新北市, 臺中市 ...: "實收資本額為29.3兆元"
    rows = warehouse.execute(
        "select surface_text, unit from marts.fct_figure where document_id = ? and surface_text in ('29.3兆元', '9.8兆元')",
        [TAIWAN_COMPANIES],
    ).fetchall()
    assert sorted(rows) == [("29.3兆元", "TWD"), ("9.8兆元", "TWD")]


def test_a_sentence_opening_on_a_place_as_its_topic_gives_it_to_the_next(warehouse):
    # a Yangzhou government page on Zhejiang's towns: "梦想小镇,名副其实的放飞梦想之地。短短一年,近3平方公里的
    # 土地上聚集了590多个创业项目" counts Dream Town's projects, not the publisher's city's
    assert geographies(warehouse, TOPIC_PLACE, ["590多个", "5400名"]) == {"590多个": "dream_town", "5400名": "dream_town"}


def test_a_fund_its_name_calls_national_is_the_countrys(warehouse):
    # a Jiangsu government page: "The 60-billion-yuan National SMEs Development Fund ..." is the
    # country's; "1.1 billion yuan from the National SMEs Development Fund" went into Jiangsu's fund
    assert geographies(warehouse, NATIONAL_FUND, ["60-billion-yuan", "1.1 billion yuan", "4.5 billion yuan"]) == {
        "60-billion-yuan": "china", "1.1 billion yuan": "jiangsu", "4.5 billion yuan": "jiangsu",
    }  # fmt: skip
