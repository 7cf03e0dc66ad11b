from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.report import AnnualReport


class ImportedReport(models.Model):
    """A published annual report read from a document or canonical JSON.

    Reports of agencies that are not on the platform (or published before
    it) enter this way; they are shown, checked and compared like compiled
    ones.  ``data`` is the canonical JSON (``spec/report-json.md``) with the
    reader's findings.
    """

    class SourceKind(models.TextChoices):
        JSON = "json", _("JSON")
        PDF = "pdf", _("PDF")
        HTML = "html", _("HTML")
        DOCX = "docx", _("Word (DOCX)")
        TEXT = "text", _("文本")

    agency = models.ForeignKey(
        "organisations.Agency",
        verbose_name=_("机关"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="imported_reports",
        help_text=_("平台上的对应机关；读取其他机关的报告时可为空"),
    )
    agency_name = models.CharField(
        _("机关名称（报告所载）"), max_length=200, blank=True
    )
    year = models.PositiveIntegerField(_("报告年度"), null=True, blank=True)
    format = models.CharField(_("报告格式"), max_length=4)
    data = models.JSONField(_("报告数据"))
    source_name = models.CharField(_("来源文件"), max_length=255, blank=True)
    source_kind = models.CharField(
        _("来源类型"), max_length=8, choices=SourceKind.choices
    )
    created_at = models.DateTimeField(_("导入时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("导入人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("已发布年度报告")
        verbose_name_plural = _("已发布年度报告")
        ordering = ["-year", "agency_name"]
        indexes = [models.Index(fields=["agency_name", "year"])]

    def __str__(self):
        return f"{self.agency_name} {self.year}"

    def report(self) -> AnnualReport:
        return AnnualReport.from_json(self.data)
