"""Admin pages of the statutory calendar.

Rows are never edited in place: a year is added (or replaced) as a whole
through the services, from the entry form (``add/``) or a file
(``import/``); ``export/`` downloads the table as CSV.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .forms import ArrangementForm, ImportForm
from .models import CalendarException, CalendarYear
from .selectors import export_csv

HOLIDAY = CalendarException.Kind.HOLIDAY
WORKDAY = CalendarException.Kind.ADJUSTED_WORKDAY


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CalendarYear)
class CalendarYearAdmin(ReadOnlyAdmin):
    list_display = [
        "year",
        "source",
        "published_on",
        "holidays",
        "workdays",
        "origin",
        "added_by",
        "added_at",
    ]
    list_filter = ["origin"]
    search_fields = ["source"]
    change_list_template = "workcalendar/admin/calendaryear_change_list.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("added_by")
            .annotate(
                n_holidays=Count("exceptions", filter=Q(exceptions__kind=HOLIDAY)),
                n_workdays=Count("exceptions", filter=Q(exceptions__kind=WORKDAY)),
            )
        )

    @admin.display(description=gettext_lazy("放假日数"), ordering="n_holidays")
    def holidays(self, obj):
        return obj.n_holidays

    @admin.display(description=gettext_lazy("调休上班日数"), ordering="n_workdays")
    def workdays(self, obj):
        return obj.n_workdays

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "import/",
                view(self.import_view),
                name="workcalendar_calendaryear_import",
            ),
            path(
                "export/",
                view(self.export_view),
                name="workcalendar_calendaryear_export",
            ),
        ] + super().get_urls()

    def add_view(self, request, form_url="", extra_context=None):
        title = _("录入国务院办公厅节假日安排")
        return self._form_view(request, ArrangementForm, title)

    def import_view(self, request):
        return self._form_view(request, ImportForm, _("导入节假日安排文件"))

    def export_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        response = HttpResponse(export_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="workcalendar.csv"'
        return response

    def _form_view(self, request, form_class, title):
        if not self.has_add_permission(request):
            raise PermissionDenied
        if (
            request.method == "POST"
            and "read_notice" in request.POST
            and form_class is ArrangementForm
        ):
            form, problems = form_class.from_notice(request.POST)
            for problem in problems:
                self.message_user(request, problem, messages.WARNING)
            return self._render_form(request, form, title)
        form = form_class(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            calendar_year = form.save(request.user)
            if calendar_year is not None:
                message = _("已录入 %(year)s 年的法定节假日安排") % {
                    "year": calendar_year.year
                }
                self.message_user(request, message)
                return redirect("admin:workcalendar_calendaryear_changelist")
        return self._render_form(request, form, title)

    def _render_form(self, request, form, title):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "form": form,
        }
        return TemplateResponse(request, "workcalendar/admin/year_form.html", context)


@admin.register(CalendarException)
class CalendarExceptionAdmin(ReadOnlyAdmin):
    list_display = ["date", "kind", "name", "calendar_year", "source_notice"]
    list_filter = ["kind", "calendar_year"]
    search_fields = ["name"]
    date_hierarchy = "date"

    def has_add_permission(self, request):
        return False
