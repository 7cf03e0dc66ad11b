"""The JSON API under ``/api/``; OpenAPI document at ``/api/openapi.json``."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Gongkai API",
    version="1",
    description="公开 Gongkai：政府信息公开平台的 JSON 接口",
    urls_namespace="api",
)
api.add_router("/reports", "gongkai.annual_reports.api.router")
api.add_router("/annual-reports", "gongkai.annual_reports.api.staff_router")
api.add_router("/agencies", "gongkai.organisations.api.router")
api.add_router("/audit", "gongkai.audit.api.router")
api.add_router("/catalogue", "gongkai.catalogue.api.router")
api.add_router("/applications", "gongkai.applications.api.router")
api.add_router("/remedies", "gongkai.remedies.api.router")
