from django.urls import path

from .views import dashboard, deadlines, drill, members, reports, upload

app_name = "annual_reports"
urlpatterns = [
    path("", reports.report_index, name="index"),
    path("new/", reports.report_start, name="start"),
    path("upload/", upload.upload_reports, name="upload"),
    path("dashboard/", dashboard.dashboard_page, name="dashboard"),
    path("dashboard/export/", dashboard.dashboard_export, name="dashboard_export"),
    path("deadlines/", deadlines.deadline_rules, name="deadlines"),
    path(
        "deadlines/<int:rule_pk>/delete/",
        deadlines.deadline_rule_delete,
        name="deadline_delete",
    ),
    path("<int:pk>/", reports.report_detail, name="report"),
    path("<int:pk>/narrative/", reports.report_narrative, name="narrative"),
    path("<int:pk>/compile/", reports.report_compile, name="compile"),
    path("<int:pk>/submit/", reports.report_submit, name="submit"),
    path("<int:pk>/return/", reports.report_return, name="return"),
    path("<int:pk>/publish/", reports.report_publish, name="publish"),
    path("<int:pk>/correct/", reports.report_correct, name="correct"),
    path("<int:pk>/preview/", reports.report_preview, name="preview"),
    path("<int:pk>/members/", members.report_members, name="members"),
    path("<int:pk>/cells/<str:cell>/", drill.report_cell, name="cell"),
]
