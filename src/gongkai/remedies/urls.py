from django.urls import path

from . import views

app_name = "remedies"
urlpatterns = [
    path("", views.remedy_list, name="list"),
    path("new/<int:application_pk>/", views.remedy_create, name="create"),
    path("<int:pk>/", views.remedy_detail, name="detail"),
    path("<int:pk>/result/", views.remedy_result, name="result"),
]
