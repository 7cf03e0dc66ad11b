"""Compare two annual reports: table deltas and repeated narrative.

The 2021 format holds agencies responsible for copy-paste reports (内容雷同,
国办公开办函〔2021〕30号 “明确责任”); :func:`diff` measures how much of the
new report's narrative repeats the old one, sentence by sentence, beside the
cell-by-cell changes of tables 二、三、四.
"""

import html
import re
import unicodedata
from dataclasses import asdict, dataclass, field

from .model import AnnualReport
from .schema import NARRATIVE_SECTIONS, SECTION_HEADINGS

_SENTENCE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
_NOISE = re.compile(r"[\s\d０-９,，、:：“”\"'（）()《》]+")
SHINGLE = 4
# A sentence counts as repeated when this share of its 4-character shingles
# also occurs in the old report: a changed year or figure keeps it repeated.
REPEATED_SHARE = 0.8


@dataclass
class CellChange:
    path: str
    old: int | float | str | None
    new: int | float | str | None

    @property
    def delta(self):
        if isinstance(self.old, int | float) and isinstance(self.new, int | float):
            return self.new - self.old
        return None


@dataclass
class Repetition:
    section: str
    sentences: int
    repeated: int
    characters: int
    repeated_characters: int
    examples: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.repeated_characters / self.characters if self.characters else 0.0


@dataclass
class ReportDiff:
    old_title: str
    new_title: str
    changes: list[CellChange]
    repetition: list[Repetition]
    format_changed: bool

    @property
    def repeated_share(self) -> float:
        total = sum(r.characters for r in self.repetition)
        repeated = sum(r.repeated_characters for r in self.repetition)
        return repeated / total if total else 0.0

    def to_json(self) -> dict:
        return {
            "old": self.old_title,
            "new": self.new_title,
            "format_changed": self.format_changed,
            "changes": [asdict(c) | {"delta": c.delta} for c in self.changes],
            "narrative": {
                "repeated_share": round(self.repeated_share, 4),
                "sections": [
                    asdict(r) | {"share": round(r.share, 4)} for r in self.repetition
                ],
            },
        }


def diff(old: AnnualReport, new: AnnualReport) -> ReportDiff:
    """Return the changes from ``old`` to ``new``."""
    return ReportDiff(
        old_title=_title(old),
        new_title=_title(new),
        changes=_cell_changes(old, new),
        repetition=_repetition(old, new),
        format_changed=old.format != new.format,
    )


def _title(report: AnnualReport) -> str:
    return f"{report.agency or '（机关不详）'} {report.year or '（年度不详）'}"


def _cell_changes(old: AnnualReport, new: AnnualReport) -> list[CellChange]:
    from .checks.rollup import cell_paths

    if old.format != new.format:
        paths = [p for p in cell_paths(new.format) if p in set(cell_paths(old.format))]
    else:
        paths = cell_paths(new.format)
    changes = []
    for path in paths:
        before, after = old.cell(path), new.cell(path)
        if before != after:
            changes.append(CellChange(path, before, after))
    return changes


def _normalise(text: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", text))


def _shingles(text: str) -> set[str]:
    return {text[i : i + SHINGLE] for i in range(max(len(text) - SHINGLE + 1, 1))}


def _repetition(old: AnnualReport, new: AnnualReport) -> list[Repetition]:
    old_text = "".join(
        _normalise(getattr(old.sections, k) or "") for k in NARRATIVE_SECTIONS
    )
    old_shingles = _shingles(old_text) if old_text else set()
    result = []
    for key, index in NARRATIVE_SECTIONS.items():
        text = getattr(new.sections, key) or ""
        result.append(_section_repetition(SECTION_HEADINGS[index], text, old_shingles))
    return result


def _section_repetition(heading: str, text: str, old_shingles: set[str]) -> Repetition:
    rep = Repetition(heading, 0, 0, 0, 0)
    for sentence in _SENTENCE.findall(text):
        core = _normalise(sentence)
        if len(core) < SHINGLE:
            continue
        rep.sentences += 1
        rep.characters += len(core)
        shingles = _shingles(core)
        if len(shingles & old_shingles) >= REPEATED_SHARE * len(shingles):
            rep.repeated += 1
            rep.repeated_characters += len(core)
            if len(rep.examples) < 3:
                rep.examples.append(sentence.strip())
    return rep


def format_text(result: ReportDiff) -> str:
    lines = [f"比较：{result.old_title} → {result.new_title}"]
    if result.format_changed:
        lines.append("注意：两份报告的表格格式不同，只比较两种格式共有的单元格。")
    lines.append(f"表格变化：{len(result.changes)} 个单元格")
    for change in result.changes:
        delta = f"（{change.delta:+}）" if change.delta is not None else ""
        lines.append(f"  {change.path}: {change.old} → {change.new}{delta}")
    lines.append(f"正文与上一份报告重复的比例：{result.repeated_share:.1%}")
    for rep in result.repetition:
        lines.append(
            f"  {rep.section}：{rep.repeated}/{rep.sentences} 句重复（{rep.share:.1%}）"
        )
        lines += [f"    · {example}" for example in rep.examples]
    return "\n".join(lines)


def format_html(result: ReportDiff) -> str:
    esc = html.escape
    rows = "".join(
        f"<tr><td>{esc(c.path)}</td><td>{esc(str(c.old))}</td>"
        f"<td>{esc(str(c.new))}</td><td>{'' if c.delta is None else f'{c.delta:+}'}</td></tr>"
        for c in result.changes
    )
    sections = "".join(
        f"<li>{esc(r.section)}：{r.repeated}/{r.sentences} 句重复（{r.share:.1%}）"
        + "".join(f"<blockquote>{esc(e)}</blockquote>" for e in r.examples)
        + "</li>"
        for r in result.repetition
    )
    return (
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8">'
        f"<title>{esc(result.old_title)} → {esc(result.new_title)}</title>"
        f"<h1>{esc(result.old_title)} → {esc(result.new_title)}</h1>"
        f"<h2>表格变化（{len(result.changes)}）</h2>"
        "<table><thead><tr><th>单元格</th><th>原值</th><th>新值</th><th>变化</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        f"<h2>正文重复比例 {result.repeated_share:.1%}</h2><ul>{sections}</ul></html>"
    )
