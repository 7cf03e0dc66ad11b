"""Audit many published reports at once.

:func:`audit` reads every report file under the given paths in parallel,
checks each one, pairs the reports of one agency on consecutive years for the
cross-year rules (X-CARRY, X-INFORCE), and returns one row per file.  A file
that cannot be read becomes a row with its reason: one bad file never stops
a batch.
"""

import csv
import io
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .model import AnnualReport, ReportError

SUFFIXES = {".pdf", ".html", ".htm", ".shtml", ".docx", ".txt", ".json"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}  # with OCR only
CSV_FIELDS = (
    "file",
    "status",
    "agency",
    "year",
    "format",
    "errors",
    "warnings",
    "infos",
    "rules",
    "new_total",
    "carried_over_total",
    "concluded_total",
    "carried_forward_total",
    "reconsideration_total",
    "litigation_total",
    "previous_file",
    "message",
)


@dataclass
class AuditRow:
    file: str
    status: str  # "read" or "unreadable"
    agency: str | None = None
    year: int | None = None
    format: str | None = None
    findings: list[dict] = field(default_factory=list)
    totals: dict[str, int | None] = field(default_factory=dict)
    previous_file: str | None = None
    message: str = ""
    report: dict | None = None

    def counts(self) -> Counter:
        return Counter(f["severity"] for f in self.findings)

    def as_record(self) -> dict:
        counts = self.counts()
        return {
            "file": self.file,
            "status": self.status,
            "agency": self.agency,
            "year": self.year,
            "format": self.format,
            "errors": counts["error"],
            "warnings": counts["warning"],
            "infos": counts["info"],
            "rules": " ".join(sorted({f["rule"] for f in self.findings})),
            **{f"{k}_total": v for k, v in self.totals.items()},
            "previous_file": self.previous_file,
            "message": self.message,
        }


def discover(paths: Iterable[str | Path], ocr: bool = False) -> list[Path]:
    """Return every report file named by ``paths`` or found below them
    (page images too when they will be read by OCR)."""
    suffixes = SUFFIXES | IMAGE_SUFFIXES if ocr else SUFFIXES
    found: list[Path] = []
    for item in map(Path, paths):
        if item.is_dir():
            found += sorted(p for p in item.rglob("*") if p.suffix.lower() in suffixes)
        else:
            found.append(item)
    return found


def read_file(path: Path, ocr: bool = False) -> AnnualReport:
    """Return the report in ``path``: canonical JSON or a published document
    (scans read by OCR if ``ocr``)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportError(f"无法读取文件：{exc.strerror}") from exc
    if data.lstrip()[:1] == b"{" and path.suffix.lower() == ".json":
        return AnnualReport.from_json_text(data)
    from .parse import read

    return read(data, filename=str(path), ocr=ocr)


def audit_file(path: Path, ocr: bool = False) -> AuditRow:
    """Return the audit row of one file (never raises for bad input)."""
    from .checks import check

    try:
        report = read_file(path, ocr)
    except ReportError as exc:
        return AuditRow(str(path), "unreadable", message=str(exc))
    except Exception as exc:  # a reader bug must not stop a batch of thousands
        message = f"读取时发生内部错误：{type(exc).__name__}: {exc}"
        return AuditRow(str(path), "unreadable", message=message)
    findings = list(report.findings) + check(report)
    return AuditRow(
        file=str(path),
        status="read",
        agency=report.agency,
        year=report.year,
        format=report.format,
        findings=[f.model_dump() for f in findings],
        totals=key_totals(report),
        report=report.to_json(),
    )


def key_totals(report: AnnualReport) -> dict[str, int | None]:
    apps = report.applications
    appeals = report.appeals
    litigation = [
        appeals.litigation_direct[4],
        appeals.litigation_after_reconsideration[4],
    ]
    return {
        "new": apps["new"][6],
        "carried_over": apps["carried_over"][6],
        "concluded": apps["total"][6],
        "carried_forward": apps["carried_forward"][6],
        "reconsideration": appeals.reconsideration[4],
        "litigation": None if None in litigation else sum(litigation),
    }


def audit(
    paths: Iterable[str | Path],
    *,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    ocr: bool = False,
) -> list[AuditRow]:
    """Return one row per report file under ``paths``, in file order; with
    ``ocr``, scanned PDFs and page images are read by OCR."""
    files = discover(paths, ocr)
    jobs = max(1, jobs or os.cpu_count() or 1)
    rows: list[AuditRow] = []
    if jobs == 1 or len(files) < 2:
        for path in files:
            rows.append(audit_file(path, ocr))
            if progress:
                progress(len(rows), len(files))
    else:
        chunk = max(1, min(32, len(files) // (jobs * 4)))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            read = partial(audit_file, ocr=ocr)
            for row in pool.map(read, files, chunksize=chunk):
                rows.append(row)
                if progress:
                    progress(len(rows), len(files))
    pair_years(rows)
    return rows


def pair_years(rows: list[AuditRow]) -> None:
    """Add the cross-year findings to each report whose predecessor is there."""
    from .checks import check

    by_key = {(r.agency, r.year): r for r in rows if r.status == "read" and r.agency}
    for row in by_key.values():
        previous = by_key.get((row.agency, (row.year or 0) - 1))
        if previous is None:
            continue
        report = AnnualReport.from_json(row.report)
        last = AnnualReport.from_json(previous.report)
        cross = [f for f in check(report, previous=last) if f.rule.startswith("X-")]
        row.findings += [f.model_dump() for f in cross]
        row.previous_file = previous.file


def write_csv(rows: list[AuditRow], out: io.TextIOBase) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row.as_record())


def write_json(rows: list[AuditRow], out: io.TextIOBase) -> None:
    records = [row.as_record() | {"findings": row.findings} for row in rows]
    json.dump(records, out, ensure_ascii=False, indent=2)


def summary(rows: list[AuditRow], seconds: float) -> str:
    read = [r for r in rows if r.status == "read"]
    with_errors = [r for r in read if r.counts()["error"]]
    rules = Counter(
        f["rule"] for r in read for f in r.findings if f["severity"] != "info"
    )
    lines = [
        f"共 {len(rows)} 个文件：读取 {len(read)}，无法读取 {len(rows) - len(read)}；"
        f"有错误的报告 {len(with_errors)}；用时 {seconds:.1f} 秒",
    ]
    if rules:
        top = "，".join(f"{rule} {n}" for rule, n in rules.most_common(8))
        lines.append(f"最常见的问题：{top}")
    return "\n".join(lines)


class Progress:
    """A progress line on stderr: redrawn on a terminal, every 10 % otherwise."""

    def __init__(self, stream=sys.stderr):
        self.stream = stream
        self.started = time.monotonic()
        self.tty = stream.isatty()
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        elapsed = time.monotonic() - self.started
        line = f"审核进度 {done}/{total}（{done / total:.0%}），已用 {elapsed:.1f} 秒"
        if self.tty:
            self.stream.write("\r" + line + ("\n" if done == total else ""))
        elif done * 10 // total != self.last_tenth:
            self.last_tenth = done * 10 // total
            self.stream.write(line + "\n")
        self.stream.flush()
