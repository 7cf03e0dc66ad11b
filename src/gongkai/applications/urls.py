"""Staff pages under ``/staff/applications/``."""

from django.urls import path

from .views import actions, record_corrections, staff, templates

app_name = "applications"
urlpatterns = [
    path("", staff.case_list, name="list"),
    path("due/", staff.due_list, name="due"),
    path("new/", staff.register, name="register"),
    path("tables/", staff.tables, name="tables"),
    path("templates/", templates.template_list, name="templates"),
    path(
        "templates/<int:agency_pk>/<str:kind>/",
        templates.template_edit,
        name="template_edit",
    ),
    path("<int:pk>/", staff.case_detail, name="detail"),
    path("<int:pk>/dossier.zip", staff.dossier, name="dossier"),
    path("<int:pk>/attachments/new/", staff.attachment_add, name="attachment_add"),
    path("<int:pk>/confirm/", actions.confirm, name="confirm"),
    path("<int:pk>/review/", actions.review, name="review"),
    path("<int:pk>/correction/", actions.correction, name="correction"),
    path(
        "<int:pk>/correction/received/",
        actions.correction_received,
        name="correction_received",
    ),
    path("<int:pk>/consultations/new/", actions.consultation, name="consultation"),
    path(
        "<int:pk>/consultations/<int:consultation_pk>/answer/",
        actions.consultation_answer,
        name="consultation_answer",
    ),
    path(
        "<int:pk>/consultations/<int:consultation_pk>/override/",
        actions.consultation_override,
        name="consultation_override",
    ),
    path("<int:pk>/extension/", actions.extension, name="extension"),
    path("<int:pk>/reasons/", actions.reasons, name="reasons"),
    path(
        "<int:pk>/reasons/decision/", actions.reasons_decision, name="reasons_decision"
    ),
    path("<int:pk>/fee/", actions.fee, name="fee"),
    path("<int:pk>/fee/paid/", actions.fee_paid, name="fee_paid"),
    path("<int:pk>/fee/waive/", actions.fee_waive, name="fee_waive"),
    path("<int:pk>/close/", actions.close, name="close"),
    path("<int:pk>/abandon/", actions.abandon, name="abandon"),
    path("<int:pk>/archive/", actions.archive, name="archive"),
    path("letters/<int:letter_pk>/", staff.letter_view, name="letter"),
    path(
        "letters/<int:letter_pk>/download.<str:fmt>",
        staff.letter_download,
        name="letter_download",
    ),
    path(
        "letters/<int:letter_pk>/delivery/",
        staff.letter_delivery,
        name="letter_delivery",
    ),
    path(
        "attachments/<int:attachment_pk>/", staff.attachment_download, name="attachment"
    ),
    # 更正申请 (《条例》第四十一条)
    path(
        "record-corrections/",
        record_corrections.record_list,
        name="record_corrections",
    ),
    path(
        "record-corrections/new/",
        record_corrections.record_register,
        name="record_correction_register",
    ),
    path(
        "record-corrections/<int:record_correction_pk>/",
        record_corrections.record_detail,
        name="record_correction",
    ),
    path(
        "record-corrections/<int:record_correction_pk>/decide/",
        record_corrections.record_decide,
        name="record_correction_decide",
    ),
    path(
        "record-corrections/<int:record_correction_pk>/delivery/",
        record_corrections.record_delivery,
        name="record_correction_delivery",
    ),
    path(
        "record-corrections/<int:record_correction_pk>/notice.<str:fmt>",
        record_corrections.record_notice,
        name="record_correction_notice",
    ),
    path(
        "record-corrections/files/<int:record_file_pk>/",
        record_corrections.record_file,
        name="record_correction_file",
    ),
]
