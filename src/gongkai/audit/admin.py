from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log cannot be added to, changed or deleted here."""

    list_display = (
        "created_at",
        "actor_name",
        "verb",
        "target_repr",
        "agency",
        "ip_address",
    )
    list_filter = ("verb",)
    search_fields = ("actor_name", "verb", "target_repr")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
