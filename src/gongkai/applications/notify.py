"""Telling staff about overdue and soon-due cases: e-mail through Django's
mail backend, and SMS through an adapter a deployment plugs in.

``GONGKAI_SMS_SENDER`` names a class (dotted path) with a method
``send(phone: str, text: str) -> None``; empty means no SMS.  Messages are
sent after the transaction that decided to send them commits.
"""

import logging
from functools import cache

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.module_loading import import_string

from gongkai.accounts.models import Role, RoleAssignment

logger = logging.getLogger(__name__)


class NoSms:
    """The default adapter: SMS is not configured."""

    def send(self, phone: str, text: str) -> None:
        return None


@cache
def _sender_class(path: str):
    return import_string(path) if path else NoSms


def sms_sender():
    return _sender_class(getattr(settings, "GONGKAI_SMS_SENDER", ""))()


def recipients(agency) -> list:
    """Return the active handlers and heads of the agency."""
    return [
        a.user
        for a in RoleAssignment.objects.filter(
            agency=agency, role__in=[Role.HANDLER, Role.HEAD], user__is_active=True
        ).select_related("user")
    ]


def notify_staff(agency, subject: str, text: str) -> None:
    """Send ``text`` to the agency's handlers and heads once the current
    transaction commits."""
    people = recipients(agency)
    emails = sorted({p.email for p in people if p.email})
    phones = sorted({p.phone for p in people if p.phone})
    transaction.on_commit(lambda: _deliver(subject, text, emails, phones))


def _deliver(subject: str, text: str, emails: list[str], phones: list[str]) -> None:
    if emails:
        try:
            send_mail(subject, text, None, emails)
        except Exception:  # a mail server failure must not stop the job
            logger.exception("mail to %s failed", emails)
    sender = sms_sender()
    for phone in phones:
        try:
            sender.send(phone, f"{subject}：{text}"[:300])
        except Exception:  # an SMS gateway failure must not stop the job
            logger.exception("SMS to %s failed", phone)
