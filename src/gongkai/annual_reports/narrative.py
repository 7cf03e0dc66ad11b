"""Sections 一、五、六: the sub-topics the format requires, the completeness
check and the comparison with last year's text.  Pure: no database.

R63 and 国办公开办函〔2021〕30号: section 一 covers 主动公开, 依申请公开,
政府信息管理, 政府信息公开平台建设 and 监督保障; for a government the
监督保障 part reports 工作考核、社会评议和责任追究结果情况 (《条例》第五十条
第（四）项).  Section 五 names the problems and the improvements; section 六
reports the 信息处理费 collected (R62).  The format forbids copy-paste
reports (内容雷同): sentences repeated from last year's report are shown.
"""

import re
from dataclasses import dataclass, field

from gongkai.report import AnnualReport, Finding
from gongkai.report.diff import diff
from gongkai.report.model import Sections
from gongkai.report.schema import NARRATIVE_SECTIONS, SECTION_HEADINGS

PLACEHOLDER = "（请填写）"
SENTENCE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
# A section whose text repeats last year's for at least this share is
# flagged as a warning; less is shown for information.
REPEATED_WARNING_SHARE = 0.5


@dataclass(frozen=True)
class Topic:
    heading: str  # as the template writes it, e.g. 主动公开
    words: tuple[str, ...]  # any of these in the text covers the topic


@dataclass(frozen=True)
class SectionSpec:
    key: str  # overview / problems / other
    heading: str  # 一、总体情况
    topics: tuple[Topic, ...]
    required: bool  # must not be empty


SUPERVISION_ITEMS = ("工作考核", "社会评议", "责任追究")

SPECS = (
    SectionSpec(
        "overview",
        SECTION_HEADINGS[0],
        (
            Topic("主动公开", ("主动公开",)),
            Topic("依申请公开", ("依申请公开",)),
            Topic("政府信息管理", ("政府信息管理", "信息管理")),
            Topic("政府信息公开平台建设", ("平台建设", "公开平台")),
            Topic("监督保障", ("监督保障",)),
        ),
        required=True,
    ),
    SectionSpec(
        "problems",
        SECTION_HEADINGS[4],
        (
            Topic("存在的主要问题", ("问题",)),
            Topic("改进情况", ("改进", "整改")),
        ),
        required=True,
    ),
    SectionSpec(
        "other",
        SECTION_HEADINGS[5],
        (Topic("收取信息处理费的情况", ("信息处理费",)),),
        required=False,
    ),
)
SPEC_BY_KEY = {spec.key: spec for spec in SPECS}
NUMERALS = "一二三四五六七八九"


def template(key: str) -> str:
    """Return the sub-topic headings of section ``key``, each followed by
    the placeholder line the writer replaces."""
    spec = SPEC_BY_KEY[key]
    lines = []
    for number, topic in zip(NUMERALS, spec.topics, strict=False):
        lines += [f"（{number}）{topic.heading}", PLACEHOLDER]
    return "\n".join(lines)


def append_paragraph(text: str, sentence: str) -> str:
    """Return ``text`` with ``sentence`` added as its last paragraph."""
    text = text.rstrip()
    return f"{text}\n{sentence}" if text else sentence


@dataclass
class TopicState:
    heading: str
    covered: bool


@dataclass
class SectionState:
    key: str
    heading: str
    empty: bool
    placeholders: int
    topics: list[TopicState] = field(default_factory=list)

    @property
    def missing(self) -> list[str]:
        return [t.heading for t in self.topics if not t.covered]

    @property
    def complete(self) -> bool:
        return not self.empty and not self.placeholders and not self.missing


def completeness(sections: Sections, *, government: bool) -> list[SectionState]:
    """Return, per narrative section, which required sub-topics its text
    covers.  ``government``: the report of a 人民政府 (监督保障 must report
    工作考核、社会评议和责任追究结果情况)."""
    states = []
    for spec in SPECS:
        text = getattr(sections, spec.key) or ""
        topics = [TopicState(t.heading, _covers(text, t.words)) for t in spec.topics]
        if government and spec.key == "overview":
            covered = all(word in text for word in SUPERVISION_ITEMS)
            topics.append(TopicState("工作考核、社会评议和责任追究结果情况", covered))
        states.append(
            SectionState(
                spec.key,
                spec.heading,
                not text.strip(),
                text.count(PLACEHOLDER),
                topics,
            )
        )
    return states


def _covers(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)


def completeness_findings(states: list[SectionState]) -> list[Finding]:
    """Return the findings of the completeness check: an empty section 一 or
    五 is an error, a missing sub-topic or a leftover placeholder a warning."""
    findings = []
    for state in states:
        spec = SPEC_BY_KEY[state.key]
        if state.empty:
            if spec.required:
                findings.append(_finding("error", f"{state.heading}尚未填写"))
            continue
        if state.placeholders:
            message = f"{state.heading}：仍有 {state.placeholders} 处“{PLACEHOLDER}”"
            findings.append(_finding("warning", message))
        if state.missing:
            message = f"{state.heading}：未写到 " + "、".join(state.missing)
            findings.append(_finding("warning", message))
    return findings


def _finding(severity: str, message: str) -> Finding:
    return Finding(rule="COMPLETENESS", severity=severity, message=message)


# -- repeated passages (内容雷同) -------------------------------------------


@dataclass
class Passage:
    text: str
    repeated: bool


@dataclass
class SectionRepetition:
    key: str
    heading: str
    share: float
    paragraphs: list[list[Passage]]

    @property
    def repeated_sentences(self) -> int:
        return sum(p.repeated for para in self.paragraphs for p in para)


def repetition(
    previous: AnnualReport, current: AnnualReport
) -> list[SectionRepetition]:
    """Return each narrative section of ``current`` split into sentences, each
    marked when it repeats ``previous`` (gongkai.report.diff decides)."""
    result = diff(previous, current)
    shares = {rep.section: rep.share for rep in result.repetition}
    sections = []
    for key, index in NARRATIVE_SECTIONS.items():
        text = getattr(current.sections, key) or ""
        paragraphs = [
            [Passage(s, _repeats(previous, current, s)) for s in SENTENCE.findall(line)]
            for line in text.splitlines()
            if line.strip()
        ]
        heading = SECTION_HEADINGS[index]
        sections.append(
            SectionRepetition(key, heading, shares.get(heading, 0.0), paragraphs)
        )
    return sections


def _repeats(previous: AnnualReport, current: AnnualReport, sentence: str) -> bool:
    probe = current.model_copy(update={"sections": Sections(overview=sentence)})
    rep = diff(previous, probe).repetition[0]
    return rep.sentences > 0 and rep.repeated == rep.sentences


def repetition_findings(
    sections: list[SectionRepetition], previous_year: int | None
) -> list[Finding]:
    """Return a finding per section that repeats last year's text."""
    findings = []
    for section in sections:
        if not section.repeated_sentences:
            continue
        severity = "warning" if section.share >= REPEATED_WARNING_SHARE else "info"
        message = (
            f"{section.heading}：{section.repeated_sentences} 句与 {previous_year} "
            f"年度报告雷同，占本部分文字的 {section.share:.0%}"
        )
        findings.append(Finding(rule="REPETITION", severity=severity, message=message))
    return findings
