"""Audit verbs of the applications app, with their Chinese labels."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "applications.submit_application": _("在线提交申请"),
    "applications.register_application": _("登记申请"),
    "applications.confirm_receipt": _("确认收到申请"),
    "applications.mark_reviewed": _("审核申请（无需补正）"),
    "applications.request_correction": _("发出补正告知"),
    "applications.submit_correction": _("申请人在线提交补正"),
    "applications.receive_correction": _("收到补正申请"),
    "applications.start_consultation": _("征求意见"),
    "applications.record_consultation_answer": _("记录征求意见结果"),
    "applications.override_objection": _("因公共利益决定公开"),
    "applications.extend_deadline": _("批准延期答复"),
    "applications.ask_for_reasons": _("要求说明理由（第三十五条）"),
    "applications.decide_on_reasons": _("对说明理由作出决定"),
    "applications.issue_fee_notice": _("发出收费通知"),
    "applications.record_fee_payment": _("记录缴费"),
    "applications.waive_fee": _("减免信息处理费"),
    "applications.close_application": _("答复并办结"),
    "applications.close_as_abandoned": _("视为放弃申请"),
    "applications.issue_letter": _("生成告知书"),
    "applications.record_delivery": _("记录送达"),
    "applications.archive_application": _("归档"),
    "applications.add_attachment": _("上传附件"),
    "applications.save_letter_template": _("修改告知书模板"),
    "applications.reset_letter_template": _("恢复默认告知书模板"),
    "applications.recompute_deadline": _("重新计算期限"),
    "applications.mark_overdue": _("标记逾期"),
    "applications.view_attachment": _("查看附件"),
}
