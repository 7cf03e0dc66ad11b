"""``/api/catalogue/``: the public catalogue as JSON (no sign-in; only
published 主动公开 items exist here, as on the portal)."""

from django.http import HttpRequest
from django.utils import timezone

from ninja import Query, Router, Status

from .listing import search
from .models import Category, Document
from .models.choices import HAS_VALIDITY
from .schemas import (
    CategoryOut,
    DocumentDetailOut,
    ErrorOut,
    SearchOut,
    SearchParams,
    ValidationErrorOut,
)
from .search import Filters, Window
from .selectors import get_public_document

router = Router(tags=["catalogue"])


def _category_codes() -> dict[int, str]:
    return dict(Category.objects.values_list("pk", "code"))


def _document(item: Document, request: HttpRequest, codes=None) -> dict:
    today = timezone.localdate()
    codes = codes or _category_codes()
    return {
        "id": item.pk,
        "index_number": item.index_number,
        "title": item.title,
        "agency_id": item.agency_id,
        "agency": item.publisher_name,
        "document_number": item.document_number,
        "category": codes[item.category_id],
        "created_on": item.created_on,
        "published_on": item.published_on,
        "validity": item.validity_on(today) if item.kind in HAS_VALIDITY else None,
        "url": request.build_absolute_uri(item.get_absolute_url()),
    }


def _filters(params: SearchParams) -> Filters | None:
    category_id = None
    if params.category:
        category = Category.objects.filter(code=params.category).first()
        if category is None:
            return None
        category_id = category.pk
    return Filters(
        agency_id=params.agency,
        category_id=category_id,
        year=params.year,
        validity=params.validity,
        today=timezone.localdate(),
    )


@router.get(
    "/search",
    response={200: SearchOut, 404: ErrorOut, 422: ValidationErrorOut},
    summary="检索主动公开的政府信息",
)
def search_documents(request: HttpRequest, params: Query[SearchParams]):
    """Search titles and full text (Chinese, one character and up), newest
    first, with the portal's filters.  Pass ``next`` back as ``after`` for
    the following page; an unknown category is a 404."""
    filters = _filters(params)
    if filters is None:
        return Status(404, {"detail": "没有这个目录分类。"})
    result = search(params.q, filters, Window(after=params.after, size=params.limit))
    codes = _category_codes()
    results = [
        _document(hit.document, request, codes)
        | {"title_html": str(hit.title), "excerpt_html": str(hit.excerpt)}
        for hit in result.exact + result.items
    ]
    return {
        "count": result.total,
        "count_is_lower_bound": result.capped,
        "next": result.next_key,
        "results": results,
    }


@router.get(
    "/documents/{document_id}",
    response={200: DocumentDetailOut, 404: ErrorOut, 422: ValidationErrorOut},
    summary="一条主动公开信息",
)
def get_document(request: HttpRequest, document_id: int):
    """One published document with its text, attachments and 解读."""
    item = get_public_document(document_id)
    attachments = [
        {
            "name": a.name,
            "size": a.size,
            "url": request.build_absolute_uri(a.get_absolute_url()),
        }
        for a in item.attachments.all()
    ]
    return _document(item, request) | {
        "summary": item.summary,
        "body": item.body,
        "topic": item.get_topic_display(),
        "genre": item.get_genre_display(),
        "kind": item.kind,
        "attachments": attachments,
        "interpretations": list(
            item.interpretations.public().values_list("pk", flat=True)
        ),
    }


@router.get("/categories", response={200: list[CategoryOut]}, summary="目录分类")
def list_categories(request: HttpRequest):
    """The statutory categories (《条例》第二十条、第二十一条) and columns."""
    return Category.objects.filter(agency__isnull=True, is_active=True)
