"""The placeholder values of a letter, from the case and the step."""

from datetime import date

from .. import outcomes
from .render import chinese_date, outcome_reason

REMEDY = (
    "如您对本答复不服，可以自收到本答复之日起六十日内向{body}申请行政复议，"
    "也可以自收到本答复之日起六个月内向人民法院提起行政诉讼。"
)
# R25, 《行政复议法》（2023年修订）第二十三条第一款第（四）项: a refusal to
# disclose must go to reconsideration before any lawsuit.
REMEDY_REFUSAL = (
    "根据《中华人民共和国行政复议法》第二十三条第一款第（四）项的规定，您对本机关"
    "不予公开政府信息的决定不服的，应当自收到本答复之日起六十日内先向{body}申请行政复议；"
    "对行政复议决定不服的，可以依法向人民法院提起行政诉讼。"
)
PARTIAL_REMEDY = "对可以公开部分的处理不服的，" + REMEDY.removeprefix(
    "如您对本答复不服，"
)


def reconsideration_body(agency) -> str:
    """Return the organ that hears a reconsideration against ``agency``
    (《行政复议法》第二十四条: the government one level up for a government,
    the same-level government for a department; both are its parent here)."""
    parent = agency.parent
    return parent.name if parent is not None else agency.name


def remedy_notice(agency, outcome: str) -> str:
    """Return the remedy paragraph a reply with ``outcome`` must carry."""
    body = reconsideration_body(agency)
    if outcome == outcomes.PARTIALLY_DISCLOSED:
        return REMEDY_REFUSAL.format(body=body) + PARTIAL_REMEDY.format(body=body)
    if outcomes.is_refusal(outcome):
        return REMEDY_REFUSAL.format(body=body)
    return REMEDY.format(body=body)


def describe_request(application) -> str:
    parts = [application.info_description.strip()]
    if application.info_title:
        parts.insert(0, f"《{application.info_title}》")
    if application.document_number:
        parts.insert(1, f"（{application.document_number}）")
    return "".join(parts)


def case_context(application, issued_on: date) -> dict[str, str]:
    agency = application.agency
    return {
        "applicant_name": application.applicant_name,
        "agency_name": agency.name,
        "number": application.number,
        "query_code": application.query_code,
        "channel": application.get_channel_display(),
        "receipt_date": chinese_date(application.receipt_date),
        "due_date": chinese_date(application.due_date),
        "issued_on": chinese_date(issued_on),
        "info_description": describe_request(application),
        "ogi_body_name": agency.ogi_body_name or agency.name,
        "ogi_body_address": agency.ogi_body_address or "—",
        "ogi_body_telephone": agency.ogi_body_telephone or "—",
        "reconsideration_body": reconsideration_body(agency),
    }


def correction_context(correction) -> dict[str, str]:
    return {
        "correction_items": correction.items,
        "correct_by": chinese_date(correction.correct_by),
        "correction_notice_on": chinese_date(correction.notice_on),
    }


CONSULTATION_ARTICLES = {
    "third_party": (
        "第三十二条",
        "逾期未提出意见的，本机关将依照《中华人民共和国政府信息公开条例》的规定决定是否公开。",
    ),
    "agency": ("第三十三条第二款", "请及时提出意见。"),
    "co_maker": ("第三十四条", "逾期未提出意见的，视为同意公开。"),
}


def consultation_context(consultation) -> dict[str, str]:
    article, silence = CONSULTATION_ARTICLES[consultation.kind]
    return {
        "consultation_party": consultation.party_name,
        "consultation_subject": consultation.subject,
        "consultation_due": chinese_date(consultation.reply_due),
        "consultation_article": article,
        "consultation_silence": silence,
        "override_reasons": consultation.override_reasons,
    }


def extension_context(extension) -> dict[str, str]:
    return {
        "extension_days": str(extension.days),
        "extension_reason": extension.reason.rstrip("。"),
        "original_due": chinese_date(extension.original_due),
    }


def review_context(review) -> dict[str, str]:
    return {
        "grounds": review.grounds,
        "reasons_due": chinese_date(review.reasons_due),
        "decision_reasons": review.decision_reasons,
    }


def fee_context(fee) -> dict[str, str]:
    return {
        "fee_justification": fee.justification,
        "fee_breakdown": "\n".join(fee.fee().lines()),
        "fee_amount": str(fee.amount),
        "payment_due": chinese_date(fee.payment_due),
        "fee_payment_method": "按本机关告知的非税收入缴款方式缴纳，本机关出具财政票据",
    }


# 《条例》第四十条: why the requested form was not used, and what instead.
FORM_CHANGE_GROUNDS = {
    "carrier": "按照该形式提供可能危及政府信息载体安全",
    "cost": "按照该形式提供公开成本过高",
}
INSPECT = "inspect"


def provision_form_notice(application, reply) -> str:
    """Return the paragraph of a reply that provides the information in
    another form than the one asked for, citing 第四十条; else ''."""
    if not reply.form_change_reason:
        return ""
    asked = application.get_provision_form_display()
    note = reply.form_change_note.strip().rstrip("。")
    if reply.form_change_reason in FORM_CHANGE_GROUNDS:
        grounds = FORM_CHANGE_GROUNDS[reply.form_change_reason]
        if note:
            grounds += f"（{note}）"
    else:
        grounds = f"因{note}"
    if reply.provided_form == INSPECT:
        action = "本机关安排您查阅、抄录相关政府信息"
    else:
        action = f"本机关改以“{reply.get_provided_form_display()}”形式向您提供"
    return (
        f"您要求以“{asked}”形式获取政府信息。{grounds}，"
        f"根据《中华人民共和国政府信息公开条例》第四十条的规定，{action}。"
    )


def reply_context(application, reply) -> dict[str, str]:
    values = {
        "outcome_label": outcomes.label(reply.outcome),
        "requested_form": application.get_provision_form_display(),
        "provided_form": reply.get_provided_form_display()
        if reply.provided_form
        else "",
        "provision_form_notice": provision_form_notice(application, reply),
        "provided": reply.provided,
        "legal_basis": reply.legal_basis,
        "redirect_agency": reply.redirect_agency,
        "remedy_notice": reply.remedy_notice,
    }
    correction = getattr(application, "correction", None)
    if correction is not None:
        values |= correction_context(correction)
    values["outcome_reason"] = outcome_reason(reply.outcome, values)
    return values


def record_context(record, issued_on: date) -> dict[str, str]:
    """Return the placeholder values of the notice closing a
    correction-of-record request (《条例》第四十一条)."""
    from . import defaults
    from .render import render_text

    agency = record.agency
    values = {
        "applicant_name": record.requester_name,
        "agency_name": agency.name,
        "number": record.number,
        "query_code": record.query_code,
        "channel": record.get_channel_display(),
        "receipt_date": chinese_date(record.received_on),
        "issued_on": chinese_date(issued_on),
        "ogi_body_name": agency.ogi_body_name or agency.name,
        "ogi_body_address": agency.ogi_body_address or "—",
        "ogi_body_telephone": agency.ogi_body_telephone or "—",
        "reconsideration_body": reconsideration_body(agency),
        "record_description": record.record_description.strip().rstrip("。") + "。",
        "requested_change": record.requested_change.strip(),
        "findings": record.findings.strip(),
        "correction_made": record.correction_made.strip(),
        "competent_agency": record.competent_agency_text,
        "transfer_reference": _transfer_reference(record),
        "rejection_ground": _rejection_ground(record),
        "record_remedy": defaults.RECORD_REMEDY,
    }
    values["record_result_text"] = render_text(
        defaults.RECORD_RESULTS.get(record.result, ""), values
    )
    return values


def _transfer_reference(record) -> str:
    transfer = record.transfers.first()
    if transfer is None:
        return ""
    return (
        f"转送后的编号为 {transfer.number}，查询码为 {transfer.query_code}，"
        "您可以凭编号和查询码查询办理进度。"
    )


# The letter is a Chinese document whatever the language of the page.
REJECTION_GROUNDS = {
    "not_own": "所涉政府信息记录与您自身无关",
    "insufficient": "您提供的证据不足以证明该记录不准确",
    "accurate": "该政府信息记录准确",
    "other": "您的申请不符合《中华人民共和国政府信息公开条例》第四十一条规定的更正条件",
}


def _rejection_ground(record) -> str:
    return REJECTION_GROUNDS.get(record.rejection_ground, "")
