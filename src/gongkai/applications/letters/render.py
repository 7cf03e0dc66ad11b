"""Letter text from a template and the facts of a case.

Templates use a deliberately small language: ``{{ name }}`` placeholders
from :data:`PLACEHOLDERS` and ``{% if name %}…{% else %}…{% endif %}``.
Anything else is refused by :func:`template_problems`, so an edited
template can neither reach other data nor break rendering.
"""

import re
from datetime import date

from django.template import Context, Engine, TemplateSyntaxError
from django.utils.translation import gettext as _

from .. import outcomes
from . import defaults

ENGINE = Engine(autoescape=False, libraries={}, debug=False)
TOKEN = re.compile(r"({{.*?}}|{%.*?%}|{#.*?#})", re.S)
VARIABLE = re.compile(r"^{{\s*([a-z_]+)\s*}}$")
TAG = re.compile(r"^{%\s*(if|elif)\s+(not\s+)?([a-z_]+)\s*%}$|^{%\s*(else|endif)\s*%}$")

PLACEHOLDERS = {
    "applicant_name": "申请人姓名或名称",
    "agency_name": "本机关全称",
    "number": "申请编号",
    "query_code": "查询码",
    "channel": "申请方式",
    "receipt_date": "收到申请之日",
    "due_date": "答复期限（含延期）",
    "original_due": "原答复期限",
    "issued_on": "出具日期",
    "info_description": "申请获取的信息",
    "ogi_body_name": "政府信息公开工作机构名称",
    "ogi_body_address": "办公地址",
    "ogi_body_telephone": "联系电话",
    "reconsideration_body": "行政复议机关",
    "correction_items": "需要补正的事项",
    "correct_by": "补正期限",
    "correction_notice_on": "补正告知日期",
    "consultation_party": "被征求意见方",
    "consultation_subject": "征求意见的内容",
    "consultation_due": "征求意见答复期限",
    "consultation_article": "征求意见的法律依据",
    "consultation_silence": "逾期不答复的后果",
    "override_reasons": "公共利益决定公开的理由",
    "extension_days": "延长的工作日数",
    "extension_reason": "延期理由",
    "grounds": "数量、频次明显超过合理范围的情况",
    "reasons_due": "说明理由期限",
    "decision_reasons": "决定理由",
    "fee_justification": "收费理由",
    "fee_breakdown": "收费标准与金额",
    "fee_amount": "收费金额（元）",
    "payment_due": "缴费期限",
    "fee_payment_method": "缴纳方式",
    "outcome_label": "办理结果",
    "outcome_reason": "办理结果的标准表述",
    "provided": "提供的信息或获取方式",
    "requested_form": "申请人要求的提供形式",
    "provided_form": "实际提供形式",
    "provision_form_notice": "未按要求形式提供的说明（第四十条）",
    "legal_basis": "法律依据和理由",
    "redirect_agency": "负责公开的机关及联系方式",
    "remedy_notice": "救济途径告知",
    "record_description": "需要更正的政府信息记录（更正申请）",
    "requested_change": "记录不准确之处及更正请求（更正申请）",
    "findings": "核实情况（更正申请）",
    "record_result_text": "处理结果的标准表述（更正申请，第四十一条）",
    "correction_made": "更正内容（更正申请）",
    "competent_agency": "有权更正的机关及联系方式（更正申请）",
    "transfer_reference": "转送后的编号和查询码（更正申请）",
    "rejection_ground": "不予更正的理由（更正申请）",
    "record_remedy": "救济途径告知（更正申请）",
}


def chinese_date(day: date | None) -> str:
    """Return ``2026年3月2日``; an unknown date reads 待定."""
    if day is None:
        return "（待定：缺少法定节假日安排）"
    return f"{day.year}年{day.month}月{day.day}日"


def template_problems(text: str) -> list[str]:
    """Return why ``text`` is not an acceptable letter template (Chinese),
    or an empty list."""
    problems = [_token_problem(t) for t in TOKEN.findall(text)]
    problems = [p for p in problems if p]
    if not problems:
        try:
            ENGINE.from_string(text)
        except TemplateSyntaxError as error:
            problems.append(_("模板语法错误：%(error)s") % {"error": error})
    return problems


def render_text(text: str, context: dict[str, str]) -> str:
    """Return the template ``text`` filled in with ``context``."""
    values = {name: context.get(name, "") for name in PLACEHOLDERS}
    return ENGINE.from_string(text).render(Context(values)).strip()


def default_wording(kind: str, outcome: str = "") -> tuple[str, str]:
    """Return the built-in (title, body) of a kind of letter."""
    if kind == "reply":
        return defaults.REPLY[outcomes.group_of(outcome)]
    return defaults.BY_KIND[kind]


def ensure_placeholder(text: str, name: str) -> str:
    """Return the template ``text`` with ``{{ name }}`` in it: where an
    agency's own template leaves out a paragraph the law requires (e.g. the
    第四十条 statement), it goes before the remedy paragraph, else at the
    end.  Empty values print nothing."""
    if re.search(r"{{\s*%s\s*}}" % re.escape(name), text):
        return text
    paragraph = "{%% if %s %%}{{ %s }}\n\n{%% endif %%}" % (name, name)
    remedy = re.search(r"{{\s*remedy_notice\s*}}", text)
    if remedy:
        return text[: remedy.start()] + paragraph + text[remedy.start() :]
    return text + "{%% if %s %%}\n\n{{ %s }}{%% endif %%}" % (name, name)


def outcome_reason(outcome: str, context: dict[str, str]) -> str:
    return render_text(defaults.OUTCOME_REASONS.get(outcome, ""), context)


def _token_problem(token: str) -> str | None:
    if token.startswith("{#"):
        return None
    variable = VARIABLE.match(token)
    if variable:
        name = variable.group(1)
        return None if name in PLACEHOLDERS else _("未知的占位符：%(t)s") % {"t": token}
    tag = TAG.match(token)
    if tag and (tag.group(3) is None or tag.group(3) in PLACEHOLDERS):
        return None
    return _("模板中不允许使用：%(t)s（只能使用占位符和 if/else/endif）") % {"t": token}
