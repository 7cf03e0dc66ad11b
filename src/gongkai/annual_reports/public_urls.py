"""Public pages of published annual reports (every version stays readable)."""

from django.urls import path

from .views import public

app_name = "annual_reports_public"
urlpatterns = [
    path("<int:pk>/", public.version_page, name="version"),
    path("<int:pk>/download.<str:to>", public.version_download, name="download"),
    path("<int:pk>/changes/", public.version_changes, name="changes"),
]
