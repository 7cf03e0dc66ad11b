"""Reads of the catalogue: permission-checked fetchers for staff, the
public fetchers, and the yearly figures of report section 二."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.http import Http404

from gongkai.accounts.permissions import (
    agencies_for_user,
    filter_for_user,
    get_for_user,
)
from gongkai.organisations.models import Agency

from .models import (
    Article20Figures,
    Attachment,
    ConcernResponse,
    Document,
    DocumentKind,
    Platform,
    PlatformKind,
    ProactiveSuggestion,
    StandardEntry,
    Status,
    SuggestionStatus,
)

# Documents that count as issued: published, or registered without publishing.
ISSUED_STATUSES = (Status.PUBLISHED, Status.FILED)


def get_document_for_user(user, pk, *, write: bool = False) -> Document:
    """Return document ``pk`` if its agency is within the user's reach (with
    ``write``: the user may change it), else raise ``Http404``."""
    return get_for_user(
        Document.objects.select_related("agency", "category"), user, pk, write=write
    )


def get_attachment_for_user(user, document: Document, pk) -> Attachment:
    try:
        return document.attachments.get(pk=pk)
    except (Attachment.DoesNotExist, ValueError):
        raise Http404 from None


def get_entry_for_user(user, agency: Agency, pk) -> StandardEntry:
    try:
        return StandardEntry.objects.get(pk=pk, agency=agency)
    except (StandardEntry.DoesNotExist, ValueError):
        raise Http404 from None


def get_suggestion_for_user(user, pk, *, write: bool = False) -> ProactiveSuggestion:
    return get_for_user(
        ProactiveSuggestion.objects.select_related("agency"), user, pk, write=write
    )


def get_concern_for_user(user, pk, *, write: bool = False) -> ConcernResponse:
    """Return 回应关切 record ``pk`` if its agency is within the user's reach
    (with ``write``: the user may change it), else raise ``Http404``."""
    return get_for_user(
        ConcernResponse.objects.select_related("agency", "document"),
        user,
        pk,
        write=write,
    )


def get_platform_for_user(user, pk, *, write: bool = False) -> Platform:
    """Return platform ``pk`` if its agency is within the user's reach, else
    raise ``Http404``."""
    return get_for_user(
        Platform.objects.select_related("agency"), user, pk, write=write
    )


def concerns_for_user(user) -> models.QuerySet:
    """Every 回应关切 record of the agencies the user may read."""
    return filter_for_user(
        ConcernResponse.objects.select_related("agency", "document"), user
    )


def platforms_for_user(user) -> models.QuerySet:
    """Every platform of the agencies the user may read."""
    return filter_for_user(Platform.objects.select_related("agency"), user)


def get_public_document_of(agency: Agency, index_number: str) -> Document | None:
    """Return the agency's published document with ``index_number``, or
    None."""
    return (
        Document.objects.public()
        .filter(agency=agency, index_number=index_number.strip())
        .first()
    )


def documents_for_user(user) -> models.QuerySet:
    """Every document of the agencies the user may read."""
    return filter_for_user(Document.objects.select_related("agency", "category"), user)


def writable_agencies(user) -> models.QuerySet:
    return agencies_for_user(user, write=True).order_by("path")


def get_public_document(pk) -> Document:
    """Return a document on the public platform, else raise ``Http404``
    (drafts, withheld and withdrawn items do not exist for the public)."""
    try:
        return Document.objects.public().select_related("agency", "category").get(pk=pk)
    except (Document.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


STANDARD_SECONDS = 60


def _standard_key(agency_id: int) -> str:
    return f"catalogue:has_standard:{agency_id}"


def has_standard_catalogue(agency: Agency) -> bool:
    """Whether the agency has 基层政务公开标准目录 entries.  Cached for a
    minute (every page of the column asks); the services forget it when
    an entry is saved or deleted."""
    found = cache.get(_standard_key(agency.pk))
    if found is None:
        found = agency.standard_entries.exists()
        cache.set(_standard_key(agency.pk), found, STANDARD_SECONDS)
    return found


def forget_standard_catalogue(agency: Agency) -> None:
    cache.delete(_standard_key(agency.pk))


# Report section 二 ---------------------------------------------------------


@dataclass(frozen=True)
class DocumentCounts:
    issued: int
    repealed: int
    in_force: int


def document_counts(agency: Agency, year: int, kind: str) -> DocumentCounts:
    """Return the 第二十条第（一）项 figures of ``kind`` for ``year``.

    - 本年制发件数: issued documents whose 生成日期 (成文日期) is in the year;
    - 本年废止件数: documents whose 废止日期 is in the year;
    - 现行有效件数: documents issued by 31 December, in effect by then and
      neither repealed nor expired on that day.
    """
    documents = Document.objects.filter(
        agency=agency, kind=kind, status__in=ISSUED_STATUSES
    )
    in_force = documents.filter(_in_force_on(date(year, 12, 31)))
    return DocumentCounts(
        issued=documents.filter(created_on__year=year).count(),
        repealed=documents.filter(repealed_on__year=year).count(),
        in_force=in_force.count(),
    )


def published_count(agency: Agency, year: int) -> int:
    """Return how many items the agency published proactively in ``year``
    (withdrawn ones included: they were published)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    return Document.objects.filter(
        agency=agency, published_on__range=(first, last)
    ).count()


def interpretation_count(agency: Agency, year: int) -> int:
    """Return how many 政策解读 the agency published in ``year`` (R50;
    withdrawn ones included, as in ``published_count``)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    return Document.objects.filter(
        agency=agency,
        kind=DocumentKind.INTERPRETATION,
        published_on__range=(first, last),
    ).count()


def concern_response_count(agency: Agency, year: int) -> int:
    """Return how many responses to public concerns (回应关切, spec §4.5)
    the agency recorded as given in ``year``."""
    return ConcernResponse.objects.filter(agency=agency).of_year(year).count()


def active_platforms(agency: Agency) -> list[Platform]:
    """Return the platforms the agency publishes through now (R69), the
    websites and columns first."""
    order = {kind: i for i, kind in enumerate(PlatformKind.values)}
    platforms = Platform.objects.filter(agency=agency).active().order_by("pk")
    return sorted(platforms, key=lambda p: order.get(p.kind, len(order)))


def fees_10k_yuan(amount_yuan: Decimal, decimals: int = 4) -> int | float:
    """Return an amount in 元 as 万元 with ``decimals`` places (R54)."""
    # 四舍五入, as amounts are rounded in Chinese accounting.
    value = (amount_yuan / Decimal(10000)).quantize(
        Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP
    )
    return int(value) if value == value.to_integral_value() else float(value)


def proactive_section(agency: Agency, year: int) -> dict:
    """Return section 二 of the 2021 format for ``agency`` and ``year``, in
    the canonical JSON shape (``proactive`` of ``spec/report-json.md``).

    The 第（五）（六）（八）项 cells are ``None`` when no figures were entered
    for the year.
    """
    figures = Article20Figures.objects.filter(agency=agency, year=year).first()
    return {
        "regulations": vars(document_counts(agency, year, DocumentKind.REGULATION)),
        "normative_documents": vars(
            document_counts(agency, year, DocumentKind.NORMATIVE)
        ),
        **_figures_cells(figures),
    }


def _in_force_on(day: date) -> models.Q:
    return (
        models.Q(created_on__lte=day)
        & ~models.Q(effective_from__gt=day)
        & ~models.Q(repealed_on__lte=day)
        & ~models.Q(valid_until__lt=day)
    )


KIND_KEYS = {
    DocumentKind.REGULATION: "regulations",
    DocumentKind.NORMATIVE: "normative_documents",
}


def _grouped_counts(agency_ids: list[int], year: int) -> dict:
    """Return ``{(agency id, kind): {issued, repealed, in_force}}`` in one
    grouped query, with the definitions of ``document_counts``."""
    rows = (
        Document.objects.filter(
            agency_id__in=agency_ids, kind__in=KIND_KEYS, status__in=ISSUED_STATUSES
        )
        .values("agency_id", "kind")
        .annotate(
            issued=models.Count("pk", filter=models.Q(created_on__year=year)),
            repealed=models.Count("pk", filter=models.Q(repealed_on__year=year)),
            in_force=models.Count("pk", filter=_in_force_on(date(year, 12, 31))),
        )
        .order_by()
    )
    return {
        (row["agency_id"], row["kind"]): {
            key: row[key] for key in ("issued", "repealed", "in_force")
        }
        for row in rows
    }


def proactive_sections(agency_ids: list[int], year: int) -> dict[int, dict]:
    """Return ``{agency id: proactive_section(agency, year)}`` for many
    agencies in two queries (for compiling a region's reports at once)."""
    counts = _grouped_counts(agency_ids, year)
    figures = {
        f.agency_id: f
        for f in Article20Figures.objects.filter(agency_id__in=agency_ids, year=year)
    }
    zero = {"issued": 0, "repealed": 0, "in_force": 0}
    return {
        agency_id: {
            **{
                key: dict(counts.get((agency_id, kind), zero))
                for kind, key in KIND_KEYS.items()
            },
            **_figures_cells(figures.get(agency_id)),
        }
        for agency_id in agency_ids
    }


def _figures_cells(figures: Article20Figures | None) -> dict:
    return {
        "licensing": figures.licensing if figures else None,
        "penalty": figures.penalty if figures else None,
        "enforcement": figures.enforcement if figures else None,
        "fees_10k_yuan": fees_10k_yuan(figures.fees_yuan) if figures else None,
    }


# Flags for staff ------------------------------------------------------------


@dataclass
class Flags:
    """What needs attention in the given agencies' catalogues."""

    overdue: models.QuerySet  # 第二十六条
    deadline_unknown: models.QuerySet
    missing_interpretation: models.QuerySet  # R50
    reevaluation_due: models.QuerySet  # 第十八条
    referred: models.QuerySet  # R45: waiting for a referral
    suggestions: models.QuerySet  # 第四十四条
    stale_guides: list  # 第十二条、第五十三条
    quiet_agencies: list  # R69
    stale_platforms: models.QuerySet  # R69, 国办秘函〔2019〕19号
    platform_days: int


# 国办秘函〔2019〕19号: a 政务新媒体 account with no update for more than two
# weeks fails by 单项否决 (R69).  The same period is applied to websites and
# columns, since R69 flags every platform left without update.
PLATFORM_STALE_DAYS = 14


def platform_stale_days() -> int:
    """Days without update after which a platform is flagged (setting
    ``CATALOGUE_PLATFORM_STALE_DAYS``)."""
    return int(getattr(settings, "CATALOGUE_PLATFORM_STALE_DAYS", PLATFORM_STALE_DAYS))


def stale_platforms(
    agencies: models.QuerySet, today: date, days: int | None = None
) -> models.QuerySet:
    """Active platforms of ``agencies`` with no update for more than
    ``days`` days (default ``platform_stale_days()``), oldest first."""
    days = platform_stale_days() if days is None else days
    return (
        Platform.objects.filter(agency__in=agencies)
        .stale(today, days)
        .select_related("agency")
        .order_by("last_updated_on", "pk")
    )


def flags_for(agencies: models.QuerySet, today: date, quiet_days: int = 90) -> Flags:
    """Return the flags of the catalogues of ``agencies`` as of ``today``."""
    platform_days = platform_stale_days()
    documents = Document.objects.filter(agency__in=agencies).select_related("agency")
    drafts = documents.filter(status=Status.DRAFT)
    return Flags(
        overdue=documents.publication_overdue(today).order_by("publication_due_on"),
        deadline_unknown=documents.deadline_unknown(),
        missing_interpretation=documents.interpretation_missing(today).order_by(
            "interpretation_due_on"
        ),
        reevaluation_due=documents.reevaluation_due(today).order_by("review_due_on"),
        referred=drafts.filter(pk__in=[d.pk for d in drafts if d.is_referred()]),
        suggestions=ProactiveSuggestion.objects.filter(
            agency__in=agencies, status=SuggestionStatus.OPEN
        ).select_related("agency"),
        stale_guides=[a for a in agencies if _guide_stale(a)],
        quiet_agencies=_quiet(agencies, today, quiet_days),
        stale_platforms=stale_platforms(agencies, today, platform_days),
        platform_days=platform_days,
    )


def _guide_stale(agency: Agency) -> bool:
    guide = getattr(agency, "guide", None)
    return guide is not None and guide.contacts_changed()


def last_published(agency: Agency) -> date | None:
    latest = Document.objects.public().filter(agency=agency).order_by("-listing_key")
    return latest.values_list("published_on", flat=True).first()


def _quiet(agencies, today: date, days: int) -> list[tuple[Agency, date | None]]:
    """Agencies that published nothing in the last ``days`` days (R69)."""
    quiet = []
    for agency in agencies:
        last = last_published(agency)
        if last is None or (today - last).days > days:
            quiet.append((agency, last))
    return quiet
