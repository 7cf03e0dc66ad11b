from django.contrib import admin

from .models import ImportedReport


@admin.register(ImportedReport)
class ImportedReportAdmin(admin.ModelAdmin):
    list_display = ["agency_name", "year", "format", "source_kind", "created_at"]
    list_filter = ["format", "source_kind", "year"]
    search_fields = ["agency_name", "source_name"]
    readonly_fields = ["created_at", "created_by"]
