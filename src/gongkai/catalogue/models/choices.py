"""The closed vocabularies of the catalogue, with their Chinese labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """Where a document is in its life; only services change it."""

    DRAFT = "draft", _("草稿")
    PUBLISHED = "published", _("已公开")
    # Registered in the catalogue but not proactively published (依申请公开
    # or 不予公开): kept for re-evaluation under 《条例》第十八条.
    FILED = "filed", _("已登记（不主动公开）")
    WITHDRAWN = "withdrawn", _("已撤回")


class Attribute(models.TextChoices):
    """公开属性, decided when the document is drafted (公开属性源头认定)."""

    PROACTIVE = "proactive", _("主动公开")
    ON_REQUEST = "on_request", _("依申请公开")
    WITHHELD = "withheld", _("不予公开")
    # Optional extension value used in several provinces (R44).
    REDACTED = "redacted", _("删减后公开")


# Attributes whose documents appear on the public platform (R44).
PUBLIC_ATTRIBUTES = frozenset({Attribute.PROACTIVE, Attribute.REDACTED})


class DocumentKind(models.TextChoices):
    """What a document is for the counts of 第二十条第（一）项 and for 解读."""

    REGULATION = "regulation", _("规章")
    NORMATIVE = "normative", _("行政规范性文件")
    INTERPRETATION = "interpretation", _("政策解读")
    OTHER = "other", _("其他主动公开信息")


# Policy documents that need a 解读 within a few working days (R50).
NEEDS_INTERPRETATION = frozenset({DocumentKind.REGULATION, DocumentKind.NORMATIVE})
# Kinds whose validity (有效/失效/废止) is shown and counted.
HAS_VALIDITY = NEEDS_INTERPRETATION


class Validity(models.TextChoices):
    EFFECTIVE = "effective", _("有效")
    EXPIRED = "expired", _("失效")
    REPEALED = "repealed", _("废止")


class Topic(models.TextChoices):
    """主题分类: the first level of the gov.cn topic classification."""

    ORGANISATION = "organisation", _("国务院组织机构")
    GENERAL = "general", _("综合政务")
    ECONOMY = "economy", _("国民经济管理、国有资产监管")
    FINANCE = "finance", _("财政、金融、审计")
    LAND = "land", _("国土资源、能源")
    AGRICULTURE = "agriculture", _("农业、林业、水利")
    INDUSTRY = "industry", _("工业、交通")
    COMMERCE = "commerce", _("商贸、海关、旅游")
    MARKET = "market", _("市场监管、安全生产监管")
    CONSTRUCTION = "construction", _("城乡建设、环境保护")
    EDUCATION = "education", _("科技、教育")
    CULTURE = "culture", _("文化、广电、新闻出版")
    HEALTH = "health", _("卫生、体育")
    POPULATION = "population", _("人口与计划生育、妇女儿童工作")
    LABOUR = "labour", _("劳动、人事、监察")
    JUSTICE = "justice", _("公安、安全、司法")
    CIVIL_AFFAIRS = "civil_affairs", _("民政、扶贫、救灾")
    ETHNIC = "ethnic", _("民族、宗教")
    FOREIGN = "foreign", _("对外事务")
    HMT = "hmt", _("港澳台侨工作")
    DEFENCE = "defence", _("国防")
    OTHER = "other", _("其他")


class Genre(models.TextChoices):
    """体裁分类: the 15 kinds of 公文 (《党政机关公文处理工作条例》第八条)
    and the usual non-公文 kinds of published information."""

    RESOLUTION = "resolution", _("决议")
    DECISION = "decision", _("决定")
    ORDER = "order", _("命令（令）")
    COMMUNIQUE = "communique", _("公报")
    ANNOUNCEMENT = "announcement", _("公告")
    PUBLIC_NOTICE = "public_notice", _("通告")
    OPINION = "opinion", _("意见")
    NOTICE = "notice", _("通知")
    CIRCULAR = "circular", _("通报")
    REPORT = "report", _("报告")
    REQUEST = "request", _("请示")
    REPLY = "reply", _("批复")
    MOTION = "motion", _("议案")
    LETTER = "letter", _("函")
    MINUTES = "minutes", _("纪要")
    PUBLICITY = "publicity", _("公示")
    PLAN = "plan", _("规划计划")
    STATISTICS = "statistics", _("统计数据")
    INTERPRETATION = "interpretation", _("解读")
    OTHER = "other", _("其他")


class ReviewConclusion(models.TextChoices):
    """Conclusion of the 保密审查 (《条例》第十七条)."""

    APPROVED = "approved", _("可以公开")
    APPROVED_REDACTED = "approved_redacted", _("删减后可以公开")
    REFUSED = "refused", _("不宜公开")
    # 《条例》第十七条第二款: when unsure, refer to the competent department or
    # the 保密行政管理部门; publication waits for their answer.
    REFERRED = "referred", _("不能确定，已报请有关部门确定")


# Conclusions that allow publication, by the document's 公开属性.
ALLOWS_PUBLICATION = {
    Attribute.PROACTIVE: frozenset({ReviewConclusion.APPROVED}),
    Attribute.REDACTED: frozenset({ReviewConclusion.APPROVED_REDACTED}),
}


class CategoryGroup(models.TextChoices):
    ARTICLE_20 = "article20", _("《条例》第二十条")
    ARTICLE_21_COUNTY = "article21_county", _("《条例》第二十一条（设区的市、县级）")
    ARTICLE_21_TOWNSHIP = "article21_township", _("《条例》第二十一条（乡镇）")
    COLUMN = "column", _("专栏")
    LOCAL = "local", _("本机关补充目录（《条例》第二十二条）")


class Channel(models.TextChoices):
    """公开渠道和载体 of a 基层政务公开标准目录 entry (multi-select)."""

    WEBSITE = "website", _("政府网站")
    GAZETTE = "gazette", _("政府公报")
    NEW_MEDIA = "new_media", _("两微一端")
    HEARING = "hearing", _("发布会/听证会")
    BROADCAST = "broadcast", _("广播电视")
    PRINT = "print", _("纸质媒体")
    READING_POINT = "reading_point", _("公开查阅点")
    SERVICE_CENTRE = "service_centre", _("政务服务中心")
    SERVICE_STATION = "service_station", _("便民服务站")
    DOOR_TO_DOOR = "door_to_door", _("入户/现场")
    NOTICE_BOARD = "notice_board", _("社区/企事业单位/村公示栏（电子屏）")
    TARGETED = "targeted", _("精准推送")
    OTHER = "other", _("其他")


class Audience(models.TextChoices):
    PUBLIC = "public", _("全社会")
    SPECIFIC = "specific", _("特定群众")


class DisclosureMode(models.TextChoices):
    PROACTIVE = "proactive", _("主动公开")
    ON_REQUEST = "on_request", _("依申请公开")


class Tier(models.TextChoices):
    COUNTY = "county", _("县级")
    TOWNSHIP = "township", _("乡级")
    VILLAGE = "village", _("村级")


class SuggestionStatus(models.TextChoices):
    OPEN = "open", _("待处理")
    ACCEPTED = "accepted", _("已纳入主动公开")
    DISMISSED = "dismissed", _("不予纳入")
