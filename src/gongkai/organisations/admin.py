from django.contrib import admin

from .models import Agency


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    """Read-only: agencies change through the staff pages (services with
    audit entries), never by a bare save."""

    list_display = ("name", "level", "kind", "credit_code", "path")
    list_filter = ("level", "kind")
    search_fields = ("name", "short_name", "credit_code", "organisation_code")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
