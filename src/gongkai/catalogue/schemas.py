"""JSON shapes of the public catalogue API."""

from datetime import date
from typing import Any, Literal

from ninja import Field, Schema

from .models import Validity

ValidityChoice = Literal[tuple(Validity.values)]


class SearchParams(Schema):
    q: str = Field("", max_length=100, description="关键词；一个或两个汉字也可以")
    agency: int | None = Field(None, description="发布机构编号")
    category: str | None = Field(
        None, max_length=40, description="目录分类代码，如 art20-01"
    )
    year: int | None = Field(None, ge=2000, le=2100, description="发布年份")
    validity: ValidityChoice | None = Field(
        None, description="有效性：effective/expired/repealed"
    )
    after: int | None = Field(None, ge=0, description="上一页返回的 next，取更早的结果")
    limit: int = Field(20, ge=1, le=100)


class DocumentOut(Schema):
    id: int
    index_number: str
    title: str
    agency_id: int
    agency: str
    document_number: str
    category: str
    created_on: date
    published_on: date
    validity: str | None
    url: str
    title_html: str = ""
    excerpt_html: str = ""


class SearchOut(Schema):
    count: int
    count_is_lower_bound: bool
    next: int | None
    results: list[DocumentOut]


class DocumentDetailOut(DocumentOut):
    summary: str
    body: str
    topic: str
    genre: str
    kind: str
    attachments: list[dict[str, Any]]
    interpretations: list[int]


class CategoryOut(Schema):
    code: str
    name: str
    group: str
    article_item: int | None


class ErrorOut(Schema):
    detail: str


class ValidationErrorOut(Schema):
    detail: list[dict[str, Any]]
