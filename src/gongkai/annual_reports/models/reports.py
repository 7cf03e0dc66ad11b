"""An agency's annual report on the platform: the working draft, its
published versions and their stored files."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gongkai.report import AnnualReport
from gongkai.report.model import Sections


class Scope(models.TextChoices):
    """An agency's own report, or a region's report summing chosen members."""

    AGENCY = "agency", _("本机关报告")
    REGION = "region", _("汇总报告")


class Status(models.TextChoices):
    """Where the report stands; “未开始” is the absence of a record."""

    DRAFT = "draft", _("草稿")
    IN_REVIEW = "in_review", _("待审核")
    PUBLISHED = "published", _("已发布")


# Declared transitions: the services move a report only along these edges.
TRANSITIONS = {
    "compile": ({Status.DRAFT}, Status.DRAFT),
    "write": ({Status.DRAFT}, Status.DRAFT),
    "submit": ({Status.DRAFT}, Status.IN_REVIEW),
    "return": ({Status.IN_REVIEW}, Status.DRAFT),
    "publish": ({Status.IN_REVIEW}, Status.PUBLISHED),
    "correct": ({Status.PUBLISHED}, Status.DRAFT),
}


def _user(verbose_name, **extra):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        **extra,
    )


class Report(models.Model):
    """One agency's report on one year (《条例》第四十九条、第五十条).

    ``tables`` holds tables 二、三、四 as last compiled from the platform's
    records (canonical JSON, narrative left out); the three narrative
    sections are written here.  Publishing freezes all of it into a
    :class:`ReportVersion`; a correction reopens the draft and the next
    publication is the next version.
    """

    agency = models.ForeignKey(
        "organisations.Agency",
        verbose_name=_("机关"),
        on_delete=models.PROTECT,
        related_name="annual_reports",
    )
    year = models.PositiveIntegerField(_("报告年度"))
    scope = models.CharField(
        _("报告范围"), max_length=8, choices=Scope.choices, default=Scope.AGENCY
    )
    status = models.CharField(
        _("状态"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    agency_name = models.CharField(
        _("标题中的机关名称"),
        max_length=100,
        help_text=_("印在报告标题上的名称，如“海东市平安区古城回族乡”"),
    )
    tables = models.JSONField(_("表格数据"))
    facts = models.JSONField(_("可供撰写的数据"), default=dict, blank=True)
    compiled_at = models.DateTimeField(_("生成表格时间"))
    overview = models.TextField(_("一、总体情况"), blank=True)
    problems = models.TextField(_("五、存在的主要问题及改进情况"), blank=True)
    other = models.TextField(_("六、其他需要报告的事项"), blank=True)
    # R65: the leader in charge is the report's 第一责任人 (国办公开办函〔2021〕30号).
    responsible_leader = models.CharField(_("第一责任人"), max_length=50, blank=True)
    correction_reason = models.TextField(_("更正理由"), blank=True)
    review_note = models.TextField(_("审核意见"), blank=True)
    submitted_at = models.DateTimeField(_("提交审核时间"), null=True, blank=True)
    submitted_by = _user(_("提交人"))
    errors = models.PositiveIntegerField(_("错误数"), default=0)
    warnings = models.PositiveIntegerField(_("警告数"), default=0)
    member_agencies = models.ManyToManyField(
        "organisations.Agency",
        verbose_name=_("汇总范围内的机关"),
        blank=True,
        related_name="+",
    )
    member_imports = models.ManyToManyField(
        "annual_reports.ImportedReport",
        verbose_name=_("汇总范围内的导入报告"),
        blank=True,
        related_name="+",
    )
    created_by = _user(_("创建人"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("年度报告")
        verbose_name_plural = _("年度报告")
        ordering = ["-year", "agency__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "scope"], name="annual_reports_one_per_year"
            )
        ]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self):
        return f"{self.agency_name}{self.year}年{self.get_scope_display()}"

    def get_absolute_url(self):
        return reverse("annual_reports:report", args=[self.pk])

    @property
    def is_region(self) -> bool:
        return self.scope == Scope.REGION

    @property
    def is_editable(self) -> bool:
        return self.status == Status.DRAFT

    def sections(self) -> Sections:
        return Sections(
            overview=self.overview or None,
            problems=self.problems or None,
            other=self.other or None,
        )

    def annual_report(self) -> AnnualReport:
        """Return the draft as a canonical report: tables and narrative."""
        data = dict(self.tables, agency=self.agency_name, year=self.year)
        data["sections"] = self.sections().model_dump()
        data["findings"] = []
        return AnnualReport.from_json(data)

    def latest_version(self) -> "ReportVersion | None":
        return self.versions.order_by("-number").first()


class ReportVersion(models.Model):
    """A published, locked version of a report.

    Nothing changes a version once stored: a correction is the next
    version, with its reason, and every version stays readable.
    """

    report = models.ForeignKey(
        Report,
        verbose_name=_("年度报告"),
        on_delete=models.PROTECT,
        related_name="versions",
    )
    number = models.PositiveSmallIntegerField(_("版本"))
    data = models.JSONField(_("报告数据"))
    errors = models.PositiveIntegerField(_("错误数"), default=0)
    warnings = models.PositiveIntegerField(_("警告数"), default=0)
    reason = models.TextField(_("更正理由"), blank=True)
    override_reason = models.TextField(_("带错误发布的理由"), blank=True)
    responsible_leader = models.CharField(_("第一责任人"), max_length=50, blank=True)
    deadline = models.DateField(_("公开期限"))
    published_at = models.DateTimeField(_("发布时间"))
    published_by = _user(_("发布人"))

    class Meta:
        verbose_name = _("年度报告发布版本")
        verbose_name_plural = _("年度报告发布版本")
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"], name="annual_reports_version_number"
            )
        ]

    def __str__(self):
        return f"{self.report} 第{self.number}版"

    def get_absolute_url(self):
        return reverse("annual_reports_public:version", args=[self.pk])

    @property
    def agency(self):
        return self.report.agency

    @property
    def is_correction(self) -> bool:
        return self.number > 1

    @property
    def is_late(self) -> bool:
        """Return whether this version appeared after the deadline (R64)."""
        from django.utils import timezone

        return timezone.localdate(self.published_at) > self.deadline

    def annual_report(self) -> AnnualReport:
        return AnnualReport.from_json(self.data)


class RenderedFile(models.Model):
    """One stored rendering of a published version (HTML, PDF, DOCX, JSON)."""

    class Format(models.TextChoices):
        HTML = "html", "HTML"
        PDF = "pdf", "PDF"
        DOCX = "docx", _("Word（DOCX）")
        JSON = "json", "JSON"

    version = models.ForeignKey(
        ReportVersion,
        verbose_name=_("发布版本"),
        on_delete=models.PROTECT,
        related_name="files",
    )
    format = models.CharField(_("格式"), max_length=4, choices=Format.choices)
    content = models.BinaryField(_("内容"))
    size = models.PositiveIntegerField(_("大小（字节）"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        verbose_name = _("发布文件")
        verbose_name_plural = _("发布文件")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "format"], name="annual_reports_one_file_per_format"
            )
        ]

    def __str__(self):
        return f"{self.version} {self.format}"
