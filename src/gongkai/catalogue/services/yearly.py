"""The yearly 第二十条第（五）（六）（八）项 figures: entered or imported."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.audit.services import record
from gongkai.organisations.models import Agency

from ..figures_import import FigureRow, read_figures
from ..models import Article20Figures
from .common import refuse, require_writer

FIRST_YEAR = 2008  # the first 条例 took effect on 2008-05-01
FIELDS = ("licensing", "penalty", "enforcement", "fees_yuan")


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= timezone.localdate().year:
        raise refuse(
            _("年度应在 %(first)d 年至今年之间。") % {"first": FIRST_YEAR}, "year"
        )


def _store(actor, agency, year, values: dict, source: str, note: str):
    figures, created = Article20Figures.objects.get_or_create(
        agency=agency, year=year, defaults={"updated_by": actor}
    )
    old = {f: str(getattr(figures, f)) for f in FIELDS}
    for field, value in values.items():
        setattr(figures, field, value)
    figures.source, figures.note, figures.updated_by = source, note, actor
    figures.full_clean()
    figures.save()
    return figures, {
        "from": None if created else old,
        "to": {f: str(v) for f, v in values.items()},
    }


def record_article20_figures(
    actor,
    agency: Agency,
    year: int,
    *,
    licensing: int,
    penalty: int,
    enforcement: int,
    fees_yuan: Decimal,
    note: str = "",
) -> Article20Figures:
    """Store (or replace) the agency's figures for ``year`` and return them.

    The audit entry keeps the old and the new values.
    """
    require_writer(actor, agency)
    _check_year(year)
    values = {
        "licensing": licensing,
        "penalty": penalty,
        "enforcement": enforcement,
        "fees_yuan": Decimal(fees_yuan),
    }
    with transaction.atomic(durable=True):
        figures, change = _store(actor, agency, year, values, "manual", note.strip())
        record(
            actor,
            "catalogue.record_article20_figures",
            target=agency,
            data={"year": year, **change},
        )
    return figures


def import_article20_figures(
    actor, agency: Agency, filename: str, content: bytes
) -> list[Article20Figures]:
    """Store every row of an .xlsx or .csv file of yearly figures.

    Either every row is stored or, with ``FiguresImportError`` listing each
    bad row, none is.
    """
    require_writer(actor, agency)
    rows: list[FigureRow] = read_figures(filename, content, agency=agency)
    stored = []
    with transaction.atomic(durable=True):
        for row in rows:
            figures, _change = _store(actor, agency, row.year, row.values, "import", "")
            stored.append(figures)
        record(
            actor,
            "catalogue.import_article20_figures",
            target=agency,
            data={"file": filename[:100], "years": [r.year for r in rows]},
        )
    return stored
