from django.urls import path

from . import views

app_name = "annual_reports"
urlpatterns = [
    path("upload/", views.upload_reports, name="upload"),
]
