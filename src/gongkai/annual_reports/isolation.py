"""Imported reports are documents their agencies already published: the
isolation crawl does not expect them to be hidden."""

from gongkai.accounts.isolation import registry

registry.register_public("annual_reports", api_prefixes=("/api/reports",))
