"""Audit verbs of the catalogue and their Chinese labels."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "catalogue.draft_document": _("起草目录信息"),
    "catalogue.update_document": _("修改目录信息草稿"),
    "catalogue.add_attachment": _("上传附件"),
    "catalogue.remove_attachment": _("删除附件"),
    "catalogue.record_review": _("记录保密审查"),
    "catalogue.publish_document": _("发布主动公开信息"),
    "catalogue.file_document": _("登记不主动公开信息"),
    "catalogue.withdraw_document": _("撤回已公开信息"),
    "catalogue.change_validity": _("变更有效性"),
    "catalogue.reevaluate_document": _("不公开信息定期评估"),
    "catalogue.record_article20_figures": _("填报第二十条年度数据"),
    "catalogue.import_article20_figures": _("导入第二十条年度数据"),
    "catalogue.update_guide": _("更新政府信息公开指南"),
    "catalogue.save_standard_entry": _("保存标准目录事项"),
    "catalogue.delete_standard_entry": _("删除标准目录事项"),
    "catalogue.update_index_scheme": _("修改索引号规则"),
    "catalogue.accept_suggestion": _("采纳主动公开建议"),
    "catalogue.dismiss_suggestion": _("不采纳主动公开建议"),
    "catalogue.save_concern_response": _("登记回应关切"),
    "catalogue.delete_concern_response": _("删除回应关切记录"),
    "catalogue.save_platform": _("登记政府网站与政务新媒体"),
    "catalogue.record_platform_update": _("登记平台更新"),
}
