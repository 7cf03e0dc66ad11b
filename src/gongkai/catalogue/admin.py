"""Admin: the category list is configuration an installation may extend
(第二十二条 local categories); documents are changed only through the
services, so the admin shows them read-only."""

from django.contrib import admin

from .models import (
    Article20Figures,
    Category,
    ConcernResponse,
    Document,
    Platform,
)


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "group", "article_item", "agency", "is_active")
    list_filter = ("group", "is_active")
    search_fields = ("code", "name")


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = (
        "title",
        "agency",
        "status",
        "attribute",
        "index_number",
        "published_on",
    )
    list_filter = ("status", "attribute", "kind")
    search_fields = ("title", "index_number", "document_number")


@admin.register(Article20Figures)
class Article20FiguresAdmin(ReadOnlyAdmin):
    list_display = (
        "agency",
        "year",
        "licensing",
        "penalty",
        "enforcement",
        "fees_yuan",
    )


@admin.register(ConcernResponse)
class ConcernResponseAdmin(ReadOnlyAdmin):
    list_display = ("topic", "agency", "noticed_on", "responded_on", "channel")
    list_filter = ("channel",)
    search_fields = ("topic",)


@admin.register(Platform)
class PlatformAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "agency", "last_updated_on", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name",)
