"""URL patterns of the public column, documents, search, feeds and sitemap
(added to the ``portal`` namespace by ``portal/urls.py``)."""

from django.urls import path

from . import agency_views, catalogue_views, feeds, sitemaps

urlpatterns = [
    path("agencies/<int:agency_pk>/", agency_views.agency_column, name="agency_column"),
    path(
        "agencies/<int:agency_pk>/guide/",
        agency_views.agency_guide,
        name="agency_guide",
    ),
    path(
        "agencies/<int:agency_pk>/system/",
        agency_views.agency_system,
        name="agency_system",
    ),
    path(
        "agencies/<int:agency_pk>/proactive/",
        agency_views.agency_proactive,
        name="agency_proactive",
    ),
    path(
        "agencies/<int:agency_pk>/proactive/<slug:code>/",
        agency_views.agency_category,
        name="agency_category",
    ),
    path(
        "agencies/<int:agency_pk>/reports/",
        agency_views.agency_reports,
        name="agency_reports",
    ),
    path(
        "agencies/<int:agency_pk>/standard/",
        agency_views.agency_standard,
        name="agency_standard",
    ),
    path(
        "agencies/<int:agency_pk>/apply/",
        agency_views.agency_apply,
        name="agency_apply",
    ),
    path("agencies/<int:agency_pk>/feed.rss", feeds.DocumentFeed(), name="agency_rss"),
    path(
        "agencies/<int:agency_pk>/feed.atom",
        feeds.AtomDocumentFeed(),
        name="agency_atom",
    ),
    path(
        "agencies/<int:agency_pk>/proactive/<slug:code>/feed.rss",
        feeds.DocumentFeed(),
        name="agency_category_rss",
    ),
    path(
        "agencies/<int:agency_pk>/proactive/<slug:code>/feed.atom",
        feeds.AtomDocumentFeed(),
        name="agency_category_atom",
    ),
    path("feeds/<slug:code>.rss", feeds.DocumentFeed(), name="category_rss"),
    path("feeds/<slug:code>.atom", feeds.AtomDocumentFeed(), name="category_atom"),
    path("documents/<int:pk>/", catalogue_views.document, name="document"),
    path(
        "documents/<int:pk>/attachments/<int:attachment_pk>/",
        catalogue_views.attachment,
        name="attachment",
    ),
    path("search/", catalogue_views.search_page, name="search"),
    path("care-mode/", catalogue_views.care_mode, name="care_mode"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-pages.xml", sitemaps.sitemap_pages, name="sitemap_pages"),
    path(
        "sitemap-documents-<int:chunk>.xml",
        sitemaps.sitemap_documents,
        name="sitemap_documents",
    ),
]
