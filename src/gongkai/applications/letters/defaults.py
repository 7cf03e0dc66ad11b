"""The built-in wording of every letter, citing the articles it rests on.

An agency may replace any of them (``LetterTemplate``); these apply where
it has not.  Placeholders are ``{{ name }}`` with the names of
:data:`gongkai.applications.letters.render.PLACEHOLDERS`; ``{% if name %}``
… ``{% endif %}`` may wrap optional paragraphs.  Reply letters share one
wording per outcome group; the sentence proper to each outcome comes in
``{{ outcome_reason }}``.
"""

_HEAD = "{{ applicant_name }}：\n\n"
_SIGNATURE = "\n\n{{ agency_name }}\n{{ issued_on }}"
_CONTACT = (
    "联系机构：{{ ogi_body_name }}；地址：{{ ogi_body_address }}；"
    "电话：{{ ogi_body_telephone }}。"
)

RECEIPT = (
    "政府信息公开申请登记回执",
    _HEAD + "本机关已于{{ receipt_date }}收到您提出的政府信息公开申请（申请编号："
    "{{ number }}，申请方式：{{ channel }}），申请内容为：{{ info_description }}\n\n"
    "根据《中华人民共和国政府信息公开条例》第三十三条的规定，本机关将在收到申请之日起"
    "20个工作日内（即{{ due_date }}前）予以答复；需要延长答复期限的，将另行告知。"
    "征求第三方和其他机关意见所需时间不计算在上述期限内。\n\n"
    "您可以凭申请编号和查询码（{{ query_code }}）在本机关网站查询办理进度。"
    + _CONTACT
    + _SIGNATURE,
)

CORRECTION = (
    "补正申请告知书",
    _HEAD
    + "本机关于{{ receipt_date }}收到您提出的政府信息公开申请（申请编号：{{ number }}）。"
    "经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，"
    "现一次性告知您对以下事项作出补正：\n\n{{ correction_items }}\n\n"
    "请于{{ correct_by }}前提交补正后的申请。答复期限自本机关收到补正后的申请之日起计算。"
    "您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。\n\n"
    + _CONTACT
    + _SIGNATURE,
)

CONSULTATION = (
    "征求意见函",
    "{{ consultation_party }}：\n\n"
    "本机关于{{ receipt_date }}收到一件政府信息公开申请（申请编号：{{ number }}），"
    "申请公开的政府信息涉及：{{ consultation_subject }}\n\n"
    "根据《中华人民共和国政府信息公开条例》{{ consultation_article }}的规定，现书面征求你方意见。"
    "请自收到本函之日起15个工作日内（即{{ consultation_due }}前）提出书面意见；"
    "{{ consultation_silence }}\n\n" + _CONTACT + _SIGNATURE,
)

OVERRIDE = (
    "决定公开告知书",
    "{{ consultation_party }}：\n\n"
    "本机关此前就政府信息公开申请（申请编号：{{ number }}）涉及的以下内容征求你方意见：{{ consultation_subject }}\n\n"
    "你方不同意公开。经审查，本机关认为不公开可能对公共利益造成重大影响，"
    "根据《中华人民共和国政府信息公开条例》第三十二条的规定，决定予以公开，理由如下：\n\n"
    "{{ override_reasons }}\n\n特此书面告知。" + _SIGNATURE,
)

EXTENSION = (
    "延期答复告知书",
    _HEAD
    + "本机关于{{ receipt_date }}收到您提出的政府信息公开申请（申请编号：{{ number }}）。"
    "因{{ extension_reason }}，本机关不能在{{ original_due }}前作出答复。"
    "根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，"
    "答复期限延长{{ extension_days }}个工作日，至{{ due_date }}。\n\n"
    + _CONTACT
    + _SIGNATURE,
)

REASONS = (
    "说明理由通知书",
    _HEAD
    + "本机关于{{ receipt_date }}收到您提出的政府信息公开申请（申请编号：{{ number }}）。"
    "{{ grounds }}\n\n根据《中华人民共和国政府信息公开条例》第三十五条的规定，"
    "请您于{{ reasons_due }}前说明理由。本机关认为申请理由不合理的，将告知您不予处理；"
    "认为申请理由合理，但无法在规定期限内答复的，将确定延迟答复的合理期限并告知您。\n\n"
    + _CONTACT
    + _SIGNATURE,
)

DELAYED = (
    "延迟答复告知书",
    _HEAD + "您就政府信息公开申请（申请编号：{{ number }}）说明的理由，本机关认为合理，"
    "但无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复。"
    "根据该条例第三十五条的规定，本机关确定于{{ due_date }}前作出答复。理由如下：\n\n"
    "{{ decision_reasons }}\n\n" + _CONTACT + _SIGNATURE,
)

FEE = (
    "信息处理费收费通知书",
    _HEAD
    + "您提出的政府信息公开申请（申请编号：{{ number }}）{{ fee_justification }}\n\n"
    "根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》"
    "（国办函〔2020〕109号）的规定，本机关决定收取信息处理费：\n\n{{ fee_breakdown }}\n\n"
    "请自收到本通知次日起20个工作日内（即{{ payment_due }}前）缴纳，缴纳方式：{{ fee_payment_method }}。"
    "逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。\n\n"
    + _CONTACT
    + _SIGNATURE,
)

_REPLY_HEAD = (
    _HEAD
    + "本机关于{{ receipt_date }}收到您提出的政府信息公开申请（申请编号：{{ number }}），"
    "申请获取：{{ info_description }}\n\n"
)
_REPLY_TAIL = "\n\n{{ remedy_notice }}" + _SIGNATURE
# R26, 《条例》第四十条: another form of provision and its reason.
_FORM_NOTICE = (
    "{% if provision_form_notice %}\n\n{{ provision_form_notice }}{% endif %}"
)

REPLY = {
    # The fallback wording of an agency's reply template for every outcome.
    "": (
        "政府信息公开申请答复书",
        _REPLY_HEAD
        + "经审查，{{ outcome_reason }}{% if provided %}\n\n{{ provided }}{% endif %}"
        "{% if provision_form_notice %}\n\n{{ provision_form_notice }}{% endif %}"
        "{% if legal_basis %}\n\n{{ legal_basis }}{% endif %}"
        "{% if redirect_agency %}\n\n该政府信息由{{ redirect_agency }}负责公开。{% endif %}"
        + _REPLY_TAIL,
    ),
    "disclosed": (
        "政府信息公开申请答复书",
        _REPLY_HEAD
        + "经审查，{{ outcome_reason }}\n\n{{ provided }}"
        + _FORM_NOTICE
        + _REPLY_TAIL,
    ),
    "partially_disclosed": (
        "政府信息公开申请答复书",
        _REPLY_HEAD
        + "经审查，{{ outcome_reason }}\n\n可以公开的部分：{{ provided }}\n\n"
        "不予公开的部分及理由：{{ legal_basis }}" + _FORM_NOTICE + _REPLY_TAIL,
    ),
    "withheld": (
        "政府信息公开申请答复书",
        _REPLY_HEAD
        + "经审查，{{ outcome_reason }}\n\n理由及依据：{{ legal_basis }}"
        + _REPLY_TAIL,
    ),
    "unable": (
        "政府信息公开申请答复书",
        _REPLY_HEAD + "经审查，{{ outcome_reason }}{% if redirect_agency %}\n\n"
        "该政府信息由{{ redirect_agency }}负责公开，您可以向其提出申请。{% endif %}"
        "{% if legal_basis %}\n\n{{ legal_basis }}{% endif %}" + _REPLY_TAIL,
    ),
    "not_processed": (
        "政府信息公开申请答复书",
        _REPLY_HEAD
        + "经审查，{{ outcome_reason }}{% if legal_basis %}\n\n{{ legal_basis }}{% endif %}"
        + _REPLY_TAIL,
    ),
    "other": (
        "政府信息公开申请处理告知书",
        _REPLY_HEAD
        + "{{ outcome_reason }}{% if legal_basis %}\n\n{{ legal_basis }}{% endif %}"
        + _REPLY_TAIL,
    ),
}

# The sentence each outcome puts into its reply (R24: citing the article).
OUTCOME_REASONS = {
    "disclosed": "您申请获取的政府信息属于公开范围，根据《中华人民共和国政府信息公开条例》第三十六条第（一）项、第（二）项的规定，予以公开。",
    "partially_disclosed": "您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关向您提供可以公开的部分，并对不予公开的部分说明理由。",
    "withheld_1": "您申请获取的政府信息属于国家秘密。根据《中华人民共和国政府信息公开条例》第十四条的规定，不予公开。",
    "withheld_2": "您申请获取的政府信息属于法律、行政法规禁止公开的政府信息。根据《中华人民共和国政府信息公开条例》第十四条的规定，不予公开。",
    "withheld_3": "您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。根据《中华人民共和国政府信息公开条例》第十四条的规定，不予公开。",
    "withheld_4": "您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害。根据《中华人民共和国政府信息公开条例》第十五条、第三十二条的规定，不予公开。",
    "withheld_5": "您申请获取的政府信息属于人事管理、后勤管理、内部工作流程等方面的内部事务信息。根据《中华人民共和国政府信息公开条例》第十六条第一款的规定，不予公开。",
    "withheld_6": "您申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息。根据《中华人民共和国政府信息公开条例》第十六条第二款的规定，不予公开。",
    "withheld_7": "您申请获取的政府信息属于行政执法案卷信息。根据《中华人民共和国政府信息公开条例》第十六条第二款的规定，不予公开。",
    "withheld_8": "您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定。根据《中华人民共和国政府信息公开条例》第三十六条第（七）项的规定，请您依照有关法律、行政法规的规定办理。",
    "unable_1": "经检索查找，本机关未制作或者获取您申请公开的政府信息，该政府信息不存在；或者该政府信息不属于本机关负责公开。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项的规定，特此告知。",
    "unable_2": "您申请获取的信息需要本机关对现有政府信息进行加工、分析。根据《中华人民共和国政府信息公开条例》第三十八条的规定，本机关可以不予提供。",
    "unable_3": "您补正后的申请内容仍不明确，本机关无法确定您申请获取的政府信息。根据《中华人民共和国政府信息公开条例》第三十条的规定，无法提供。",
    "not_processed_1": "您提出的申请实质上属于信访、投诉、举报等诉求。根据《中华人民共和国政府信息公开条例》第三十九条第一款的规定，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。",
    "not_processed_2": "您就同一政府信息向本机关重复申请公开，本机关已就该申请作出答复。根据《中华人民共和国政府信息公开条例》第三十六条第（六）项的规定，不予重复处理。",
    "not_processed_3": "您申请获取的是政府公报、报刊、书籍等公开出版物。根据《中华人民共和国政府信息公开条例》第三十九条第二款的规定，您可以通过公开渠道获取，本机关不作为政府信息公开申请处理。",
    "not_processed_4": "您申请公开政府信息的数量、频次明显超过合理范围，本机关要求您说明理由，经审查认为理由不合理。根据《中华人民共和国政府信息公开条例》第三十五条的规定，不予处理。",
    "not_processed_5": "您申请本机关确认或者重新出具您已获取的信息，不属于政府信息公开申请的范围。根据《中华人民共和国政府信息公开条例》第三十六条等规定，不予处理。",
    "other_1": "本机关已于{{ correction_notice_on }}告知您补正申请，您无正当理由逾期未补正。根据《中华人民共和国政府信息公开条例》第三十条的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。",
    "other_2": "本机关已向您发出信息处理费收费通知，您逾期未按通知要求缴纳费用。根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。",
    "other_3": "本机关对您的申请作出如下处理。",
}

# 《条例》第四十一条: the notice that closes a correction-of-record request;
# ``record_result_text`` is the sentence proper to the result.
RECORD_NOTICE = (
    "更正申请处理告知书",
    _HEAD
    + "本机关于{{ receipt_date }}收到您提出的政府信息记录更正申请（编号：{{ number }}），"
    "要求更正的政府信息记录为：{{ record_description }}\n\n"
    "根据《中华人民共和国政府信息公开条例》第四十一条的规定，本机关对您的申请进行了核实。"
    "核实情况：{{ findings }}\n\n{{ record_result_text }}\n\n{{ record_remedy }}\n\n"
    + _CONTACT
    + _SIGNATURE,
)

RECORD_RESULTS = {
    "corrected": "经审核，您提供的证据能够证明上述记录不准确，本机关已予以更正。"
    "更正内容：{{ correction_made }}",
    "transferred": "上述政府信息记录不属于本机关职能范围，本机关已将您的更正申请转送"
    "{{ competent_agency }}处理。{% if transfer_reference %}{{ transfer_reference }}{% endif %}",
    "referred": "上述政府信息记录不属于本机关职能范围，请您向有权更正的行政机关"
    "（{{ competent_agency }}）提出更正申请。",
    "rejected": "经审核，{{ rejection_ground }}，本机关不予更正。",
}

RECORD_REMEDY = (
    "您认为本机关在政府信息公开工作中侵犯您合法权益的，可以依照《中华人民共和国政府信息公开条例》"
    "第五十一条的规定，向上一级行政机关或者政府信息公开工作主管部门投诉、举报，"
    "也可以依法申请行政复议或者提起行政诉讼。"
)

BY_KIND = {
    "receipt": RECEIPT,
    "correction": CORRECTION,
    "consultation": CONSULTATION,
    "override": OVERRIDE,
    "extension": EXTENSION,
    "reasons": REASONS,
    "delayed": DELAYED,
    "fee": FEE,
    "record_notice": RECORD_NOTICE,
}
