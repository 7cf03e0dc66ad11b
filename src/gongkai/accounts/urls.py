"""Login and the signed-in person's own settings.  Not namespaced: the
names ``login`` and ``logout`` are the ones Django and ``base.html`` use."""

from django.urls import path

from . import views

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("login/code/", views.login_otp, name="login_otp"),
    path("logout/", views.logout_view, name="logout"),
    path("security/", views.security, name="account_security"),
    path("security/password/", views.password_change, name="password_change"),
    path("security/totp/", views.totp_enrol, name="totp_enrol"),
    path("security/totp/disable/", views.totp_disable, name="totp_disable"),
]
