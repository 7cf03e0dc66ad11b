"""第四十四条 suggestions: kept up to date from the applications, decided
by staff."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.audit.services import record
from gongkai.organisations.models import Agency

from ..models import Category, Document, ProactiveSuggestion, SuggestionStatus
from ..suggestions import Candidate, RequestedInfo, candidates
from .common import refuse, require_writer
from .drafting import create_draft


def refresh_suggestions(
    agency: Agency, requests: list[RequestedInfo], *, min_applicants: int = 2
) -> list[ProactiveSuggestion]:
    """Create or update the open suggestions of ``agency`` from its
    requests; return the open ones.  Decided suggestions are left alone, so
    a dismissed one does not come back.  A system task: no actor, no audit
    entry (nothing is decided here)."""
    with transaction.atomic():
        for candidate in candidates(requests, min_applicants=min_applicants):
            _upsert(agency, candidate)
    return list(
        ProactiveSuggestion.objects.filter(agency=agency, status=SuggestionStatus.OPEN)
    )


def _upsert(agency: Agency, candidate: Candidate) -> None:
    suggestion, created = ProactiveSuggestion.objects.get_or_create(
        agency=agency,
        signature=candidate.signature,
        defaults={
            "description": candidate.description,
            "requests": candidate.references,
            "applicant_count": candidate.applicant_count,
        },
    )
    if not created and suggestion.status == SuggestionStatus.OPEN:
        suggestion.requests = candidate.references
        suggestion.applicant_count = candidate.applicant_count
        suggestion.save(update_fields=["requests", "applicant_count"])


def _decide(suggestion, actor, status: str, reason: str, document=None) -> None:
    suggestion.status = status
    suggestion.reason = reason
    suggestion.document = document
    suggestion.decided_by = actor
    suggestion.decided_at = timezone.now()
    suggestion.save()


def _locked_open(suggestion: ProactiveSuggestion) -> ProactiveSuggestion:
    suggestion = ProactiveSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.status != SuggestionStatus.OPEN:
        raise refuse(_("该建议已经处理过了。"), code="decided")
    return suggestion


def accept_suggestion(
    actor, suggestion: ProactiveSuggestion, *, category: Category, today=None
) -> Document:
    """Take the suggestion: a proactive draft naming the information is
    created (formed today, so the 20 working days of 第二十六条 run) and
    returned for the clerk to complete."""
    require_writer(actor, suggestion.agency)
    day = today or timezone.localdate()
    with transaction.atomic(durable=True):
        suggestion = _locked_open(suggestion)
        fields = {
            "category": category,
            "title": suggestion.description[:200],
            "summary": _("依《条例》第四十四条，因多个申请人申请公开而纳入主动公开。"),
            "created_on": day,
            "formed_on": day,
        }
        document = create_draft(actor, suggestion.agency, fields)
        _decide(suggestion, actor, SuggestionStatus.ACCEPTED, "", document)
        record(
            actor,
            "catalogue.accept_suggestion",
            target=document,
            data={"suggestion": suggestion.pk, "requests": suggestion.requests},
        )
    return document


def dismiss_suggestion(actor, suggestion: ProactiveSuggestion, *, reason: str) -> None:
    """Decline the suggestion with a reason (e.g. the information concerns
    only the applicants)."""
    require_writer(actor, suggestion.agency)
    if not reason.strip():
        raise refuse(_("请写明不予纳入的理由。"), "reason")
    with transaction.atomic(durable=True):
        suggestion = _locked_open(suggestion)
        _decide(suggestion, actor, SuggestionStatus.DISMISSED, reason.strip())
        record(
            actor,
            "catalogue.dismiss_suggestion",
            target=suggestion.agency,
            data={"suggestion": suggestion.pk, "reason": reason.strip()},
        )
