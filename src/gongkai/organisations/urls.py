from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("", views.agency_list, name="agency_list"),
    path("new/", views.agency_create, name="agency_create"),
    path("import/", views.agency_import, name="agency_import"),
    path("import/template.csv", views.import_template, name="import_template"),
    path("<int:pk>/", views.agency_detail, name="agency_detail"),
    path("<int:pk>/edit/", views.agency_edit, name="agency_edit"),
    path("<int:pk>/move/", views.agency_move, name="agency_move"),
]
