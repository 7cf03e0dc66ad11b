"""RSS 2.0 and Atom feeds of newly published documents: per agency, per
agency and category, and per category across agencies."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from gongkai.catalogue.models import Category, Document
from gongkai.organisations.models import Agency

ITEMS = 30


class DocumentFeed(Feed):
    """RSS 2.0; ``AtomDocumentFeed`` is the same as Atom."""

    def get_object(self, request, agency_pk=None, code=None):
        agency = get_object_or_404(Agency, pk=agency_pk) if agency_pk else None
        category = Category.objects.filter(code=code).first() if code else None
        if code and category is None:
            raise Http404
        return agency, category

    def title(self, obj):
        agency, category = obj
        name = agency.name if agency else _("全部机关")
        if category:
            return _("%(name)s政府信息公开 · %(category)s") % {
                "name": name,
                "category": category.name,
            }
        return _("%(name)s政府信息公开") % {"name": name}

    def link(self, obj):
        agency, category = obj
        if agency and category:
            return reverse("portal:agency_category", args=[agency.pk, category.code])
        if agency:
            return reverse("portal:agency_column", args=[agency.pk])
        return reverse("portal:search") + (
            f"?category={category.code}" if category else ""
        )

    def description(self, obj):
        return _("新发布的主动公开政府信息")

    def items(self, obj):
        agency, category = obj
        documents = Document.objects.public().select_related("agency")
        if agency:
            documents = documents.filter(agency=agency)
        if category:
            documents = documents.filter(category=category)
        return documents.order_by("-listing_key")[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.body[:200]

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.publisher_name

    def item_guid(self, item):
        return item.index_number

    item_guid_is_permalink = False

    def item_categories(self, item):
        return [item.category.name] if item.category_id else []


class AtomDocumentFeed(DocumentFeed):
    feed_type = Atom1Feed
    subtitle = DocumentFeed.description
