"""What a Chinese figure's own words say it counts, for the indicator chooser
(figures.indicators): its concept less the predicate that follows the counted noun, or nothing
when the words are only the label of a list row.

    >>> figure_words("独角兽企业位列第")
    '独角兽企业'
    >>> figure_words("獨角獸企業上榜")
    '獨角獸企業'
    >>> figure_words("國家高新區今年前")
    '國家高新區'
    >>> figure_words("國家高新區共"), figure_words("独角兽企业稳居榜首"), figure_words("成都"), figure_words("公共")
    ('國家高新區', '独角兽企业', '成都', '公共')
    >>> figure_words("龙岗(")
    ''
    >>> figure_words("孵化器(", lambda label: label == "孵化器")
    '孵化器('
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A list or table row puts the count in brackets after its label: "龙岗(57687户)、宝安(46781户)",
# "美国(441家)". The concept read before the figure is then the label, with at most a character
# of the bracket's own words ("杭州(同" before "同比"), after a linking verb at most.
ROW_LABEL_RE = re.compile(r"^(?:[^，,。；;]*?(?:是|为|為|有|还有|還有|以))?([\u3400-\u9fff·]{1,8})[(（][^)）]{0,1}$")

# The predicate after the counted noun, read into the concept when no punctuation parts them:
# "独角兽企业位列第(一)", "獨角獸企業上榜", "企业数量依次(为)", "獨角獸企業領先".
PREDICATE_TAIL_RE = re.compile(
    r"(?<=[\u3400-\u9fff])(?:上榜|入榜|入围|入圍|位列第?|位居第?|排名第?|排第|居第|居首位?|领先|領先"
    r"|(?:稳居|穩居|高居|位居|位列)(?:榜单|榜單|榜)?(?:首位|首|第)?|居(?:榜单|榜單|榜)(?:首位|首|第)?"
    r"|依次|分别|分別|合计|合計|总计|總計|共计|共計|均"
    # adverbs and times read into the noun when nothing parts them: "156個國家高新區今年前(五月)",
    # "國家高新區共(實現)", "总数首次(突破)"; a one-character adverb only after a character that
    # ends the counted nouns (区, 业, 器, 间, 户, 体, ...), not 成都, 首都, 公共, 中共
    r"|共同|一共|总共|總共|(?<=[区區业業器间間户戶体體构構园園台臺司数數])(?:共|都|也|还|還|已)"
    r"|已经|已經|首次|首度|再次|先后|先後|累计|累計"
    r"|今年前|今年|去年|前年|当年|當年|同年|上半年|下半年|前三季度|目前|现在|現在|如今)+$"
)


def is_row_label(concept: str | None) -> bool:
    """Whether the concept is only a row's label before its bracketed count ("龙岗(", "纽约(")."""
    return bool(concept and ROW_LABEL_RE.match(concept.strip()))


def figure_words(concept: str, names_a_thing: Callable[[str], bool] | None = None) -> str:
    """The concept as the words naming what the figure counts: "" for a row label that names
    nothing counted (`names_a_thing`, when given, says whether the label holds a catalog noun:
    "孵化器(97家)" counts incubators), else the concept less its trailing predicate."""
    concept = concept.strip()
    found = ROW_LABEL_RE.match(concept)
    if found and not (names_a_thing and names_a_thing(found.group(1))):
        return ""
    return PREDICATE_TAIL_RE.sub("", concept)


# "拥有独角兽公司的城镇": the words after 的 are what the phrase counts, the cue before it a modifier
MODIFIED_HEAD_RE = re.compile(r"的[\u3400-\u9fff]{2,}")


def cue_only_modifies(phrase: str, noun_cues: re.Pattern) -> bool:
    """Whether every noun cue in the phrase modifies a later noun through 的 ("有独角兽公司的城镇"
    counts towns): the figure does not count what the cue names."""
    matches = list(noun_cues.finditer(phrase))
    return bool(matches) and all(MODIFIED_HEAD_RE.match(phrase, m.end()) for m in matches)
