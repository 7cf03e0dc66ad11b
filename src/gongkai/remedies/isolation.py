"""Remedy records for the isolation crawl (see ``gongkai.accounts.isolation``)."""

from gongkai.accounts.isolation import registry
from gongkai.applications.isolation import build_application

from .models import Remedy


def build_remedy(agency) -> Remedy:
    application = build_application(agency)
    return Remedy.objects.create(
        application=application,
        route="reconsideration",
        body="上一级人民政府",
        case_number=f"复议{application.number}号",
        filed_on=application.receipt_date,
    )


registry.register(
    Remedy,
    build=build_remedy,
    marker=lambda remedy: remedy.case_number,
    params=("remedy_pk", "remedy_id"),
    namespaces=("remedies",),
    api_prefixes=("/api/remedies",),
)
