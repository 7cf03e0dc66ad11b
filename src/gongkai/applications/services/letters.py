"""Issuing letters, recording their delivery, and the agencies' templates."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.audit.services import record

from ..letters import context as letter_context
from ..letters.render import (
    default_wording,
    ensure_placeholder,
    render_text,
    template_problems,
)
from ..models import THIRD_PARTY_KINDS, Application, Letter, LetterKind, LetterTemplate
from .common import check_day, require_writer


def wording(agency, kind: str, outcome: str = "") -> tuple[str, str]:
    """Return the (title, body template) in force for the agency: its own
    template for the outcome, else for the kind, else the built-in one."""
    found = (
        LetterTemplate.objects.filter(
            agency=agency, kind=kind, outcome__in=[outcome, ""]
        )
        .order_by("-outcome")
        .first()
    )
    if found is not None:
        return found.title, found.body
    return default_wording(kind, outcome)


def issue(
    actor,
    application: Application,
    kind: str,
    on: date,
    extra: dict[str, str] | None = None,
    *,
    outcome: str = "",
    recipient: str | None = None,
    ensure: tuple[str, ...] = (),
) -> Letter:
    """Store a letter of ``kind`` for the case, its text filled in now.

    ``ensure`` names placeholders the letter must carry even where the
    agency's own template leaves them out (a paragraph the law requires).
    For use inside a service's transaction (no permission check; the audit
    entry of the calling service covers it, plus one of its own).
    """
    title, body = wording(application.agency, kind, outcome)
    for name in ensure:
        body = ensure_placeholder(body, name)
    values = letter_context.case_context(application, on) | (extra or {})
    letter = Letter.objects.create(
        application=application,
        kind=kind,
        outcome=outcome,
        number=_next_number(application),
        title=title,
        recipient=recipient or application.applicant_name,
        body=render_text(body, values),
        for_applicant=kind not in THIRD_PARTY_KINDS,
        issued_on=on,
        issued_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    record(
        actor,
        "applications.issue_letter",
        target=application,
        data={"letter": letter.number, "kind": kind, "outcome": outcome},
    )
    return letter


def record_delivery(
    actor, letter: Letter, *, method: str, delivered_on: date, note: str = ""
) -> Letter:
    """Record that ``letter`` reached its recipient, how and when.

    The date cannot precede the letter's issue or be in the future; a
    letter is delivered once.
    """
    require_writer(actor, letter.application.agency)
    check_day(delivered_on, "delivered_on", not_before=letter.issued_on)
    if not method.strip():
        raise ValidationError({"method": _("请填写送达方式。")})
    with transaction.atomic(durable=True):
        letter = Letter.objects.select_for_update().get(pk=letter.pk)
        if letter.delivered_on is not None:
            raise ValidationError(_("该文书已记录送达。"))
        letter.delivered_on = delivered_on
        letter.delivery_method = method.strip()[:50]
        letter.delivery_note = note.strip()[:200]
        letter.save(update_fields=["delivered_on", "delivery_method", "delivery_note"])
        record(
            actor,
            "applications.record_delivery",
            target=letter.application,
            data={
                "letter": letter.number,
                "method": letter.delivery_method,
                "on": delivered_on.isoformat(),
            },
        )
    return letter


def save_letter_template(
    actor, agency, *, kind: str, outcome: str = "", title: str, body: str
) -> LetterTemplate:
    """Store the agency's wording of a letter; refuse unknown placeholders
    and anything beyond ``{{ name }}`` and ``{% if %}``."""
    require_writer(actor, agency)
    _check_template(kind, outcome, title, body)
    with transaction.atomic(durable=True):
        template, created = LetterTemplate.objects.update_or_create(
            agency=agency,
            kind=kind,
            outcome=outcome,
            defaults={
                "title": title.strip(),
                "body": body.strip(),
                "updated_by": actor,
            },
        )
        record(
            actor,
            "applications.save_letter_template",
            target=template,
            agency=agency,
            data={"kind": kind, "outcome": outcome, "created": created},
        )
    return template


def reset_letter_template(actor, agency, *, kind: str, outcome: str = "") -> None:
    """Remove the agency's own wording: the built-in one applies again."""
    require_writer(actor, agency)
    with transaction.atomic(durable=True):
        deleted, _rows = LetterTemplate.objects.filter(
            agency=agency, kind=kind, outcome=outcome
        ).delete()
        if deleted:
            record(
                actor,
                "applications.reset_letter_template",
                agency=agency,
                data={"kind": kind, "outcome": outcome},
            )


def _check_template(kind: str, outcome: str, title: str, body: str) -> None:
    from .. import outcomes

    if kind not in LetterKind.values:
        raise ValidationError({"kind": _("未知的告知书类型。")})
    if outcome and (kind != LetterKind.REPLY or outcome not in outcomes.OUTCOME_KEYS):
        raise ValidationError({"outcome": _("只有答复书可以按办理结果设置模板。")})
    if not title.strip():
        raise ValidationError({"title": _("请填写标题。")})
    problems = template_problems(body)
    if not body.strip():
        problems.append(_("请填写正文模板。"))
    if problems:
        raise ValidationError({"body": problems})


def _next_number(application: Application) -> str:
    count = Letter.objects.filter(application=application).count()
    return f"{application.number}-{count + 1:02d}"
