from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.organisations.models import Agency, Kind, Level

from .choices import CategoryGroup

# Which groups of categories an agency's catalogue is arranged by (编排体系).
# 《条例》第二十一条: the city/county items are for 设区的市级、县级人民政府及其
# 部门; the township items for 乡（镇）人民政府.
_LOCAL_GROUPS = {
    Level.CITY: CategoryGroup.ARTICLE_21_COUNTY,
    Level.COUNTY: CategoryGroup.ARTICLE_21_COUNTY,
    Level.TOWNSHIP: CategoryGroup.ARTICLE_21_TOWNSHIP,
}


def groups_for(agency: Agency) -> list[str]:
    """Return the category groups that apply to ``agency``."""
    groups = [CategoryGroup.ARTICLE_20]
    local = _LOCAL_GROUPS.get(agency.level)
    if local == CategoryGroup.ARTICLE_21_TOWNSHIP and agency.kind != Kind.GOVERNMENT:
        local = None
    if local:
        groups.append(local)
    return groups + [CategoryGroup.COLUMN, CategoryGroup.LOCAL]


class CategoryQuerySet(models.QuerySet):
    def for_agency(self, agency: Agency) -> "CategoryQuerySet":
        """Return the active categories of ``agency``'s catalogue: the
        statutory ones for its level and its own local ones."""
        return self.filter(
            models.Q(agency__isnull=True) | models.Q(agency=agency),
            group__in=groups_for(agency),
            is_active=True,
        )


class Category(models.Model):
    """A catalogue category (目录分类).

    The fifteen items of 《条例》第二十条 and the 第二十一条 local items are
    seeded by a migration; an agency adds its own (第二十二条) with
    ``agency`` set.  ``code`` is the stable key used in URLs and imports.
    """

    code = models.SlugField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=100)
    group = models.CharField(_("类别"), max_length=24, choices=CategoryGroup.choices)
    article_item = models.PositiveSmallIntegerField(
        _("第二十条项号"), null=True, blank=True
    )
    description = models.TextField(_("法定内容"), blank=True)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("所属机关"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="catalogue_categories",
    )
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("目录分类")
        verbose_name_plural = _("目录分类")
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.name

    def belongs_to(self, agency: Agency) -> bool:
        """Whether this category is in ``agency``'s catalogue (as
        ``Category.objects.for_agency`` selects, without a query)."""
        return (
            self.is_active
            and self.agency_id in (None, agency.pk)
            and self.group in groups_for(agency)
        )

    @property
    def item_label(self) -> str:
        """The 第二十条 item as the law writes it: （一） … （十五）."""
        if not self.article_item:
            return ""
        return f"（{CHINESE_NUMERALS[self.article_item]}）"


CHINESE_NUMERALS = dict(enumerate("一二三四五六七八九十", start=1)) | {
    11: "十一",
    12: "十二",
    13: "十三",
    14: "十四",
    15: "十五",
}

# Codes with a fixed role in the portal.
SYSTEM_CATEGORY = "system"  # 政府信息公开制度
INTERPRETATION_CATEGORY = "interpretation"  # 政策解读
