"""What a compiled report reads from the other apps, in one place.

The aggregation belongs to the apps that own the records; this module only
names their selectors:

- section 二: ``catalogue.selectors.proactive_section(agency, year)``;
- section 三: ``applications.selectors.table_three(agency, year, format)``;
- section 四: ``remedies.selectors.table_four(agency, year)``;
- facts: ``catalogue.selectors.published_count(agency, year)``,
  ``catalogue.selectors.interpretation_count(agency, year)``,
  ``catalogue.selectors.concern_response_count(agency, year)``,
  ``catalogue.selectors.active_platforms(agency)`` and
  ``applications.selectors.fee_summary(agency, year)``.

A fact whose selector does not exist (yet) is ``None``: the writer is told
the figure is unavailable, never shown a made-up zero.
"""

from dataclasses import dataclass
from decimal import Decimal
from importlib import import_module


@dataclass(frozen=True)
class FeeSummary:
    """信息处理费 collected in the year (R62)."""

    cases: int
    amount_yuan: Decimal


def _optional(module: str, name: str):
    """Return the selector ``module.name``, or None when it does not exist."""
    try:
        return getattr(import_module(module), name)
    except (ImportError, AttributeError):
        return None


def proactive_section(agency, year: int) -> dict:
    from gongkai.catalogue.selectors import proactive_section as selector

    return selector(agency, year)


def applications_table(agency, year: int, format: str = "2021") -> dict:
    from gongkai.applications.selectors import table_three

    return table_three(agency, year, format)


def appeals_table(agency, year: int) -> dict:
    from gongkai.remedies.selectors import table_four

    return table_four(agency, year)


def items_published(agency, year: int) -> int | None:
    selector = _optional("gongkai.catalogue.selectors", "published_count")
    return None if selector is None else selector(agency, year)


def interpretations_published(agency, year: int) -> int | None:
    selector = _optional("gongkai.catalogue.selectors", "interpretation_count")
    return None if selector is None else selector(agency, year)


def concerns_responded(agency, year: int) -> int | None:
    selector = _optional("gongkai.catalogue.selectors", "concern_response_count")
    return None if selector is None else selector(agency, year)


@dataclass(frozen=True)
class PlatformName:
    """A website, column or 政务新媒体 account the agency publishes through
    (``kind`` is a ``catalogue.models.PlatformKind`` value)."""

    kind: str
    name: str


def platforms_in_use(agency) -> list[PlatformName] | None:
    selector = _optional("gongkai.catalogue.selectors", "active_platforms")
    if selector is None:
        return None
    return [PlatformName(p.kind, p.name) for p in selector(agency)]


def fees_collected(agency, year: int) -> FeeSummary | None:
    selector = _optional("gongkai.applications.selectors", "fee_summary")
    if selector is None:
        return None
    cases, amount = selector(agency, year)
    return FeeSummary(int(cases), Decimal(amount))
