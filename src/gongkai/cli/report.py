"""``gongkai report …``: check, render and describe annual reports."""

import argparse
import json
import sys
from pathlib import Path

from gongkai.report import AnnualReport, Finding, ReportError

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2
OCR_HELP = (
    "没有文字层的扫描件（PDF、PNG、JPEG、TIFF）用 OCR 识别（需要 tesseract 及"
    "中文简体语言包）；识别的数值均标注为 OCR 所得，不满足勾稽关系的留空"
)


def register(subparsers) -> None:
    parser = subparsers.add_parser("report", help="年度报告：检查、渲染、结构说明")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _register_check(commands)
    _register_render(commands)
    _register_parse(commands)
    _register_audit(commands)
    _register_diff(commands)
    _register_compile(commands)
    schema = commands.add_parser("schema", help="打印年度报告 JSON Schema")
    schema.set_defaults(handler=print_schema)


def _register_check(commands) -> None:
    check = commands.add_parser(
        "check",
        help="检查年度报告的勾稽关系等规则（有错误时退出码为 1）",
        description="REPORT 可以是规范 JSON，也可以是已发布的报告文件（PDF、HTML、DOCX、文本）。",
    )
    check.add_argument("report", metavar="REPORT")
    check.add_argument(
        "--previous", metavar="LAST", help="上一年度的报告，用于跨年度检查"
    )
    check.add_argument(
        "--level",
        help="机关层级：national_department、province、city、county、township、department",
    )
    check.add_argument("--json", action="store_true", help="以 JSON 输出检查结果")
    check.set_defaults(handler=run_check)


def _register_render(commands) -> None:
    render = commands.add_parser("render", help="按官方格式渲染年度报告")
    render.add_argument("report", metavar="REPORT.json")
    render.add_argument(
        "--to", choices=("html", "md", "docx", "pdf", "json"), required=True
    )
    render.add_argument(
        "-o", "--output", required=True, help="输出文件（- 表示标准输出）"
    )
    render.set_defaults(handler=run_render)


def _register_parse(commands) -> None:
    parse = commands.add_parser(
        "parse",
        help="读取已发布的年度报告（PDF、HTML、DOCX、文本），输出规范 JSON 与检查结果",
    )
    parse.add_argument("document", metavar="FILE")
    parse.add_argument(
        "--json", action="store_true", help="输出规范 JSON（含检查结果）"
    )
    parse.add_argument(
        "--provenance", action="store_true", help="列出每个数值在原文中的位置"
    )
    parse.add_argument("--ocr", action="store_true", help=OCR_HELP)
    parse.set_defaults(handler=run_parse)


def _register_audit(commands) -> None:
    audit = commands.add_parser(
        "audit",
        help="批量审核已发布的年度报告，每份报告输出一行（CSV 或 JSON）",
    )
    audit.add_argument("paths", metavar="PATH", nargs="+", help="报告文件或目录")
    audit.add_argument(
        "--out",
        required=True,
        help="结果文件：以 .csv 或 .json 结尾（- 表示标准输出的 CSV）",
    )
    audit.add_argument(
        "--jobs", type=int, default=None, help="并行进程数（默认：CPU 核数）"
    )
    audit.add_argument(
        "--reports", metavar="DIR", help="另为每份报告写一个 JSON 文件到此目录"
    )
    audit.add_argument("--ocr", action="store_true", help=OCR_HELP)
    audit.set_defaults(handler=run_audit)


def _register_diff(commands) -> None:
    diff = commands.add_parser(
        "diff", help="比较两份年度报告：表格逐格变化与正文重复比例（内容雷同）"
    )
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument("--format", choices=("text", "html", "json"), default="text")
    diff.set_defaults(handler=run_diff)


def load_report(path: str) -> AnnualReport:
    """Return the report in ``path``: canonical JSON or a published document.

    Raise ``ReportError`` with a readable message for anything unreadable.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ReportError(f"无法读取文件 {path}：{exc.strerror}") from exc
    if data.lstrip()[:1] == b"{":
        return AnnualReport.from_json_text(data)
    try:
        from gongkai.report.parse import read
    except ImportError:
        raise ReportError(f"{path} 不是年度报告 JSON") from None
    return read(data, filename=path)


def print_schema(args: argparse.Namespace) -> int:
    print(json.dumps(AnnualReport.json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    from gongkai.report.checks import LEVELS, check

    if args.level is not None and args.level not in LEVELS:
        print(
            f"gongkai: 未知的机关层级 {args.level}，可选：{'、'.join(LEVELS)}",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE

    try:
        report = load_report(args.report)
        previous = load_report(args.previous) if args.previous else None
    except ReportError as exc:
        print(f"gongkai: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    findings = list(report.findings) + check(
        report, previous=previous, level=args.level
    )
    if args.json:
        print(
            json.dumps([f.model_dump() for f in findings], ensure_ascii=False, indent=2)
        )
    else:
        print_findings(report, findings)
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK


def print_findings(report: AnnualReport, findings: list[Finding]) -> None:
    title = (
        f"{report.agency or '（机关不详）'} {report.year or '（年度不详）'} 年度报告"
    )
    print(f"{title}（{report.format} 年格式）")
    for f in findings:
        print(f"{SEVERITY_NAMES[f.severity]} {f.rule}：{f.message}")
    counts = {s: sum(f.severity == s for f in findings) for s in SEVERITY_NAMES}
    print(
        f"共 {len(findings)} 项：错误 {counts['error']}，"
        f"警告 {counts['warning']}，提示 {counts['info']}"
    )


def run_render(args: argparse.Namespace) -> int:
    from gongkai.report.checks import check
    from gongkai.report.render import render

    try:
        report = load_report(args.report)
    except ReportError as exc:
        print(f"gongkai: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    content = render(report, args.to, findings=list(report.findings) + check(report))
    if args.output == "-":
        sys.stdout.buffer.write(content)
    else:
        Path(args.output).write_bytes(content)
    return EXIT_OK


def run_parse(args: argparse.Namespace) -> int:
    from gongkai.report.checks import check
    from gongkai.report.parse import read_detailed

    try:
        result = read_detailed(args.document, filename=args.document, ocr=args.ocr)
    except ReportError as exc:
        print(f"gongkai: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    report = result.report
    findings = list(report.findings) + check(report)
    if args.json:
        merged = report.model_copy(update={"findings": findings})
        print(merged.to_json_text())
    else:
        found = "、".join(str(n) for n in result.sections) or "无"
        print(
            f"文件类型：{result.kind}；表格格式：{result.format}；找到的章节：{found}"
        )
        print_findings(report, findings)
    if args.provenance:
        for path, where in result.provenance.items():
            print(f"{path}\t{report.cell(path)}\t{where}")
    return EXIT_OK


def run_audit(args: argparse.Namespace) -> int:
    import time

    from gongkai.report import audit

    started = time.monotonic()
    files = audit.discover(args.paths, args.ocr)
    if not files:
        print(
            "gongkai: 没有找到报告文件（.pdf .html .docx .txt .json）", file=sys.stderr
        )
        return EXIT_UNREADABLE
    rows = audit.audit(files, jobs=args.jobs, progress=audit.Progress(), ocr=args.ocr)
    _write_audit(rows, args.out)
    if args.reports:
        _write_report_files(rows, Path(args.reports))
    print(audit.summary(rows, time.monotonic() - started), file=sys.stderr)
    return EXIT_OK


def _write_audit(rows, out: str) -> None:
    from gongkai.report import audit

    if out == "-":
        audit.write_csv(rows, sys.stdout)
        return
    writer = audit.write_json if out.lower().endswith(".json") else audit.write_csv
    # utf-8-sig: Excel and WPS open the CSV with the right encoding.
    encoding = "utf-8" if writer is audit.write_json else "utf-8-sig"
    with open(out, "w", encoding=encoding, newline="") as stream:
        writer(rows, stream)


def _write_report_files(rows, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for index, row in enumerate(rows, start=1):
        if row.report is None:
            continue
        data = dict(row.report, findings=row.findings)
        name = f"{index:05d}-{Path(row.file).stem}.json"
        (folder / name).write_text(
            json.dumps(data, ensure_ascii=False, indent=2), "utf-8"
        )


def run_diff(args: argparse.Namespace) -> int:
    from gongkai.report import diff

    try:
        old, new = load_report(args.old), load_report(args.new)
    except ReportError as exc:
        print(f"gongkai: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    result = diff.diff(old, new)
    if args.format == "json":
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    elif args.format == "html":
        print(diff.format_html(result))
    else:
        print(diff.format_text(result))
    return EXIT_OK


def _register_compile(commands) -> None:
    compile_ = commands.add_parser(
        "compile",
        help="按平台记录生成某机关某年度的年度报告（表格二、三、四，正文取平台上的草稿）",
    )
    compile_.add_argument(
        "--agency", required=True, metavar="NAME_OR_ID", help="机关全称、简称或编号"
    )
    compile_.add_argument("--year", required=True, type=int)
    compile_.add_argument(
        "--to", choices=("json", "html", "md", "docx", "pdf"), required=True
    )
    compile_.add_argument(
        "-o", "--output", required=True, help="输出文件（- 表示标准输出）"
    )
    compile_.set_defaults(handler=run_compile)


def run_compile(args: argparse.Namespace) -> int:
    from gongkai.cli import setup_django

    setup_django()
    from gongkai.annual_reports.commands import (
        AgencyNotFound,
        compiled_with_findings,
        find_agency,
    )
    from gongkai.report.render import render

    try:
        agency = find_agency(args.agency)
        report, findings = compiled_with_findings(agency, args.year)
    except (AgencyNotFound, ReportError) as exc:
        print(f"gongkai: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    content = render(report, args.to, findings=findings)
    if args.output == "-":
        sys.stdout.buffer.write(content)
    else:
        Path(args.output).write_bytes(content)
    counts = {s: sum(f.severity == s for f in findings) for s in SEVERITY_NAMES}
    print(
        f"{agency.name} {args.year} 年度：错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}",
        file=sys.stderr,
    )
    return EXIT_OK
