"""Word lists of the Chinese quantity extractor (`chinese.py`): scale characters, units and
measure words, qualifiers and cue words, all in simplified script.

Traditional-script text is read through `TO_SIMPLIFIED`, a one-character-for-one table of the
traditional forms these lists (and the numerals) use, so one list serves both scripts and
character offsets stay those of the text as written. Full-width digits and signs are read
through `TO_HALF_WIDTH` the same way.
"""

# Tables are laid out by hand, several entries a line, to keep related aliases together.
# fmt: off

# --- Reading the text ------------------------------------------------------------------------

_TRADITIONAL_TO_SIMPLIFIED = {
    "億": "亿", "萬": "万", "兩": "两", "個": "个", "戶": "户", "項": "项", "餘": "余", "約": "约",
    "將": "将", "預": "预", "計": "计", "劃": "划", "標": "标", "爭": "争", "達": "达", "過": "过",
    "於": "于", "調": "调", "為": "为", "總": "总", "數": "数", "額": "额", "資": "资", "產": "产", "業": "业",
    "區": "区", "時": "时", "會": "会", "實": "实", "對": "对", "經": "经", "關": "关", "開": "开",
    "間": "间", "長": "长", "讀": "读", "設": "设", "電": "电", "場": "场", "農": "农", "濟": "济",
    "稅": "税", "營": "营", "潤": "润", "規": "规", "創": "创", "眾": "众", "構": "构", "臺": "台",
    "幣": "币", "歐": "欧", "鎊": "镑", "塊": "块", "幾": "几", "點": "点", "來": "来", "這": "这",
    "進": "进", "齊": "齐", "與": "与", "們": "们", "較": "较", "増": "增", "減": "减", "態": "态",
    "顯": "显", "筆": "笔", "條": "条", "張": "张", "輛": "辆", "處": "处", "棟": "栋", "單": "单",
    "噸": "吨", "畝": "亩", "頃": "顷", "裡": "里", "釐": "厘", "歲": "岁", "週": "周", "屆": "届",
    "號": "号", "體": "体", "擁": "拥", "級": "级", "圍": "围", "統": "统", "積": "积", "勞": "劳",
    "動": "动", "價": "价", "値": "值", "險": "险", "現": "现", "報": "报", "內": "内", "後": "后",
    "從": "从", "滿": "满", "紀": "纪", "際": "际", "並": "并", "證": "证", "權": "权", "務": "务",
    "專": "专", "術": "术", "轉": "转", "環": "环", "縮": "缩", "擴": "扩", "漲": "涨", "腳": "脚",
    "亞": "亚", "鎮": "镇", "縣": "县", "導": "导", "類": "类", "種": "种",
    # The cue words of the meaning readers (figures/chinese_meaning.py, chinese_context.py).
    "記": "记", "註": "注", "冊": "册", "辦": "办", "發": "发", "認": "认", "獲": "获", "補": "补",
    "貼": "贴", "獎": "奖", "勵": "励", "舉": "举", "簽": "签", "訂": "订", "淨": "净", "納": "纳",
    "當": "当", "續": "续", "銷": "销", "則": "则", "團": "团", "隊": "队", "畢": "毕", "員": "员",
    "職": "职", "機": "机", "貸": "贷", "帶": "带", "崗": "岗", "決": "决", "組": "组", "別": "别",
    # The status and standing-rule cues of chinese_context.py (擬 intends, 封頂 a cap).
    "擬": "拟", "頂": "顶", "審": "审", "撥": "拨",
    # A survey's or a policy's period (評估期) and a fund's or product's measure word (檔).
    "評": "评", "檔": "档",
    # Currency names (日圓 yen, 韓元, 盧布, 泰銖, 澳門元) and measure words (隻, 國).
    "圓": "圆", "韓": "韩", "盧": "卢", "銖": "铢", "門": "门", "隻": "只", "國": "国",
    "該": "该",
    # Words of a share's and a cap's qualifier (約佔 about, 給予 grants).
    "佔": "占", "給": "给",
    # A firm's lifespan (平均壽命).
    "壽": "寿",
    # Measure words of financing rounds and satellites (三輪融資, 六顆衛星).
    "輪": "轮", "顆": "颗",
    # Words of money that make a bare 億 or 萬 yuan (虧損 a loss, 保費 premiums, 經費 funds).
    "虧": "亏", "損": "损", "費": "费",
}
TO_SIMPLIFIED = {ord(t): ord(s) for t, s in _TRADITIONAL_TO_SIMPLIFIED.items()}
TO_SIMPLIFIED.update({ord("〇"): ord("零"), ord("貳"): ord("二"), ord("參"): ord("三")})

# Full-width forms read as their ASCII twins (one character each, so offsets are unchanged).
# The full-width comma is left alone: in Chinese it separates clauses, never digit groups.
TO_HALF_WIDTH = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９％．－～／＄"}
TO_HALF_WIDTH[ord("\u3000")] = ord(" ")  # ideographic space

# --- Numbers ---------------------------------------------------------------------------------

# Characters of a Chinese numeral (after TO_SIMPLIFIED): digits, 两 (two before a measure
# word or scale), and the place/scale characters.
NUMERAL_CHARS = "零一二两三四五六七八九十百千万亿廿"
SCALES = {"十": 1e1, "百": 1e2, "千": 1e3, "万": 1e4, "亿": 1e8, "兆": 1e12}
# 兆 is a trillion in Taiwan's usage and in money ("4.3兆美元"); elsewhere it is a prefix (兆瓦
# megawatt), so it scales a number only when money follows or precedes it.
MONEY_ONLY_SCALES = "兆"

# --- Units -----------------------------------------------------------------------------------

# unit as written (simplified) -> (unit, unit class). Longest spellings first in the regex.
MONEY_UNITS = {
    "元人民币": "CNY", "元": "CNY", "人民币": "CNY", "块钱": "CNY", "美元": "USD", "港元": "HKD",
    "港币": "HKD", "欧元": "EUR", "日元": "JPY", "英镑": "GBP", "台币": "TWD", "新台币": "TWD",
    "美金": "USD", "日圆": "JPY", "日币": "JPY", "韩元": "KRW", "韩币": "KRW", "澳元": "AUD",
    "加元": "CAD", "新加坡元": "SGD", "新元": "SGD", "卢布": "RUB", "瑞士法郎": "CHF", "瑞郎": "CHF",
    "泰铢": "THB", "卢比": "INR", "澳门元": "MOP", "澳门币": "MOP", "英磅": "GBP", "美圆": "USD",
}
# Currency written before the number ("人民币500亿元", "￥3000", "US$5", "新台币2000万元").
MONEY_PREFIXES = {
    "人民币": "CNY", "RMB": "CNY", "US$": "USD", "HK$": "HKD", "$": "USD", "€": "EUR",
    "港币": "HKD", "港元": "HKD", "新台币": "TWD", "台币": "TWD", "NT$": "TWD", "美金": "USD",
}  # fmt: skip
YEN_SIGNS = "¥￥"  # yuan here, unless 日元/日本 is near (then yen)
MEASURE_UNITS = {
    "平方公里": ("km2", "area"), "平方千米": ("km2", "area"), "平方米": ("m2", "area"), "平米": ("m2", "area"),
    "㎡": ("m2", "area"), "公顷": ("ha", "area"), "亩": ("mu", "area"),
    "公里": ("km", "length"), "千米": ("km", "length"), "米": ("m", "length"),
    "吨": ("t", "mass"), "公斤": ("kg", "mass"), "千克": ("kg", "mass"), "斤": ("jin", "mass"),
    "标箱": ("TEU", "other"),  # containers, twenty-foot equivalent
}
# Measure words: the number counts what follows (or precedes) them. 个月, 年, 天 ... are durations
# and 个百分点 is percentage points: both are matched before 个.
MEASURE_WORDS = [
    "人次", "家", "户", "个", "人", "项", "只", "支", "件", "名", "位", "座", "所", "条",
    "起", "台", "辆", "套", "张", "份", "次", "场", "笔", "款", "篇", "栋", "处", "部",
    "本", "单", "例", "宗", "间", "批", "种", "类", "家次", "组", "席", "幢", "国", "省", "档",
    # financing rounds ("已三轮领投"), competing teams ("2,805隊報名"), satellites ("六颗卫星")
    "轮", "队", "颗",
]
# A measure word is no measure word where its characters begin a longer word: "14万个体户" counts
# individual businesses (个体户), not 个; "316家次于美国" is 316家 "second to the US" (次于), not
# 316家次 (firm-visits).
NOT_MEASURE_BEFORE = {
    "个": ("体户", "体工商户", "体经营", "体私营"),
    "家次": ("于",),
    # "两亿支持“双创”": 支持 (support), not 支 (funds, teams)
    "支": ("持", "撑", "付", "出"),
    # "100亿天使母基金": an angel fund (天使), not days; 天津, 天猫 are names
    "天": ("使", "津", "猫"),
    # "队伍" is a team's noun, counted by 支 ("500支队伍"), not a measure word
    "队": ("伍", "员", "长"),
}
# Measure words that count only after Arabic digits ("24国", "5省"): after a Chinese numeral they
# make names and set phrases ("四国", "东三省").
# 档 counts funds or products ("基金有2档"); "分为三档" names tiers.
ARABIC_ONLY_MEASURES = {"国", "省", "档"}
# Words these measure words start, which make the number no count of them: "20国集团" (the G20),
# "2019国家科技奖", "3省级".
NOT_COUNTED_AFTER = {
    "国": ("集团", "家", "内", "际", "企", "资", "有", "务", "产", "民", "庆", "外", "标", "债", "税", "库", "道", "营"),
    "省": ("级", "委", "政", "内", "外", "会", "长", "属", "里", "钱", "时", "力"),
    "档": ("次", "案", "期", "位"),
}
# A Chinese numeral before 大 ("八大领域") or a place word ("三地", "四城") counts the items a list
# right before it names ("电子信息、新材料、高技术服务等八大领域", "北京、上海、深圳三地"). Without
# the list, 大 counts groups of things in the world ("四大经济区域", chinese._with_group_counts) unless
# a set phrase follows it ("四大名著"); 十八大 is a congress.
LIST_COUNT_NUMERALS = "二三四五六七八九两"
LIST_COUNT_WORDS = ("大", "地", "城")
# After 大, words that make an adjective or adverb, not a count ("三大型", "两大幅").
NOT_LIST_COUNT_AFTER_DA = set("学会型幅于的概多约量小")
SET_PHRASES_AFTER_DA = ("名著", "发明", "發明", "天王", "古都", "菜系", "名旦", "银行", "銀行", "会计师", "會計師")
# Marks of a list in the clause before such a count.
LIST_MARKS = ("、", "等", "和", "及", "与")
# Words that make the numeral after them a total of kinds or parts ("共包含五大章节", "分为三类"),
# a count as a list before it would make it.
TOTAL_BEFORE = ("共有", "共计", "总共", "一共", "包含", "包括", "分为", "分成", "涵盖", "共分")
# A count after these points back to a list just shown ("以上十只基金中" among the ten funds
# above): no new figure. "这5个城市", "该9 049间公司" restate a figure and are labelled.
BACK_REFERENCES = ("以上", "上述")
# 一 before a measure word is "a" ("一家企业"), but a count after "only" ("只有一间") or alone
# in brackets ("马来西亚(一家)").
ONLY_BEFORE_ONE = ("只有", "仅有", "仅", "只剩", "唯一", "只")
# Duration words: a number before one of them is a time expression, not a figure.
DURATION_WORDS = [
    "个月", "年", "月", "日", "天", "号", "小时", "个小时", "周", "周年", "季度", "年代", "世纪", "岁", "届",
    "期", "分钟", "秒", "个工作日", "工作日",
]
# Words that make the number after them a length of time, not a date or a time frame: a bound on
# it ("最长5年", "未满1年", "未超过5年") or how long something lasts ("为期两年", "长达18个月", "超过20年的经验").
LENGTH_BEFORE = ("最长", "最短", "长达", "为期", "未满", "不满", "未超过", "不超过", "超过", "持续", "历时", "用时", "需时", "存活")
# Before a length of time, words that make it a time frame ("近3-5年", "过去3至5年", "未来2-3年").
TIME_FRAME_BEFORE = ("近", "过去", "最近", "未来", "今后", "这", "此后")
# Hours are a length of time ("课程20小时", "3个小时"), but "24小时" before a service word is "around
# the clock" ("24小时营业"): a bound on it ("24小时内", "24小时以上") keeps it a length.
AROUND_THE_CLOCK_HOURS = 24
# The terms of a fund or programme: a number of years before or after one is a term, not a date.
TERM_WORDS = ("存续期", "投资期", "退出期", "封闭期", "回收期", "期限", "时限", "年限")
# Other periods a policy or survey measures in years, months or days ("有效期3年", "评估期为28.2个月").
PERIOD_WORDS = ("有效期", "评估期", "孵化期", "培育期", "建设期", "考察期", "试用期", "保护期", "锁定期", "平均期",
                "寿命", "生存时间", "存活时间", "存续时间")  # a firm's lifespan ("平均寿命为6.09年")
# After a number of years, months or days: a bound on an age or a time limit ("10年以上", "十年以内"),
# not a date. A bare 内 only when the bound describes a noun ("毕业2年内的"); "三年内成为" is a time expression.
TERM_BOUNDS_AFTER = ("以上", "以内", "以下", "内的")
# Before "N年内": the age of a graduate or a firm ("毕业2年内", "成立5年内").
AGE_BEFORE = ("毕业", "成立", "注册", "创办", "设立")
# The first cell of a table's total row, which may span the columns naming the rows' items.
TOTAL_ROW_WORDS = ("合计", "总计", "小计", "总体", "全省", "全市", "全国", "合計", "總計", "小計", "總體")
# The deeds a policy's deadline is for ("7天内完成审核", "3个月内办结"): the number of days is a term.
DEADLINE_VERBS = ("完成", "办结", "办理", "审核", "审批", "答复", "回复", "放款", "到账", "拨付")
# Spending a time ("要花超过两年的时间"): the time is a duration figure.
SPEND_VERBS = ("花费", "花了", "花", "耗时", "耗费", "用了", "只用", "仅用", "只需", "仅需")
# English scale words a Chinese release keeps in its English lines ("RMB303.0 million").
ENGLISH_SCALES = {"million": 1e6, "billion": 1e9, "trillion": 1e12}
# Words joining listed numbers, the last of which carries the unit for all ("0.34和1.07个百分点").
LIST_JOINERS = "和、及与"
# "前五位", "前10名": the top places of a ranking, not a count of people.
TOP_BEFORE = "前"
RANK_MEASURES = ("位", "名")
# 成 is tenths ("近9成" = about 90%) unless it starts one of these words.
NOT_TENTHS = set("立为功本果交长都员绩效熟型")

# --- What the text says about a figure --------------------------------------------------------

# Qualifier words right before the number (longest first when read).
QUALIFIERS_BEFORE = {
    "不超过": "under", "不到": "under", "不足": "under", "少于": "under", "低于": "under",
    "最多": "under", "最高": "under", "未满": "under",
    # a cap: "上限为四亿元", "上限则为5,000万元", "最多可获5,000万" (up to)
    "上限": "under", "上限则为": "under", "最多可获": "under", "最高可获": "under", "最多可": "under",
    "最高可": "under", "最长": "under", "最长可达": "under", "可达": "under",
    "超过": "over", "超出": "over", "多于": "over", "高于": "over", "逾": "over", "超": "over",
    "突破": "over", "至少": "over", "不少于": "over", "不低于": "over", "破": "over", "最少": "over", "起码": "over",
    "至多": "under", "小于": "under", "大于": "over", "不小于": "over", "不大于": "under",
    # a floor said by a negated "less than": at least ("不得少于50%", "不能低于")
    "不得少于": "over", "不能少于": "over", "不应少于": "over", "不得低于": "over", "不能低于": "over",
    "约占": "about", "大约占": "about",
    # a negated bound: at most ("不高于", "不多于", "不会超过", "未超过", "不得超过")
    "不高于": "under", "不多于": "under", "不会超过": "under", "未超过": "under", "没有超过": "under",
    "不得超过": "under", "不能超过": "under", "不应超过": "under", "不宜超过": "under", "未超": "under",
    "将近": "about", "接近": "about", "近": "about", "约为": "about", "约": "about",
    "大约": "about", "大概": "about", "约合": "about", "近乎": "about",
}
# Qualifiers that reach a share across its whole ("约占农民工总数的2%", "超过了全省的一半").
BRIDGED_QUALIFIERS = {
    "约占": "about", "大约占": "about", "近占": "about", "几乎占": "about", "接近": "about",
    "将近": "about", "超过": "over", "超出": "over", "逾": "over",
    "不到": "under", "不足": "under", "不超过": "under",
}
# After the number, unit included.
QUALIFIERS_AFTER = {"以上": "over", "多": "over", "余": "over", "开外": "over", "以下": "under",
                    "以内": "under", "左右": "about", "上下": "about", "及以上": "over",
                    "或以上": "over", "及以下": "under", "或以下": "under",
                    # "1000万元(含)以上": the bound included
                    "(含)以上": "over", "(含)以下": "under", "（含）以上": "over", "（含）以下": "under",
                    # a cap after the amount: "以新台币2000万元为上限", "2,000万元的上限"
                    "为上限": "under", "的上限": "under", "封顶": "under"}
# 过 right before a number is "over" ("年营业收入过亿元", "估值过2亿元"), not after these, which
# make it a verb of its own (经过, 通过, 度过) or "only" (不过); 超过 is read whole before it.
OVER_BEFORE = "过"
NOT_OVER_BEFORE_GUO = set("经通不超度越穿错跨闯路熬挺透看去胜放难好走")
# 上 before a bare scale is "more than": 上万家 (tens of thousands and more), 上千人, 上百个.
OVER_BEFORE_SCALE = "上"
# 级 after a bare scale: of that scale, in yuan ("千亿级基金", "万亿级产业").
SCALE_CLASS_WORD = "级"
# Inside the number: "20余万", "1000多万" (over).
INNER_QUALIFIERS = "余多"

# A number after one of these is an ordinal ("第3") or a rate's denominator ("每千人"); a
# Chinese numeral after 数 or 几 is vague ("数千家" several thousand).
NOT_A_FIGURE_BEFORE = set("第每")
VAGUE_BEFORE = set("数几")
# A Chinese numeral before these measure words describes ("两种业态", "三次产业", "四次会议"),
# it does not count for a table.
DESCRIPTIVE_MEASURES = {"种", "类", "批"}
# Unless a list or a total names the kinds it counts ("...模式、...模式六类孵化模式", "分为三类").
KINDS_MEASURES = {"种", "类"}
ORDINAL_AFTER_CI = ("会", "全会", "大会", "产业", "会议")
# A 至/到 between two amounts after one of these verbs is "to", not a range ("新增1000多万户至9000多万户").
CHANGE_TO_VERBS = ("新增", "增加", "增长", "提高", "提升", "减少", "下降", "扩大")
# "从A到B" straight after 从 is where a change starts and ends (two figures) unless the words after
# make it a spread of values ("从1亿元到2亿元不等", "从5万到10万之间").
FROM_BEFORE = ("从", "由")
RANGE_AFTER = ("不等", "之间", "区间", "范围")

# Status cues in the figure's clause before it.
EXPECTED_CUES = ("预计", "预期", "有望", "将达", "将超", "将突破", "将有", "可望", "估计")
TARGET_CUES = ("目标", "力争", "争取", "计划到", "计划在", "计划于", "规划到", "要达到", "确保")

# Rate bases written before the figure in its clause.
RATE_CUES = {
    "日均": "day", "平均每天": "day", "每天": "day", "每日": "day", "平均每日": "day",
    "月均": "month", "每月": "month", "平均每月": "month",
    "年均": "year", "每年": "year", "平均每年": "year", "周均": "week", "每周": "week",
}

# A change: the verb right before the figure (after any qualifier), maybe with 了/分别/达到.
INCREASE_VERBS = ("增长", "增加", "提高", "提升", "上升", "增幅", "增速", "扩大", "上涨", "增长率",
                  "同比增", "环比增", "按年增", "年均增", "递增")
DECREASE_VERBS = ("下降", "减少", "降低", "下滑", "回落", "降幅", "收窄", "缩小", "减少了", "下跌",
                  "下降幅度", "减少幅度", "下滑幅度", "减幅", "跌幅",
                  "同比降", "同比减", "环比降", "环比减", "按年降", "按年减", "递减")
CHANGE_LINKS = ("了", "分别", "达到", "达", "为", "约", "近", "超过", "逾", "均为", "均", "均在", "在")

# Words between a count's subject and its number, dropped when the subject names the counted
# noun ("众创空间有4298家" -> 众创空间).
SUBJECT_TAIL_WORDS = (
    "已达到", "达到了", "达到", "已达", "已有", "共有", "共计", "总数", "数量", "总量", "已经",
    "分别", "累计", "共", "有", "达", "为", "是", "约", "近", "超过", "逾", "超", "突破", "至",
    "增加到", "增长到", "增至", "新增", "了", "将", "预计", "已", "增加", "增长", "减少", "提高",
    "下降", "带动", "多达", "高达", "拥有", "分为", "分成", "共分", "包含", "包括", "涵盖", "完成", "实现",
    "就完成", "就实现", "就达到", "就达", "就有",  # not a lone 就: 成就 is a noun
    # a rate's words and verb between the noun and the number ("市场主体平均每天登记4221户")
    "平均每天登记", "平均每天新登记", "平均每天新设", "平均每天注册", "平均每天新增", "平均每日",
    "平均每天", "每天新设", "每天登记", "每天新增", "日均新设", "日均登记", "日均新增", "日均", "每天", "每日",
)
# Characters that end a counted noun phrase after the measure word.
NOUN_STOPS = set("，。、；：,;:！？!?（）()“”\"《》【】[] 的和与及等或在从到至由向对已将并而均占")
# Verbs and particles that end a counted noun phrase ("4298家众创空间进行了调查" -> 众创空间).
NOUN_STOP_WORDS = (
    "进行", "获得", "提供", "实现", "达到", "服务", "带动", "完成", "开展", "进入", "拥有", "位居",
    "参与", "入驻", "分布", "集聚", "聚集", "成功", "正在", "已经", "共计", "累计", "以上", "左右", "通过",
    "以下", "中", "里", "内", "被", "占", "是", "有", "为", "把", "让", "就业", "创业",
    # a change after a count is no noun ("131家增长到2023年的375家")
    "增长", "增加", "上升", "下降", "减少",
    # the words of a ranking or a valuation after a count ("233家位于榜单首位", "56家独角兽企业价值规模达")
    "位于榜", "位于第", "位于首", "位于全", "位列", "排名",
    "价值",
    # a comparison after a count ("316家次于美国": second to the US)
    "次于", "仅次于", "多于", "少于", "高于", "低于",
)
# Nouns that begin with a stop word ("4万家创业企业" counts 创业企业, not the verb 创业).
NOUNS_NOT_STOPS = (
    "创业企业", "创业团队", "创业公司", "创业者", "创业项目", "就业岗位", "就业机会", "服务机构", "服务平台",
    # words opening on 中 or 内 that are nouns, not "in" ("120家中小企业", "3家中关村企业")
    "中小", "中关村", "中關村", "中国", "中國", "中华", "中華", "中心", "中介", "中型", "中科", "中部", "中外",
    "中资", "中資", "中试", "中試", "内地", "內地", "内资", "內資",
)
# 在 starting a two-character word inside a counted noun: the subject goes on before it.
WORDS_WITH_ZAI = {"在孵", "在册", "在营", "在建", "在职"}
# fmt: on

# Header cells of a table column whose bare numbers are percentages or counts ("占比", "出手次数").
TABLE_PERCENT_HEADS = ("占比", "比例", "比重", "增速", "增长率", "增幅", "降幅", "同比")
# A column of scores or index levels ("创新能力效用值", "综合得分", "指数").
TABLE_SCORE_HEADS = ("指数", "效用值", "得分", "分值", "评分", "总分", "分数")
TABLE_COUNT_HEADS = ("次数", "数量", "家数", "个数", "人数", "件数", "户数", "项数", "数目")
# A header naming what it counts before 数 ("合同数", "企业数", "專利數") is a count unless the 数 is
# a measure's (指数 an index, 系数 a coefficient, 倍数 a multiple, 分数 a score).
TABLE_COUNT_ENDS = ("数", "數")
TABLE_NOT_COUNT_HEADS = ("指数", "指數", "系数", "係數", "倍数", "倍數", "分数", "分數", "参数", "參數", "函数", "函數", "基数", "基數", "读数", "讀數", "位数", "位數")
# Words that name the unit of a table or column before it ("单位:亿元").
UNIT_LABELS = ("单位:", "单位：", "单位")
