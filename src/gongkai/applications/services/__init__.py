"""Every state change of a disclosure application.  Views, the API, the
daily command and the signal receiver call these; each runs in one durable
transaction and writes the audit log."""

from .charging import fee_pauses_clock, issue_fee_notice, record_fee_payment, waive_fee
from .closing import archive_application, close_application, close_as_abandoned
from .common import refresh_deadlines
from .intake import (
    TooManyApplications,
    Upload,
    add_attachments,
    applicant_month_position,
    clean_fields,
    confirm_receipt,
    mark_reviewed,
    normalise_query_code,
    register_application,
    submit_online_application,
)
from .jobs import DailyReport, recompute_waiting_deadlines, run_daily_jobs
from .letters import (
    record_delivery,
    reset_letter_template,
    save_letter_template,
    wording,
)
from .record_corrections import (
    clean_record_fields,
    decide_record_correction,
    record_notice_delivery,
    register_record_correction,
    submit_online_record_correction,
)
from .steps import (
    ask_for_reasons,
    decide_on_reasons,
    extend_deadline,
    override_objection,
    receive_correction,
    record_consultation_answer,
    request_correction,
    start_consultation,
    submit_correction,
)

__all__ = [
    "DailyReport",
    "TooManyApplications",
    "Upload",
    "add_attachments",
    "applicant_month_position",
    "archive_application",
    "ask_for_reasons",
    "clean_fields",
    "clean_record_fields",
    "close_application",
    "close_as_abandoned",
    "confirm_receipt",
    "decide_on_reasons",
    "decide_record_correction",
    "extend_deadline",
    "fee_pauses_clock",
    "issue_fee_notice",
    "mark_reviewed",
    "normalise_query_code",
    "override_objection",
    "receive_correction",
    "recompute_waiting_deadlines",
    "record_consultation_answer",
    "record_delivery",
    "record_fee_payment",
    "record_notice_delivery",
    "refresh_deadlines",
    "register_application",
    "register_record_correction",
    "request_correction",
    "reset_letter_template",
    "run_daily_jobs",
    "save_letter_template",
    "start_consultation",
    "submit_correction",
    "submit_online_application",
    "submit_online_record_correction",
    "waive_fee",
    "wording",
]
