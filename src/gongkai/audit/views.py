from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.accounts.permissions import audit_readable_agencies

from .forms import AuditFilterForm
from .selectors import entries_for_user

PAGE_SIZE = 50


@require_GET
@login_required
def entry_list(request: HttpRequest) -> HttpResponse:
    """Search the audit log (督查 and 系统管理员: their subtree)."""
    agencies = audit_readable_agencies(request.user)
    if not (request.user.is_superuser or agencies.exists()):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None, agencies=agencies)
    entries = entries_for_user(request.user).select_related("agency")
    if form.is_bound and form.is_valid():
        entries = form.filter(entries)
    elif form.is_bound:
        entries = entries.none()
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "audit/entry_list.html", context)
