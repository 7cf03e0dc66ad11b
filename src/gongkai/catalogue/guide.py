"""The 政府信息公开指南 generated from the agency's data (R48).

``generated_texts(agency)`` gives a complete first version of each part:
the classification and arrangement (the agency's categories), proactive
disclosure, disclosure on application (with the statutory periods and the
fee rules), supervision and remedies.  Staff then edit and save it
(``services.guide.update_guide``).  The working body's contacts are not
copied into the text: the page shows them live from the agency.
"""

from django.utils.translation import gettext as _

from gongkai.organisations.models import Agency

from .models import Category, CategoryGroup, Guide

PARTS = ("arrangement", "proactive", "on_request", "remedies", "extra")


def _category_lines(agency: Agency) -> list[str]:
    lines = []
    for group_key, group_label in CategoryGroup.choices:
        names = [
            c.name for c in Category.objects.for_agency(agency).filter(group=group_key)
        ]
        if names:
            lines.append(f"{group_label}：{'、'.join(names)}。")
    return lines


def _arrangement(agency: Agency) -> str:
    head = _(
        "本机关政府信息按照《中华人民共和国政府信息公开条例》第二十条、第二十一条"
        "规定的法定主动公开内容分类编排，每条信息均有索引号、名称、内容概述、"
        "生成日期、发布机构、文号、主题分类、体裁分类和有效性等目录信息。"
        "索引号由组织机构代码、年份和顺序号组成，一经生成不再改变。"
    )
    return "\n".join([head, *_category_lines(agency)])


def _proactive(agency: Agency) -> str:
    return _(
        "一、公开范围：本机关按照《条例》第十九条至第二十二条的规定主动公开政府信息，"
        "具体内容见“法定主动公开内容”栏目。\n"
        "二、公开方式：主要通过本政府信息公开专栏公开，并视情况通过政府公报、"
        "新闻发布会、报刊、广播、电视以及政务服务场所、公共查阅点等途径公开。"
        "公众可在专栏中检索、查阅、下载。\n"
        "三、公开时限：属于主动公开范围的政府信息，自该信息形成或者变更之日起"
        "20个工作日内予以公开；法律、法规对公开期限另有规定的，从其规定。"
    )


def _on_request(agency: Agency) -> str:
    return _(
        "一、受理机构：%(body)s。\n"
        "二、申请方式：可通过本专栏“在线申请”提交，也可以信函、传真或者当面提交书面申请；"
        "书写确有困难的，可以口头提出，由工作人员代为填写。\n"
        "三、申请内容：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、"
        "文号或者便于查询的其他特征性描述；对信息的形式要求，包括获取信息的方式、途径"
        "（《条例》第二十九条）。建议一事一申请。\n"
        "四、办理时限：能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内"
        "答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，"
        "延长期限最长不超过20个工作日。申请内容不明确的，自收到申请之日起7个工作日内"
        "一次性告知补正；征求第三方和其他机关意见所需时间不计算在期限内"
        "（《条例》第三十条、第三十三条）。\n"
        "五、收费：依申请提供政府信息不收取费用。申请数量、频次明显超过合理范围的，"
        "按照《政府信息公开信息处理费管理办法》收取信息处理费。"
    ) % {"body": agency.ogi_body_name or agency.name}


def _remedies(agency: Agency) -> str:
    return _(
        "公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，"
        "可以向上一级机关或者政府信息公开工作主管部门投诉、举报；也可以依法申请行政复议"
        "（自知道该行政行为之日起60日内）或者提起行政诉讼（自知道或者应当知道作出"
        "行政行为之日起6个月内）。对不予公开决定不服的，应当先申请行政复议"
        "（《中华人民共和国行政复议法》第二十三条）。"
    )


def generated_texts(agency: Agency) -> dict[str, str]:
    """Return each part of a guide generated from the agency's data."""
    return {
        "arrangement": _arrangement(agency),
        "proactive": _proactive(agency),
        "on_request": _on_request(agency),
        "remedies": _remedies(agency),
        "extra": "",
    }


def guide_texts(agency: Agency) -> tuple[dict[str, str], Guide | None]:
    """Return the parts to show (saved, or generated when never saved)
    and the saved guide, if any."""
    guide = Guide.objects.filter(agency=agency).first()
    if guide is None:
        return generated_texts(agency), None
    return {part: getattr(guide, part) for part in PARTS}, guide
