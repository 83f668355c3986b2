"""What each figure of a Chinese text measures: the Chinese counterpart of
`figures.meaning.read_meanings`, returning the same Meaning records (concept, measure type, the
cue that decided it, a time basis).

    >>> from figures.quantities import extract
    >>> text = "截至2016年底，全国众创空间有4298家。今年前三季度，全国新设企业589.8万户，同比增长7.7%。创业投资管理资本总量达8277.1亿元。"
    >>> [(m.concept, m.measure_type) for m in read_chinese_meanings(text, extract(text))]
    [('全国众创空间', 'stock'), ('全国新设企业', 'flow'), (None, 'change'), ('创业投资管理资本', 'stock')]

Measure types, as in English:

- ``change``: the extractor's change (`增长7.7%`, `下降3.6%`), a change basis (`同比`, `较去年底`),
  percentage points, a multiple (`2.7倍`), a net increase (`净增1.2万户`), a growth word right
  before a percentage (`增速11.8%`, `同比6.0%的增长`);
- ``share``: any other percentage (`占...的37.6%`, `占比近9成`), a fraction (`三分之一`, `一半`);
- ``rate``: a per-day, per-week or per-month figure (`日均新设企业2.2万户`), or one per head
  (`每千人拥有企业30.0户`);
- ``other``: a bound that defines a group (`投资金额在300万元以下的案例`, `获得500万元以上融资的项目`)
  or a cap (`上限为四亿元`, `最多可获5000万`);
- ``stock`` / ``flow``: the cue word nearest before the figure in its clause (`新设`, `新增`,
  `新登记`, `获得`, `营业收入` ... a flow; `累计`, `共有`, `总数`, `达到`, `登记在册`, `规模` ... a
  stock), a point in time (`截至...底`) making a count a stock unless the figure is something new
  (`新设`); a running total (`累计` in the clause) and a fund's size (`百亿元基金`,
  `15亿元的创投基金`) are stocks; without a cue in the clause, the sentence's; without any, counts
  are stocks and sums of money flows, as in English. A tally of actions (`累计扶持135.7万人`,
  `累计争取到贴息资金62亿元`) is a flow unless a closing date frames it; an item of a list of
  places' counts (`新登记企业……依次为:龙岗(57687户)`, `评价入库数……分别为高新区1176家`) takes the
  cue the sentence gives before the list. People a period's activity put into work
  (`带动1251人就业`, `吸纳就业1.2万人`) are jobs created, a flow, unless a point in time frames them or
  they follow a level of the organisations that hold them (`共入驻实体数1075个,带动就业人数7198人`): a
  headcount, unless the words count what was new (`新增`) or a running tally (`累计`). The level a
  counted change reached (`新增1000多万户至9000多万户`) is a stock. An item of a list (`新增人才1600名以上、高校
  毕业生9万名以上`, `分别增长7.4%、6.5%`) measures what the item before it measures.

The concept is the counted noun, else the words between the clause's start (or the figure
before) and the figure, less the linking words (`已达`, `共计`, `增长` ...), at most 16
characters. Cue words are read on the simplified, half-width form of the text (one character
for one, so offsets hold).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence

from figures.measures import FORM_CUE, TIME_BASES, Meaning
from figures.quantities import Quantity
from figures.quantities.chinese_lexicon import SUBJECT_TAIL_WORDS, TO_HALF_WIDTH, TO_SIMPLIFIED

_NORMALISE = {**TO_HALF_WIDTH, **TO_SIMPLIFIED}

# Where a figure's clause ends: full-width and ASCII clause punctuation (and the small forms of
# pages converted from Big5, "﹔且总收入"), brackets and quotes.
CLAUSE_BREAK_RE = re.compile(r"[，；：。！？,;:()（）\[\]【】“”\"﹐﹒﹔﹕﹖﹗]")
# How far before a figure its cue words are looked for.
CUE_WINDOW = 60
MAX_CONCEPT_CHARS = 16

# Something new in the period: a flow whatever point in time frames it.
STRONG_FLOW_CUES = (
    "新设", "新登记", "新注册", "新成立", "新增", "新建", "新开办", "新发展", "新引进", "新认定",
    "新晋", "新遴选", "新备案", "新募集", "新募", "新发放", "新开工",
)  # fmt: skip
FLOW_CUES = (
    *STRONG_FLOW_CUES,
    "设立", "成立", "注册", "引进", "吸引", "获得", "融资", "募集", "募资", "投资金额", "投资额",
    "投入", "资助", "补贴", "奖励", "举办", "开展", "举行", "签约", "签订", "转化",
    "实现", "营业收入", "营收", "收入", "销售额", "销售收入", "利润", "净利润", "税收", "纳税",
    "交易额", "成交额", "出口", "进口", "支出", "全年", "当年", "同期",
    "创建", "创造", "接获", "收到", "受理", "注销", "吊销",
)  # fmt: skip
STOCK_CUES = (
    "累计", "共有", "拥有", "已有", "现有", "尚有", "有", "总数", "总量", "数量", "总计", "共计",
    "达到", "已达", "达", "登记在册", "实有", "存续", "在营", "在孵", "规模", "总规模", "管理资本",
    "资本总量", "注册资本", "资产", "市值", "估值", "余额", "目前", "现在", "截至", "截止", "底", "末",
)  # fmt: skip
# A sum of money that is a level: the size of a fund, capital under management, assets.
STOCK_MONEY_CUES = (
    "规模", "总规模", "管理资本", "资本总量", "注册资本", "资产", "市值", "估值", "余额", "基金总额",
    "价值分别为", "价值为", "价值达",
)  # fmt: skip
NET_CHANGE_CUES = ("净增", "净增加", "净减少", "净减")
# A running total of actions (累计 and a verb of doing): a flow unless a closing date frames it.
ACTION_TALLY_RE = re.compile(
    r"累计(?:已|共|共同)?(?:扶持|培育|发放|争取到?|吸引|投资|带动|帮助|举办|服务|引进|接获|收到|受理|支持|资助|引育|招引|登记|孵化|培训|开展|完成|实现)"
)
# Words opening a list of places' figures, and the start of its first bracketed item ("龙岗(57687户)").
LIST_OPENERS = ("分别为", "分别是", "依次为", "依次是")
LIST_ITEM_START_RE = re.compile(r"[\u4e00-\u9fff]{1,8}[(（]\d")
# Admissions over a period that a list of places counts ("通过科技型中小企业评价入库数"): new entries.
LIST_FLOW_CUES = ("评价入库", "通过认定", "新认定", "注销", "吊销")
# "规模以上企业" are enterprises above the statistical size threshold: no fund's or firm's size.
ABOVE_SIZE_RE = re.compile("规模以上")
# A change word that ends on the level it reached ("个体工商户新增……增至9000多万户"): the
# figure is that level, whatever new things the clause counted on the way.
LEVEL_REACHED_RE = re.compile(r"(增至|增加到|增加至|增长到|增长至|上升到|上升至|升至|降至|减少到|减少至|下降到|下降至)[^，；：。,;:]{0,6}$")
# A bound that defines a group ("投资金额在300万元以下的案例", "获得百万元以上融资") or a cap
# ("上限为四亿元", "最多可获5000万") is no level of anything: measure type "other".
GROUP_BOUND_BEFORE_RE = re.compile(r"(在|上限[则亦]?(为|是)?|最多(可获得?|可达|为)?|最高[^，；：。,;:、的]{0,4}?(可获得?|可达|为|达))\s*$")
GROUP_BOUND_AFTER_RE = re.compile(r"^((以上|以下|以内)的?(?![，；：。！？,;:、)）\s]|$)|为上限|的上限)")
# A cap in percent ("最高提供100%担保", "参股比例不超过实收资本的35%"): a programme's term, no share.
PERCENT_CAP_RE = re.compile(r"(最高(?!的)|上限|最多|不超过|不得超过|不高于)[^，；：。,;:]{0,14}$")
# A multiple that is a fund's leverage ("放大倍数达3倍", "杠杆放大效应", "带动率达5倍以上"): a term, no change.
LEVERAGE_RE = re.compile(r"(放大|杠杆|带动率)")
# Percentage points against another place or group ("高出全国平均水平8.5个百分点", "比经营主体平均增幅高2个百分点"):
# a comparison, no change over time.
ABOVE_OTHER_RE = re.compile(r"(高于|高出|低于|低出|比[^，；：。,;:]{1,20}?(?<![提升])(高|低)出?)[^，；：。,;:]{0,14}$")
OVER_TIME_WORDS = ("上年", "去年", "同比", "同期", "年初", "上月", "环比", "比20", "比19", "季度", "上半年", "月份")
# A size class ("千亿级“航母”基金", "万亿级别的引导基金", "百亿级产业集群") is no amount of anything.
SIZE_CLASS_AFTER_RE = re.compile(r"^[”」』\"]?级")
# A value that sets the bar of a class ("估值超过10亿美元的", "市值超过10亿美元但尚未上市").
VALUE_BAR_BEFORE_RE = re.compile(r"(估值|市值|价值)(超过|超|逾|在|达)$")
VALUE_BAR_AFTER_RE = re.compile(r"^(以上)?(的|而|但|且|、)")
# The ends of a level's change ("从前一年的12.5亿美元增长到40亿美元", "由2014年的1000间上升至2024年的4700间"):
# levels, unless the clause names an amount over a period (revenue, financing) whose change it is.
LEVEL_FROM_BEFORE_RE = re.compile(r"(从|由)[^，；：。,;:从由]{0,12}$")
LEVEL_FROM_AFTER_RE = re.compile(r"^[^，；：。,;:]{0,4}?(增长|增加|上升|攀升|提高|提升|发展|下降|减少|扩大|倍增)?(到|至)")
LEVEL_TO_BEFORE_RE = re.compile(r"(增长|增加|上升|攀升|提高|提升|发展|下降|减少|扩大|倍增)(到|至)[^，；：。,;:]{0,8}$|(增至|升至|降至)[^，；：。,;:]{0,8}$")
# The level a counted change reached ("个体工商户新增1000多万户至9000多万户", "净增3家至15家"): a level.
LEVEL_AFTER_CHANGE_RE = re.compile(r"(新增|净增|增加了?|增长了?|减少了?)[\d.,]+[^，；：。,;:\d%％]{0,5}?(至|到)$")
# The words that lead to the end of a series: they name nothing counted.
SERIES_END_WORDS_RE = re.compile(r"^(?:(?:增长|增加|上升|攀升|提高|提升|发展|下降|减少|扩大)(?:到|至)?|到|至)")
SERIES_FROM_RE = re.compile(r"(?:从|由)(?=[^，；：。,;:从由]{0,12}[\d零一二两三四五六七八九十百千万亿])")
FLOW_AMOUNT_WORDS = ("收入", "营收", "销售", "利润", "税收", "交易额", "成交额", "出口", "进口", "支出", "融资", "产值", "投资额")
# A value or an allotted budget named before a sum ("总价值上升至10.6万亿元", "匡列10亿元"): a level.
VALUE_BEFORE_RE = re.compile(r"(总价值|价值|匡列(额度)?)[^，；：。,;:]{0,8}$")
VALUE_AFTER_RE = re.compile(r"^[^，；：。,;:]{0,3}?的价值")
# Things a list selected ("现认定……等31家众创空间为", "23家科技企业孵化器入围榜单"): a flow of the
# period, whatever level words frame it. (A batch, 第三批, is left to the indicator chooser's batch feature.)
SELECTED_BEFORE_RE = re.compile(r"(?<!已)(现认定|现确定|确定|入选)[^，；：。,;:]{0,20}$")
# The verbs that say a list or an award picked something ("入选", "获认定", "备案为", "名列其中"); one list
# for every pattern below that reads a selection after the count.
SELECTION_VERBS = (
    "入选", "入围", "上榜", "成功获认定", "获认定", "成功备案", "备案为", "获此殊荣", "获批",
    "被认定为", "被认定", "认定为", "被评为", "获评", "名列其中",
)  # fmt: skip
_SELECTED = "(" + "|".join(SELECTION_VERBS) + ")"
SELECTED_LATER_RE = re.compile(r"^[^，；：。,;:]{0,24}?" + _SELECTED)
# Counting what an investor did ("已投资292家新创", "通过投资32家"): investments made, a flow.
INVESTED_BEFORE_RE = re.compile(r"投资(了)?(项目)?(共|约|逾|超过|近)?$")
# Counts of a survey's sample ("共调查了814个专业", "共回收学生样本数13767人",
# "对全国30个省的26.4万名毕业生进行了调查"): details of the study, no statistic ("other").
SURVEY_BEFORE_RE = re.compile(r"(调查|调研|抽样|受访|样本|问卷)")
SURVEY_AFTER_RE = re.compile(r"^[^。；;]{0,40}?(进行|展开|开展)了?[^，；：。,;:]{0,4}?(调查|调研)")
# Countries and fields a group is spread over ("分布在全球48个国家", "13个行业", "6个维度"): details, no level.
DETAIL_NOUNS = ("国家", "国", "省份", "经济体", "领域", "行业", "维度", "市州", "地市", "专业", "职业", "方面",
                "国家和地区", "省级行政区", "省区市", "省市区")
# The part of a ranked or named group ("排名前十的城市中,有9个在中国", "市值前十名榜单中,中国独揽五家",
# "以上十只基金中,有七只"): a detail of the list ("other").
RANK_GROUP_RE = re.compile(
    r"((?<![目当之此提])前[十\d一二三四五六七八九]{1,3}(?![个\d]*[季月年天周日期批])[名位强]?|十大|以上[十\d一二三四五六七八九两]{1,3}[个家只支项])[^。；;]*?[中里][^。；;]*$"
)
# Per head of population ("每千人拥有企业30.0户"): a rate, though no time basis.
PER_CAPITA_RE = re.compile(r"(每|平均每)[千万百十]?人")
# Money that is a fund's size ("百亿元基金", "15亿元的创投基金", "20亿元「创科创投基金」").
LIST_ITEM_RE = re.compile(r"^(以上|以下|余|多|左右)?(、[^，；：。,;:、]{0,12}|[和及与與][ ]?)$")
FUND_AFTER_RE = re.compile(r"^[^，；：。,;:]{0,12}?基金")
# Money named a valuation or a size right after it ("以5227.7亿美元的估值总额位居全国首位", "形成万亿元资金规模").
STOCK_MONEY_AFTER_RE = re.compile(r"^[^，；：。,;:]{0,3}?(?:的)?(估值总额|总估值|估值|市值|资金规模|总规模|规模)")
# A verb right after a count's noun says what happened to what it counts ("114家企业获得创业投资"):
# a flow, whatever framed the count before it.
FLOW_AFTER_NOUN = ("获得", "获", "融资", "完成", "成立", "注册", "登记注册", "新设", "落户", "入驻", "通过")
# Things a list or an award picked in the period ("20家上海市众创空间入选国家级众创空间", "8家单位名列其中",
# "6家孵化器备案为国家级"): a batch admitted, a flow, whatever level the sentence goes on to give.
SELECTED_AFTER_RE = re.compile(r"^[^，；：。,;:、]{0,14}?" + _SELECTED)
# The same said once after a list of counts joined by 、 or 和 ("3家科技企业孵化器、1家众创空间成功获认定",
# "7家孵化器和4家众创空间入选", "共6家湖南孵化器成功备案"): every item of the list is of the batch.
SELECTED_AFTER_LIST_RE = re.compile(
    r"[^，；：。,;:]{0,30}?[、和及与][^，；：。,;:]{0,20}?" + _SELECTED + r"|[^，；：。,;:、]{0,16}?" + _SELECTED
)
# A batch or a list named before a count in its sentence ("第三批2930家", "首批10家创业投资企业",
# "郑州市上榜众创空间有13个", "现认定……等31家众创空间为", "第三批小巨人企业中,东、中、西部分别有1773家"):
# the things the batch admitted in its period, a flow, unless words of a level frame the count.
BATCH_BEFORE_RE = re.compile(r"第[一二三四五六七八九十\d]{1,3}批|首批|上榜|入选|入围|现认定|新认定|拟认定")
# The months of a year from January ("2025年1-9月,深圳市新登记商事主体393,930户,……个体工商户134,646户",
# "1-8月份,……评价入库数……为高新区1542家"): counts of the span, flows, unless words of a level frame them.
SPAN_FROM_JANUARY_RE = re.compile(r"(?<![\d.])1\s*(?:-|~|～|—|–|至|到)\s*(?:[2-9]|1[0-2])\s*月(?!底|末)|前[二三四五六七八九十两\d]{1,2}个月")
# Words of a level that keep a count in a batch's or a span's sentence a stock ("截至9月底", "累计认定", "实有", "已有").
# A ranking's list ("胡润全球独角兽榜", "独角兽企业百强", "中国以227家……上榜") counts things that already
# are: entering it is no batch of new ones.
RANKING_RE = re.compile(r"独角兽|排行|排名|百强|\d+强|指数|榜单前")
SHARE_OF_RE = re.compile(r"占[^，；：。,;:]{0,24}?的")
LEVEL_WORDS_RE = re.compile(r"累计|已有|总数|总量|实有|现有|存量|存续|在营|在孵|在册|共有|拥有|保有|截至|截止|月底|月末|年底|年末|余额")
# Money raised or pledged into funds, named by its size ("募资总规模约14,400亿元", "认缴规模6510.23亿元",
# "新备案规模198.21亿元"): what was raised in the period, not a fund's standing size.
RAISED_SIZE_RE = re.compile(r"(募资|募集|认缴|备案|新募)[^，；：。,;:]{0,4}?规模[^，；：。,;:]{0,4}$")
# People a period's activity put into work ("带动1251人就业", "吸纳就业233.9万人", "创造就业岗位5万个"):
# jobs created, a flow, unless a point in time makes them a headcount.
JOBS_MADE_BEFORE_RE = re.compile(r"(带动|吸纳|创造|增加|解决|拉动|安置|提供)(和(带动|吸纳))?(了)?(就业|就业岗位|就业机会|工作岗位)?(人数)?(超过|达到|达|约|近|逾|共|累计)*$")
JOBS_MADE_AFTER_RE = re.compile(r"^(人次|人|名|个|万)?[^，；：。,;:]{0,2}?(就业|再就业|就业岗位|就业机会|工作岗位)")
# The people in work that organisations hold, said after a level of them ("共入驻实体数1075个,带动就业人数7198人",
# "基地占地面积……,吸纳就业人员约10万人", "个体工商户……至9000多万户,带动两亿多人就业"): a headcount, a stock,
# unless the words count what was new (新增) or a tally of actions (累计带动就业).
JOBS_HEADCOUNT_BEFORE_RE = re.compile(r"(带动|吸纳|安置)(了)?就业(人数|人员|人口)(为|是|达到|达|约|近|逾|超过|共)*$")
JOBS_NEW_OR_TALLY_RE = re.compile(r"新增|累计|新吸纳|新带动")
# Reprints that gloss characters with pinyin ("就業(yè)"): the glosses are no words.
PINYIN_GLOSS_RE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")
# A growth word right before a percentage makes it a change ("增速11.8%", "同比6.0%的增长").
# The word may name the size of the growth ("增长幅度超过19%", "降幅均为2.9%", "升幅达18.6%", "按年增12%");
# a bare 增, 减 or 降 before a percentage is one too ("同比增47%", "年均递增74.2%").
GROWTH_BEFORE_RE = re.compile(
    r"(增长|增速|增幅|涨幅|升幅|跌幅|增长率|提高|提升|上升|上涨|下降|降幅|减少|降低|回落|新增|增加|下滑|下跌|回升|成长|按年增|按年升|年升|年增"
    r"|同比|环比|比上年|较上年|递增|递减|增|减|降)(幅度|速度|率|数)?(了|达到|达|为|约|近|超过|逾|分别|均|高达|已达|在|仍|保持)*$"
)
# ... or after it, past a bound ("保持29%以上的增幅", "30%左右的增速").
GROWTH_AFTER_RE = re.compile(r"^(以上|左右|以下|多)?(的)?(平均|年均)?(增长|增幅|增速|涨幅|升幅|跌幅|降幅|下降)")

_CUES = sorted(
    {**{cue: "stock" for cue in STOCK_CUES}, **{cue: "flow" for cue in FLOW_CUES}}.items(),
    key=lambda item: -len(item[0]),
)
CUE_RE = re.compile("|".join(re.escape(cue) for cue, _ in _CUES))
CUE_KIND = dict(_CUES)
_TAIL_RE = re.compile(
    "(?:"
    + "|".join(re.escape(word) for word in sorted({*SUBJECT_TAIL_WORDS, "总计", "分别为", "提升", "增速", "增幅", "同比"}, key=len, reverse=True))
    + ")+$"
)
# Time words say when, not what: "到2016年底达到了3255家" has no concept of its own.
TIME_WORDS_RE = re.compile(
    r"(?:从|由|到|至|截至|截止|在|于)?(?:(?:19|20)\d\d|[〇零一二三四五六七八九]{4})年(?:底|末|初|年底|上半年|下半年|前三季度|第[一二三四]季度|\d{1,2}月(?:底|末|份)?)?"
    r"|(?:从|由|到|至|截至|截止)?(?:今年|去年|前年|当年|同年|上半年|下半年|前三季度|目前|现在|近年来|近年|如今|此前|以来|期间)"
    r"|^(?:从|由|到|至|截至|截止)|(?:以来|期间|底|末)$"
)
# What joins the figures of a series: "由2014年不足50家到2020年8507家", "从两家……到2016年底达到了3255家".
SERIES_GAP_RE = re.compile(r"^[^。；;]{0,20}?(?:到|至|增至|增加到|增长到|升至|降至|达到了?|达)[^，。；,;]{0,12}$")
_NUMBER_RE = re.compile(r"[\d零一二两三四五六七八九十百千万亿%]+[^\s，；：。,;:]{0,3}$")


def _clause_start(norm: str, start: int, floor: int) -> int:
    """Where the clause holding position `start` begins (not before `floor`)."""
    for found in reversed(list(CLAUSE_BREAK_RE.finditer(norm, max(floor, start - 200), start))):
        return found.end()
    return max(floor, start - 200)


def _concept(norm: str, quantity: Quantity, begin: int) -> str | None:
    if quantity.counted and not TIME_WORDS_RE.fullmatch(quantity.counted):
        return quantity.counted
    words = norm[begin : quantity.start]
    words = _TAIL_RE.sub("", words.strip()).strip()
    if quantity.qualifier_text:
        words = words.removesuffix(quantity.qualifier_text).strip()
        words = _TAIL_RE.sub("", words).strip()
    if not SERIES_END_WORDS_RE.sub("", TIME_WORDS_RE.sub("", words)).strip(" ,，、的了"):
        return None  # only when: "到2016年底达到了3255家", "(从2013年的30497.4亿元,)增长到2017年的"
    words = words[-MAX_CONCEPT_CHARS:]
    return words or None


def _nearest_cue(norm: str, begin: int, end: int) -> tuple[str, str] | None:
    cue = None
    for found in CUE_RE.finditer(norm, begin, end):
        # "成立于2000年之后的非上市公司": a founding date that describes the things, no flow of them
        if not (CUE_KIND[found.group()] == "flow" and norm.startswith("于", found.end())):
            cue = found
    return (CUE_KIND[cue.group()], cue.group()) if cue else None


def read_chinese_meaning(
    norm: str, quantity: Quantity, sentence: tuple[int, int], at_point: bool = False, previous_end: int = 0,
    after_level: bool = False,
) -> Meaning:
    """The meaning of one figure; `norm` is the simplified, half-width text without pinyin
    glosses (`without_glosses`: their brackets would cut a clause); `previous_end` the
    end of the figure before it in its sentence (its words are not this figure's); `after_level`
    whether the last figure before it in its sentence, past changes and shares, is a level."""
    clause_begin = _clause_start(norm, quantity.start, sentence[0])
    begin = max(clause_begin, previous_end, quantity.start - CUE_WINDOW)
    concept = _concept(norm, quantity, begin)
    norm = ABOVE_SIZE_RE.sub("    ", norm) if "规模以上" in norm else norm  # for the cue words only (same offsets)
    if quantity.equivalent_of is not None:
        return Meaning(concept, "other")
    before = norm[begin : quantity.start]
    if quantity.unit_class == "multiplier":
        if quantity.unit == "fraction":
            return Meaning(concept, "share", quantity.text)
        if LEVERAGE_RE.search(norm[clause_begin : quantity.end + 8]):
            return Meaning(concept, "other", "leverage")
        return Meaning(concept, "change", quantity.text)
    if quantity.is_percentage_point and ABOVE_OTHER_RE.search(norm[clause_begin : quantity.start]) and not any(
        word in norm[clause_begin : quantity.start] for word in OVER_TIME_WORDS
    ):
        return Meaning(concept, "other", "compared with another")
    if quantity.change is not None or quantity.change_basis_text or quantity.is_percentage_point:
        return Meaning(concept, "change", quantity.change_basis_text or quantity.change)
    net = [cue for cue in NET_CHANGE_CUES if cue in before]
    if net:
        return Meaning(concept, "change", net[0])
    if quantity.unit_class == "percent":
        growth = GROWTH_BEFORE_RE.search(before) or GROWTH_AFTER_RE.match(norm[quantity.end : quantity.end + 6])
        if growth:
            return Meaning(concept, "change", growth.group())
        if cap := PERCENT_CAP_RE.search(before):
            return Meaning(concept, "other", cap.group(1))
        return Meaning(concept, "share", "占" if "占" in before else None)
    basis = TIME_BASES.get(quantity.per) if quantity.per else None
    if basis:
        return Meaning(concept, "rate", quantity.per)
    if quantity.per == "year":
        return Meaning(concept, "flow", quantity.per)
    if quantity.unit_class not in ("count", "currency", "area", "length", "mass"):
        return Meaning(concept, "other")
    after = norm[quantity.end : quantity.end + 16]
    if GROUP_BOUND_BEFORE_RE.search(before) or GROUP_BOUND_AFTER_RE.match(after):
        return Meaning(concept, "other", "group bound")
    if SIZE_CLASS_AFTER_RE.match(after):
        return Meaning(concept, "other", "size class")
    if quantity.unit_class == "currency" and (bar := VALUE_BAR_BEFORE_RE.search(before)) and (
        VALUE_BAR_AFTER_RE.match(after) or "指" in norm[sentence[0] : quantity.start]
    ):
        # "估值超过10亿美元的独角兽", "独角兽企业是指市值超过10亿美元": the bar of a class, no level
        return Meaning(concept, "other", "threshold: " + bar.group())
    clause = norm[clause_begin : quantity.start]
    if per_capita := PER_CAPITA_RE.search(clause):
        return Meaning(concept, "rate", per_capita.group())
    sentence_before = norm[sentence[0] : quantity.start]
    if quantity.unit_class == "count":
        if SURVEY_BEFORE_RE.search(clause) or SURVEY_AFTER_RE.match(norm[quantity.end : sentence[1]]):
            return Meaning(concept, "other", "survey")
        if quantity.counted in DETAIL_NOUNS:
            return Meaning(concept, "other", quantity.counted)
        if (rank := RANK_GROUP_RE.search(sentence_before)) and _list_lead(norm, sentence[0], quantity.start) is None:
            return Meaning(concept, "other", rank.group(1))
    new_things = concept is not None and concept.startswith(STRONG_FLOW_CUES)  # "新设企业增至500万户": still new
    # the amount a series of two ends measures is named in the clause of its start: "总收入从2013年的
    # 30497.4亿元,增长到2017年的53025.8亿元" is revenue, a flow, at both ends
    series_from = SERIES_FROM_RE.search(norm, max(sentence[0], quantity.start - 60), clause_begin)
    series = norm[_clause_start(norm, series_from.start(), sentence[0]) : quantity.start] if series_from else clause
    if quantity.unit_class in ("count", "currency") and not new_things and not any(word in series for word in FLOW_AMOUNT_WORDS) and (
        (LEVEL_FROM_BEFORE_RE.search(before) and LEVEL_FROM_AFTER_RE.match(after)) or LEVEL_TO_BEFORE_RE.search(before)
        or LEVEL_AFTER_CHANGE_RE.search(clause)
    ):
        return Meaning(concept, "stock", FORM_CUE + "从…到")
    if quantity.unit_class == "currency" and (VALUE_BEFORE_RE.search(before) or VALUE_AFTER_RE.match(after)):
        return Meaning(concept, "stock", FORM_CUE + "价值")
    if quantity.unit_class == "count":
        # words of a level before the figure in its sentence (not the whole a share is of: "占新登记
        # 商事主体总量的65.8%") or after it in its clause keep a selected or batched count a stock,
        # and a ranking's list counts things that already are
        framed = SHARE_OF_RE.sub("", sentence_before) + CLAUSE_BREAK_RE.split(after, maxsplit=1)[0]
        ranked = RANKING_RE.search(norm, sentence[0], sentence[1])
        level_words = LEVEL_WORDS_RE.search(framed)
        if not (ranked or level_words) and (
            selected := SELECTED_BEFORE_RE.search(clause)
            or SELECTED_LATER_RE.match(after.replace("、", "") + norm[quantity.end + 16 : quantity.end + 30])
        ):
            return Meaning(concept, "flow", FORM_CUE + selected.group(1))
        if INVESTED_BEFORE_RE.search(before):
            return Meaning(concept, "flow", FORM_CUE + "投资")
    if quantity.unit_class == "count" and (lead := _list_lead(norm, sentence[0], quantity.start)) is not None:
        # an item of a list of places' counts ("新登记企业……依次为:龙岗(57687户)、宝安(……)",
        # "评价入库数……分别为高新区1176家、南开区266家"): what the sentence says before the list
        listed = next((cue for cue in (*STRONG_FLOW_CUES, *LIST_FLOW_CUES) if cue in lead), None)
        if listed is not None:
            return Meaning(concept, "flow", listed)
    if quantity.unit_class == "count" and not level_words:
        listed = None if ranked else SELECTED_AFTER_LIST_RE.match(norm[quantity.end : quantity.end + 80])
        if listed:
            return Meaning(concept, "flow", listed.group(1) or listed.group(2))
        batch = (None if ranked else BATCH_BEFORE_RE.search(sentence_before)) or SPAN_FROM_JANUARY_RE.search(sentence_before)
        if batch:
            return Meaning(concept, "flow", batch.group())
    clause_words_before = CLAUSE_BREAK_RE.split(norm[max(previous_end, sentence[0], quantity.start - CUE_WINDOW) : quantity.start])[-1]
    if not at_point and (tally := ACTION_TALLY_RE.search(clause_words_before)) and "目前" not in clause_words_before:
        # a tally of actions ("累计扶持135.7万人自主创业", "累计争取到贴息资金62亿元") that no
        # closing date makes a level is what the actions did over their span: a flow
        return Meaning(concept, "flow", tally.group())
    strong = [cue for cue in STRONG_FLOW_CUES if cue in before or (concept and concept.startswith(cue))]
    if strong and quantity.unit_class == "count" and LEVEL_REACHED_RE.search(before) and not (concept and concept.startswith(strong[0])):
        return Meaning(concept, "stock", LEVEL_REACHED_RE.search(before).group(1))
    if strong:
        return Meaning(concept, "flow", strong[0])
    if quantity.unit_class == "currency":
        if raised := RAISED_SIZE_RE.search(before):
            return Meaning(concept, "flow", raised.group(1))
        for cue in STOCK_MONEY_CUES:
            if cue in before:
                return Meaning(concept, "stock", cue)
        if "累计" in clause:  # a running total is a level reached ("累计帮助4万家企业获得1940亿元")
            return Meaning(concept, "stock", "累计")
        if FUND_AFTER_RE.match(after):
            return Meaning(concept, "stock", "基金")
        if level := STOCK_MONEY_AFTER_RE.match(after):
            return Meaning(concept, "stock", level.group(1))
        found = _nearest_cue(norm, begin, quantity.start) or _nearest_cue(norm, sentence[0], quantity.start)
        if found and found[0] == "flow":
            return Meaning(concept, "flow", found[1])
        return Meaning(concept, "flow", None)
    if quantity.counted and norm.startswith(FLOW_AFTER_NOUN, quantity.end + len(quantity.counted)):
        return Meaning(concept, "flow", norm[quantity.end + len(quantity.counted) :][:2])
    if quantity.unit_class == "count" and not level_words and (selected := SELECTED_AFTER_RE.match(after)):
        return Meaning(concept, "flow", selected.group(1))
    if at_point:
        return Meaning(concept, "stock", "point in time")
    jobs_after = JOBS_MADE_AFTER_RE.match(after)
    made = JOBS_MADE_BEFORE_RE.search(clause_words_before) if quantity.unit_class == "count" else None
    if made and not (made.group(5) or jobs_after):
        made = None
    # what "带动2300人就业" counts is the jobs it made, not the words before the verb
    jobs = made.group(1) + (made.group(5) or jobs_after.group(2)) if made else concept
    held = JOBS_HEADCOUNT_BEFORE_RE.search(clause_words_before) if quantity.unit_class == "count" else None
    if (made or held) and after_level and not JOBS_NEW_OR_TALLY_RE.search(clause_words_before) and "累计" not in sentence_before:
        # the jobs the organisations just counted hold ("共入驻实体数1075个,带动就业人数7198人",
        # "个体工商户……至9000多万户,带动两亿多人就业"): a headcount
        return Meaning(jobs, "stock", FORM_CUE + (made or held).group(1) + "就业")
    if made:
        return Meaning(jobs, "flow", made.group(1))
    found = _nearest_cue(norm, begin, quantity.start) or _nearest_cue(norm, sentence[0], quantity.start)
    if found:
        return Meaning(concept, found[0], found[1])
    return Meaning(concept, "stock", None)


def _list_lead(norm: str, sentence_start: int, start: int) -> str | None:
    """The words of the sentence before the list a figure is an item of, when it is one: a count in
    brackets after a name ("龙岗(57687户)"), or after 分别为/依次为 ("分别为高新区1176家"); else None."""
    bracketed = start > 0 and norm[start - 1] in "(（"
    sentence = norm[sentence_start:start]
    opener = max(sentence.rfind(word) for word in LIST_OPENERS)
    if bracketed:
        first = LIST_ITEM_START_RE.search(sentence)
        end = first.start() if first is not None else len(sentence)
        return sentence[: max(end, opener)] if opener >= 0 else sentence[:end]
    return sentence[:opener] if opener >= 0 else None


def without_glosses(
    text: str, quantities: Sequence[Quantity], spans: Sequence[tuple[int, int]]
) -> tuple[str, list[Quantity], list[tuple[int, int]]]:
    """The text with its pinyin glosses cut, and the figures (their counted nouns too) and
    sentences moved to it: cue words are read whole ("規(guī)模" is 规模) and a gloss's brackets
    end no clause.

    >>> from figures.quantities import extract
    >>> text = "有12家孵(fū)化器通过认定"
    >>> clean, (moved,), spans = without_glosses(text, extract(text), [(0, len(text))])
    >>> clean, clean[moved.start:moved.end], moved.counted, spans
    ('有12家孵化器通过认定', '12家', '孵化器', [(0, 11)])
    """
    glosses = [found.span() for found in PINYIN_GLOSS_RE.finditer(text)]
    if not glosses:
        return text, list(quantities), list(spans)
    cut_ends = [end for _, end in glosses]
    cut_total = [0]
    for start, end in glosses:
        cut_total.append(cut_total[-1] + end - start)

    def moved(position: int) -> int:
        index = bisect.bisect_right(cut_ends, position)
        inside = index < len(glosses) and glosses[index][0] < position
        return (glosses[index][0] if inside else position) - cut_total[index]

    moved_quantities = [
        dataclasses.replace(
            q, start=moved(q.start), end=moved(q.end), counted=PINYIN_GLOSS_RE.sub("", q.counted) if q.counted else q.counted
        )
        for q in quantities
    ]
    return PINYIN_GLOSS_RE.sub("", text), moved_quantities, [(moved(start), moved(end)) for start, end in spans]


def read_chinese_meanings(
    text: str,
    quantities: Sequence[Quantity],
    sentences: Sequence[tuple[int, int]] | None = None,
    points: Sequence[bool] | None = None,
) -> list[Meaning]:
    """One Meaning per quantity, in order (see `figures.meaning.read_meanings`). A reprint's
    pinyin glosses are read past ("基金總規(guī)模10億元" is a fund's 规模, a stock)."""
    norm = text.translate(_NORMALISE)
    spans = list(sentences) if sentences else [(0, len(text))]
    norm, quantities, spans = without_glosses(norm, quantities, spans)
    starts = [start for start, _ in spans]
    meanings = []
    previous_end, previous_sentence, first_of_sentence = 0, -1, 0
    for index, quantity in enumerate(quantities):
        position = max(bisect.bisect_right(starts, quantity.start) - 1, 0)
        if position != previous_sentence:
            previous_end, previous_sentence = spans[position][0], position
            first_of_sentence = index
        # whether the last figure before it in its sentence, past changes and shares, is a level
        levels = [m.measure_type for m in meanings[first_of_sentence:] if m.measure_type not in ("change", "share")]
        after_level = bool(levels) and levels[-1] == "stock"
        meaning = read_chinese_meaning(
            norm, quantity, spans[position], bool(points and points[index]), previous_end, after_level
        )
        if (
            meanings and previous_end > spans[position][0] and meaning.measure_type != "other"
            and LIST_ITEM_RE.match(norm[previous_end : quantity.start])
        ):
            # An item of a list ("新增人才1600名以上、高校毕业生9万名以上", "分别增长7.4%、6.5%")
            # measures what the item before it measures.
            meaning = Meaning(meaning.concept, meanings[-1].measure_type, meanings[-1].measure_cue, meanings[-1].rate_basis)
        meanings.append(meaning)
        if quantity.equivalent_of is None:
            previous_end = quantity.end
    sentence_of = [max(bisect.bisect_right(starts, q.start) - 1, 0) for q in quantities]
    for index in range(1, len(quantities)):
        # a figure with no concept of its own that ends a series ("由2014年不足50家到2020年8507家")
        # measures what the figure before it measures
        before = index - 1
        if (
            meanings[index].concept is None
            and meanings[before].concept is not None
            and sentence_of[before] == sentence_of[index]
            and quantities[index].unit == quantities[before].unit
            and quantities[index].equivalent_of is None
            and SERIES_GAP_RE.match(norm[quantities[before].end : quantities[index].start])
        ):
            meanings[index] = Meaning(meanings[before].concept, *[getattr(meanings[index], f) for f in ("measure_type", "measure_cue", "rate_basis")])
    for index, quantity in enumerate(quantities):
        original = quantity.equivalent_of
        if original is not None and 0 <= original < len(meanings) and original != index:
            meanings[index] = meanings[original]
    return meanings
