"""Who may read which audit entries."""

from gongkai.accounts.permissions import audit_readable_agencies

from .models import AuditEntry


def entries_for_user(user):
    """Return the entries ``user`` may read: those filed under an agency in
    the subtree of their 督查 or 系统管理员 roles; a superuser reads all,
    including entries filed under no agency."""
    if user.is_active and user.is_superuser:
        return AuditEntry.objects.all()
    return AuditEntry.objects.for_agencies(audit_readable_agencies(user))
