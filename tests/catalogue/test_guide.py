"""The 指南 (R48): generated from the agency's data, edited by staff, with
the working body's contacts always current."""

from django.core.exceptions import PermissionDenied

import pytest

from gongkai.catalogue import services
from gongkai.catalogue.guide import generated_texts, guide_texts


def test_the_generated_guide_covers_what_the_law_asks(gucheng):
    texts = generated_texts(gucheng)

    # 《条例》第十二条: classification and arrangement, how to obtain.
    assert "宅基地使用情况审核" in texts["arrangement"]  # 第二十一条 township item
    assert "市政建设" not in texts["arrangement"]  # a county item
    assert "20个工作日" in texts["proactive"]
    assert "古城回族乡党政综合办公室" in texts["on_request"]
    assert "补正" in texts["on_request"] and "信息处理费" in texts["on_request"]
    assert "行政复议" in texts["remedies"]


def test_a_saved_guide_replaces_the_generated_text(zhaoliu, gucheng):
    services.update_guide(
        zhaoliu, gucheng, extra="本乡政府信息公开查阅点设在乡便民服务中心。"
    )
    texts, guide = guide_texts(gucheng)
    assert guide is not None
    assert texts["extra"] == "本乡政府信息公开查阅点设在乡便民服务中心。"
    assert guide.contacts_snapshot["telephone"] == "0972-8690101"


def test_a_clerk_may_not_change_the_guide(lisi, gucheng):
    with pytest.raises(PermissionDenied):
        services.update_guide(lisi, gucheng, extra="x")


def test_the_application_part_may_not_be_emptied(zhaoliu, gucheng):
    with pytest.raises(Exception, match="依申请公开"):
        services.update_guide(zhaoliu, gucheng, on_request="  ")
