from django.urls import path

from .views import agency, documents, engagement

app_name = "catalogue"
urlpatterns = [
    path("", documents.document_list, name="document_list"),
    path("new/", documents.document_create, name="document_create"),
    path("flags/", agency.flags, name="flags"),
    path("concerns/", engagement.concern_list, name="concern_list"),
    path("concerns/new/", engagement.concern_create, name="concern_create"),
    path(
        "concerns/<int:concern_pk>/edit/",
        engagement.concern_edit,
        name="concern_edit",
    ),
    path(
        "concerns/<int:concern_pk>/delete/",
        engagement.concern_delete,
        name="concern_delete",
    ),
    path("platforms/", engagement.platform_list, name="platform_list"),
    path("platforms/new/", engagement.platform_create, name="platform_create"),
    path(
        "platforms/<int:platform_pk>/edit/",
        engagement.platform_edit,
        name="platform_edit",
    ),
    path(
        "platforms/<int:platform_pk>/updated/",
        engagement.platform_update,
        name="platform_update",
    ),
    path("<int:pk>/", documents.document_detail, name="document_detail"),
    path("<int:pk>/edit/", documents.document_edit, name="document_edit"),
    path("<int:pk>/review/", documents.document_review, name="document_review"),
    path("<int:pk>/publish/", documents.document_publish, name="document_publish"),
    path("<int:pk>/file/", documents.document_file, name="document_file"),
    path("<int:pk>/withdraw/", documents.document_withdraw, name="document_withdraw"),
    path("<int:pk>/validity/", documents.document_validity, name="document_validity"),
    path(
        "<int:pk>/reevaluate/",
        documents.document_reevaluate,
        name="document_reevaluate",
    ),
    path("<int:pk>/attachments/", documents.attachment_add, name="attachment_add"),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/",
        documents.attachment_download,
        name="attachment_download",
    ),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/remove/",
        documents.attachment_remove,
        name="attachment_remove",
    ),
    path("agencies/<int:agency_pk>/figures/", agency.figures, name="figures"),
    path(
        "agencies/<int:agency_pk>/figures/import/",
        agency.figures_import,
        name="figures_import",
    ),
    path(
        "agencies/<int:agency_pk>/section-two/<int:year>/",
        agency.section_two,
        name="section_two",
    ),
    path("agencies/<int:agency_pk>/guide/", agency.guide_edit, name="guide_edit"),
    path(
        "agencies/<int:agency_pk>/standard/", agency.standard_list, name="standard_list"
    ),
    path(
        "agencies/<int:agency_pk>/standard/new/",
        agency.standard_edit,
        name="standard_create",
    ),
    path(
        "agencies/<int:agency_pk>/standard/<int:entry_pk>/",
        agency.standard_edit,
        name="standard_edit",
    ),
    path(
        "agencies/<int:agency_pk>/standard/<int:entry_pk>/delete/",
        agency.standard_delete,
        name="standard_delete",
    ),
    path(
        "agencies/<int:agency_pk>/index-scheme/",
        agency.index_scheme,
        name="index_scheme",
    ),
    path(
        "suggestions/<int:suggestion_pk>/",
        agency.suggestion_accept,
        name="suggestion_accept",
    ),
    path(
        "suggestions/<int:suggestion_pk>/dismiss/",
        agency.suggestion_dismiss,
        name="suggestion_dismiss",
    ),
]
