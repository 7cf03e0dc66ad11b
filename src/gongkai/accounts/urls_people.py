from django.urls import path

from . import people_views as views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="person_list"),
    path("new/", views.person_create, name="person_create"),
    path("<int:user_pk>/", views.person_detail, name="person_detail"),
    path("<int:user_pk>/roles/", views.role_grant, name="role_grant"),
    path(
        "<int:user_pk>/roles/<int:role_pk>/revoke/",
        views.role_revoke,
        name="role_revoke",
    ),
    path("<int:user_pk>/active/", views.person_set_active, name="person_set_active"),
    path(
        "<int:user_pk>/password/",
        views.person_reset_password,
        name="person_reset_password",
    ),
    path(
        "<int:user_pk>/totp/disable/",
        views.person_disable_totp,
        name="person_disable_totp",
    ),
]
