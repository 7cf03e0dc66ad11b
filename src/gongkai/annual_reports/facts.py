"""Facts offered to the writer of sections 一 and 六.

Each fact is a figure from the platform's records with a ready sentence
the writer may insert; a figure the platform does not hold is offered as
a gap to fill, never as zero.  The 信息处理费 sentence of section 六 comes
from the fee records (R62: amount and number of cases, “未收取” if none).
Section 一's sub-topic 政府信息公开平台建设 (R63) gets the websites and
政务新媒体 accounts the agency recorded (R69).
"""

from dataclasses import asdict, dataclass
from decimal import Decimal

from gongkai.report import AnnualReport
from gongkai.report.schema import TOTAL_COLUMN

from . import sources

OVERVIEW = "overview"
OTHER = "other"


@dataclass(frozen=True)
class Fact:
    key: str
    label: str
    value: str | None  # as shown; None: the platform has no figure
    sentence: str  # what the writer may insert ("" when value is None)
    section: str = OVERVIEW  # overview / other

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Fact":
        return cls(**data)


def facts_for(agency, year: int, report: AnnualReport) -> list[Fact]:
    """Return the facts on ``agency``'s work in ``year``; ``report`` is its
    compiled report (the application and appeal figures come from it)."""
    return [
        _items_published(agency, year),
        _interpretations(agency, year),
        _concerns(agency, year),
        _platforms(agency),
        _applications(report),
        _appeals(report),
        fee_fact(sources.fees_collected(agency, year)),
    ]


def _items_published(agency, year: int) -> Fact:
    n = sources.items_published(agency, year)
    if n is None:
        return Fact("items_published", "主动公开政府信息", None, "")
    return Fact(
        "items_published",
        "主动公开政府信息",
        f"{n} 条",
        f"{year}年，全年累计主动公开政府信息{n}条。",
    )


def _interpretations(agency, year: int) -> Fact:
    n = sources.interpretations_published(agency, year)
    if n is None:
        return Fact("interpretations", "发布政策解读", None, "")
    return Fact(
        "interpretations", "发布政策解读", f"{n} 篇", f"全年发布政策解读{n}篇。"
    )


def _concerns(agency, year: int) -> Fact:
    """Responses to public concerns (回应关切, spec §4.5) recorded in the
    catalogue.  Recording them is not compulsory, so no record in the year
    is a gap for the writer to fill, not “0 次”."""
    n = sources.concerns_responded(agency, year)
    if not n:
        return Fact("concerns", "回应社会关切", None, "")
    return Fact(
        "concerns",
        "回应社会关切",
        f"{n} 次",
        f"全年回应群众关注热点信息{n}次。",
    )


# How each kind of platform is named in a sentence; the others (website,
# OGI column, other) by the name recorded.
_ACCOUNT_WORDS = {"wechat": "微信公众号", "weibo": "微博", "app": "政务客户端"}


def _platform_phrase(platform: sources.PlatformName) -> str:
    if platform.kind in _ACCOUNT_WORDS:
        return f"{_ACCOUNT_WORDS[platform.kind]}“{platform.name}”"
    if platform.kind == "website" and "网" not in platform.name:
        return f"{platform.name}网站"
    if platform.kind == "ogi_column" and not any(
        word in platform.name for word in ("专栏", "栏目")
    ):
        return f"{platform.name}政府信息公开专栏"
    return platform.name


def _platforms(agency) -> Fact:
    """政府信息公开平台建设 (R63): the platforms the agency publishes
    through (R69); a gap when it recorded none."""
    label = "政府信息公开平台"
    platforms = sources.platforms_in_use(agency)
    if not platforms:
        return Fact("platforms", label, None, "")
    phrases = list(dict.fromkeys(_platform_phrase(p) for p in platforms))
    listed = "、".join(phrases)
    if len(phrases) > 1:
        sentence = f"依托{listed}等平台发布政府信息。"
    else:
        sentence = f"依托{listed}发布政府信息。"
    return Fact("platforms", label, listed, sentence)


def _applications(report: AnnualReport) -> Fact:
    rows = report.applications
    new, carried, done, forward = (
        (rows[k][TOTAL_COLUMN] or 0)
        for k in ("new", "carried_over", "total", "carried_forward")
    )
    return Fact(
        "applications",
        "政府信息公开申请",
        f"新收 {new} 件，上年结转 {carried} 件，办结 {done} 件，结转 {forward} 件",
        f"全年新收政府信息公开申请{new}件，上年结转{carried}件，"
        f"办理完毕{done}件，结转下年度继续办理{forward}件。",
    )


def _appeals(report: AnnualReport) -> Fact:
    appeals = report.appeals
    reconsideration = appeals.reconsideration[-1] or 0
    lawsuits = (appeals.litigation_direct[-1] or 0) + (
        appeals.litigation_after_reconsideration[-1] or 0
    )
    if reconsideration == lawsuits == 0:
        sentence = "全年未发生因政府信息公开引起的行政复议、行政诉讼。"
    else:
        sentence = (
            f"全年因政府信息公开引起行政复议{reconsideration}件、行政诉讼{lawsuits}件。"
        )
    value = f"行政复议 {reconsideration} 件，行政诉讼 {lawsuits} 件"
    return Fact("appeals", "行政复议、行政诉讼", value, sentence)


def fee_fact(summary: sources.FeeSummary | None) -> Fact:
    """Return the section 六 fee fact (R62) for the fees collected."""
    label = "收取信息处理费"
    if summary is None:
        return Fact("fees", label, None, "", OTHER)
    if summary.cases == 0 or summary.amount_yuan == 0:
        # 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）.
        sentence = "依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。"
        return Fact("fees", label, "未收取", sentence, OTHER)
    amount = _yuan(summary.amount_yuan)
    sentence = (
        f"依据《政府信息公开信息处理费管理办法》，本年度对{summary.cases}件"
        f"政府信息公开申请收取信息处理费，共计{amount}元。"
    )
    return Fact("fees", label, f"{summary.cases} 件，{amount} 元", sentence, OTHER)


def _yuan(amount: Decimal) -> str:
    return f"{amount:.2f}".removesuffix(".00")
