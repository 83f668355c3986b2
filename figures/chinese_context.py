"""When each figure of a Chinese text refers to, and its status: the Chinese counterpart of
`figures.periods.resolve_contexts`, returning the same MentionContext records.

    >>> from figures.quantities import extract
    >>> text = "截至2016年底，全国众创空间有4298家。今年前三季度，日均新设企业1.66万户。"
    >>> [c.period_label for c in resolve_chinese_contexts(text, extract(text), "2017-10-20")]
    ['2016', '2017-Q1/2017-Q3']

Time expressions read (after the one-for-one simplified/half-width translation of the text):
`2016年`, `2016年底`/`年末` (a point), `2016年上半年`, `一季度`/`第三季度`, `前三季度`, `6月`,
`6月底` (a point), `1-8月`/`1至8月`/`1月份至9月份`, `1至3季度`, `2017年6月30日`, `2013至2015年`,
`本周` (the publication's week from its Monday to its day, a weekly report's week), `上周` (the week before),
`今年`/`去年`/`上年`/`明年`/`前年` (against the publication date), `去年九月至今年一月`, `今年以来`,
`目前`/`现在`, `十三五期间` (2016-2020), `党的十八大以来` (2012 to now), `2019Q3`,
`十年来`/`三年多来`/`5年至今`, `近三年`/`过去两年` (up to the publication year), `五年前`, `2022年起`
(to publication), `全年` (the year last named), `5年内` (a deadline), years spelled digit by digit
(`二○二一年`), a list or report named by its year (`《2023全球独角兽榜》`), as Hong Kong and Taiwan
papers write them `首季`/`第一季`/`首三季`/`首5個月`, `今(2015)年`/`去(113)年`, `112年度`, and
`报告期内` in a report whose headline names its one period. `截至`/`截止`/`到` before, or `底`/`末`
after, make a point in time, as `截止`/`止` after a day do (`报名于11月30日截止`); a day
(`截至2021年12月31日`) is that day, where `2021年底` is the year; a day is also when something was done,
and dates its sentence's counts with the day (`12月26日，……3只区域基金设立运行`); the day a reporter learnt the
news (`3月11日，记者从省中小企业局获悉`) dates nothing. An index's base year
(`以2008年为基期`), a founding date (`成立于2000年之后`, `109年1月1日後成立`), the year of a policy
address or work report (`2016年《施政报告》`) and a record over recent years (`创近三年来新高`)
date no figure. An expression after `较`/`比`/`与`/`相比`/`按`, or right before `相比`
(`与发展初期的1992年相比`), is a comparison base or a basis, not the figure's period; a change after a
series from one year to a later one (`从2018年的75.7%提升至2022年的84.1%,提升了8.4个百分点`) spans both.

A figure takes the last period expression before it in its sentence, else the one after it in
its clause, else the last one before it in the document (the paragraph's or article's lead:
"今年前三季度，……。其中，……"; period_source "discourse"), else none (the warehouse then falls
back to the publication date and flags it). Year-less expressions take the year of the
nearest full year written before them in the same sentence, else the publication year.
`上一季度`/`上月` the quarter or month before the one the text last named (a base after 比 or 由,
not the first quarter `一季度` inside it). `目前`/`现在`/`至此`/`近年`/`未来,` are no date: a figure they date keeps the flagged fallback, except
that a `截至目前` closing a span up to now told before it ("自2015年开展双创工作以来,截至目前", "7年来,……
截至目前") leaves its sentence's figures on the span (and no later sentence's), and a sentence
without figures that says since when ("自5月7日以来,……放量。") opens the span the next one's
`截至` date closes. A level (`余额`, `总数`, `实有`) stands at the end of a period its sentence
names before it ("三季度末,……贷款余额169.37万亿元"), whatever span the headline reports on. A running
total (`累计`) is not dated by an earlier paragraph's period. Not carried to a later figure: a
reporting time (`近日`, `昨天`, an event's day) or a span since a start (`2015年以来`) past its
paragraph, `过去两年` or `五年前` past its sentence, a
span up to now into a survey's results (`调查显示`), any time to a fund's size (`2亿元投资创业基金`);
a total of organisations (`累计达217家`) dated only by a span up to now stands at an unsaid date
(a count of foundings, `累计成立4319家`, runs over the span). A base figure's date ("由2019年底的27.6户",
"是2012年的") is a comparison, and a change against a base more than a year back spans from the
base to the figure's period (`2012/2022`); a change between two dates of one year ("二季度末,……比一季度末
减少1万人") runs from the month after the base to the figure's date. Month ranges may cross years
("去年九月至今年一月"). A figure that points back at one told before with the same value and unit
(`這1萬552家新創當中`) takes that figure's period (figures.context.take_restated_periods).
A figure no time dates takes the date of a later figure of the same value that has one (a
headline restated in the body; period_source "headline"); failing that, a figure before any time
of the text takes the one period the headline names. Whether a document reports on the year
before publication (most of its dated figures' sentences dated in it) is for the chooser to
weigh: the year before is a candidate of every undated figure, with those shares as features.
A date written straight before a figure with 的 ("从2009年的27%", "由2019年底的27.6户") is that
figure's own, even when it is the base of another. A running total "自X起……截至Y" dates the
figures after Y from X to Y; "从2024年起……5年内" is 2024-2028. "X年以来" runs to the latest
year the document's own dates reach when that is before publication (a report on 2013 published
in 2014). A level on a register or a running total (`在册`, `总量`, `较年初`) dated by a span of
months stands at the span's last month (`上半年` -> June). A programme's cap or floor (`上限`,
`最高可`, `至少`) and a definition's threshold (`指的是`) are standing rules: no period.
`近日` is the publication month.
New things or deals counted to a date of the year, in a sentence that frames them as the year's
(`截至今年9月底,……新发放创业担保贷款3.7万笔`, `截至2月底,……共认定登记技术合同83项,同比增长27.69%`,
`截止到3月5日,今年……新注册`), are the year so far, from January to that date; levels and running totals
(`在册`, `累计`) stand at the date.
`前一年`/`上一年`/`次年` are the year before or after the one the sentence names (else publication's);
`连续三年` the three years up to it (a candidate only: the rules take it for no figure); `过去一年`
the year before publication; a year-less quarter or run of months not yet begun when the text
appeared (`第三季度` in a January paper) last year's; `本季度`/`当月` the quarter or month the text
last named, else publication's; `6月30号` a day, as `6月30日`; `而今` as `如今`.
The level a change starts from with no date of its own (`从几年前的0.5%增至1%`) takes no period;
over a span of years (`2016—2023年……由5000亿美元攀升至1.2万亿美元`) the base is the first year's and
the level reached the last year's. The months a survey or contest was held in, carried from an
earlier sentence (`于2020年4月到6月……展开调查`), date its later figures by their year; every finer
time also offers its whole year to the chooser. A list or report the headline names by one year
(`《2023全球独角兽榜》`) dates the figures the rules leave undated with that year.
`2014届` (a graduating class) names its year, and a figure in brackets straight after a date is
that date's (`比2013届(91.4%)`, `较2019年底(1858.46万户)`). A date the document declares for all
its data (a cut-off after a data word, `数据截至`, `统计时间为`; a time node, `以……为时间节点`;
`截至……为止`; a `截至` opening the document or standing in a sentence with no figures) or the
year of the list or report it is (`《2020全球独角兽榜》`, `2021年度……榜单`, when that is not a
year the document may report on anyway, which then carries it as a detail) is offered to every
figure as a "declared" candidate (period_source "document"); the one cut-off declared in so many
words is also the date the cut-off rule moves a figure of its year to.
These rules were written from the development documents, so they only propose:
`_ChineseDocument.candidates` lists every period the document offers a figure (the rules'
choice, the other times of its sentence, the first and last times of the four sentences before,
the document's first period, the one period the headline names, for a figure whose sentence names
none (or only days) the publication year and the year before as the year the document reports on,
with what the document says of each, the periods it declares for all its data, none; a streak or years of
growth counted from publication, `连续三年`, `4年年均增长`, also ending the year before publication,
the last year reported; a change against last year's end, `截至9月底……比去年底增长`, also over the
year so far, `2017-Q1/2017-Q3`; for news of an event, a sentence naming no period or only when it
was told, `昨天签约`, `日前举行`, the publication month, and for a day the news names, `10月11日公布`,
its month), and a
chooser trained on the Chinese development documents
(figures/period_model_zh.json, `benchmarks/train_period_model.py --language zh`, the same
conditional logit as for English, averaged over resampled fits) picks one; the rules decide alone without that file. The
chooser is not told which candidate the rules chose (on the two labelled batches the rules were
not written from it dates 0.752 of figures that way, 0.717 with the rules' pick, the rules alone
0.717), except that the rules reading a figure's grammar (GRAMMAR_RULES: 分别 pairing, a date in
its own clause, a level at a span's end) decide without it.
Status: the extractor's cue (`预计` expected, `目标`/`力争` target); else a deadline (`到2021年`
in the future, `5年内`) or a plan in the sentence (`今年……要`, `目标`, `力争`, `规划`) makes a target;
else "expected" for a period starting after publication, else "actual". A sentence opening
with `其中` ("of which") gives its figures the status of the figure before.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from figures.chinese_meaning import PINYIN_GLOSS_RE
from figures.context import (
    MentionContext,
    Period,
    day_period,
    half_period,
    joined_period,
    month_period,
    period_fields,
    publication,
    quarter_period,
    shifted,
    take_restated_periods,
    year_period,
    years_period,
)
from figures.period_choice import figure_traits, placed_features
from figures.quantities import Quantity
from figures.quantities.chinese_lexicon import BACK_REFERENCES, TO_HALF_WIDTH, TO_SIMPLIFIED
from figures.sentences import Sentence, split_sentences

_NORMALISE = {**TO_HALF_WIDTH, **TO_SIMPLIFIED}
_NUMBER = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
           "九": 9, "十": 10, "十一": 11, "十二": 12}  # fmt: skip
_N = r"(?:\d{1,2}|十[一二]?|[一二两三四五六七八九])"
_TENS = str.maketrans({"廿": "二十", "卅": "三十"})  # 廿 twenty, 卅 thirty, in dates
# A Taiwanese calendar year (民国107年 = 2018): after 民国, or three digits 100-199 before a month
# ("107年5月22日"), where no Gregorian year can be meant.
_YEAR = (
    r"(?:(?P<year>(?:19|20)\d\d)|民[国國](?P<roc_year>\d{1,3})|(?P<roc_dated>1[0-4]\d)(?=[ ]?年[ ]?\d{1,2}[ ]?月|年度)"
    # "今(2015)年", "去(113)年": a Taiwan paper's this or last year with the year in brackets
    r"|[今去明前]\((?P<paren_year>(?:19|20)\d\d|1\d\d)\)"
    # "2014届" (the graduates of 2014) names its class's year, as "2014年" does
    r"|(?P<spelled_year>(?:一九|二[零〇○])[零〇○一二三四五六七八九]{2}))[ ]?(?:年|(?=届))"
)
# A year spelled digit by digit ("二○二一年", "二零一七年"), as government releases write it.
_SPELLED_DIGITS = str.maketrans("零〇○一二三四五六七八九", "000123456789")
ROC_YEAR_OFFSET = 1911
# Five-year plans by their number.
_PLANS = {"八五": 1991, "九五": 1996, "十五": 2001, "十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}
# National Party congresses by their number, the year each was held: "党的十八大以来" runs
# from 2012 to now, as "2012年以来" does.
_CONGRESSES = {"十六大": 2002, "十七大": 2007, "十八大": 2012, "十九大": 2017, "二十大": 2022}

TIME_RE = re.compile(
    rf"""
    (?=[\d今去上下前本当同第一二两三四五六七八九十目现如迄至截到较比与相按从由自近昨日是未党民过最年全首次翌连而该])
    (?P<prefix>截至|截止到|截止|截至到|到|至(?!此)|较|比|与|相比|相较|按照|按|从|由|自|是)?(?:(?<=截至|截止)[ ]|(?<=[至到])[ ](?=\d))?
    (?:
        [“"]?(?P<plan>十[一二三四五]五|十五|[八九]五)(?:”|")?(?:期[间間]|[时時]期|(?P<plan_since>以[来來])|(?P<plan_end>期?末))
      | (?:党的)?(?P<congress>十[六七八九]大|二十大)(?:召开)?以来
      | (?P<this_part>(?:本|当|该|上一?|上个)(?:季度|季|月份|月)(?![末底初])|(?:本|上一?)(?:周|星期)(?![一二三四五六日天末期年岁]))
      | (?P<adjacent>(?<!提)前一年|上一年|次年|翌年)(?!前|后|以来)
      | (?P<consecutive>连续(?P<consecutive_count>\d{{1,2}}|[两二三四五六七八九十])[ ]?年)(?![前后])
      | (?:(?P<range_year>(?:19|20)\d\d)[ ]?年|(?P<range_relative>今年|去年|上年|前年))?(?P<range_first>{_N})[ ]?月(?:份)?[ ]?(?:至|到|[-—~])[ ]?
        (?:(?P<range_last_year>(?:19|20)\d\d)[ ]?年|(?P<range_last_relative>今年|明年|去年|本年))(?P<range_last>{_N})[ ]?月(?:份)?(?P<range_end>底|末)?
      | (?P<ahead>(?:未来|今后)(?P<ahead_count>[1-9]\d|[2-9]|十[一二三四五六七八九]?|[二三四五六七八九]十|[二两三四五六七八九])[ ]?(?:个)?年(?![内之]))
      | (?P<within>(?:未来)?(?P<within_count>\d{{1,2}}|[一二两三四五六七八九十])[ ]?年[内之]内?)
      | (?P<span_first>(?:19|20)\d\d)[ ]?(?:年)?[ ]?(?:[-—至到~])[ ]?(?P<span_last>(?:19|20)\d\d)[ ]?年(?P<span_end>底|末)?
      | (?:{_YEAR}|(?P<quarter_year>(?:19|20)\d\d)(?=第?[一二三四1-4]季度|[ ]?[Qq][1-4](?!\d))|(?P<relative>今年|去年|上年|明年|前年|本年|当年|同年))?(?:(?<=年)[ ](?=\d{{1,2}}[ ]?月))?
        (?:
            (?P<half>上半年|下半年)
          | (?P<first_months>[前首](?P<months>\d{{1,2}}|十[一二]?|[一二两三四五六七八九])(?:个)?月)
          | (?P<first_quarters>[前首](?P<quarters>[二两三2-3])(?:个)?季度?)(?P<first_quarters_end>末|底)?
          | 第?(?P<quarter_range>[一二三1-3])[ ]?(?:至|到|[-—~])[ ]?第?(?P<quarter_last>[二三四2-4])[ ]?季度
          | (?:第?(?P<quarter>[一二三四1-4])季度|第(?P<quarter_season>[一二三四1-4])季|(?P<quarter_first>首)季度?)(?P<quarter_end>末|底)?
          | [ ]?[Qq](?P<quarter_q>[1-4])(?!\d)
          | (?P<month_first>{_N})[ ]?(?:月(?:份)?)?[ ]?(?:[-—至到~])[ ]?(?P<month_last>{_N})[ ]?月(?:份)?(?P<month_range_end>底|末)?
          | (?P<month>{_N})[ ]?月(?:份)?(?:[ ]?(?P<day>\d{{1,2}}|[一二三]?十?[一二三四五六七八九十]|[廿卅][一二三四五六七八九]?)[ ]?[日号](?!码|线|楼|文|令|院)|(?P<month_end>底|末|份))?(?P<month_since>以来|至今)?
          | (?P<year_end>年?底|年?末)
          | (?P<since>以来|至今)
        )?
      | (?<=《)(?P<edition>(?:19|20)\d\d)(?=[^》\d年]{{1,24}}》)
      | (?P<whole_year>全年)(?!度)
      | (?P<year_to_date>(?:今年)?年初(?:以来|至今))
      | (?P<present>目前|现在|当前|如今|而今|截至目前|迄今|至今|至此|近年来|近年(?![度份初底末])|未来(?=[ ]?[,，]|将|会|还将))
      | (?P<reported>昨天|昨日|今天|今日|近日|日前|日前|前不久|近期|[今昨]\(\d{{1,2}}\)日)
      | (?P<years_back>(?P<back_count>\d{{1,2}}|[一二两三四五六七八九十])[ ]?年(?P<plus>多)?(?:来|至今))
      | (?<![\d一二两三四五六七八九十])(?P<years_ago>(?P<ago_count>\d{{1,2}}|[一二两三四五六七八九十]|十[一二三四五六七八九]|[二三]十)[ ]?年前)(?![三两二半\d])
      | (?P<recent_years>(?:最?近|过去)(?P<recent_count>\d{{1,2}}|[一二两三四五六七八九十])[ ]?年(?:间)?(?P<recent_since>来)?)
      | (?<![\d一二两三四五六七八九十第前近去今明上本])(?P<years_count>(?P<years_count_n>[2-9]|1\d|[两二三四五六七八九十])[ ]?(?:个)?年(?P<years_during>间|里|中)?)(?=[ ]?(?:年均|平均|累计|共|增长|增加|提高|提升|翻|上升|下降|减少|扩大))
    )
    """,
    re.VERBOSE,
)
_FIGURE_AFTER_RE = re.compile(r"[ ]?[-\d一二两三四五六七八九十百千万半近约逾超]")
# "提升到今年的15.3%": 到 after a verb of change says where the figure got, not a deadline.
_CHANGE_VERB_ENDS = frozenset("升长加增降少高大")
# "与发展初期的1992年相比": a date right before 相比 is the base whatever words stand between 与 and it
_COMPARED_AFTER_RE = re.compile(r"(?:同期|时|時)?(?:相比|相較|相较|比较|比較)")
COMPARISON_PREFIXES = frozenset({"较", "比", "与", "相比", "相较", "按照", "按"})
POINT_PREFIXES = frozenset({"截至", "截止到", "截止", "截至到", "到", "至"})
SINCE_PREFIXES = frozenset({"从", "由", "自"})
_SENTENCE_BREAK = frozenset("。！？；!?;\n")
_RELATIVE_YEARS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}
# Between a past year ("2012年底") and an "N年内" that counts back from it.
_WITHIN_AFTER_YEAR_GAP_RE = re.compile(r"[ ,，]?")
# Words before "N年内" that make it the past ("in the past five years"), not a deadline.
_PAST_WITHIN = ("过去", "近", "这", "前", "此前")
_CLAUSE_BREAK = frozenset("，。；！？,;!?\n：:")
# Words before the date a document's data stand at ("数据截止日期为2017年11月30日").
CUTOFF_WORDS = ("数据截止日期为", "数据截止日期是", "数据截止日期", "数据截至", "数据截止到", "数据截止", "统计截至", "统计截止到", "截止日期为")
# Words after a day that make it the day a count closes ("报名于11月30日截止").
_CLOSES_AFTER = ("截止", "截至", "止", "为止")
# "Up to today" before the day it names ("推出至今天五月卅一日").
_TODAY_CLOSING = ("至今天", "至今日", "截至今天", "截至今日")
# Founding dates ("成立于2000年之后", "创立于2015年"): what was founded when, not a figure's period.
_FOUNDED_WORDS = ("成立于", "创立于", "创办于")
# After a day, a reporter learning the news ("3月11日，记者从省中小企业局获悉", "3月11日从……了解到"):
# the day the news was told, not a period of the counts that follow.
_LEARNT_AFTER_RE = re.compile(r"[ ,，、]*(?:记者[^。；;!?！？\n]{0,20}?|从[^。；;!?！？,，\n]{0,20}?)(?:获悉|了解到|获知|得知)")
_FOUNDED_AFTER = ("后成立", "之后成立", "以后成立", "前成立", "以前成立", "后设立", "后创立")
# "During the reporting period", not one of several counted ("上述3个报告期内"), in a report or
# results whose headline names the period.
_REPORT_PERIOD_RE = re.compile(r"(?<![\d一二两三四五六七八九十个])报告期(?:内)?")
_REPORT_TITLE_RE = re.compile(r"报告|年报|业绩|公告|决算")
# A record over the years just named ("创近三年来新高").
_RECORD_AFTER_RE = re.compile(r"[ ]?(?:的)?(?:新高|新低|最高|最低|最好|最快)")
# After a year, "from then on" ("2022年起", "自2015年起,已吸引"), not 起草/起步 and the like.
_SINCE_START_RE = re.compile(r"[ ]?(?:起|开始)(?![草步诉飞义点])")
# "自2023年返乡创业专项行动启动以来": since a programme the year launched, up to now
_LAUNCH_WORDS = r"(?:推出|开办|启动|开始|实施|开展|设立|成立|揭牌|运营|运行|投用|投入使用|开园|启用|开业)"
_SINCE_LAUNCH_RE = re.compile(rf"[^，。；,;！？!?:：\n]{{0,20}}?(?:{_LAUNCH_WORDS}[^，。；,;！？!?:：\n]{{0,8}}?)?(?:以来|至今)")
# A date a total closes at later in the sentence ("截至目前" closes it now: the span runs on).
_CUTOFF_LATER_RE = re.compile(r"[^。；;！？!?\n]*?(?:截至|截止)(?!目前|现在|当前|如今)")
# A cutoff that is now, closing a span up to now told just before ("自2015年开展双创工作以来,截至目前").
_CUTOFF_NOW_BEFORE = ("截至", "截止", "截止到", "截至到")
# Right after the date, with no 自 before it: "2022年成立至今", "2021年7月投用的创享湾,迄今已引进".
_LAUNCHED_UNTIL_NOW_RE = re.compile(rf"[ ]?{_LAUNCH_WORDS}(?:以来|至今|的[^，。；,;！？!?\n]{{1,15}}[，,]?(?:迄今|至今))")
# A policy document named by its year ("2016年《施政报告》", "2018年政府工作报告").
_POLICY_DOCUMENT_RE = re.compile(r"[ ]?度?[ ]?[《“\"]?(?:施政报告|政府工作报告|财政预算案|预算案)")
# After "以<year>" an index's base: "以2008年为基期", "以2008年基期为100", "以2014年为100".
_INDEX_BASE_RE = re.compile(r"[ ]?为?(?:基期|基年|100(?!\d))")


@dataclass(frozen=True, slots=True)
class ChineseTime:
    start: int
    end: int
    text: str
    period: Period
    is_point: bool
    is_comparison: bool
    source: str  # "text" or "relative"
    # "目前"/"现在": no date of its own, so a figure it alone dates keeps the flagged fallback.
    is_present: bool = False
    # A deadline ("到2020年", "5年内"): a future figure it dates is a target.
    is_deadline: bool = False
    # A running total's span from its start to the date it closes ("自X起……截至Y").
    is_running: bool = False
    # A span up to now closed by "截至目前" in its sentence: it dates that sentence's figures only.
    closed_now: bool = False
    # The closing month of a span, offered to levels ("上半年……在册企业30.7万户" stands at June's end).
    is_span_end: bool = False
    # What kind of expression it is (_kind_of): "reported" for when a thing was said or held
    # ("近日", "昨天", "12月26日"), which dates that news, not the figures of later paragraphs.
    kind: str = ""
    # The whole year of a finer time ("2020年4月到6月……展开调查" -> 2020): a survey's or a contest's
    # figures are the year's, not those of the months it was held in.
    is_year_of: bool = False
    # Another reading of a time than the one the text's words give (_ChineseDocument._readings):
    # "end_before" (a streak ending the year before publication), "since_year_end" (a change
    # against last year's end over the year so far).
    reading: str = ""


def _count(word: str) -> int:
    """An Arabic or Chinese count up to 99 ("12", "十二", "二十一", "卅一"); 0 for none."""
    if word.isdigit():
        return int(word)
    if word in _NUMBER:
        return _NUMBER[word]
    tens, _, units = word.translate(_TENS).partition("十")
    if not _ or len(tens) > 1 or len(units) > 1:
        return 0
    return (_NUMBER.get(tens, 0) if tens else 1) * 10 + (_NUMBER.get(units, 0) if units else 0)


def find_chinese_times(text: str, published_on: dt.date | str | None = None) -> list[ChineseTime]:
    """Every Chinese time expression of `text` with the period it names."""
    norm = text.translate(_NORMALISE)
    published = publication(published_on)
    pub_year = published.period.start.year if published else None
    times: list[ChineseTime] = []
    last_year: tuple[int, int] | None = None  # (position, year) of the last full year written
    # (position, year) of the last "从2024年起": a "5年内" after it in its sentence counts from it.
    counted_from: tuple[int, int] | None = None
    # The latest year the document's own dates reach, and its "since" spans: "2008年以来" in a
    # report on 2013 published in 2014 runs to 2013, the last year it has figures for.
    latest_year: int | None = None
    since_spans: list[int] = []
    days: dict[int, Period] = {}  # start -> the day a "6月30日" names (its period is the year)
    context_year: int | None = None  # the year of the last period named, for "全年"
    # the last single quarter and month named, for "本季度", "当月"
    context_part: dict[str, Period] = {}
    launched_until = 0  # where "2021年7月投用的创享湾,迄今" ends: its 迄今 is read with its start
    for match in _time_matches(norm):
        if match.end() == match.start() or (match.group("prefix") and match.end() == match.end("prefix")):
            continue
        groups = match.groupdict()
        roc_year = groups["roc_year"] or groups["roc_dated"] or (
            groups["paren_year"] if groups["paren_year"] and len(groups["paren_year"]) == 3 else None
        )
        if groups["paren_year"] and len(groups["paren_year"]) == 4:
            groups["year"] = groups["paren_year"]
        if roc_year:
            groups["year"] = str(int(roc_year) + ROC_YEAR_OFFSET)
        if groups["spelled_year"]:
            groups["year"] = groups["spelled_year"].translate(_SPELLED_DIGITS)
        if groups["year"] and norm[max(0, match.start() - 1) : match.start()] == "以" and _INDEX_BASE_RE.match(norm, match.end()):
            continue  # an index's base year ("以2008年为基期", "以2014年为100"): no figure's period
        if not groups["prefix"] and groups["day"] and norm.startswith(_CLOSES_AFTER, match.end()):
            groups["prefix"] = "截至"  # "报名已于11月30日截止", "至11月30日止": the day a count closes, a point
        if not groups["prefix"] and norm[max(0, match.start() - 8) : match.start()].endswith(CUTOFF_WORDS + _TODAY_CLOSING):
            # "数据截止日期为2017年11月30日", "推出至今天五月卅一日": the date a total stands at, a point
            groups["prefix"] = "截至"
        if groups["year"] and _POLICY_DOCUMENT_RE.match(norm, match.end()):
            continue  # the year of a policy address or work report ("2016年《施政报告》宣布成立的20亿元基金") dates the document
        if groups["day"] and not groups["prefix"] and _LEARNT_AFTER_RE.match(norm, match.end()):
            continue  # the day a reporter learnt the news dates none of its figures
        if norm[max(0, match.start() - 3) : match.start()].endswith(_FOUNDED_WORDS) or norm.startswith(_FOUNDED_AFTER, match.end()):
            continue  # when something was founded ("成立于2000年之后", "109年1月1日後成立的公司"): no figure's period
        if (
            groups["year_end"] and groups["prefix"] == "到" and not (groups["year"] or groups["relative"])
            and not _FORECAST_OR_AIM_RE.search(norm, _sentence_start_of(norm, match.start()), match.start())
        ):
            continue  # "到年底" told of a past year ("2016年……。到年底,……"): the year is not said
        if groups["present"] and match.start() < launched_until:
            continue  # the 迄今 closing "2021年7月投用的创享湾,迄今": read with its start
        if groups["present"] and _closes_span_to_now(norm, match.start(), times, pub_year):
            # "七年来,……截至目前,全市累计发放": the span's figures, closed now (and its sentence's only)
            times[-1] = replace(times[-1], closed_now=True)
            continue
        if groups["year"]:
            last_year = (match.start(), int(groups["year"]))
        sentence_year = _year_for(norm, match.start(), last_year, pub_year, groups)
        if groups["whole_year"]:
            # "全年共签订技术合同29.5万项": the whole of the year the text last named, else publication's
            if context_year is None and pub_year is None:
                continue
            sentence_year = context_year if context_year is not None else pub_year
            written = _YEAR_BEFORE_RE.search(norm, max(0, match.start() - 6), match.start())
            if written is not None:
                sentence_year = int(written.group(1))  # "较2024年全年降幅": that year's whole, even as a base
        try:
            if groups["this_part"]:
                # "本季度", "当月": the quarter or month the text last named, else publication's
                period, is_point, source = _this_part(groups["this_part"], context_part, published), False, "relative"
            elif (
                (groups["years_back"] or groups["recent_years"] or groups["years_ago"] or groups["years_count"])
                and pub_year is not None and sentence_year is not None and sentence_year < pub_year
                and not _year_unwritten(norm, match.start(), last_year, groups)
                and _sentence_anchor(times, _sentence_start_of(norm, match.start())) == sentence_year
            ):
                # "截至2019年底，……五年增长了近一倍", "2018年……近三年年均增长12%": years counted
                # back from the year its sentence names, not from publication
                period, is_point, source = _period_of(groups, sentence_year, sentence_year, published)
            else:
                period, is_point, source = _period_of(groups, sentence_year, pub_year, published)
        except ValueError:
            continue
        if period is None:
            continue
        if (
            period.granularity in ("quarter", "month") and period.start.month + (2 if period.granularity == "quarter" else 0) == period.end.month
            and not (groups["this_part"] or "").startswith("上")  # the one before is no new subject
        ):
            context_part[period.granularity] = period
        prefix = groups["prefix"]
        if (
            published is not None and sentence_year == pub_year
            and (_not_yet(period, published.period) or (period.start > published.period.end and context_year == pub_year - 1))
            and period.granularity in ("day", "month", "quarter", "half") and _year_unwritten(norm, match.start(), last_year, groups)
            and prefix not in POINT_PREFIXES and not _FUTURE_BEFORE_RE.search(norm, _sentence_start_of(norm, match.start()), match.start())
        ):
            # "第三季度" with no year in a January paper: last year's quarter, not one to come
            try:
                period, is_point, source = _period_of(groups, pub_year - 1, pub_year, published)
            except ValueError:
                continue
            if period is None:
                continue
        if groups["within"] and norm[max(0, match.start() - 2) : match.start()].endswith(_PAST_WITHIN):
            continue
        if (groups["recent_years"] or groups["years_back"]) and _RECORD_AFTER_RE.match(norm, match.end()):
            continue  # "增幅创近三年来新高": a record over those years, not the figures' period
        if groups["year"] and prefix in SINCE_PREFIXES and norm.startswith(("起", "开始"), match.end()):
            counted_from = (match.start(), int(groups["year"]))
        # "2022年起每年超千万人", "自2015年起已吸引316家": from that year up to now
        until_now = _LAUNCHED_UNTIL_NOW_RE.match(norm, match.end())
        launched = bool((prefix in SINCE_PREFIXES and _SINCE_LAUNCH_RE.match(norm, match.end())) or until_now)
        if launched and _CUTOFF_LATER_RE.match(norm, match.end()):
            launched = until_now = None  # "2018年5月開辦以來，截至今年10月底": a running span to that date
        since_start = bool(
            groups["year"] and period.granularity == "year" and not groups["year_end"] and pub_year is not None
            and int(groups["year"]) < pub_year
            and (_SINCE_START_RE.match(norm, match.end()) or launched)
        )
        if until_now and (since_start or period.granularity == "month"):
            launched_until = until_now.end()
        if since_start:
            period = years_period(int(groups["year"]), pub_year)
        elif (
            launched and period.granularity == "month" and not groups["day"]
            and published is not None and published.period.granularity in ("day", "month")
            and period.end < published.period.start
            # a month written without its year: only within the year before publication (not a
            # month of a year the text named earlier, "2016年……自6月份启动以来" in a 2018 story)
            and (groups["year"] or (published.period.start - period.start).days < 366)
        ):
            # "自2018年3月揭牌成立以来", "2021年7月投用的创享湾,迄今", "大赛自6月份启动以来" (a month of the
            # year before publication at most): from that month up to the publication's
            last = published.period.start
            period = joined_period(period, month_period(last.year, last.month))
            since_start = True
        if (
            groups["within"] and counted_from is not None
            and not any(c in _SENTENCE_BREAK for c in norm[counted_from[0] : match.start()])
        ):
            # "从2024年起，目标5年内": the five years from 2024, not five years after publication
            first = counted_from[1]
            period = years_period(first, first + max(_count(groups["within_count"]), 1) - 1)
        elif groups["within"] and not groups["within"].startswith("未来") and times and pub_year is not None:
            # "从2008年初至2012年底,五年内全国累计退出": the years up to a past year just named
            before = times[-1]
            last = before.period.end.year
            if (
                _WITHIN_AFTER_YEAR_GAP_RE.fullmatch(norm, before.end, match.start())
                and before.period.granularity in ("year", "multi_year") and last < pub_year
                and not before.is_comparison
            ):
                period = years_period(last - max(_count(groups["within_count"]), 1) + 1, last)
                source = "text"  # read from the year written, not from the publication
                groups = {**groups, "within": None}  # a past span, no deadline
        if prefix in POINT_PREFIXES:
            is_point = True
        # A base figure's date: "由2019年底的27.6户增长到30.0户", "是2012年的2.7倍".
        # Not a base when no figure follows ("从前三季度的新设企业增长情况来看").
        base = prefix in ("由", "从", "是") and _base_follows(norm, match.end())
        if groups["day"] and sentence_year is not None and not is_point:
            try:
                days[match.start()] = day_period(sentence_year, _count(groups["month"]), _count(groups["day"]))
            except ValueError:
                pass
        is_comparison = prefix in COMPARISON_PREFIXES or base or _COMPARED_AFTER_RE.match(norm, match.end()) is not None
        if groups["since"] or groups["congress"] or since_start:
            since_spans.append(len(times))
        elif not (groups["years_back"] or groups["years_ago"] or groups["recent_years"] or groups["years_count"]):
            # spans back from publication say nothing of the latest year the figures reach
            # a dateline's day, "now", a deadline or a base say nothing of the figures' years
            deadline = groups["within"] or groups["ahead"] or (prefix in POINT_PREFIXES and period.end.year > (pub_year or 0))
            if not (is_comparison or deadline or groups["present"] or groups["reported"] or groups["day"]):
                latest_year = max(latest_year or period.end.year, period.end.year)
        if not (is_comparison or groups["present"] or groups["within"]) and period.granularity != "multi_year":
            context_year = period.end.year
        times.append(ChineseTime(
            match.start(), match.end(), text[match.start() : match.end()], period, is_point,
            is_comparison, source, bool(groups["present"]),
            bool(groups["within"] or groups["ahead"]) or (
                prefix in ("到", "截至到") and published is not None and period.end > published.period.end
                and not norm[max(match.start() - 1, 0) : match.start()] in _CHANGE_VERB_ENDS
            ),
            kind="since" if since_start else _kind_of(groups, is_point),
        ))  # fmt: skip
    # "以来" spans cut at the latest year the figures reach. Some gold does not cut ("2022年以来"
    # in February 2024 as 2022/2024), but without the cut more periods are wrong (2026-12-06:
    # dev-a 1,341 -> 1,342, dev-b 1,202 -> 1,211)
    if pub_year is not None and latest_year is not None and latest_year < pub_year:
        for index in since_spans:
            period = times[index].period
            if period.end.year == pub_year and period.start.year < latest_year:
                times[index] = replace(times[index], period=years_period(period.start.year, latest_year))
    return sorted(times + _running_spans(norm, text, times, days) + _then(norm, text, times), key=lambda t: (t.start, t.end))


def _time_matches(norm: str) -> Iterator[re.Match]:
    """TIME_RE's matches, where 是 leads a time only as a base's date ("是2012年的2.7倍"): after
    other words the time is read without it ("尤其是2018年以来,每年保持40%的增速")."""
    for match in TIME_RE.finditer(norm):
        if match.group("prefix") == "是" and not _base_follows(norm, match.end()):
            match = TIME_RE.match(norm, match.start() + 1)
            if match is None:
                continue
        yield match


def _base_follows(norm: str, end: int) -> bool:
    """Whether a figure follows the time ending at `end` as its level ("由2019年底的27.6户")."""
    return norm.startswith("的", end) and _FIGURE_AFTER_RE.match(norm, end + 1) is not None


def _closes_span_to_now(norm: str, start: int, times: list[ChineseTime], pub_year: int | None) -> bool:
    """Whether a "截至目前" at `start` closes the span up to now told just before it in its sentence."""
    if not times or pub_year is None or not norm[max(0, start - 3) : start].endswith(_CUTOFF_NOW_BEFORE):
        return False
    last = times[-1]
    between = norm[last.end : start]
    return (
        not last.is_comparison and not last.is_present and last.period.granularity == "multi_year"
        and last.period.end.year == pub_year and last.period.start.year < pub_year
        and len(between) <= _RUNNING_SINCE_REACH and not any(c in _SENTENCE_BREAK for c in between)
    )


_THEN_RE = re.compile(r"当时")
# How far back a "当时" looks for the date it means.
_THEN_REACH = 40


def _then(norm: str, text: str, times: list[ChineseTime]) -> list[ChineseTime]:
    """"与1980年改革开放之初相比，当时我国个体工商户不到1万户": "at that time" is the date just
    written, even when that date is the base of a comparison."""
    found = []
    ends = [t.end for t in times]
    for match in _THEN_RE.finditer(norm):
        place = bisect.bisect_right(ends, match.start()) - 1
        if place < 0 or match.start() - times[place].end > _THEN_REACH:
            continue
        earlier = times[place]
        found.append(ChineseTime(
            match.start(), match.end(), text[match.start() : match.end()], earlier.period, earlier.is_point, False,
            earlier.source, kind=earlier.kind,
        ))  # fmt: skip
    return found


# "自107年5月22日正式启动,截至108年7月11日止" / "2018年5月开办以来，截至今年10月底": a running
# total from its start to the date it closes, offered as one period.
_SINCE_BETWEEN_RE = re.compile(r"[^。！？；!?;\n]{0,16}?(?:以来|起)?[ ,，、]*")
_RUNNING_SPAN_REACH = 24
# Verbs of launching a programme, between the date it started and the date a total closes.
_LAUNCH_VERBS = ("推出", "开办", "启动", "开始", "成立", "实施", "运作", "开展", "设立")
_RUNNING_SINCE_REACH = 100


def _running_spans(norm: str, text: str, times: list[ChineseTime], days: dict[int, Period]) -> list[ChineseTime]:
    found = []
    for first, last in pairwise(times):
        if first.is_comparison or last.is_comparison or not norm.startswith(("截至", "截止", "至"), last.start):
            continue
        between = norm[first.end : last.start]
        launched = between.rstrip(" ,，").endswith(_LAUNCH_VERBS) and len(between) <= _RUNNING_SPAN_REACH
        # "2008年初至10月底", "从2008年初至2012年底": the start's own year opening, right before 至
        from_year_start = between.strip(" ") in ("", "初") and first.period.granularity == "year" and not first.is_point
        if norm.startswith("至", last.start) and not (launched or from_year_start):
            continue  # "至" closes a span only after the start it runs from ("2016年8月推出至2017年3月底")
        if norm[first.start : first.end].endswith("以来"):
            # "今年以来，……开展宣传活动……，截至6月底，共开展120场": the whole clause runs from the
            # start it names to the date it closes, however long, within one sentence
            if len(between) > _RUNNING_SINCE_REACH or (
                any(c in _SENTENCE_BREAK for c in between) and not _leads_into(between)
            ):
                continue
        else:
            since = (
                norm.startswith(("自", "从", "由"), first.start) or "以来" in between or between.rstrip(" ,，").endswith("起")
                or launched or from_year_start
            )
            if not since or len(between) > _RUNNING_SPAN_REACH or not _SINCE_BETWEEN_RE.fullmatch(between):
                continue
        start = days.get(first.start, first.period)
        end = last.period
        if start.start >= end.end:
            continue
        if start.start == dt.date(end.end.year, 1, 1) and end.granularity == "month":
            period = month_period(end.end.year, 1, end.end.month)  # "今年以来……截至6月底": 2023-H1
        elif start.granularity == end.granularity:
            period = joined_period(start, end)
        else:
            period = Period(f"{start.label}/{end.label}", "multi_year", start.start, end.end, ("joined", start, end))
        found.append(ChineseTime(
            first.start, last.end, text[first.start : last.end], period, False, False, last.source, is_running=True,
            kind="running",
        ))  # fmt: skip
    return found


# A sentence that only says since when ("自5月7日以来,科创债发行持续放量。") leads into the next one's
# total closing at a date ("Wind数据显示,截至7月3日,……已发行419只"): the total runs over that span.
_LEAD_IN_REACH = 60


def _leads_into(between: str) -> bool:
    """Whether the words from a since-start to a closing date are the rest of a sentence without
    figures and the opening of the next one, in one paragraph."""
    breaks = sum(between.count(c) for c in _SENTENCE_BREAK)
    return breaks == 1 and len(between) <= _LEAD_IN_REACH and "\n" not in between and not any(c.isdigit() for c in between)


def _kind_of(groups: dict, is_point: bool) -> str:
    """The kind of a matched expression, as the chooser's features and the carrying rules name it."""
    if groups["reported"] in ("近日", "日前", "昨天", "昨日", "今天", "今日", "前不久", "近期") or (groups["reported"] or "").endswith(")日"):
        return "reported"
    if groups["day"] and not is_point:
        return "reported"  # a day something was said or held ("12月26日，……启动")
    if groups["plan_end"]:
        return "year"  # "“十二五”末" is the end of a year, as "2015年末" is
    for name in ("plan", "congress", "within", "present", "years_back", "years_ago", "recent_years", "years_count", "year_to_date", "edition", "adjacent", "consecutive", "this_part"):
        if groups[name]:
            return name
    if groups["since"] or groups["month_since"]:
        return "since"
    if groups["span_first"] or groups["range_first"] or groups["month_first"] or groups["ahead"]:
        return "span"
    if groups["half"] or groups["first_quarters"] or groups["first_months"] or groups["quarter_range"] or groups["quarter"] or groups["quarter_q"] or groups["quarter_season"] or groups["quarter_first"]:
        return "part_of_year"
    if groups["month"]:
        return "month"
    return "year"


# Words of a plan or forecast before a time in its sentence: a time after publication is then to come.
_FUTURE_BEFORE_RE = re.compile(r"预计|预期|将|计划|目标|力争|争取|有望|拟|要|到|至")
# Words of a forecast ("预计到年底……将达38%": expected), and those of a forecast or an aim before
# "到年底" ("预计到年底", "力争到年底"): the end of the current year.
_FORECAST_RE = re.compile(r"预计|预期|有望")
_FORECAST_OR_AIM_RE = re.compile(_FORECAST_RE.pattern + r"|计划|目标|力争|争取|拟")


def _this_part(words: str, context_part: dict[str, Period], published) -> Period | None:
    """"本季度"/"当季" the quarter, "本月"/"当月" the month the text last named, else the publication's;
    "本周" from the Monday of the publication's week to its day, "上周" the week before."""
    if "周" in words or "星期" in words:
        return _week_of(published, words.startswith("上"))
    granularity = "quarter" if "季" in words else "month"
    if granularity in context_part:
        this = context_part[granularity]
    elif published is None or published.period.granularity not in ("day", "month"):
        return None
    else:
        start = published.period.start
        this = quarter_period(start.year, (start.month + 2) // 3) if granularity == "quarter" else month_period(start.year, start.month)
    if not words.startswith("上"):
        return this
    # "上一季度", "上月": the quarter or month before that one
    before = this.start - dt.timedelta(days=1)
    if granularity == "quarter":
        return quarter_period(before.year, (before.month + 2) // 3)
    return month_period(before.year, before.month)


def _week_of(published, before: bool) -> Period | None:
    """The publication's week up to its day (a weekly report's "本周"), or the whole week before it."""
    if published is None or published.period.granularity != "day":
        return None
    day = published.period.start
    monday = day - dt.timedelta(days=day.weekday())
    first, last = (monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)) if before else (monday, day)
    if first == last:  # "本周" in a Monday paper: that day
        return day_period(first.year, first.month, first.day)
    return joined_period(day_period(first.year, first.month, first.day), day_period(last.year, last.month, last.day))


def _not_yet(period: Period, published: Period) -> bool:
    """Whether a part of the publication year begins four months or more after the text appeared
    ("第三季度" in a February paper), or runs from January to half a year past it ("1-9月" in a
    February paper); a nearer one may be a plan ("前三季度末" in July)."""
    if period.start > published.end:
        return period.start.year == published.end.year and period.start.month - published.end.month >= 4
    return period.start.month == 1 and period.end.year == published.end.year and period.end.month - published.end.month >= 6


# A year written straight before "全年" ("2024年全年").
_YEAR_BEFORE_RE = re.compile(r"((?:19|20)\d\d)[ ]?年[ ]?$")


def _sentence_start_of(norm: str, position: int) -> int:
    return max((norm.rfind(c, 0, position) for c in _SENTENCE_BREAK), default=-1) + 1


def _sentence_anchor(times: list[ChineseTime], sentence_start: int) -> int | None:
    """The year the last period of the sentence so far ends in, a comparison base left out
    ("是2012年的2.7倍,十年来……" counts from no base)."""
    for time in reversed(times):
        if time.start < sentence_start:
            return None
        if not time.is_comparison:
            return time.period.end.year
    return None


def _year_unwritten(norm: str, start: int, last_year, groups) -> bool:
    """Whether an expression's year is neither written nor said (今年, 去年) in it or before it in its sentence."""
    if groups["year"] or groups["quarter_year"] or groups["relative"] or groups["range_year"] or groups["range_relative"]:
        return False
    return last_year is None or any(c in _SENTENCE_BREAK for c in norm[last_year[0] : start])


def _year_for(norm: str, start: int, last_year, pub_year, groups) -> int | None:
    """The year of a year-less expression: the relative word's, the last full year written
    in the same sentence, else the publication year."""
    relative = groups["relative"]
    if groups["year"] or groups["quarter_year"]:
        return int(groups["year"] or groups["quarter_year"])
    if relative in ("当年", "同年") and last_year is not None:
        return last_year[1]  # "that same year": the year last written, not publication's
    if relative and pub_year is not None:
        return pub_year + {"去年": -1, "上年": -1, "前年": -2, "明年": 1}.get(relative, 0)
    if last_year is not None and not any(c in _SENTENCE_BREAK for c in norm[last_year[0] : start]):
        return last_year[1]
    return pub_year


def _period_of(groups, year, pub_year, published) -> tuple[Period | None, bool, str]:
    """(period, whether it is a point in time, source) of one matched expression."""
    relative = groups["relative"] or groups["present"] or groups["range_relative"] or groups["range_last_relative"]
    source = "relative" if relative else "text"
    if groups["plan"]:
        first = _PLANS.get(groups["plan"])
        if first and groups["plan_since"] and pub_year is not None and first <= pub_year <= first + 4:
            return years_period(first, pub_year), False, "text"  # "十三五以来" in 2018: 2016-2018
        if first and groups["plan_end"]:
            return year_period(first + 4), True, "text"  # "截至“十二五”末": the end of 2015
        return (years_period(first, first + 4) if first else None), False, "text"
    if groups["edition"]:  # "《2023全球独角兽榜》": a list or report named by its year
        return year_period(int(groups["edition"])), False, "text"
    if groups["year_to_date"]:  # "年初以来": January to the publication month
        if published is None or published.period.granularity not in ("day", "month"):
            return None, False, "relative"
        start = published.period.start
        return month_period(start.year, 1, start.month) if start.month > 1 else month_period(start.year, 1), False, "relative"
    if groups["congress"]:
        first = _CONGRESSES[groups["congress"]]
        if pub_year is None or first >= pub_year:
            return None, False, "text"
        return years_period(first, pub_year), False, "text"
    if groups["span_first"]:
        first, last = int(groups["span_first"]), int(groups["span_last"])
        if groups["span_end"]:
            # "2013至2015年底" stands at the year's end. Read as the span from 2013, after 从 only or
            # everywhere, it lost on the unread dev half (2026-12-06: periods wrong dev-a 1,341 ->
            # 1,338 or 1,337, dev-b 1,202 -> 1,207)
            return year_period(last), True, "text"
        return (years_period(first, last) if first < last else None), False, "text"
    if groups["range_first"]:  # "去年九月至今年一月"
        first_year = int(groups["range_year"]) if groups["range_year"] else (
            pub_year + _RELATIVE_YEARS[groups["range_relative"]] if groups["range_relative"] and pub_year else None)
        last_year = int(groups["range_last_year"]) if groups["range_last_year"] else (
            pub_year + _RELATIVE_YEARS[groups["range_last_relative"]] if pub_year else None)
        if last_year is None:
            return None, False, source
        first_year = first_year if first_year is not None else last_year
        first, last = _count(groups["range_first"]), _count(groups["range_last"])
        if not (1 <= first <= 12 and 1 <= last <= 12) or (first_year, first) >= (last_year, last):
            return None, False, source
        if groups["range_end"]:
            return month_period(last_year, last), True, source
        if first_year == last_year:
            return month_period(last_year, first, last), False, source
        return joined_period(month_period(first_year, first), month_period(last_year, last)), False, source
    if groups["ahead"]:  # "未来三年": the year under way and the two after it, whenever in the year
        # the text appeared (the Chinese corpus reads it so in both halves; an English "next three
        # years" written late in a year starts the year after); "未来一年会创业", an intention, is no
        # span of a plan
        if pub_year is None:
            return None, False, "relative"
        return years_period(pub_year, pub_year + max(_count(groups["ahead_count"]), 1) - 1), False, "relative"
    if groups["within"]:  # "5年内": a deadline that many years after publication
        if pub_year is None:
            return None, False, "relative"
        count = _count(groups["within_count"])
        if groups["within"].startswith("未来"):  # "未来5年内": the span ahead, as "未来5年"
            return years_period(pub_year, pub_year + max(count, 1) - 1), False, "relative"
        return year_period(pub_year + count), False, "relative"
    if groups["present"]:  # "now": the publication month (a day is finer than such text means)
        if published is None:
            return None, False, "relative"
        start = published.period.start
        return (month_period(start.year, start.month) if published.period.granularity == "day"
                else published.period), True, "relative"
    if groups["reported"] == "近日" and published is not None and published.period.granularity == "day":
        # "in recent days": an event of the publication month, as "目前" is
        start = published.period.start
        return month_period(start.year, start.month), True, "relative"
    if groups["reported"]:  # "yesterday a reporter learnt ...": figures of the publication year
        return (year_period(pub_year) if pub_year else None), True, "relative"
    if groups["years_ago"]:  # "五年前", "10年前": the year that many years before publication
        count = _count(groups["ago_count"])
        if pub_year is None or not count:
            return None, False, "relative"
        return year_period(pub_year - count), False, "relative"
    if groups["years_count"]:  # "五年增长了近一倍", "4年年均增长7.4%": the years up to then
        count = _count(groups["years_count_n"])
        if pub_year is None or count < 2:
            return None, False, source
        # "八年间" (during eight years) counts the years themselves, "五年增长" from the year before them
        first = pub_year - count + 1 if groups["years_during"] else pub_year - count
        return years_period(first, pub_year), False, "relative"
    if groups["years_back"] or groups["recent_years"]:
        if pub_year is None:
            return None, False, source
        if groups["years_back"]:
            count = _count(groups["back_count"]) + (1 if groups["plus"] else 0)
            return years_period(pub_year - count, pub_year), False, "relative"
        count = _count(groups["recent_count"])
        if count == 1:  # "过去一年", "最近一年": the twelve months before publication, mostly the year before
            return year_period(pub_year - 1), False, "relative"
        if groups["recent_since"]:  # "近5年来": up to now, as "5年来"
            return years_period(pub_year - count, pub_year), False, "relative"
        return years_period(pub_year - count, pub_year), False, "relative"
    if groups["adjacent"] or groups["consecutive"]:
        # "由前一年的38%", "次年": the year before or after the one the sentence names, else
        # publication's; "连续三年保持增长": the three years up to it
        if year is None:
            return None, False, source
        if groups["consecutive"]:
            count = _count(groups["consecutive_count"])
            return (years_period(year - count + 1, year) if count >= 2 else None), False, "text"
        return year_period(year + (1 if groups["adjacent"] in ("次年", "翌年") else -1)), False, "text"
    # a bare 年底 is no date ("年底前" of a plan, a year-end told in passing), save "by the year's
    # end" a forecast aims at (预计到年底……将达38%): the end of the year the sentence is in
    bare_year_end = groups["year_end"] and groups["prefix"] != "到"
    if year is None or ((groups["since"] or bare_year_end) and not (groups["year"] or groups["relative"])):
        return None, False, source
    if groups["half"]:
        return half_period(year, 1 if groups["half"] == "上半年" else 2), False, source
    if groups["first_quarters"]:
        if groups["first_quarters_end"]:  # "前三季度末": the end of September
            return month_period(year, 3 * _count(groups["quarters"])), True, source
        return quarter_period(year, 1, _count(groups["quarters"])), False, source
    if groups["first_months"]:  # "2019年前9个月", "今年前10个月"
        months = _count(groups["months"])
        if not 2 <= months <= 12:
            return None, False, source
        return month_period(year, 1, months), False, source
    if groups["quarter_range"]:  # "1至3季度", "一至三季度": the quarters from the first to the last
        first, last = _count(groups["quarter_range"]), _count(groups["quarter_last"])
        return (quarter_period(year, first, last) if first < last else None), False, source
    if groups["quarter"] or groups["quarter_q"] or groups["quarter_season"] or groups["quarter_first"]:
        # "第三季度", "2019Q3"; as Hong Kong and Taiwan papers write them, "第一季", "首季"
        quarter = 1 if groups["quarter_first"] else _count(groups["quarter"] or groups["quarter_q"] or groups["quarter_season"])
        if groups["quarter_end"]:  # "二季度末": the end of June, as "前三季度末" is September's
            # "四季度末" is the year's end, read as the year as "年末" is
            return (year_period(year) if quarter == 4 else month_period(year, 3 * quarter)), True, source
        return quarter_period(year, quarter), False, source
    if groups["month_first"]:
        first, last = _count(groups["month_first"]), _count(groups["month_last"])
        if not 1 <= first < last <= 12:
            return None, False, source
        if groups["month_range_end"]:
            return month_period(year, last), True, source
        return month_period(year, first, last), False, source
    if groups["month"]:
        month = _count(groups["month"])
        if not 1 <= month <= 12:
            return None, False, source
        if groups["day"]:
            # A day closes a stock ("截至2021年12月31日", the day, where 年底 is the year), or is
            # when something was done, whose counts are that day's ("12月26日，……3只区域基金设立运行").
            return day_period(year, month, _count(groups["day"])), groups["prefix"] in POINT_PREFIXES, source
        if groups["month_since"]:  # "今年3月以来": from March to the publication month
            if published is None or published.period.granularity not in ("day", "month"):
                return None, False, source
            last = published.period.start
            if (year, month) >= (last.year, last.month):
                return month_period(year, month), False, source
            if year == last.year:
                return month_period(year, month, last.month), False, source
            return joined_period(month_period(year, month), month_period(last.year, last.month)), False, source
        return month_period(year, month), bool(groups["month_end"] in ("底", "末")), source
    if groups["since"]:
        if pub_year is None or year > pub_year:
            return None, False, source
        return (years_period(year, pub_year) if year < pub_year else year_period(year)), False, source
    if groups["year"] or groups["relative"] or groups["whole_year"] or groups["year_end"]:
        return year_period(year), bool(groups["year_end"]), source
    return None, False, source


# How many sentences back an earlier sentence's times are offered as a figure's period; times
# further back are offered only as the document's first period.
CANDIDATE_SENTENCES_BACK = 4
# Words that make a figure a level at a moment (a running total, "now has") or an amount over
# a period (newly registered, for the whole year).
# Words of a breakdown of a total: its parts by place, trade or rank.
_BREAKDOWN_RE = re.compile(
    r"分别(?:为|是|有|达)?|其次|居首|居次|依次|各行业|其中|按[^，。；,;]{1,15}(?:分析|分类|划分|统计|来看|看)"
    r"|从[^，。；,;]{1,12}(?:来看|看)"
)
_STOCK_CUE_RE = re.compile(r"累计|目前|现在|现有|共有|拥有|已有|总数|总量|达到|已达|在册|实有|存量|总规模|余额")
_FLOW_CUE_RE = re.compile(r"新增|新设|新登记|新注册|新成立|新建|全年|实现|完成|吸引|投资|融资|募集|发放|日均|平均每天|同比")


# What links a date to the figure it dates directly: "2009年的27%", "2016年底的约3000家", an
# average ("“十五”时期年均177亿元", "2014年的年均3000家"; tried before 的 alone), or brackets
# straight after the date ("比2013届(91.4%)", "较2019年底(1858.46万户)").
_OWN_LINK_RE = re.compile(r"[ ]?(?:(?:的[ ]?)?(?:年均|年平均|平均|月均|日均)|的)[ ]?(?:约|近|逾|超过|超|达|仅)?[ ]?[-−]?|届?[ ]?\([ ]?")
# A cap or a floor ("最高可获50万元", "上限为四亿元", "以新台币2000万元为上限", "至少300万元").
_BOUND_BEFORE_RE = re.compile(
    r"上限|下限|封顶|最高(?![的达增,，])|最多(?![的,，])|最低(?![的,，])|至少|不超过|不高于|不低于|不得?少于|不得?多于|不得(?:超过|高于|低于)"
    r"|可获|(?<!预计)(?<!有望)(?<!将)可达"
)
_BOUND_AFTER_RE = re.compile(r"[ ]?(?:元|美元)?(?:为上限|为限|封顶|以内)")
# A definition ("独角兽公司指的是……估值超过10亿美元").
_DEFINITION_RE = re.compile(r"指的是|是指|定义为|被称为|称为")
# A level on a register or a running total ("在册企业数达30.7万户"), or a level measured against
# the year's start ("较年初提高0.34个百分点"): it stands at a moment, the end of a span that dates it.
_LEVEL_BEFORE_RE = re.compile(r"在册|实有|存量|总量|总数|保有|余额|累计数")
_LEVEL_AFTER_RE = re.compile(r"[较比](?:年初|上年末|去年底|上年底)")
# Words of a rise or fall between a base date and a percentage ("较2015年升了156%").
# Between a base date and a change: a clause break or another base (同比) makes the change another's.
_OTHER_BASE_BETWEEN_RE = re.compile(r"[，,；;。]|同比|同期|环比")
_CHANGE_GAP_RE = re.compile(r"[升增降长高多少加减跌涨]了?[ ]?(?:约|近|逾|超过)?[ ]?$")
# Measure words of organisations, and the words of a total of them.
_ORGANISATIONS_RE = re.compile(r"[家间个座所]")
_GROUP_TOTAL_RE = re.compile(r"累计|累积|总量|总数|共有|拥有|现有")
# A count of organisations founded or registered over the span ("累计成立返乡创业主体4319家"): a flow
# of foundings, not how many there are
_FOUNDED_COUNT_RE = re.compile(r"(?:成立|创办|创建|组建|注册|登记|设立)[^，。；,;达有]{0,10}$")
# Traditional characters of the cue words that figures.quantities.chinese_lexicon.TO_SIMPLIFIED
# leaves as they are (it serves the extractor; these serve only the cue words read here).
_CUE_SIMPLIFIED = str.maketrans("備選庫啟運績書據結賽競凈", "备选库启运绩书据结赛竞净")
# The level a change starts from: "从" or "由", maybe a vague past ("几年前的", "原来的"), just
# before a figure, and a verb of change to a new level just after it ("增至", "提高到").
_BASE_BEFORE_RE = re.compile(r"[从由](?:几年前的|此前的|以前的|过去的|原来的|原先的|原)?[ ]?(?:约|近|逾|超过)?[ ]?$")
_BASE_AFTER_RE = re.compile(r"[ ]?(?:[^，。；,;!?！？\n\d]{0,3}?)(?:增至|增加到|增加至|增长到|增长至|提高到|提高至|提升到|提升至|上升到|上升至|升至|降至|下降到|下降至|减少到|减少至|扩大到|扩大至|倍增至)")
# The verb of a change just before the level it arrives at ("攀升至超1.2万亿美元", "增长到2023年的").
_REACHED_BEFORE_RE = re.compile(
    r"(?:增至|增加到|增加至|增长到|增长至|提高到|提高至|提升到|提升至|上升到|上升至|攀升至|攀升到|升至|降至|下降到|下降至|减少到|减少至"
    r"|扩大到|扩大至)[ ]?(?:超过|超|近|约|逾)?[ ]?$"
)
# A fund named right after an amount: its size.
_FUND_AFTER_RE = re.compile(r"[ ]?(?:港元|美元|元)?[ ]?的?[^，。；,;!?！？\n\d]{0,8}?基金")
# Spans up to now, and the opening of a sentence telling a survey's results.
_TO_NOW_KINDS = frozenset({"since", "running", "years_back", "congress"})
_SURVEY_OPENING_RE = re.compile(r"(?:据|另据|此外,?)?(?:抽样)?调查(?:结果)?(?:显示|发现|表明)|据调查")
# Between two figures of one list: the first's unit, a joiner, a qualifier of the next ("亿元、约").
RESPECTIVE_LIST_GAP_RE = re.compile(r"[^\d。；;！？,，、]{0,4}(?:[、,，和及与與]|以及)\s*(?:[约約近逾]|超过|超過)?\s*")
# Where a list of figures starts ("排名前五位的区是", "分别为").
_LIST_HEAD_RE = re.compile(r"(?:排名前.{1,3}位的.{0,4}|居.{0,30}首位,?)(?:是|为)|分别(?:为|是)")
_NEW_COUNT_RE = re.compile(r"新设|新增|新登记|新注册|新成立|新建")
# A change of a level, or a count of what it gained, is no level: "总量净增1344亿元", "增量同比增长50%".
_NET_CHANGE_RE = re.compile(r"净增|净减|增量|每天|日均")
_CLAUSE_SPLIT_RE = re.compile(r"[，,；;]")
# What a year's statistics to a date count ("截至9月底,新开工94万平方米", "截至2月底,共认定登记技术合同83项,
# 同比增长27.69%"): new things and done deals, over the year so far; the words that frame the
# count as the year's (this year, a year written before the date, the same period a year before,
# the year's target); and the words of a level or a running total, which stand at the date.
_YEAR_TO_DATE_FLOW_RE = re.compile(r"新增|新设|新登记|新注册|新成立|新建|发放|新开工|新晋|新认定|竣工|认定登记|成交")
_YEAR_TO_DATE_FRAME_RE = re.compile(r"今年|本年|年内|同比|年度目标|\d{4}年[ ]?[,，]?[ ]?截[至止]")
_YEAR_TO_DATE_LEVEL_RE = re.compile(r"累计|累积|在册|实有|存量|总量|总数|保有|余额|共有|拥有|现有")


def _time_key(time: ChineseTime | None) -> tuple[int, int, bool, str] | None:
    return (time.start, time.end, time.is_span_end, time.period.label) if time is not None else None


# Words of a headline or opening saying the document reports on a period as a whole (a report,
# survey, census, communique, list, annual results, statistics released), and of those the ones
# covering one edition or year as a whole rather than news citing data.
_REPORT_CUE_RE = re.compile(r"报告|调查|普查|公报|统计|榜单|名单|排行|年报|年度|白皮书|数据显示|发布|评价结果|业绩")
_WHOLE_PERIOD_CUE_RE = re.compile(r"普查|公报|年报|年度|榜单|名单|排行|白皮书|调查|大赛|竞赛|评价结果|认定|全年|业绩")
# How many sentences from the start of the document count as its opening.
_OPENING_SENTENCES = 2

# A date the whole document declares its data stand at or cover, stated once for all its figures
# (a list's, report's or survey's cut-off: "数据截至……", "统计时间为……", "榜单以……为时间节点",
# "截至……为止"), or the year of the list or report it is ("《2020全球独角兽榜》", "2021年度……榜单").
# Offered to every figure as a "declared" candidate, with where the statement stands and which
# words make it one, for the chooser to weigh.
_DATA_WORDS = r"(?:数据|统计|榜单|名单|排名|排行|估值|调查|报告|评选|监测|测算|资料)"
_DECLARED_LINK_BEFORE_RE = re.compile(
    _DATA_WORDS + r"[^，。；,;!?！？\n、]{0,6}?(?:为|是|以|截至|截止到|截止|至|到)[ ]?$"
    r"|(?:截[至止](?:日期|时间)|时间节点|统计时点)[为是]?[ ]?$"
)
_DATA_WORD_BEFORE_RE = re.compile(_DATA_WORDS + r"[^，。；,;!?！？\n、]{0,6}?$")
_DECLARED_NODE_AFTER_RE = re.compile(
    r"[ ]?(?:为|作为)[^，。；,;!?！？\n]{0,6}?(?:时间节点|时间点|时点|截止日期|截止时间|截止日|基准日|统计时间|节点)"
)
_DECLARED_UNTIL_AFTER_RE = re.compile(r"[ ]?(?:为止|止)")
_EDITION_RE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)(?:[ ]?年度?)?[^，。；,;!?！？\n、《》“”\"\d]{0,20}?"
    r"(?:榜单|榜|名单|报告|排行榜|排行|调查|普查|指数|白皮书|蓝皮书|大赛|竞赛|评选|公报|年报)"
)
# At most this many declared periods are offered (cut-offs before editions, the first found).
_DECLARED_MAX = 2


def _span_end(time: ChineseTime | None) -> ChineseTime | None:
    """The closing month of a span of months within one year (上半年 -> June, 前三季度 ->
    September), as a point: where a level counted over the span stands."""
    if time is None or time.is_point or time.is_present or time.is_comparison:
        return None
    period = time.period
    if period.granularity in ("year", "multi_year", "day") or period.start.year != period.end.year:
        return None
    if (period.start.month, period.start.year) == (period.end.month, period.end.year):
        return None
    return replace(time, period=month_period(period.end.year, period.end.month), is_point=True, is_span_end=True)


def _month_of(time: ChineseTime | None) -> ChineseTime | None:
    """The month a day lies in, offered beside it: news of an event told by its day ("10月11日公布",
    "25日,科技部发布") is of that month, as the labelling guide dates news of an event."""
    if time is None or time.is_comparison or time.is_point or time.period.granularity != "day":
        return None
    day = time.period.start
    return replace(time, period=month_period(day.year, day.month), reading="month_of")


def _publication_month(published) -> ChineseTime | None:
    """The month a document was published in, offered as a time no words of the text name: news
    of an event told with no date ("昨天签约", "日前举行") is of that month."""
    if published is None or published.period.granularity not in ("day", "month"):
        return None
    start = published.period.start
    return ChineseTime(-1, -1, "", month_period(start.year, start.month), False, False, "publication", kind="publication")


def _year_of(time: ChineseTime | None) -> ChineseTime | None:
    """The whole year a finer time (a day, month, quarter, half or span of months within one year)
    lies in, offered beside it; for "目前" (now), the publication year, which a paragraph led by
    that year may mean ("2017年,……截至目前,全省孵化器达165家")."""
    if time is None or time.is_comparison or time.is_deadline or time.is_year_of:
        return None
    period = time.period
    if period.granularity in ("year", "multi_year") or period.start.year != period.end.year:
        return None
    return replace(
        time, period=year_period(period.start.year), is_point=False, is_span_end=False, is_present=False, is_year_of=True
    )


# After a time, the verbs of an event held or carried out then ("于2020年4月到6月……展开调查",
# "3月份启动", "11月17日……开幕"): the time of the event, whose figures are often its year's.
_EVENT_AFTER_RE = re.compile(
    r"^[^，。；,;!?！？\n]{0,24}?(?:调查|调研|普查|抽样|启动|开幕|闭幕|举办|举行|召开|揭晓|颁发|评选|开赛)"
)


# The verbs of news of an event (a signing, a release, a list, a meeting): its figures are of
# the month the news is told in.
_NEWS_EVENT_RE = re.compile(
    r"签约|签署|发布|公布|印发|下发|认定|入选|入围|获批|批复|授予|授牌|揭牌|举行|举办|召开|开幕|启动|揭晓|评选|颁发|备案|遴选|获悉|了解到|宣布"
)


# Words before the time of a contrast's other side ("……,而2020年第四季度为……").
_CONTRAST_BEFORE = ("而", "而在")
# The words of a comparison's base ("比2005年", "较上年") that may name the base's own figure after
# it, and the words of a change that, between the two, make that figure the change instead.
_THAN_BEFORE = ("比", "较")
_CHANGE_WORD_RE = re.compile(r"增|减|提高|提升|上升|下降|降低|回落|扩大|缩小|翻|涨|跌|多|少|高|低|快|慢|[0-9]")
# Openings by which a sentence goes on from the one before ("of which", "meanwhile", "besides").
_CONTINUING = ("其中", "同时", "此外", "另外", "其次", "而", "与此同时")


# The rules that read a figure's grammar or what it is (分别 pairing, a date in its own clause, a
# level at a span's end, a list's edition year, a fund's standing size): they decide, the chooser's
# features do not see these (out of fold it gets 1 of 17 分别 pairings right). Carrying an earlier
# sentence's date, a document's convention, is left to the chooser: the rules' carrying, written
# from the development documents, held less well on batches they were not written from.
GRAMMAR_RULES = frozenset({
    "own", "respectively", "undated_base", "base_span_start", "standing_rule", "fund_size", "group_total",
    "edition", "cutoff", "index_span_end", "level_span_end", "reached_level", "event_year", "year_to_date", "semicolon",
    "lead_in", "level_at_date",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class ChineseCandidate:
    """One period a Chinese document offers a figure: a time (None: no period at all), the
    period_source it gives, and whether the hand rules chose it."""

    time: ChineseTime | None
    source: str
    rule: bool = False
    why: str = ""  # which rule chose it (GRAMMAR_RULES decide without the chooser)


class _ChineseDocument:
    """The times of one Chinese document placed in its sentences, with what each figure's
    candidates and context need."""

    def __init__(
        self, text: str, quantities: list[Quantity], published_on, sentences: Sequence[Sentence] | None, title: str | None = None
    ):
        self.text = text
        self.quantities = quantities
        self.published = publication(published_on)
        # A time overlapping a figure is not a time. Figures sorted by start with the furthest
        # end reached so far answer that with one bisect per time, not a pass over every figure.
        spans = sorted((q.start, q.end) for q in quantities)
        span_starts = self.figure_starts = [start for start, _ in spans]  # also counts figures between two places
        furthest_end, reached = [], float("-inf")
        for _, end in spans:
            reached = max(reached, end)
            furthest_end.append(reached)
        self.times = times = []
        for t in find_chinese_times(text, published_on):
            earlier = bisect.bisect_left(span_starts, t.end)  # figures starting before the time ends
            if not (earlier and furthest_end[earlier - 1] > t.start):
                times.append(t)
        self.norm = text.translate(_NORMALISE)
        self._event_times: dict[int, bool] = {}  # see is_event_time
        self._to_date: dict[int, ChineseTime | None] = {}  # see year_to_date
        self._usable: dict[int, tuple[int, int]] | None = None  # see _usable_ends
        # "报告期内" in a report whose headline names its one period ("2024年年度报告"): that period.
        title_time = _title_time(title, published_on)
        if title_time is not None and not title_time.is_point and _REPORT_TITLE_RE.search(unglossed((title or "").translate(_NORMALISE))):
            for match in _REPORT_PERIOD_RE.finditer(self.norm):
                times.append(ChineseTime(
                    match.start(), match.end(), text[match.start() : match.end()], title_time.period, False, False,
                    "text", kind="report_period",
                ))  # fmt: skip
            times.sort(key=lambda t: (t.start, t.end))
        if sentences is None:
            sentences = split_sentences(text)
        self.sentence_starts = [s.start for s in sentences]
        self.time_starts = [t.start for t in times]
        # The other side of a contrast ("亏损为1.56亿元,而2020年第四季度为6,280万元"): its time dates
        # the figure of its own clause, and is carried no further.
        contrasts = {t.start for t in times if self.norm[max(t.start - 2, 0) : t.start].endswith(_CONTRAST_BEFORE)}
        # Where a change from a dated base ends ("从2005年的0.7亿元增长到2010年的11.8亿元") after the
        # sentence named its own period: that date is its figure's own, not the period of the clauses
        # after it ("“十一五”期间,……,共发放贷款89.4亿元")
        self.endpoints = endpoints = set()
        for index, (previous, time) in enumerate(pairwise(times)):
            opening = times[index - 1] if index else None
            if (
                previous.is_comparison and time.text.startswith(("到", "至")) and _OWN_LINK_RE.match(self.norm, time.end)
                and opening is not None and not opening.is_comparison
                and not any(c in _SENTENCE_BREAK for c in self.norm[opening.end : time.start])
            ):
                endpoints.add(time.start)
        # Per time, the last time up to it that is no comparison base; where clauses break: each
        # figure's time is then found by bisection, not by a pass over the times or its clause.
        self.last_period, latest = [], None
        not_carried = contrasts | endpoints
        self.last_carried, carried = [], None  # the same, contrasts and change endpoints left out: what later sentences take
        for time in times:
            # a streak ("连续三年") is offered to the chooser, not taken by the rules: it mostly
            # tells how long something has held, not the period of the figures beside it
            latest = latest if time.is_comparison or time.kind == "consecutive" or time.start in endpoints else time
            # nor a span within which something may happen ("最有可能在三年内达到……"): it dates
            # no later sentence
            carried = carried if time.is_comparison or time.kind in ("consecutive", "within") or time.start in not_carried else time
            self.last_period.append(latest)
            self.last_carried.append(carried)
        self.clause_breaks = [position for position, character in enumerate(self.norm) if character in _CLAUSE_BREAK]
        # Per time, the last comparison base up to it: a change over several years spans from it.
        self.last_base, base = [], None
        for time in times:
            base = time if time.is_comparison else base
            self.last_base.append(base)
        self.sentence_of_time = [self.sentence_index(t.start) for t in times]
        # whether the opening tells news ("昨天", "日前", "25日"): a detail of the publication month
        self._opening_reports = any(t.kind == "reported" for s, t in zip(self.sentence_of_time, times) if s < _OPENING_SENTENCES)
        usable = [t for t in times if not t.is_comparison and not t.is_present and not t.is_deadline]
        self.document_first = usable[0] if usable else None
        self.title_time = _title_time(title, published_on)
        self.publication_month = _publication_month(self.published)
        self.title = title or ""
        # a title announcing a plan ("……专项规划出台"): its figures for a period ahead are targets
        self.plan_document = bool(_PLAN_TITLE_RE.search(unglossed(self.title.translate(_NORMALISE))))
        self._document_details: dict[int, list[str]] | None = None
        # The date the document's data stand at ("数据截止日期为2017年11月30日"), said once.
        cutoffs = [t for t in times if t.is_point and self.norm[max(0, t.start - 8) : t.start].endswith(CUTOFF_WORDS)]
        self.cutoff = cutoffs[0] if len(cutoffs) == 1 else None
        self._declared: list[tuple[ChineseTime, list[str]]] | None = None
        # A declared cut-off where the text states it, for the cut-off rule (text, period -> time).
        self._declared_where: dict[tuple[str, Period], ChineseTime] = {}
        self._editions: dict[int, list[str]] | None = None
        # A running total's span by where it closes: a figure the closing date dates is counted
        # from the span's start ("自107年5月22日正式启动,截至108年7月11日止,已投资41家").
        self.running_by_end = {t.end: t for t in times if t.is_running}
        # A date straight before the figure it dates ("从2009年的27%", "由2019年底的27.6户",
        # "到2019Q3的79%"): that figure's own, even when it is another figure's comparison base.
        self.own_time: dict[int, ChineseTime] = {}
        starts = sorted((q.start, index) for index, q in enumerate(quantities))
        start_positions = [start for start, _ in starts]
        for time in times:
            link = _OWN_LINK_RE.match(self.norm, time.end)
            place = bisect.bisect_left(start_positions, link.end()) if link is not None else len(starts)
            if place < len(starts) and starts[place][0] == link.end():
                self.own_time.setdefault(starts[place][1], time)
                continue
            # The first figure after the time in its clause: a contrast's ("而2020年第四季度为6,280万元"),
            # or a base's own, named before the change ("比2005年291万人增加了89万人", "比“十五”期间
            # 年均吸收劳动力291万人增加"), not the change after it ("比上年增长10%")
            place = bisect.bisect_left(start_positions, time.end)
            if place == len(starts):
                continue
            between = self.norm[time.end : starts[place][0]]
            if any(c in _CLAUSE_BREAK for c in between):
                continue
            if time.start in contrasts or (
                time.is_comparison and time.text.startswith(_THAN_BEFORE) and not _CHANGE_WORD_RE.search(between)
            ):
                self.own_time.setdefault(starts[place][1], time)

    def sentence_index(self, position: int) -> int:
        return max(bisect.bisect_right(self.sentence_starts, position) - 1, 0)

    def sentence_start(self, position: int) -> int:
        return self.sentence_starts[self.sentence_index(position)] if self.sentence_starts else 0

    def own_time_of(self, figure: int) -> ChineseTime | None:
        """The date written straight before the figure with 的, unless the figure is a change
        against it ("是2012年的7.4倍" is 2022's multiple of 2012)."""
        time = self.own_time.get(figure)
        return None if time is None or _is_change(self.quantities[figure]) else time

    def _semicolon_run_start(self, sentence_start: int) -> int:
        """The start of the first sentence of the run that semicolons split the sentence at
        `sentence_start` from ("目标是：……；……；" or "其中,……;……"): `sentence_start` itself when
        no semicolon ends the sentence before."""
        if not self.sentence_starts:
            return sentence_start
        index = self.sentence_index(sentence_start)
        while index > 0 and self.norm[: self.sentence_starts[index]].rstrip(" ")[-1:] in ("；", ";"):
            index -= 1
        return self.sentence_starts[index] if index != self.sentence_index(sentence_start) else sentence_start

    def _list_lead(self, sentence_start: int) -> str:
        """The words opening a list of goals ("目标是：", "主要预期目标为：") when the sentence at
        `sentence_start` continues that list after a semicolon, else ""."""
        run_start = self._semicolon_run_start(sentence_start)
        if run_start == sentence_start:
            return ""
        lead = _LIST_OF_GOALS_RE.search(unglossed(self.norm[run_start:sentence_start]))
        return lead.group() + " " if lead else ""

    def _clause_words(self, figure: int) -> tuple[str, str]:
        """The figure's sentence before it and after it (simplified text, without pinyin glosses)."""
        quantity = self.quantities[figure]
        start = self.sentence_start(quantity.start)
        following = bisect.bisect_left(self.sentence_starts, quantity.end)
        end = self.sentence_starts[following] if following < len(self.sentence_starts) else len(self.norm)
        return unglossed(self.norm[start : quantity.start]), unglossed(self.norm[quantity.end : end])

    def is_standing_rule(self, figure: int) -> bool:
        """A programme's cap or floor ("最高可获50万元", "上限为四亿元") or a definition's threshold
        ("独角兽……指的是……估值超过10亿美元"): a rule that stands, not an observation of a period."""
        before, after = self._clause_words(figure)
        return bool(_BOUND_BEFORE_RE.search(before[-12:]) or _BOUND_AFTER_RE.match(after) or _DEFINITION_RE.search(before))

    def _changes_from(self, base: ChineseTime, quantity: Quantity) -> bool:
        """A percentage or multiple told as a rise or fall from the base just before it ("较2015年升了156%")."""
        gap = unglossed(self.norm[base.end : quantity.start])
        return quantity.unit_class in ("percent", "multiplier") and len(gap) <= 12 and _CHANGE_GAP_RE.search(gap) is not None

    def is_group_total(self, figure: int) -> bool:
        """A total of organisations that exist ("累计达217家", "总量达48家", "累积超过150家公司会员")."""
        quantity = self.quantities[figure]
        if quantity.unit_class != "count" or not _ORGANISATIONS_RE.search(self.norm[quantity.start : quantity.end + 1]):
            return False
        before = self._clause_words(figure)[0]
        return (
            bool(_GROUP_TOTAL_RE.search(before[-30:]))
            and not _NEW_COUNT_RE.search(before[-12:])
            and not _FOUNDED_COUNT_RE.search(before[-14:])
        )

    def is_undated_base(self, figure: int) -> bool:
        """The level a change starts from ("从……0.5%增至1%"), when no date is written straight before
        it: "从" or "由" just before the figure (or before a vague past, "几年前的", "原"), a verb of
        change to a new level just after."""
        quantity = self.quantities[figure]
        before = unglossed(self.norm[max(quantity.start - 12, 0) : quantity.start])
        after = unglossed(self.norm[quantity.end : quantity.end + 8])
        return bool(_BASE_BEFORE_RE.search(before) and _BASE_AFTER_RE.match(after))

    def _span_in_sentence(self, figure: int) -> ChineseTime | None:
        """The last span of years written before the figure in its sentence, if it is the
        sentence's last time before the figure."""
        quantity = self.quantities[figure]
        start = self.sentence_start(quantity.start)
        before = [t for t in self._periods_between(start, quantity.start) if t.kind != "consecutive"]
        if before and before[-1].period.granularity == "multi_year" and before[-1].period.start.year < before[-1].period.end.year:
            return before[-1]
        return None

    def is_reached_level(self, figure: int) -> bool:
        """The level a change arrives at ("攀升至1.2万亿美元", "增加到48国"), not the change itself."""
        quantity = self.quantities[figure]
        if _is_change(quantity):
            return False
        before = unglossed(self.norm[max(quantity.start - 8, 0) : quantity.start])
        return _REACHED_BEFORE_RE.search(before) is not None

    def is_fund_size(self, figure: int) -> bool:
        """Money naming a fund's size ("20亿港元设立创科创投基金", "兩億元投资创业基金")."""
        quantity = self.quantities[figure]
        return quantity.unit_class == "currency" and _FUND_AFTER_RE.match(self.norm, quantity.end) is not None

    def is_level(self, figure: int) -> bool:
        """A level on a register ("在册企业数达30.7万户") or against the year's start, not a count
        of new ones ("新设企业589.8万户，较去年底增长9.0%")."""
        before, after = self._clause_words(figure)
        if _NEW_COUNT_RE.search(before[-20:]):
            return False
        # a net change in the figure's own clause ("总量达到184万户,半年净增4万户,增量同比增长50%")
        own_before = _CLAUSE_SPLIT_RE.split(before)[-1]
        if _NET_CHANGE_RE.search(own_before[-20:]):
            return False
        if _LEVEL_BEFORE_RE.search(before[-40:]) or _LEVEL_AFTER_RE.search(after[:30]) or _LEVEL_AFTER_RE.search(before[-12:]):
            return True
        # a list of places' levels ("……企业累计数排名前五位的区是滨海新区(139家)、……西青区(15家)"):
        # the words before the list's first figure say what all of them are
        sentence_start = self.sentence_start(self.quantities[figure].start)
        raw_before = self.norm[sentence_start : self.quantities[figure].start]
        listed = _LIST_HEAD_RE.search(raw_before)
        if listed is None:
            return False
        head = unglossed(raw_before[: listed.start()])
        if any(sentence_start <= q.start < sentence_start + listed.start() for q in self.quantities):
            return False  # figures before the list's head: its words are theirs
        return bool(_LEVEL_BEFORE_RE.search(head[-40:])) and not _NEW_COUNT_RE.search(head[-40:])

    def _level_at_date(self, figure: int, time: ChineseTime | None) -> bool:
        """Whether `time`, the rules' choice, is a point before the figure in its sentence (an end
        of a period, a cutoff) with no other period between, and the figure a level."""
        if time is None or not time.is_point or time.is_comparison or time.is_running or time.start < 0:
            return False
        if not unglossed(self.norm[time.start : time.end]).endswith(("末", "底")):
            return False  # an end of a period ("三季度末", "年底"), not a day a tally was taken
        position = self.quantities[figure].start
        if time.end > position or time.start < self.sentence_start(position):
            return False
        if any(t is not time and not t.is_comparison for t in self._periods_between(time.start, position)):
            return False
        return self.is_level(figure) and not _is_change(self.quantities[figure])

    def rule_choice(self, figure: int) -> ChineseCandidate:
        if self.is_standing_rule(figure):
            return ChineseCandidate(None, "none", rule=True, why="standing_rule")
        chosen = self._rule_time(figure)
        if (to_date := self.year_to_date(figure, chosen.time)) is not None:
            # new things counted to a date of the year ("截至今年9月底,……新发放创业担保贷款3.7万笔"):
            # the year so far, January to that date
            return ChineseCandidate(to_date, chosen.source, rule=True, why="year_to_date")
        if self._level_at_date(figure, chosen.time):
            # "三季度末,……贷款余额169.37万亿元": a level stands at the date its sentence gives it,
            # whatever span the headline or the opening report on
            return ChineseCandidate(chosen.time, chosen.source, rule=True, why="level_at_date")
        if (
            chosen.time is None and chosen.source == "none" and self.title_time is not None
            and not self._sentence_dated(figure) and not self.is_fund_size(figure)
            and not any(t.start < self.quantities[figure].start for t in self.times)
        ):
            # the text names no period before the figure: the one its headline names dates it
            return ChineseCandidate(self.title_time, "headline", rule=True, why="headline")
        if chosen.time is None and chosen.source == "none" and not self._sentence_dated(figure) and not self.is_fund_size(figure):
            # a list or report its headline names by one year ("《2023全球独角兽榜》") dates the
            # counts the text leaves undated with that year
            editions = self.edition_years()
            titled = [year for year, where in editions.items() if "title" in where]
            if not titled and len(editions) == 1:
                # the one work the document names by its year, in its opening sentences
                titled = [year for year, where in editions.items() if "opening" in where]
            if len(titled) == 1 and self.published is not None and titled[0] <= self.published.period.start.year:
                # a list whose data the text dates to a day of its year or of the year before (the
                # 2021 list's "截至2020年12月31日") stands at that day
                dated_in_edition = {
                    t.period: t
                    for t, details in self.declared()
                    if "declared=cutoff" in details and titled[0] - 1 <= t.period.start.year <= titled[0]
                }
                if len(dated_in_edition) == 1 and not _is_change(self.quantities[figure]):
                    cutoff = next(iter(dated_in_edition.values()))
                    return ChineseCandidate(self._declared_where[cutoff.text, cutoff.period], "document", rule=True, why="cutoff")
                return ChineseCandidate(_document_time(titled[0]), "document", rule=True, why="edition")
        cutoff = self.cutoff or self._declared_cutoff()
        if (
            cutoff is not None and chosen.time is not None and chosen.time is not cutoff
            and chosen.time.period.granularity == "year" and chosen.time.period.start.year == cutoff.period.start.year
            and not _is_change(self.quantities[figure])
        ):
            # a figure of the year the data are dated in stands at their date
            return ChineseCandidate(cutoff, chosen.source, rule=True, why="cutoff")
        if (
            chosen.time is not None and chosen.source == "discourse" and chosen.time.period.granularity == "multi_year"
            and self.quantities[figure].unit == "index"
        ):
            # An index's level, or its change on the year before, carried from a span of years
            # ("2008-2014年……" then "■ 创新环境指数357.8 较上一年提高73.3") stands at the span's last year.
            last = chosen.time.period.end.year
            return ChineseCandidate(replace(chosen.time, period=year_period(last)), chosen.source, rule=True, why="index_span_end")
        if chosen.time is not None and chosen.time.kind in ("since", "years_back") and self.is_group_total(figure):
            # how many organisations there are so far ("遴选工作开展4年来,……培育企业累计达217家"):
            # a level at an unsaid date, not an amount over the years since
            return ChineseCandidate(None, "none", rule=True, why="group_total")
        if chosen.time is not None and self.is_level(figure):
            end = _span_end(chosen.time)
            if end is not None:
                return ChineseCandidate(end, chosen.source, rule=True, why="level_span_end")
        if (
            chosen.time is not None and chosen.time.period.granularity == "multi_year" and chosen.time is self._span_in_sentence(figure)
            and self.is_reached_level(figure)
        ):
            # "2016—2023年……由近5000亿美元攀升至超1.2万亿美元": the level reached stands at the span's last year
            return ChineseCandidate(replace(chosen.time, period=year_period(chosen.time.period.end.year)), chosen.source, rule=True, why="reached_level")
        if chosen.source == "discourse" and self.is_event_time(chosen.time):
            # the months a survey was carried out or a contest started in ("于2020年4月到6月……展开
            # 调查", "大赛自3月份启动以来") date that event; the figures told of it after are its year's
            year = _year_of(chosen.time)
            if year is not None:
                return ChineseCandidate(year, chosen.source, rule=True, why="event_year")
        return chosen

    def year_to_date(self, figure: int, time: ChineseTime | None) -> ChineseTime | None:
        """The year so far, January to the date that closes it, for a figure counting new things or
        deals in a year's statistics to that date: the date is the rules' point of a month, a
        quarter or a day, or one written earlier in the sentence of the year the rules chose
        ("截止到3月5日,今年我省新注册科技型中小企业540家"); the sentence frames the count as the year's
        (今年, 同比, "2021年,截至5月31日"; or the headline or an earlier sentence names the year so far
        to that month, 前三季度 before 截至9月底) and the figure's clause names new things or deals, or the
        figure goes on from one that does ("……3.7万笔,贷款金额65.48亿元", "同比增长27.69%"). Levels
        and running totals (实有, 累计) stand at the date. A breakdown opening on 其中 goes on from the
        date of the sentence before."""
        if figure in self._to_date:
            return self._to_date[figure]
        self._to_date[figure] = None  # the figure before asks no more of this one
        found = None
        quantity = self.quantities[figure]
        sentence_start = self.sentence_start(quantity.start)
        reach = sentence_start
        opening = self._semicolon_run_start(sentence_start)
        if self.norm[opening : quantity.start].lstrip(" \n“\"").startswith("其中") and opening > 0:
            # "其中,……;……": a breakdown of the sentence before, whose date it goes on from
            reach = self.sentence_start(opening - 1)
        if time is not None and not time.is_comparison and time.start >= reach:
            end = None
            if time.is_point and time.period.granularity in ("month", "quarter", "day"):
                end = time
            elif time.period.granularity == "year" and not time.is_point:
                earlier = [
                    t for t in self.times[bisect.bisect_left(self.time_starts, sentence_start) :]
                    if t.start < time.start and t.is_point and not t.is_comparison
                    and t.period.granularity in ("month", "day") and t.period.start.year == time.period.start.year
                ]  # fmt: skip
                end = earlier[-1] if earlier else None
            if end is not None and end.period.start.year == end.period.end.year:
                found = self._year_to_date_period(figure, end, reach)
        self._to_date[figure] = found
        return found

    def _year_to_date_period(self, figure: int, end: ChineseTime, reach: int) -> ChineseTime | None:
        quantity = self.quantities[figure]
        before, after = self._clause_words(figure)
        if not _YEAR_TO_DATE_FRAME_RE.search(before + after) and not self._names_year_so_far(end, reach):
            return None
        place = bisect.bisect_left(self.clause_breaks, quantity.start) - 1
        clause_start = self.clause_breaks[place] if place >= 0 else 0
        earlier = [i for i, q in enumerate(self.quantities) if reach <= q.end <= quantity.start]
        last = max(earlier, key=lambda i: self.quantities[i].end) if earlier else None
        clause = unglossed(self.norm[max(clause_start, self.quantities[last].end if last is not None else 0, end.end) : quantity.start])
        if _YEAR_TO_DATE_LEVEL_RE.search(clause):
            return None
        if not _YEAR_TO_DATE_FLOW_RE.search(clause):
            # a figure that goes on from one counted so ("贷款金额65.48亿元", "同比增长27.69%", "占……的83%、79%")
            if last is None or self.quantities[last].end < end.end:
                return None
            previous = self.year_to_date(last, self._rule_time(last).time)
            if previous is None or previous.period.end != end.period.end:
                return None
        year = end.period.end.year
        if end.period.granularity == "day":
            period = joined_period(day_period(year, 1, 1), end.period)
        else:
            period = month_period(year, 1, end.period.end.month)
        return replace(end, period=period, is_point=False, reading="year_to_date")

    def _names_year_so_far(self, end: ChineseTime, reach: int) -> bool:
        """Whether the headline or a sentence before `reach` names the year so far up to the same
        month ("张店区前三季度发放创业贷款……" over "截止到9月底,张店区共发放268笔"): the date closes that span."""
        year, month = end.period.end.year, end.period.end.month
        earlier = self.times[: bisect.bisect_left(self.time_starts, reach)]
        return any(
            time is not None and not time.is_point and not time.is_comparison
            and time.period.start == dt.date(year, 1, 1) and (time.period.end.year, time.period.end.month) == (year, month)
            and time.period.granularity != "year"
            for time in [self.title_time, *earlier]
        )  # fmt: skip

    def is_event_time(self, time: ChineseTime | None) -> bool:
        """Whether a time of the text is followed in its clause by the verb of an event held or
        carried out then (a survey, a launch, an opening, a release)."""
        if time is None or time.start < 0:
            return False
        # kept per place: each figure after a time asks of it
        found = self._event_times.get(time.end)
        if found is None:
            found = self._event_times[time.end] = _EVENT_AFTER_RE.match(unglossed(self.norm[time.end : time.end + 40])) is not None
        return found

    def _rule_time(self, figure: int) -> ChineseCandidate:
        own = self.own_time_of(figure)
        if own is not None:
            return ChineseCandidate(own, own.source, rule=True, why="own")
        if self.is_undated_base(figure):
            # "从几年前的0.5%增至1%", "将投资金额从1,000万提高到2,000万元": the level a change starts
            # from, with no date of its own, is not of the period the change is told in; over a span
            # of years ("2016—2023年……由近5000亿美元攀升至1.2万亿美元") it is the span's first year's
            span = self._span_in_sentence(figure)
            if span is not None:
                return ChineseCandidate(replace(span, period=year_period(span.period.start.year)), span.source, rule=True, why="base_span_start")
            return ChineseCandidate(None, "none", rule=True, why="undated_base")
        listed = self._respective_time(figure)
        if listed is not None:
            return ChineseCandidate(listed, listed.source, rule=True, why="respectively")
        time, source = _time_for(
            self.quantities[figure], self.times, self.time_starts, self.sentence_starts, self.norm,
            self.last_period, self.clause_breaks, self.last_carried,
        )
        if time is not None and time.end in self.running_by_end and time.start > self.running_by_end[time.end].start:
            time = self.running_by_end[time.end]
        position = self.quantities[figure].start
        why = "carried" if source == "discourse" else "sentence" if time is not None else "nothing_before"
        if time is not None and time.is_running and source != "discourse" and time.start < self.sentence_start(position):
            why = "lead_in"  # "自5月7日以来,……放量。……截至7月3日,已发行419只": the span the sentence before opens
        if source == "discourse" and time is not None and self._semicolons_only_between(time.end, position) and not any(
            t is not time and not t.is_comparison for t in self._periods_between(self.sentence_start(time.start), position)
        ):
            # "截至2017年底,……年末从业人员1940.6万人;吸纳高校应届毕业生61.5万人": a sentence its
            # semicolons split, whose date its later parts go on from
            why = "semicolon"
        if source == "discourse" and self.is_fund_size(figure):
            # a fund's size ("兩億元投资创业基金", "即将启动的100亿元「创科产业引导基金」") is its
            # standing term, not an amount of the period an earlier sentence tells of
            return ChineseCandidate(None, "none", rule=True, why="fund_size")
        if source == "discourse" and self._not_carried(time, position):
            # the day news was told ("近日，……开始公开征集", "12月26日，……启动") dates that news,
            # not the fund's terms or background told in later paragraphs; "过去两年" what its
            # sentence tells of: the time before it does
            time, source, why = None, "none", "not_carried"
        if source == "discourse" and self._is_forecast_elsewhere(time, self.quantities[figure].start):
            # a forecast's year in an earlier paragraph ("在二○二二年,……预计会有更多初创企业……")
            # dates no later paragraph's facts: the time before it does, if any
            earlier = [t for t in self.last_carried[: self.times.index(time)] if t is not None and not self._is_forecast_elsewhere(t, self.quantities[figure].start)]
            time, source = (earlier[-1], "discourse") if earlier else (None, "none")
            why = "past_forecast"
        return ChineseCandidate(time, source, rule=True, why=why)

    def _semicolons_only_between(self, start: int, end: int) -> bool:
        """Whether only semicolons, no full stop or line, part two places of the text (the rule
        takes the sentence's one date only: where it names two, "截止到3月5日,今年……", the chooser
        weighs them)."""
        between = self.norm[start:end]
        return any(c in "；;" for c in between) and not any(c in "。！？!?\n" for c in between)

    def _not_carried(self, time: ChineseTime | None, position: int) -> bool:
        """A reporting time ("近日", "昨天", an event's day) written in an earlier paragraph than
        `position`, or the past few years ("近三年", "过去两年") in an earlier sentence."""
        if time is None:
            return False
        if time.kind == "reported":
            return "\n" in self.norm[time.end : position]
        if time.closed_now:
            return self.sentence_index(time.start) < self.sentence_index(position)
        if time.kind in _TO_NOW_KINDS and self.sentence_index(time.start) < self.sentence_index(position):
            # a survey's shares ("调查显示,在获得贷款的创业户中,91.7%……") are not of the running
            # total's span ("自2003年以来,……累计扶持……") told before them
            opening = unglossed(self.norm[self.sentence_start(position) : position]).lstrip(" \n“\"")
            return _SURVEY_OPENING_RE.match(opening) is not None or (time.kind == "since" and "\n" in self.norm[time.end : position])
        return time.kind in ("recent_years", "years_ago", "years_count") and self.sentence_index(time.start) < self.sentence_index(position)

    def _is_forecast_elsewhere(self, time: ChineseTime | None, position: int) -> bool:
        """A time after publication written in an earlier paragraph than `position`."""
        return (
            time is not None and self.published is not None and time.period.start > self.published.period.end
            and "\n" in self.norm[time.end : position]
        )

    def _respective_time(self, figure: int) -> ChineseTime | None:
        """"2017年、2018年以及2019年前9个月，净收入分别约为1.67亿元、4.49亿元和8.75亿元": as many
        periods before 分别 as figures of one unit after it pair up in order."""
        quantity = self.quantities[figure]
        start = self.sentence_start(quantity.start)
        respectively = self.norm.rfind("分别", start, quantity.start)
        if respectively < 0:
            return None
        following = bisect.bisect_right(self.sentence_starts, quantity.start)
        end = self.sentence_starts[following] if following < len(self.sentence_starts) else len(self.norm)
        listed = self._listed_run(sorted(
            (q for q in self.quantities
             if respectively < q.start < end and q.equivalent_of is None and q.unit_class == quantity.unit_class),
            key=lambda q: q.start,
        ))  # fmt: skip
        # the periods listed since the last figure before 分别 ("2017年、2018年以及2019年前9个月分别
        # 约为1.67亿元、……; 2018年以及2019年前9个月的净收入同比分别增长约167.94%和209.94%")
        earlier = [q.end for q in self.quantities if start <= q.end <= respectively]
        sentence_start, start = start, max(earlier, default=start)
        periods = self._periods_between(start, respectively)
        if quantity.start not in listed:
            return None
        if len(periods) >= 2 and len(periods) == len(listed):
            return periods[listed.index(quantity.start)]
        # "2015—2020年……指数分别为119.6、……和440.3, 分别比上年增长19.6%、……和35.3%": one span of as
        # many years as figures listed gives each its year, the span being the sentence's own.
        spans = [t for t in periods or self._periods_between(sentence_start, respectively) if t.period.granularity == "multi_year"]
        if len(spans) == 1:
            first, last = spans[0].period.start.year, spans[0].period.end.year
            if last - first + 1 == len(listed) >= 2:
                year = first + listed.index(quantity.start)
                return replace(spans[0], period=year_period(year), is_point=False)
        return None

    def _listed_run(self, following: list[Quantity]) -> list[int]:
        """Where the figures after 分别 start, up to the first that a clause of its own parts from
        the list ("分别约为18.4亿元、16.73亿元、14.92亿元,2025年上半年……约2.71亿元": three listed)."""
        run = following[:1]
        for previous, current in pairwise(following):
            if not RESPECTIVE_LIST_GAP_RE.fullmatch(self.norm[previous.end : current.start]):
                break
            run.append(current)
        return [q.start for q in run]

    def _named_by_a_title_before(self, time: ChineseTime, position: int) -> bool:
        """A time inside the title marks of a report or notice ("《2020-2026年中国科技企业孵化器行业
        ……报告》显示:据统计,截至2018年底,……共有在孵企业206024个") names the document, not the
        period of a figure its sentence dates again after the title, before the figure."""
        opening = self.norm.rfind("《", self.sentence_start(time.start), time.start)
        closing = self.norm.find("》", time.end, position)
        if opening < 0 or closing < 0 or "》" in self.norm[opening : time.start]:
            return False
        return any(
            closing < other.start < position and not other.is_comparison
            for other in self._periods_between(closing, position)
        )

    def _sentence_times(self, sentence: int) -> list[ChineseTime]:
        """The times of one sentence (the times are in text order, so by bisection)."""
        low = bisect.bisect_left(self.sentence_of_time, sentence)
        return self.times[low : bisect.bisect_right(self.sentence_of_time, sentence, low)]

    def _periods_between(self, start: int, end: int) -> list[ChineseTime]:
        return [
            t for t in self.times[bisect.bisect_left(self.time_starts, start) :]
            if t.start < end and not t.is_comparison and not t.is_present
        ]  # fmt: skip

    def candidates(self, figure: int) -> list[ChineseCandidate]:
        """The rules' choice, then every other time of the figure's sentence, the last and first
        times of the sentences before, the document's first period, and no period at all."""
        quantity = self.quantities[figure]
        rule = self.rule_choice(figure)
        found = [rule]
        seen = {_time_key(rule.time)}

        def offer(time: ChineseTime | None, source: str) -> None:
            for offered in (time, _span_end(time), _year_of(time), _month_of(time), *self._readings(time)):
                if offered is not None or time is None:
                    key = _time_key(offered)
                    if key not in seen:
                        seen.add(key)
                        found.append(ChineseCandidate(offered, source))

        own = self.own_time_of(figure)
        if own is not None:
            offer(own, own.source)
        if (since_year_end := self._since_year_end(figure, rule.time)) is not None:
            seen.add(_time_key(since_year_end))
            found.append(ChineseCandidate(since_year_end, rule.source))
        here = self.sentence_index(quantity.start)
        for index, time in enumerate(self.times):
            back = here - self.sentence_of_time[index]
            if time.is_comparison or time.start in self.endpoints or back < 0 or back > CANDIDATE_SENTENCES_BACK:
                continue  # an endpoint is offered as its own figure's time only
            if back == 0:
                if not self._named_by_a_title_before(time, quantity.start):
                    offer(time, time.source)
            elif (index in self._usable_ends()[self.sentence_of_time[index]] or time.is_running) and not time.closed_now:
                offer(time, "discourse")
        if self.document_first is not None and self.document_first.start < quantity.start and not (
            self.sentence_index(self.document_first.start) == here
            and self._named_by_a_title_before(self.document_first, quantity.start)
        ):
            offer(self.document_first, "discourse")
        if self.title_time is not None:
            offer(self.title_time, "headline")
        sentence_times = [t for t in self._sentence_times(here) if not t.is_comparison]
        if self.published is not None and not any(t.period.granularity != "day" for t in sentence_times):
            # The year the whole document reports on dates a figure whose sentence names no period,
            # or only days (a dateline "新华社武汉9月9日电", the day a list was released).
            for year in self.document_years():
                offer(_document_time(year), "document")
        # News of an event ("昨天签约", "日前举行", a sentence naming no period) is dated by the
        # month it is published in; a change compares periods, which an event's month is not.
        month = self.publication_month
        if (
            month is not None and not _is_change(quantity) and _time_key(month) not in seen
            and all(t.kind == "reported" or t.period.granularity == "day" for t in sentence_times)
        ):
            seen.add(_time_key(month))
            found.append(ChineseCandidate(month, "publication"))
        # A date the document declares for all its data (a list's cut-off, a report's year).
        for time, _ in self.declared():
            found.append(ChineseCandidate(time, "declared"))
        offer(None, "none")
        return found

    def _since_year_end(self, figure: int, time: ChineseTime | None) -> ChineseTime | None:
        """A change against last year's end ("截至今年9月底……比去年底增长9.13%") read as the change
        over the year so far, January to the date (the guide's `2020-01/2020-09`), beside the
        date itself: the chooser weighs the two."""
        quantity = self.quantities[figure]
        if time is None or not time.is_point or time.period.granularity not in ("month", "quarter", "day"):
            return None
        year = time.period.end.year
        if time.period.start.year != year or not _is_change(quantity):
            return None
        position = bisect.bisect_right(self.time_starts, quantity.start)
        base = self.last_base[position - 1] if position else None
        if (
            base is None or base.start < self.sentence_start(quantity.start) or not base.is_point
            or base.period.granularity != "year" or base.period.end.year != year - 1
        ):  # fmt: skip
            return None
        if time.period.granularity == "day":
            period = joined_period(day_period(year, 1, 1), time.period)
        else:
            period = month_period(year, 1, time.period.end.month)
        return replace(time, period=period, is_point=False, reading="since_year_end")

    def _readings(self, time: ChineseTime | None) -> list[ChineseTime]:
        """Another reading of a span counted back from publication: a streak or a number of
        years' growth ("连续三年保持增长", "4年年均增长7.4%") with no year written is also read as
        ending the year before publication, the last year reported (连续三年 in a 2025 story:
        2022/2024 beside 2023/2025). "N年来"/"近N年" keep the guide's one reading (2013/2018 for
        近5年来 in 2018): their inclusive and full-years readings were seldom right on the
        development documents."""
        if time is None or time.is_comparison or time.reading or self.published is None:
            return []
        pub_year = self.published.period.start.year
        period = time.period
        if time.kind not in ("consecutive", "years_count") or period.granularity != "multi_year" or period.end.year != pub_year:
            return []
        # the same number of years (or of years' growth) ending the year before publication
        return [replace(time, period=years_period(period.start.year - 1, pub_year - 1), reading="end_before")]

    def _usable_ends(self) -> dict[int, tuple[int, int]]:
        """Per sentence, the first and the last of its times that are no comparison base (read
        once per document, not once per figure and time)."""
        if self._usable is None:
            first: dict[int, int] = {}
            last: dict[int, int] = {}
            for index, (sentence, time) in enumerate(zip(self.sentence_of_time, self.times)):
                if not time.is_comparison:
                    first.setdefault(sentence, index)
                    last[sentence] = index
            self._usable = {sentence: (first[sentence], last[sentence]) for sentence in first}
        return self._usable

    def _opening_end(self) -> int:
        return self.sentence_starts[_OPENING_SENTENCES] if len(self.sentence_starts) > _OPENING_SENTENCES else len(self.norm)

    def declared(self) -> list[tuple[ChineseTime, list[str]]]:
        """The periods the document declares its data stand at or cover, each with what says so
        (cue, where, in a sentence with no figures): cut-offs before editions, the first found, at
        most _DECLARED_MAX distinct. An edition's year the document may report on anyway
        (document_years) is read as a detail of that year instead. Read once per document."""
        if self._declared is not None:
            return self._declared
        opening_end = self._opening_end()
        figure_sentences = {self.sentence_index(q.start) for q in self.quantities}
        found: list[tuple[ChineseTime, list[str]]] = []
        published_end = self.published.period.end if self.published is not None else None
        for time, sentence in zip(self.times, self.sentence_of_time):
            # ("近日", "昨天" say when news was told; a day is any, "以2021年6月30日为时间节点")
            if time.is_comparison or time.is_present or time.is_deadline or time.start < 0 or not re.search(r"\d", time.text):
                continue
            if published_end is not None and time.period.start > published_end:
                continue
            if time.period.granularity == "multi_year":
                continue
            before = unglossed(self.norm[max(self.sentence_start(time.start), time.start - 16) : time.start])
            prefixed = time.text.startswith(("截至", "截止"))
            methodology = sentence not in figure_sentences
            if _DECLARED_NODE_AFTER_RE.match(self.norm, time.end) or before.endswith(("截止日期为", "截至日期为", "截止时间为", "时间节点为")):
                cue = "node"
            elif _DECLARED_LINK_BEFORE_RE.search(before) or (prefixed and _DATA_WORD_BEFORE_RE.search(before)):
                cue = "data"
            elif prefixed and time.is_point and _DECLARED_UNTIL_AFTER_RE.match(self.norm, time.end):
                cue = "until"
            elif prefixed and time.is_point and (methodology or time.start < opening_end):
                cue = "cutoff"
            else:
                continue
            details = ["declared=cutoff", f"cue={cue}", "found_in=" + ("opening" if time.start < opening_end else "body")]
            if methodology:
                details.append("methodology")
            # a time node or a count closing at a date is a point ("以……为时间节点", "截至……止")
            is_point = time.is_point or cue in ("node", "until") or prefixed
            found.append((replace(time, start=-2, end=-2, is_point=is_point, kind="declared"), details))
            self._declared_where[found[-1][0].text, found[-1][0].period] = replace(time, is_point=is_point)
        for year, where in self.edition_years().items():
            if year in self.document_years() or (self.published is not None and year > self.published.period.start.year):
                continue
            time = ChineseTime(-2, -2, str(year), year_period(year), False, False, "document", kind="edition")
            found.append((time, ["declared=edition", "cue=edition", f"found_in={where[0]}"]))
        distinct: list[tuple[ChineseTime, list[str]]] = []
        for time, details in found:
            if all(time.period != other.period for other, _ in distinct) and len(distinct) < _DECLARED_MAX:
                distinct.append((time, details))
        self._declared = distinct
        return distinct

    def _declared_cutoff(self) -> ChineseTime | None:
        """The one date the document's data are declared to stand at in so many words (a time
        node, a data word, "截至……为止"), if it declares one."""
        strong = [t for t, details in self.declared() if "declared=cutoff" in details and "cue=cutoff" not in details]
        # the time where the text states it: the rules' choice is placed where its words are
        return self._declared_where[strong[0].text, strong[0].period] if len(strong) == 1 else None

    def edition_years(self) -> dict[int, list[str]]:
        """The years the headline or text names as a list's, report's or survey's own
        ("《2020全球独角兽榜》", "2021年度……榜单"), each with where ("title", "opening", "body")."""
        if self._editions is not None:
            return self._editions
        opening_end = self._opening_end()
        found: dict[int, list[str]] = {}
        for where, text in (("title", unglossed(self.title.translate(_NORMALISE))), ("text", self.norm)):
            for match in _EDITION_RE.finditer(text):
                place = where if where == "title" else "opening" if match.start() < opening_end else "body"
                names = found.setdefault(int(match.group(1)), [])
                if place not in names:
                    names.append(place)
        # a work the text names by its year ("发布《2021天九共享胡润中国瞪羚企业》"), whatever it is called
        for time in self.times:
            if time.kind == "edition":
                place = "opening" if time.start < opening_end else "body"
                names = found.setdefault(time.period.start.year, [])
                if place not in names:
                    names.append(place)
        order = ("title", "opening", "body")
        self._editions = {year: sorted(names, key=order.index) for year, names in found.items()}
        return self._editions

    def _sentence_dated(self, figure: int) -> bool:
        """Whether the figure's sentence names a period (a comparison base aside)."""
        here = self.sentence_index(self.quantities[figure].start)
        return any(s == here and not t.is_comparison for s, t in zip(self.sentence_of_time, self.times))

    def document_years(self) -> tuple[int, ...]:
        """The years the document may report on as a whole: its publication year and the one before."""
        if self.published is None:
            return ()
        year = self.published.period.start.year
        return (year, year - 1)

    def document_year_details(self) -> dict[int, list[str]]:
        """What the document says of each year it may report on, read once: when in the year it
        was published, how often its dates name the year, whether its headline or opening names
        it, whether it opens as a report on a period, how many of its figures' sentences are dated
        and how many within the year, whether it says 今年 or 去年."""
        if self._document_details is not None:
            return self._document_details
        published = self.published.period
        month = published.start.month if published.granularity in ("day", "month") else None
        when = "year_only" if month is None else "q1" if month <= 3 else "q2" if month <= 6 else "h2"
        usable = [t for t in self.times if not (t.is_comparison or t.is_present or t.is_deadline)]
        named: dict[int, int] = {}
        relative: set[str] = set()
        for t in usable:
            if t.period.end > published.end:
                continue
            named[t.period.end.year] = named.get(t.period.end.year, 0) + 1
            if t.source == "relative" and t.kind in ("year", "part_of_year", "month"):
                relative.add("says_this_year" if t.period.end.year == published.start.year else "says_last_year")
        latest = max(named, default=None)
        most = max(named.values(), default=0)
        title_years = {t.period.end.year for t in find_chinese_times(self.title, self.published.period.start)} if self.title else set()
        opening_end = self.sentence_starts[_OPENING_SENTENCES] if len(self.sentence_starts) > _OPENING_SENTENCES else len(self.norm)
        opening_years = title_years | {t.period.end.year for t in usable if t.start < opening_end}
        head = unglossed(self.title.translate(_NORMALISE) + "\n" + self.norm[:opening_end])
        report = bool(_REPORT_CUE_RE.search(head))
        whole_period = bool(_WHOLE_PERIOD_CUE_RE.search(head))
        figure_sentences = {self.sentence_index(q.start) for q in self.quantities}
        usable_ids = {id(t) for t in usable}
        dated_in: dict[int, int] = {}
        dated = 0
        for sentence in figure_sentences:
            years = {t.period.end.year for t, s in zip(self.times, self.sentence_of_time) if s == sentence and id(t) in usable_ids}
            dated += bool(years)
            for year in years:
                dated_in[year] = dated_in.get(year, 0) + 1
        total = len(figure_sentences) or 1
        dated_share = f"dated_sentences={_share_bucket(dated, total)}"
        distinct = "distinct_years=" + ("0" if not named else "1" if len(named) == 1 else "<=3" if len(named) <= 3 else ">3")
        details = {}
        for year in self.document_years():
            count = named.get(year, 0)
            found = [f"published={when}", "named=" + ("0" if not count else "1" if count == 1 else "<=3" if count <= 3 else ">3"),
                     dated_share, distinct, *sorted(relative)]  # fmt: skip
            found.append(f"dates_figures_share={_share_bucket(dated_in.get(year, 0), total)}")
            if year in opening_years:
                found.append("opening_names")
            if year in title_years:
                found.append("title_names")
            # the year of the list or report the document is ("2021年度……榜单")
            editions = self.edition_years().get(year)
            if editions:
                found += ["edition_names", f"edition_in={editions[0]}"]
            if dated and dated_in.get(year, 0) * 2 > dated:
                found.append("dates_most_dated")
            if year == latest:
                found.append("latest_named")
            if count and count == most:
                found.append("most_named")
            if report:
                found.append("report_cue")
            if whole_period:
                found.append("whole_period_cue")
            details[year] = found
        self._document_details = details
        return details

    def features(self, figure: int, candidates: list[ChineseCandidate]) -> list[dict[str, float]]:
        """The features of each candidate: where it sits and what it is, crossed with what the
        figure is (names as figures.period_choice gives them, so one trainer fits both)."""
        quantity = self.quantities[figure]
        start = self.sentence_start(quantity.start)
        before = self.norm[start : quantity.start]
        next_end = bisect.bisect_left(self.sentence_starts, quantity.end)
        sentence_end = self.sentence_starts[next_end] if next_end < len(self.sentence_starts) else len(self.norm)
        after = self.norm[quantity.end : sentence_end]
        unit = quantity.unit_class if quantity.unit_class in ("percent", "currency", "count") else "other"
        here = self.sentence_index(quantity.start)
        about = {
            "change": _is_change(quantity),
            "unit": unit,
            "stock_cue": bool(_STOCK_CUE_RE.search(before[-40:])),
            "flow_cue": bool(_FLOW_CUE_RE.search(before[-40:] + after[:10])),
            "present": bool(re.search(r"目前|现在|当前|如今|至今|迄今", before)),
            # a programme's cap or floor, a rate per year, a definition: standing rules, not
            # observations of a period
            "standing_rule": self.is_standing_rule(figure),
            "level": self.is_level(figure),
            "per_year": quantity.per == "year" or "每年" in before[-15:] or "年均" in before[-15:],
            "future": bool(re.search(r"预计|将|目标|力争|争取|计划|规划|要", before[-30:])),
            "sentence_dated": any(s == here for s in self.sentence_of_time),
            # a breakdown of a total told before ("按母公司所在地分析……", "分别为", "其次"): of
            # the total's period
            "breakdown": bool(_BREAKDOWN_RE.search(self.norm, start, sentence_end)),
            "first_in_sentence": not any(
                start <= q.start < quantity.start for q in self.quantities if q is not quantity
            ),
        }
        rows = []
        rule = next((c.time for c in candidates if c.rule), None)
        traits = figure_traits(about)  # the figure's, the same for each of its candidates
        for candidate in candidates:
            if candidate.source == "declared":
                where, details = "declared", self._declared_details(candidate.time, rule)
            else:
                where, details = self._placement(quantity, candidate, self.own_time.get(figure))
            # Details only crossed with where the candidate sits (too few documents for more).
            features = placed_features(where, details, about, traits)
            if candidate.rule:
                features["rule"] = 1.0
                features[f"rule&where={where}"] = 1.0
            rows.append(features)
        return rows

    def _placement(
        self, quantity: Quantity, candidate: ChineseCandidate, own: ChineseTime | None = None
    ) -> tuple[str, list[str]]:
        """Where the candidate sits and what it is (`own`: the date written straight before the
        figure, if any)."""
        time = candidate.time
        if time is None:
            return "none", self._undated_details(quantity)
        if candidate.source == "document":
            year = time.period.start.year
            return f"document{year - self.published.period.start.year}", list(self.document_year_details()[year])
        if candidate.source == "publication":
            return "publication", self._publication_details(quantity)
        details = [f"granularity={time.period.granularity}", f"source={time.source}", f"kind={time.kind or 'other'}"]
        if candidate.source == "headline":
            if self.published is not None:
                years_before = self.published.period.start.year - time.period.end.year
                details.append("years_before=" + ("<0" if years_before < 0 else str(min(years_before, 2))))
            if not any(t.start < quantity.start for t in self.times if not t.is_comparison):
                details.append("text_undated_before")  # the text names no period before the figure
            return "headline", details
        for flag, name in (
            (time.is_point, "point"), (time.is_present, "present"), (time.is_deadline, "deadline"),
            (time.is_running, "running"), (time.is_span_end, "span_end"), (time.is_comparison, "base"),
            (own is time, "owns"), (time.is_year_of, "year_of"),
        ):  # fmt: skip
            if flag:
                details.append(name)
        if self.is_event_time(time):
            details.append("event_time")
        if time.reading:
            details += [f"reading={time.reading}", f"reading={time.reading}&published={self._published_when()}"]
        if self.published is not None:
            years_before = self.published.period.start.year - time.period.end.year
            details.append("years_before=" + ("<0" if years_before < 0 else str(min(years_before, 2))))
        back = self.sentence_index(quantity.start) - self.sentence_index(time.start)
        if back > 0 and "\n" not in self.norm[time.end : quantity.start]:
            details.append("same_paragraph")
        # Where it sits in its own sentence: opening it ("今年前三季度，……"), opening a paragraph.
        own_start = self.sentence_start(time.start)
        if len(self.norm[own_start : time.start].strip(" \n“\"")) <= 2:
            details.append("leader")
        if own_start == 0 or self.norm[max(own_start - 1, 0)] == "\n" or self.norm[own_start:time.start].startswith("\n"):
            details.append("opens_paragraph")
        if back > 0:
            # "其中，……": the figure's sentence goes on from the one before
            figure_sentence = self.norm[self.sentence_start(quantity.start) : quantity.start].lstrip(" \n“\"")
            if figure_sentence.startswith(_CONTINUING):
                details.append("continues_sentence_before")
            between = self._figures_starting_in(time.end, quantity.start)
            details.append("figures_back=" + ("0" if between == 0 else "<=3" if between <= 3 else ">3"))
        if back > CANDIDATE_SENTENCES_BACK:
            return "document", details
        if back > 0:
            return f"back{back}", details
        if time.start >= quantity.end:
            gap = self.norm[quantity.end : time.start]
            details.append("after")
        else:
            gap = self.norm[time.end : quantity.start]
            details.append("before")
        details.append("gap=" + ("<=2" if len(gap) <= 2 else "<=10" if len(gap) <= 10 else "<=30" if len(gap) <= 30 else ">30"))
        figures_between = self._figures_starting_in(min(time.end, quantity.end), max(time.start, quantity.start))
        details.append(f"figures_between={min(figures_between, 2)}")
        clause = not any(c in _CLAUSE_BREAK for c in gap)
        return ("clause" if clause else "sentence"), details

    def _publication_details(self, quantity: Quantity) -> list[str]:
        """What speaks for dating a figure by its publication month: news told in its sentence or
        the opening ("昨天", "日前", "25日"), the verb of an event in its sentence ("签约",
        "公布"), how precisely the document is dated; and what speaks for leaving it undated."""
        here = self.sentence_index(quantity.start)
        details = [f"precision={self.published.period.granularity}", *self._undated_details(quantity)]
        if any(t.kind == "reported" for t in self._sentence_times(here)):
            details.append("reported_in_sentence")
        if self._opening_reports:
            details.append("reported_in_opening")
        start = self.sentence_start(quantity.start)
        end = self.sentence_starts[here + 1] if here + 1 < len(self.sentence_starts) else len(self.norm)
        if _NEWS_EVENT_RE.search(self.norm, start, end):
            details.append("event_verb")
        return details

    def _published_when(self) -> str:
        published = self.published.period
        month = published.start.month if published.granularity in ("day", "month") else None
        return "year_only" if month is None else "q1" if month <= 3 else "q2" if month <= 6 else "h2"

    def _figures_starting_in(self, low: int, high: int) -> int:
        """How many figures start at or after `low` and before `high` (by bisection, not a pass
        over the figures for each candidate)."""
        return max(0, bisect.bisect_left(self.figure_starts, high) - bisect.bisect_left(self.figure_starts, low))

    def _undated_details(self, quantity: Quantity) -> list[str]:
        """What speaks for or against leaving a figure undated: how far back the nearest period
        the text names before it is (none at all, in its paragraph or further), and whether the
        headline or a list's or report's name gives the document a period."""
        place = bisect.bisect_right(self.time_starts, quantity.start)
        earlier = [t for t in self.times[:place] if not t.is_comparison and not t.is_present and t.end <= quantity.start]
        details = []
        if not earlier:
            details.append("nearest_back=nothing")
        else:
            nearest = earlier[-1]
            back = self.sentence_index(quantity.start) - self.sentence_index(nearest.start)
            details.append("nearest_back=" + ("0" if back == 0 else "1" if back == 1 else "<=4" if back <= 4 else ">4"))
            if "\n" in self.norm[nearest.end : quantity.start]:
                details.append("nearest_other_paragraph")
            details.append(f"nearest_kind={nearest.kind or 'other'}")
        if self.title_time is not None:
            details.append("headline_dated")
        if self.edition_years():
            details.append("edition_named")
        return details

    def _declared_details(self, time: ChineseTime, rule: ChineseTime | None) -> list[str]:
        """What a declared period is (see declared), how precise, how long before publication, and
        how it stands to the period the rules give the figure."""
        declared = self.declared()
        details = list(next(d for t, d in declared if t is time))
        details.append(f"granularity={time.period.granularity}")
        if time.is_point:
            details.append("point")
        if self.published is not None:
            years_before = self.published.period.start.year - time.period.end.year
            details.append("years_before=" + ("<0" if years_before < 0 else str(min(years_before, 2))))
        if len(declared) == 1:
            details.append("only_declared")
        if rule is None:
            details.append("declared_vs_rule=none")
        elif rule.period == time.period:
            details.append("declared_vs_rule=same")
        elif rule.period.start <= time.period.start and time.period.end <= rule.period.end:
            details.append("declared_vs_rule=inside")  # "今年" in a list whose data stand at March 31
        else:
            details.append("declared_vs_rule=apart")
        return details

    def context(self, figure: int, candidate: ChineseCandidate, previous: MentionContext | None) -> MentionContext:
        """The figure's context when its period is `candidate`'s (`previous`: the context of the
        figure before, whose status a "其中" part shares)."""
        quantity = self.quantities[figure]
        chosen, source = candidate.time, candidate.source
        if source in ("declared", "publication"):
            source = "document"  # no words of the figure's own date it: a weak reading
        sentence_start = self.sentence_start(quantity.start)
        before = unglossed(self.norm[sentence_start : quantity.start])
        # an item of a list a target opens ("预期目标是：增长5.5%左右；城镇新增就业1100万人以上"): its
        # sentence, after a semicolon, is read with the list's lead
        before = self._list_lead(sentence_start) + before
        if (
            chosen is not None and source == "discourse" and not chosen.is_point and "累计" in before
            and "\n" in self.norm[chosen.end : quantity.start]
        ):
            # A running total dated by nothing in its paragraph ("累计下达奖励资金2.4亿元") holds
            # up to an unsaid date, not over an earlier paragraph's period.
            chosen, source = None, "none"
        period = chosen.period if chosen is not None and not chosen.is_present else None
        position = bisect.bisect_right(self.time_starts, quantity.start)
        base_time = self.last_base[position - 1] if position else None
        if (
            period is not None and base_time is not None
            and base_time.start >= sentence_start and base_time.period.end.year < period.start.year - 1
            and (_is_change(quantity) or self._changes_from(base_time, quantity))
        ):
            # "是2012年的2.7倍", "较2012年提升了12.7个百分点": from the base to the figure's period;
            # against the same part of an earlier year ("三季度……比2019年同期下降"), from that part.
            if period.granularity in ("quarter", "half", "month") and self.norm.startswith("同期", base_time.end):
                period = joined_period(shifted(period, base_time.period.start.year - period.start.year), period)
            else:
                period = years_period(base_time.period.start.year, period.end.year)
        elif (
            period is not None and chosen is not None and chosen.is_point and base_time is not None
            and base_time.start >= sentence_start and base_time.is_point
            and base_time.period.granularity == "month" and period.granularity == "month"
            and base_time.period.end.year == period.end.year and base_time.period.end < period.start
            and _is_change(quantity) and not _OTHER_BASE_BETWEEN_RE.search(self.norm, base_time.end, quantity.start)
        ):
            # "二季度末,……比一季度末减少1万人": a change of a level between two dates of a year runs
            # from the month after the base to the figure's date (April to June, 2011-Q2); not a
            # later clause's change against its own base ("比3月末增加100亿元,同比增长10%")
            period = month_period(period.end.year, base_time.period.end.month + 1, period.end.month)
        context = _context(
            quantity, chosen, source, self.published, period, before, self._clause_words(figure)[1],
            plan_document=self.plan_document,
        )
        if previous is not None and context.status == "actual" and before.lstrip(" \n“\"").startswith("其中"):
            # "其中，创新创业200亿" is part of the figure before: a plan's part is planned too.
            context = replace(context, status=previous.status, status_text=previous.status_text)
        return context


def resolve_chinese_contexts(
    text: str,
    quantities: list[Quantity],
    published_on: dt.date | str | None = None,
    sentences: Sequence[Sentence] | None = None,
    chooser=None,
    title: str | None = None,
) -> list[MentionContext]:
    """One MentionContext per quantity, in the same order (see the module docstring).
    `chooser` (a figures.period_choice.PeriodChooser over `_ChineseDocument.features`) picks
    each figure's period among its candidates; None leaves it to the hand rules. `title`, the
    document's headline, offers the chooser the one period it names."""
    if not quantities:
        return []
    document = _ChineseDocument(text, quantities, published_on, sentences, title)
    contexts: list[MentionContext] = []
    for figure in range(len(quantities)):
        if chooser is None:
            pick = document.rule_choice(figure)
        elif (candidates := document.candidates(figure))[0].why in GRAMMAR_RULES:
            pick = candidates[0]  # the rules' choice comes first
        else:
            scored = [
                (chooser.score(features), candidate.rule, -place)
                for place, (candidate, features) in enumerate(zip(candidates, document.features(figure, candidates)))
            ]
            pick = candidates[-max(scored)[2]]
        contexts.append(document.context(figure, pick, contexts[-1] if contexts else None))
    _series_changes(document, quantities, contexts)
    _date_headline_figures(quantities, contexts)
    take_restated_periods(quantities, contexts, _chinese_pointers(document.norm, quantities))
    return [
        contexts[q.equivalent_of] if q.equivalent_of is not None and 0 <= q.equivalent_of < len(contexts) else c
        for q, c in zip(quantities, contexts)
    ]  # fmt: skip


# "从2018年调查的75.7%提升至2022年的84.1%,提升了": a series from one year's figure to a later one's,
# in the statement before a change
# The gain between the series' two levels, told as a count or an amount ("由2017年的1,368家上升至
# 2018年的2,872家,新增1,504家").
_DIFFERENCE_BEFORE_RE = re.compile(r"(?:新增|净增|增加了?|增长了?|减少了?)(?:近|约|超过|逾)?[ ]?$")
_SERIES_BEFORE_RE = re.compile(
    r"(?:从|由)(\d{4})年[^。；;！？]{0,30}?\d[^。；;！？]{0,30}?(?:至|到)(\d{4})年[^。；;！？]{0,30}?\d[^。；;！？]{0,30}$"
)


def _series_changes(document: _ChineseDocument, quantities: list[Quantity], contexts: list[MentionContext]) -> None:
    """A change after a series from one year to a later one, dated by the later year, holds over
    the span between them (the guide's `2018/2022`), as an English series' growth does."""
    for index, (quantity, context) in enumerate(zip(quantities, contexts)):
        before = document.norm[document.sentence_start(quantity.start) : quantity.start]
        if context.period_granularity != "year" or not (_is_change(quantity) or _DIFFERENCE_BEFORE_RE.search(unglossed(before[-6:]))):
            continue
        series = _SERIES_BEFORE_RE.search(before)
        if series is None or series.group(2) != context.period_label or not int(series.group(1)) < int(series.group(2)):
            continue
        span = years_period(int(series.group(1)), int(series.group(2)))
        contexts[index] = replace(context, **period_fields(span), period_is_point_in_time=False)


def unglossed(text: str) -> str:
    """`text` as cue words are read from it: without the pinyin a reprint glosses characters with
    ("调(diào)查显示"), which would cut the words, and with the traditional characters of those
    words the shared simplification leaves (調查, 備案, 入庫) simplified."""
    return (PINYIN_GLOSS_RE.sub("", text) if "(" in text else text).translate(_CUE_SIMPLIFIED)


def _share_bucket(part: int, whole: int) -> str:
    """A share in quarters, as text ("0", "1", ... "4")."""
    return str(round(4 * part / whole)) if whole else "0"


def _document_time(year: int) -> ChineseTime:
    """The year a document reports on as a whole, offered as a time no words of the text name."""
    return ChineseTime(-1, -1, "", year_period(year), False, False, "document", kind="document")


def _title_time(title: str | None, published_on) -> ChineseTime | None:
    """The one period a headline names ("前三季度全国新设市场主体1845.0万户", "去年新增……"), placed
    before the text (negative offsets: it is no time of the text); none when it names several."""
    if not title:
        return None
    usable = [t for t in find_chinese_times(title, published_on) if not (t.is_comparison or t.is_present or t.is_deadline)]
    if len({t.period.label for t in usable}) != 1:
        return None
    shift = len(title) + 1
    return replace(usable[0], start=usable[0].start - shift, end=usable[0].end - shift)


def _time_for(
    quantity, times, time_starts, sentence_starts, norm, last_period, clause_breaks, last_carried=None
) -> tuple[ChineseTime | None, str]:
    index = bisect.bisect_right(sentence_starts, quantity.start) - 1
    sentence_start = sentence_starts[index] if index >= 0 else 0
    position = bisect.bisect_right(time_starts, quantity.start)
    latest = last_period[position - 1] if position else None  # the last time before, not a comparison
    before = [latest] if latest is not None else []
    if before and before[-1].start >= sentence_start:
        return before[-1], before[-1].source
    next_break = bisect.bisect_left(clause_breaks, quantity.end)
    clause_end = clause_breaks[next_break] if next_break < len(clause_breaks) else len(norm)
    for time in times[position:]:
        if time.start >= clause_end:
            break
        if not time.is_comparison and time.kind != "consecutive":
            return time, time.source
    carried = (last_carried or last_period)[position - 1] if position else None
    if carried is not None:
        return carried, "discourse"
    return None, "none"


def _is_change(quantity: Quantity) -> bool:
    return bool(
        quantity.change is not None or quantity.change_basis_text or quantity.is_percentage_point
        or (quantity.unit_class == "multiplier" and quantity.unit != "fraction")
    )


# A title that announces a plan, a programme or its goals ("江西全民创业“十一五”专项规划出台",
# "……三年行动计划印发", "发展目标"), not one that reports on one ("规划实施以来").
_PLAN_TITLE_RE = re.compile(r"(规划|计划|纲要|行动方案|实施方案|目标)(?!实施以来|完成|落实情况|执行情况)")
# A plan's figures ("今年财政要出资800亿", "设定3大目标，包括……") are targets.
_PLAN_RE = re.compile(r"(今年|年内|明年|全年|到\d{4}年)[^。；;]{0,12}要(?![求素点是闻])|目标|力争|(?<!累计)(?<!已)争取|规划")
# The words opening a list of goals, its items after a colon and divided by semicolons.
_LIST_OF_GOALS_RE = re.compile(r"(?:目标|任务)(?:是|为|如下)?[:：]")
# The figure a target is of ("完成省定2亿元目标任务", "达成新创募资1500亿元目标").
_TARGET_AFTER_RE = re.compile(r"[ ]?(?:元|美元|亿元|万元)?(?:的)?(?:目标|任务)")
# The figure a text names as the target, right after the word or right before it ("预定目标1100万人",
# "低于5.5%的预期目标"); not one a share of a target is taken of (完成目标任务的81.11%).
_NAMED_TARGET_BEFORE_RE = re.compile(r"(?:预定|预期|既定|年度|确定的)目标(?:是|为)?[ ]?$")
_NAMED_TARGET_AFTER_RE = re.compile(r"[ ]?(?:人|户|家|个|元|%)?(?:的)?(?:预期|预定|既定)?目标(?![任])")
# A forecast word before the figure in the same statement (no semicolon or full stop between).
_FORECAST_IN_CLAUSE_RE = re.compile(r"(预计|预期|有望|可望)[^；;。！？!?]*$")
# A share of a target met ("完成省定2亿元目标任务的81.11%") is actual.
_DONE_RE = re.compile(r"(?:完成|实现|达成)[^，。；,;]{0,12}?(?:目标|任务)")
_DONE_SHARE_RE = re.compile(r"(?:完成|实现|达成)[^，。；,;]{0,12}?(?:目标|任务)+的?[ ]?$")
# An intention not yet carried out ("拟在纽交所上市，暂定募资规模为1亿美元"): expected.
_INTENT_RE = re.compile(r"(?<![模虚比])拟(?![定稿])")
# The prizes a competition sets or will award ("大赛共设一等奖8名", "主赛道设金奖50个", "最终将决出金奖30个",
# "会选出3组总统奖"): the prize count right beside 奖, and before it a verb that sets prizes or one of
# selecting that a future word leads; not those a finished round gave ("共评出金奖30个").
_PRIZE_BEFORE_RE = re.compile(r"奖项?[ ]?$")
_PRIZE_AFTER_RE = re.compile(r"[ ]?[个名组項项]?[^，,。；;、\d]{0,5}奖")
_PRIZES_SET_RE = re.compile(r"(?:共设|设置|设立|设有|(?<![建开增预假])设)[^。；;，,]{0,20}奖|(?:将|会|即将|拟)[^。；;]{0,12}(?:决出|选出|评出|评选出)")


def _context(
    quantity: Quantity, time: ChineseTime | None, source: str, published, period: Period | None = None,
    before: str = "",
    after: str = "",
    plan_document: bool = False,
) -> MentionContext:
    """The figure's context; `period` is what was chosen for it (None: the flagged fallback),
    `before` its sentence up to it and `after` the rest of it (simplified text); `plan_document`:
    the title announces a plan, whose figures for a period still ahead are its targets."""
    status, status_text = "actual", None
    future = period is not None and published is not None and period.start > published.period.end
    current_or_future = period is None or published is None or period.end >= published.period.start
    if _NAMED_TARGET_BEFORE_RE.search(before) or _NAMED_TARGET_AFTER_RE.match(after):
        # the target itself, whatever its period ("超额完成了年初的预定目标1100万人", "低于年初确定的4%的目标")
        status = "target"
    elif _DONE_SHARE_RE.search(before):
        pass  # the share of a target met is what was done
    elif quantity.status_hint == "expected" and current_or_future and (plan := _PLAN_RE.search(_DONE_RE.sub("", before))):
        # "根据目标,到“十二五”后3年,……将达到20亿元以上": what a goal says will be is a target
        status, status_text = "target", plan.group().strip()
    elif quantity.status_hint in ("expected", "target", "forecast"):
        status = quantity.status_hint
    elif time is not None and time.is_deadline and period is not None and (
        published is None or period.end > published.period.end
    ):
        # a date a forecast looks to ("预计到年底……") is expected, one an aim sets a target
        forecast = _FORECAST_RE.search(before)
        status, status_text = ("expected", forecast.group()) if forecast else ("target", time.text)
    elif current_or_future and (plan := _PLAN_RE.search(_DONE_RE.sub("", before)) or _TARGET_AFTER_RE.match(after)):
        status, status_text = "target", plan.group().strip()
    elif (forecast := _FORECAST_IN_CLAUSE_RE.search(before)) is not None:
        # "东湖高新区预计累计完成企业总收入6028亿元,同比增长29.57%,规模以上工业总产值1323.58亿元":
        # the forecast word governs every figure after it up to the end of its statement
        status, status_text = "expected", forecast.group(1)
    elif future and plan_document and not _FORECAST_RE.search(before):
        # a plan's figure for a year still ahead, its sentence naming the plan or not ("江西全民创业
        # “十一五”专项规划出台": "民营经济上缴税收达420亿元" of 2010)
        status = "target"
    elif future:
        status = "expected"
    elif current_or_future and (intent := _INTENT_RE.search(before)):
        status, status_text = "expected", intent.group()
    elif current_or_future and quantity.unit_class == "count" and (
        _PRIZE_BEFORE_RE.search(before) or _PRIZE_AFTER_RE.match(after)
    ) and (prizes := _PRIZES_SET_RE.search(before)):
        status, status_text = "expected", prizes.group()
    return MentionContext(
        period_label=period.label if period else None,
        period_granularity=period.granularity if period else None,
        period_start=period.start if period else None,
        period_end=period.end if period else None,
        period_text=time.text if time and period and time.text else None,
        period_is_point_in_time=bool(time and period and time.is_point),
        period_source=source if period else "none",
        comparison_label=None,
        comparison_text=quantity.change_basis_text,
        status=status,
        status_text=status_text,
    )


# Words before a figure that point back at one told before: an explicit back-reference (上述, 以上,
# 前述: the extractor leaves their counts of things unread) or a demonstrative (這1萬552家新創當中;
# not the 此 of 因此, 为此, 至此).
_POINTS_BACK_EXPLICIT = (*BACK_REFERENCES, "前述")
_POINTS_BACK_DEMONSTRATIVE_RE = re.compile(r"(?:这|這|该|該|(?<![因为為对對由至如])此)[ ]?$")


def _chinese_pointers(norm: str, quantities: list[Quantity]) -> list[str | None]:
    found = []
    for quantity in quantities:
        before = norm[max(0, quantity.start - 3) : quantity.start]
        if before.rstrip().endswith(_POINTS_BACK_EXPLICIT):
            found.append("explicit")
        else:
            found.append("demonstrative" if _POINTS_BACK_DEMONSTRATIVE_RE.search(before) else None)
    return found


def _date_headline_figures(quantities: list[Quantity], contexts: list[MentionContext]) -> None:
    """A figure no time dates, or only the year the document reports on, that a later sentence
    restates with a date (a headline, a lead summing up the body: "全国登记在册个体工商户已达1.09亿户"
    over "截至2022年8月底，……1.09亿户") takes that date."""
    for index, (quantity, context) in enumerate(zip(quantities, contexts)):
        if context.period_source not in ("none", "document") or quantity.value is None:
            continue
        for later in range(index + 1, len(quantities)):
            other, other_context = quantities[later], contexts[later]
            if (
                other.value == quantity.value and other.unit == quantity.unit
                and other_context.period_source in ("text", "relative")
            ):
                contexts[index] = replace(other_context, period_source="headline", status=context.status)
                break
