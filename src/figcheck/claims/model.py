"""What the text asserts, one frozen dataclass per kind of relation.

Every claim has a `stated` figure — the one the text asserts and a finding is anchored on — and the
inputs it should equal a function of, each with its span (a `Placed` figure). The check for a kind
accepts exactly its type (see checks/__init__.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from figcheck.layout import Placed

# How sure we are that a breakdown lists every part: it decides whether a shortfall is an error.
COMPLETE, OPEN, PARTIAL = "complete", "open", "partial"


@dataclass(frozen=True, slots=True)
class Term:
    """One input of a rate: a figure, its role, and its sign in the formula (+1 or -1)."""

    placed: Placed
    role: str
    sign: int = 1


@dataclass(frozen=True, slots=True)
class RateOption:
    """One way of computing a rate: sum(numerator) / (sum of denominator terms)."""

    numerator: tuple[Term, ...]
    denominator: tuple[Term, ...]
    definition: str = ""  # the named rate whose definition this is (败诉率), or "" for an inferred pair
    definition_en: str = ""  # its English name (loss rate)


@dataclass(frozen=True, slots=True)
class SumClaim:
    """A total and its parts: 「共办理建议86件，其中主办52件、协办34件」."""

    stated: Placed
    parts: tuple[Placed, ...]
    completeness: str = OPEN
    evidence: str = ""  # why a breakdown is complete (合计, 其他, a category set)
    tight: bool = False  # parts follow each other directly (、 or ，, nothing between): a sure list
    table: bool = False  # read from a table's grid (reported under FC4xx)


@dataclass(frozen=True, slots=True)
class FlowClaim:
    """Cases in a period as stocks and flows: 「新收64件，上年结转5件，审结62件，尚未审结7件」.

    What came in (new and carried-in cases) is either concluded or still pending at the end:
    64 + 5 = 62 + 7. The stated figure is the closing stock, the pending cases."""

    stated: Placed
    inflows: tuple[Placed, ...]  # the new cases, then those carried in from the last period
    concluded: Placed


@dataclass(frozen=True, slots=True)
class BalanceClaim:
    """Two sides of an identity a table's headers name (rules/tables.toml), in one row or one column:
    年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余. The stated figure is the right side's last term,
    the one the others determine."""

    stated: Placed
    left: tuple[Placed, ...]
    right: tuple[Placed, ...]  # the right side's other terms
    name: str  # the identity's name, for messages
    name_en: str = ""
    labels: tuple[str, ...] = ()  # each term's name as the table writes it: the left's, the right's, the stated's


@dataclass(frozen=True, slots=True)
class RateClaim:
    """A stated rate and the ways of computing it from the counts beside it: 「败诉率32%」."""

    stated: Placed
    options: tuple[RateOption, ...]
    named: bool  # a rate with a definition in rules/rates.toml
    name: str = "比率"  # the rate as the text names it (全年行政复议纠错率), for messages


@dataclass(frozen=True, slots=True)
class ShareClaim:
    """A part stated with its share of a base: 「其中高新技术企业504家，占规上工业企业的40.0%」."""

    stated: Placed
    part: Placed
    base: Placed
    unit: str = ""  # the unit a table column gives its shares in, when the cells do not say
    table: str = ""  # "" in prose; "share" or "rate" for a table's share or rate column
    # the shares of the composition it is a term of, itself included (三次产业结构 a:b:c): when they add up to
    # exactly 100, a term nudged by one last digit to make them do so passes
    composition: tuple[Placed, ...] = ()


@dataclass(frozen=True, slots=True)
class CompositionClaim:
    """The shares of one whole stated together, which add up to 100: 「三次产业结构为7.6:44.8:47.6」."""

    stated: Placed  # the last share
    terms: tuple[Placed, ...]
    name: str = ""  # the set divided (三次产业), when the text names one of rules/compositions.toml


@dataclass(frozen=True, slots=True)
class GrimClaim:
    """A share of a small count that no whole number of its things can give (GRIM)."""

    stated: Placed
    whole: Placed


@dataclass(frozen=True, slots=True)
class ChangeClaim:
    """A change from `base` to `result` and the text's statement of it: 「由120件增加到132件，增长10%」."""

    stated: Placed
    base: Placed
    result: Placed
    relation: str  # percent, fraction, points, difference, multiple-net, multiple-total, multiple, doubling
    direction: int  # +1 up, -1 down, 0 either
    table: bool = False


@dataclass(frozen=True, slots=True)
class ImpliedChangeClaim:
    """A value and its change stated twice, as an amount and as a percent, the earlier value only implied
    (value − amount, or value + amount for a decrease): 「收入预算1,036.50万元，比上年增加12.40万元，增长1.21%」."""

    stated: Placed  # the percent
    amount: Placed  # the change as an amount
    result: Placed  # the value after the change
    direction: int  # +1 up, -1 down


@dataclass(frozen=True, slots=True)
class EarlierValueClaim:
    """An increase stated as an amount after the value it led to, the earlier value only implied, and a
    quantity that cannot be negative: 「政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元」 implies
    −1421.25万元 for 2022."""

    stated: Placed  # the amount of the increase
    result: Placed  # the value after it


@dataclass(frozen=True, slots=True)
class FormulaClaim:
    """A figure the text names and a formula defines from two others it names (rules/formulas.toml):
    「出生率为7.19‰，死亡率为6.94‰，自然增长率为0.25‰」 is a difference, 城镇化率 a quotient."""

    stated: Placed
    operation: str  # difference: first − second; quotient: first / second × factor
    first: Placed | None  # None: the rest of `whole` after `second`
    second: Placed
    factor: int  # a quotient's factor when the definition gives one (性别比 100, 收入比 1); 0: by the unit
    name: str
    name_en: str
    spread: Fraction = Fraction(0)  # how far the second input may be from its written value, relative
    whole: Placed | None = None  # 「初婚人数11.89万人，其中女性6.00万人」: the first is whole − second


@dataclass(frozen=True, slots=True)
class GrowthPartsClaim:
    """A total and every part of it with its growth: the total's growth lies between its parts'."""

    stated: Placed  # the total's growth
    total: Placed
    parts: tuple[Placed, ...]
    direction: int  # the total's growth: +1 增长, -1 下降
    growths: tuple[tuple[Placed, int], ...]  # each part's growth and its direction
    weighted: bool = False  # last year's values implied by each rate must add up too (nominal values, same basis)
    by_shares: bool = False  # the parts are their shares of the total in % (adding up to 100), not their values


@dataclass(frozen=True, slots=True)
class ChangePartsClaim:
    """A total and every part of it with its change as an amount: the total's change is the sum of the parts'
    (「收入17.9亿元，比上年增收1.4亿元。其中税收收入11.1亿元，增收0.1亿元；非税收入6.8亿元，增收1.3亿元」)."""

    stated: Placed  # the total's change
    total: Placed
    parts: tuple[Placed, ...]
    direction: int  # the total's change: +1 增加, -1 减少
    changes: tuple[tuple[Placed, int], ...]  # each part's change and its direction


@dataclass(frozen=True, slots=True)
class GrowthGrimClaim:
    """A count of whole things and its growth: some whole number of them a year before must give the growth
    (「生产安全事故27起，下降27.0%」: 37 before)."""

    stated: Placed  # the growth
    count: Placed
    direction: int  # +1 增长, -1 下降


@dataclass(frozen=True, slots=True)
class UsageClaim:
    """A wording that is wrong whatever the figures: 「降低了3倍」."""

    stated: Placed
    usage: str


class Date(NamedTuple):
    """A date as written: month always, year and day where written; its span in the text."""

    year: int | None
    month: int
    day: int | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DateClaim:
    """A date, and what the calendar must allow of it: that it exists (「2月30日」), that a period's end (this date)
    is not before its start (`other`), or that a 截至 date is not after the report's own date (`other`)."""

    stated: Placed
    kind: str  # impossible | reversed | after-report (claims/dates.py)
    date: Date
    other: Date | None = None


@dataclass(frozen=True, slots=True)
class ListClaim:
    """A numbered list as written (claims/lists.py): a marker that continues a list (kind "sequence": `number` must
    be `expected` + 1, `expected` the number before it) or a count that announces one (kind "count": `number` items
    announced, `expected` listed); `at` is the marker before it, or the list's last item (where the list ends)."""

    stated: Placed
    kind: str
    number: int
    expected: int
    at: Placed


@dataclass(frozen=True, slots=True)
class NumberUsageClaim:
    """A number written against GB/T 15835 (claims/number_usage.py): the rule's code and the spelling it suggests."""

    stated: Placed
    code: str
    suggestion: str
    count: int = 1  # the document's numbers so written, where one note stands for all (FC613)


@dataclass(frozen=True, slots=True)
class RepeatClaim:
    """The same quantity stated twice: the later statement and the earlier one."""

    stated: Placed
    earlier: Placed
    subject: str
    # the unit of the table whose amount the statement restates in a coarser unit (元 → 万元), which may truncate
    converted: str = ""


Claim = (
    SumClaim
    | FlowClaim
    | BalanceClaim
    | RateClaim
    | ShareClaim
    | CompositionClaim
    | GrimClaim
    | ChangeClaim
    | ImpliedChangeClaim
    | EarlierValueClaim
    | FormulaClaim
    | GrowthPartsClaim
    | ChangePartsClaim
    | GrowthGrimClaim
    | UsageClaim
    | RepeatClaim
    | DateClaim
    | ListClaim
    | NumberUsageClaim
)
