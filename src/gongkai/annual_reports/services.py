"""State changes of annual reports.  Views, API and commands call these.

Each function takes the acting user, runs in one durable transaction and
writes one audit entry.  Publishing renders the files first, outside the
transaction (WeasyPrint takes a while), then stores them atomically after
checking that nobody changed the report in between.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.accounts.models import Role
from gongkai.accounts.permissions import agencies_for_user, has_role
from gongkai.audit.services import record
from gongkai.organisations.models import Agency
from gongkai.report import AnnualReport, ReportError
from gongkai.report.render import render

from . import deadlines as deadline_rules
from .compiling import compile_detailed
from .members import compile_region
from .models import (
    TRANSITIONS,
    AppliesTo,
    DeadlineRule,
    ImportedReport,
    RenderedFile,
    Report,
    ReportVersion,
    Scope,
)
from .review import Review, review_report
from .selectors import CheckedReport, checked, deadline_of

KINDS = {"text": "text", "html": "html", "docx": "docx", "pdf": "pdf", "json": "json"}
PUBLISHED_FORMATS = ("html", "pdf", "docx", "json")
REVIEWER_ROLES = (Role.HEAD, Role.PUBLICATION_REVIEWER)


# -- permissions and transitions ----------------------------------------------


def require_writer(actor, agency: Agency) -> None:
    """Raise ``PermissionDenied`` unless ``actor`` may change the agency's
    business records (经办人, 负责人 or 发布审核 of that agency)."""
    if not agencies_for_user(actor, write=True).filter(pk=agency.pk).exists():
        raise PermissionDenied


def require_reviewer(actor, agency: Agency) -> None:
    # 国办公开办函〔2021〕30号“明确责任”: the report is signed off by the
    # agency's leadership; here the 负责人 or the 发布审核 reviewer.
    if not any(has_role(actor, agency, role) for role in REVIEWER_ROLES):
        raise PermissionDenied(_("发布年度报告须由负责人或发布审核人员审核。"))


def _allow(report: Report, action: str) -> None:
    """Raise ``ValidationError`` unless ``action`` is allowed in the
    report's current status."""
    if report.status not in TRANSITIONS[action][0]:
        raise ValidationError(
            _("报告当前状态为“%(status)s”，不能进行此项操作。")
            % {"status": report.get_status_display()}
        )


def _move(report: Report, action: str) -> None:
    _allow(report, action)
    report.status = TRANSITIONS[action][1]


def _locked(report: Report) -> Report:
    return Report.objects.select_for_update().select_related("agency").get(pk=report.pk)


def _store_review(report: Report) -> Review:
    review = review_report(report)
    report.errors, report.warnings = review.errors, review.warnings
    return review


# -- drafting -----------------------------------------------------------------


def _compiled(report: Report) -> tuple[dict, dict]:
    """Return the tables and facts compiled now for ``report``."""
    if report.is_region:
        tables = compile_region(report)
        return _tables_json(tables), {}
    compilation = compile_detailed(report.agency, report.year)
    facts = {f.key: f.to_json() for f in compilation.facts}
    return _tables_json(compilation.report), facts


def _tables_json(report: AnnualReport) -> dict:
    data = report.to_json()
    data["sections"] = {"overview": None, "problems": None, "other": None}
    data["findings"] = []
    return data


@transaction.atomic(durable=True)
def start_report(
    actor, agency: Agency, year: int, *, scope: str = Scope.AGENCY
) -> Report:
    """Create the draft of ``agency``'s report on ``year`` with its tables
    compiled from the records; return the existing one if there is one.

    Raise ``CompileError`` when the year cannot be compiled.
    """
    require_writer(actor, agency)
    existing = Report.objects.filter(agency=agency, year=year, scope=scope).first()
    if existing is not None:
        return existing
    report = Report(
        agency=agency,
        year=year,
        scope=scope,
        agency_name=agency.name,
        tables={},
        compiled_at=timezone.now(),
        created_by=actor,
    )
    if scope == Scope.AGENCY:
        report.tables, report.facts = _compiled(report)
    else:
        report.tables = _tables_json(_empty(report))
    _store_review(report)
    report.save()
    record(actor, "annual_reports.start_report", target=report, data={"year": year})
    return report


def _empty(report: Report) -> AnnualReport:
    from gongkai.report import empty_report

    return empty_report("2021", year=report.year, agency=report.agency_name)


@transaction.atomic(durable=True)
def compile_draft(actor, report: Report) -> Report:
    """Compile the draft's tables (and facts) again from the records now."""
    require_writer(actor, report.agency)
    report = _locked(report)
    _move(report, "compile")
    report.tables, facts = _compiled(report)
    if facts:
        report.facts = facts
    report.compiled_at = timezone.now()
    _store_review(report)
    report.save()
    record(actor, "annual_reports.compile_draft", target=report)
    return report


@transaction.atomic(durable=True)
def save_narrative(
    actor,
    report: Report,
    *,
    overview: str,
    problems: str,
    other: str,
    agency_name: str,
    responsible_leader: str,
) -> Report:
    """Store the text of sections 一、五、六 and the title details."""
    require_writer(actor, report.agency)
    report = _locked(report)
    _move(report, "write")
    if not agency_name.strip():
        raise ValidationError({"agency_name": _("请填写标题中的机关名称。")})
    report.overview, report.problems, report.other = (
        _clean(overview),
        _clean(problems),
        _clean(other),
    )
    report.agency_name = agency_name.strip()
    report.responsible_leader = responsible_leader.strip()
    _store_review(report)
    report.save()
    record(actor, "annual_reports.save_narrative", target=report)
    return report


def _clean(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


@transaction.atomic(durable=True)
def submit_report(actor, report: Report) -> Report:
    """Send the draft for review (草稿 → 待审核)."""
    require_writer(actor, report.agency)
    report = _locked(report)
    _move(report, "submit")
    report.submitted_at, report.submitted_by = timezone.now(), actor
    report.review_note = ""
    report.save()
    record(actor, "annual_reports.submit_report", target=report)
    return report


@transaction.atomic(durable=True)
def return_report(actor, report: Report, note: str) -> Report:
    """Send the report back to its writers with the reviewer's note."""
    require_reviewer(actor, report.agency)
    if not note.strip():
        raise ValidationError({"note": _("退回时请写明审核意见。")})
    report = _locked(report)
    _move(report, "return")
    report.review_note = note.strip()
    report.save()
    record(actor, "annual_reports.return_report", target=report, data={"note": note})
    return report


@transaction.atomic(durable=True)
def start_correction(actor, report: Report, reason: str) -> Report:
    """Reopen a published report for a correction; the published versions
    stay as they are and the next publication is the next version."""
    require_writer(actor, report.agency)
    if not reason.strip():
        raise ValidationError({"reason": _("更正须写明理由。")})
    report = _locked(report)
    _move(report, "correct")
    report.correction_reason = reason.strip()
    report.review_note = ""
    report.save()
    record(
        actor, "annual_reports.start_correction", target=report, data={"reason": reason}
    )
    return report


# -- publishing ---------------------------------------------------------------


@dataclass(frozen=True)
class Publication:
    report: AnnualReport  # with the findings at publication
    files: dict[str, bytes]


def publish_report(
    actor, report: Report, *, override_reason: str = "", now: datetime | None = None
) -> ReportVersion:
    """Publish the report under review as its next version and return it.

    Refused while error-level findings remain, unless ``override_reason``
    says why it is published anyway (recorded with the version).  A
    correction must carry its reason (``start_correction``).
    """
    require_reviewer(actor, report.agency)
    _allow(report, "publish")
    review = review_report(report)
    _check_publishable(review, override_reason)
    publication = prepare_publication(review)
    return _store_version(
        actor, report, publication, override_reason.strip(), now, report.updated_at
    )


def _check_publishable(review: Review, override_reason: str) -> None:
    if review.errors and not override_reason.strip():
        raise ValidationError(
            {
                "override_reason": _(
                    "报告还有 %(n)s 项错误，不能发布；确需发布的，请写明理由。"
                )
                % {"n": review.errors}
            }
        )


def prepare_publication(review: Review) -> Publication:
    """Render the files of a publication (a clean copy: no check notes)."""
    final = review.report.model_copy(update={"findings": review.findings})
    clean = review.report.model_copy(update={"findings": []})
    files = {to: render(clean, to, findings=[]) for to in PUBLISHED_FORMATS}
    return Publication(final, files)


@transaction.atomic(durable=True)
def _store_version(
    actor, report, publication: Publication, override_reason, now, stamp
) -> ReportVersion:
    report = _locked(report)
    if report.updated_at != stamp:
        raise ValidationError(_("报告在审核期间被修改，请重新查看后再发布。"))
    _move(report, "publish")
    number = (report.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    if number > 1 and not report.correction_reason:
        raise ValidationError(_("更正后的版本须写明更正理由。"))
    version = ReportVersion.objects.create(
        report=report,
        number=number,
        data=publication.report.to_json(),
        errors=_count(publication.report, "error"),
        warnings=_count(publication.report, "warning"),
        reason=report.correction_reason,
        override_reason=override_reason,
        responsible_leader=report.responsible_leader,
        deadline=deadline_of(report.agency, report.year).day,
        published_at=now or timezone.now(),
        published_by=actor,
    )
    _store_files(version, publication.files)
    report.correction_reason = ""
    report.save()
    record(
        actor,
        "annual_reports.publish_report",
        target=report,
        data={"version": version.number, "override_reason": override_reason},
    )
    return version


def _count(report: AnnualReport, severity: str) -> int:
    return sum(f.severity == severity for f in report.findings)


def _store_files(version: ReportVersion, files: dict[str, bytes]) -> None:
    RenderedFile.objects.bulk_create(
        RenderedFile(
            version=version,
            format=to,
            content=content,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
        )
        for to, content in files.items()
    )


# -- regions ------------------------------------------------------------------


@transaction.atomic(durable=True)
def set_region_members(
    actor, report: Report, agencies: list[Agency], imports: list[ImportedReport]
) -> Report:
    """Choose the members a region's report sums, then compile it again."""
    require_writer(actor, report.agency)
    report = _locked(report)
    _move(report, "compile")
    if not report.is_region:
        raise ValidationError(_("只有汇总报告可以选择汇总范围。"))
    _check_members(report, agencies, imports)
    report.member_agencies.set(agencies)
    report.member_imports.set(imports)
    report.tables, _facts = _compiled(report)
    report.compiled_at = timezone.now()
    _store_review(report)
    report.save()
    record(
        actor,
        "annual_reports.set_region_members",
        target=report,
        data={"agencies": [a.pk for a in agencies], "imports": [i.pk for i in imports]},
    )
    return report


def _check_members(report, agencies, imports) -> None:
    outside = [a.name for a in agencies if not a.is_in_subtree_of(report.agency)]
    if outside:
        raise ValidationError(
            _("以下机关不在本级范围内：%(names)s") % {"names": "、".join(outside)}
        )
    wrong = [str(i) for i in imports if i.year != report.year or i.format != "2021"]
    if wrong:
        raise ValidationError(
            _("以下导入报告的年度或格式与本报告不同：%(names)s")
            % {"names": "、".join(wrong)}
        )


# -- local deadlines (R64) ------------------------------------------------------


def require_deadline_setter(actor, agency: Agency) -> None:
    if not (
        has_role(actor, agency, Role.ADMINISTRATOR)
        or has_role(actor, agency, Role.HEAD)
    ):
        raise PermissionDenied


@transaction.atomic(durable=True)
def add_deadline_rule(
    actor,
    agency: Agency,
    *,
    applies_to: str,
    month: int,
    day: int,
    basis: str,
    year: int | None = None,
) -> DeadlineRule:
    """Set an earlier local deadline for the agencies under ``agency``."""
    require_deadline_setter(actor, agency)
    if applies_to not in AppliesTo.values:
        raise ValidationError({"applies_to": _("请选择适用范围。")})
    if not (1 <= month <= 3 and deadline_rules.is_valid_day(month, day)):
        raise ValidationError({"day": _("请填写次年1月至3月中的有效日期。")})
    if not basis.strip():
        raise ValidationError({"basis": _("请写明规定依据（文件名称或文号）。")})
    rule = DeadlineRule.objects.create(
        agency=agency,
        applies_to=applies_to,
        month=month,
        day=day,
        basis=basis.strip(),
        year=year,
        created_by=actor,
    )
    record(actor, "annual_reports.add_deadline_rule", target=rule, agency=agency)
    return rule


@transaction.atomic(durable=True)
def remove_deadline_rule(actor, rule: DeadlineRule) -> None:
    require_deadline_setter(actor, rule.agency)
    record(
        actor,
        "annual_reports.remove_deadline_rule",
        agency=rule.agency,
        data={"rule": str(rule)},
    )
    rule.delete()


# -- imported reports ----------------------------------------------------------


@dataclass
class UploadResult:
    name: str
    record: ImportedReport | None = None
    checked: CheckedReport | None = None
    error: str = ""


def read_upload(data: bytes, name: str) -> tuple[AnnualReport, str]:
    """Return the report in an uploaded file and the kind of file it was."""
    if data.lstrip()[:1] == b"{":
        return AnnualReport.from_json_text(data), "json"
    from gongkai.report.parse import read_detailed

    result = read_detailed(data, filename=name)
    return result.report, KINDS[result.kind]


def import_uploaded_report(
    upload, *, user, agency: Agency | None = None
) -> UploadResult:
    """Read, check and store one uploaded report; never raises for bad files.

    An unreadable file stores nothing and returns the reason.
    """
    name = upload.name or "report"
    try:
        report, kind = read_upload(upload.read(), name)
    except ReportError as exc:
        return UploadResult(name, error=str(exc))
    record_ = import_report(
        report, source_name=name, source_kind=kind, user=user, agency=agency
    )
    return UploadResult(name, record=record_, checked=checked(report))


@transaction.atomic
def import_report(
    report: AnnualReport,
    *,
    source_name: str,
    source_kind: str,
    user=None,
    agency: Agency | None = None,
) -> ImportedReport:
    """Store a published report read from a document; return the record.

    ``agency``: the agency on the platform it is the report of, if any; it
    then counts as that agency's published report of its year.
    """
    imported = ImportedReport.objects.create(
        agency=agency,
        agency_name=report.agency or "",
        year=report.year,
        format=report.format,
        data=report.to_json(),
        source_name=source_name[:255],
        source_kind=source_kind,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    if user is not None and user.is_authenticated:
        record(
            user,
            "annual_reports.import_report",
            target=imported,
            data={"source": imported.source_name, "year": imported.year},
        )
    return imported
