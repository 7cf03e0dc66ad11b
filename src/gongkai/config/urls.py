from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from .api import api

urlpatterns = [
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # The admin signs in through the staff login (lockout and TOTP apply).
    path("admin/login/", RedirectView.as_view(pattern_name="login", query_string=True)),
    path("admin/", admin.site.urls),
    path("accounts/", include("gongkai.accounts.urls")),
    path("staff/agencies/", include("gongkai.organisations.urls")),
    path("staff/people/", include("gongkai.accounts.urls_people")),
    path("staff/audit/", include("gongkai.audit.urls")),
    path("staff/catalogue/", include("gongkai.catalogue.urls")),
    path("staff/applications/", include("gongkai.applications.urls")),
    path("staff/remedies/", include("gongkai.remedies.urls")),
    path("apply/", include("gongkai.applications.urls_public")),
    path("staff/reports/", include("gongkai.annual_reports.urls")),
    path("annual-reports/", include("gongkai.annual_reports.public_urls")),
    path("", include("gongkai.portal.urls")),
]
