from django.urls import path

from . import agency_urls, views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path(
        "reports/<int:pk>/download.<str:to>",
        views.report_download,
        name="report_download",
    ),
    path("report.css", views.report_stylesheet, name="report_css"),
    *agency_urls.urlpatterns,
]
