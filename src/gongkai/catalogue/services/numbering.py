"""Index numbers (索引号, R42): generated once, at publication, never changed.

The serial is unique per prefix and period and is taken from an
``IndexSerial`` row incremented inside the publishing transaction, so two
agencies publishing at the same moment cannot get the same number.
"""

import re
from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from gongkai.accounts.models import Role
from gongkai.audit.services import record
from gongkai.organisations.models import Agency

from ..models import IndexScheme, IndexSerial, Period, PrefixSource
from ..numbers import format_index_number, period_of
from .common import refuse, require_any_role


def scheme_for(agency: Agency) -> IndexScheme:
    """Return the agency's scheme, or the national default (unsaved)."""
    return IndexScheme.objects.filter(agency=agency).first() or IndexScheme(
        agency=agency
    )


def prefix_for(agency: Agency, scheme: IndexScheme) -> str:
    """Return the 前段码 the scheme gives for ``agency`` today.

    Raises ``ValidationError`` when the agency has no code to use.
    """
    if scheme.prefix_source == PrefixSource.CUSTOM:
        prefix = scheme.custom_prefix
    elif scheme.prefix_source == PrefixSource.CREDIT_CODE:
        prefix = agency.credit_code
    else:
        # The organisation code is also characters 9–17 of the credit code.
        prefix = agency.organisation_code or agency.credit_code[8:17]
    if not prefix:
        raise refuse(
            _("无法生成索引号：请先在机关信息中填写组织机构代码或统一社会信用代码。"),
            code="no_prefix",
        )
    return prefix


def next_index_number(agency: Agency, published_on: date) -> str:
    """Take the next serial for the agency's prefix and the period of
    ``published_on``; return the index number.  Call inside a transaction."""
    scheme = scheme_for(agency)
    prefix = prefix_for(agency, scheme)
    period = period_of(published_on, monthly=scheme.period == Period.MONTH)
    IndexSerial.objects.get_or_create(prefix=prefix, period=period)
    serials = IndexSerial.objects.filter(prefix=prefix, period=period)
    serials.update(last=F("last") + 1)
    return format_index_number(prefix, period, serials.get().last)


def update_index_scheme(
    actor, agency: Agency, *, prefix_source: str, custom_prefix: str, period: str
) -> IndexScheme:
    """Change how the agency's future index numbers are formed; numbers
    already given stay as they are (R42).  For the head or an administrator."""
    require_any_role(actor, agency, Role.HEAD, Role.ADMINISTRATOR)
    custom_prefix = custom_prefix.strip().upper()
    if prefix_source == PrefixSource.CUSTOM and not custom_prefix:
        raise refuse(_("选择自定义前段码时必须填写前段码。"), "custom_prefix")
    if custom_prefix and not re.fullmatch(r"[0-9A-Z-]{1,30}", custom_prefix):
        raise refuse(
            _("前段码只能由数字、大写字母和连字符组成，不超过30位。"), "custom_prefix"
        )
    with transaction.atomic(durable=True):
        scheme, _created = IndexScheme.objects.update_or_create(
            agency=agency,
            defaults={
                "prefix_source": prefix_source,
                "custom_prefix": custom_prefix,
                "period": period,
            },
        )
        prefix_for(agency, scheme)
        record(
            actor,
            "catalogue.update_index_scheme",
            target=agency,
            data={
                "prefix_source": prefix_source,
                "custom_prefix": custom_prefix,
                "period": period,
            },
        )
    return scheme
