from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import codes

PATH_SEPARATOR = "/"


def validate_credit_code(value: str) -> None:
    # GB 32100-2015: 18 characters, the last one a check character.
    if not codes.is_valid_credit_code(value):
        raise ValidationError(
            _("统一社会信用代码应为18位，且校验码正确（GB 32100-2015）。"),
            code="invalid_credit_code",
        )


def validate_organisation_code(value: str) -> None:
    # GB 11714-1997: 8 body characters and a check digit (or X).
    if not codes.is_valid_organisation_code(value):
        raise ValidationError(
            _("组织机构代码应为9位，且校验码正确（GB 11714-1997）。"),
            code="invalid_organisation_code",
        )


class Level(models.TextChoices):
    """Administrative level; the keys are shared with the report checks."""

    NATIONAL_DEPARTMENT = "national_department", _("国务院部门")
    PROVINCE = "province", _("省")
    CITY = "city", _("市")
    COUNTY = "county", _("县（区）")
    TOWNSHIP = "township", _("乡镇（街道）")


# Higher levels have smaller ranks; used to keep the tree plausible.
LEVEL_RANK = {
    Level.NATIONAL_DEPARTMENT: 0,
    Level.PROVINCE: 1,
    Level.CITY: 2,
    Level.COUNTY: 3,
    Level.TOWNSHIP: 4,
}


class Kind(models.TextChoices):
    GOVERNMENT = "government", _("人民政府")
    DEPARTMENT = "department", _("政府部门")


class AgencyQuerySet(models.QuerySet):
    def subtree_of(self, agency: "Agency") -> "AgencyQuerySet":
        """Return ``agency`` and every agency below it (one indexed prefix query)."""
        return self.filter(path__startswith=agency.path)

    def subtrees_of(self, paths: list[str]) -> "AgencyQuerySet":
        """Return the agencies under any of the materialised ``paths``."""
        if not paths:
            return self.none()
        condition = models.Q()
        for path in paths:
            condition |= models.Q(path__startswith=path)
        return self.filter(condition)


class Agency(models.Model):
    """An administrative organ (行政机关): a government or one of its departments.

    The tree is stored as a materialised path of primary keys, e.g.
    ``/1/2/5/``: a subtree is one ``LIKE '/1/2/%'`` query on SQLite and
    PostgreSQL alike.  Only the services in ``services.py`` set ``parent``
    and ``path``.
    """

    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级机关"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(_("路径"), max_length=255, db_index=True, editable=False)
    name = models.CharField(_("全称"), max_length=100, unique=True)
    short_name = models.CharField(_("简称"), max_length=50, blank=True)
    level = models.CharField(_("层级"), max_length=24, choices=Level.choices)
    kind = models.CharField(
        _("类型"), max_length=16, choices=Kind.choices, default=Kind.GOVERNMENT
    )
    credit_code = models.CharField(
        _("统一社会信用代码"),
        max_length=18,
        blank=True,
        validators=[validate_credit_code],
    )
    organisation_code = models.CharField(
        _("组织机构代码"),
        max_length=9,
        blank=True,
        validators=[validate_organisation_code],
    )
    # 《条例》第十二条: the 指南 gives the OGI working body's name, address,
    # office hours, telephone, fax and internet contact.
    ogi_body_name = models.CharField(
        _("政府信息公开工作机构名称"), max_length=100, blank=True
    )
    ogi_body_address = models.CharField(_("办公地址"), max_length=200, blank=True)
    ogi_body_hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    ogi_body_telephone = models.CharField(_("联系电话"), max_length=50, blank=True)
    ogi_body_fax = models.CharField(_("传真号码"), max_length=50, blank=True)
    ogi_body_web = models.CharField(_("互联网联系方式"), max_length=200, blank=True)
    ogi_body_postcode = models.CharField(_("邮政编码"), max_length=6, blank=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("行政机关")
        verbose_name_plural = _("行政机关")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["credit_code"],
                condition=~models.Q(credit_code=""),
                name="organisations_agency_unique_credit_code",
            ),
            models.UniqueConstraint(
                fields=["organisation_code"],
                condition=~models.Q(organisation_code=""),
                name="organisations_agency_unique_organisation_code",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("organisations:agency_detail", args=[self.pk])

    @property
    def depth(self) -> int:
        """Return 0 for a root agency, 1 for its children, and so on."""
        return self.path.count(PATH_SEPARATOR) - 2

    @property
    def report_level(self) -> str:
        """Return the level key the annual-report checks use: ``department``
        for a department, else the administrative level."""
        return "department" if self.kind == Kind.DEPARTMENT else self.level

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    def ancestor_ids(self) -> list[int]:
        """Return the primary keys from the root down to the parent."""
        return [int(part) for part in self.path.strip(PATH_SEPARATOR).split("/")][:-1]

    def ancestors(self) -> models.QuerySet:
        return Agency.objects.filter(pk__in=self.ancestor_ids()).order_by("path")

    def is_in_subtree_of(self, other: "Agency") -> bool:
        return self.path.startswith(other.path)

    def ogi_body(self) -> dict[str, str]:
        """Return the OGI working body's contact data as the 指南 shows it
        (《条例》第十二条), keyed by field name."""
        return {
            "name": self.ogi_body_name,
            "address": self.ogi_body_address,
            "postcode": self.ogi_body_postcode,
            "hours": self.ogi_body_hours,
            "telephone": self.ogi_body_telephone,
            "fax": self.ogi_body_fax,
            "web": self.ogi_body_web,
        }
