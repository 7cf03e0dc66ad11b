"""The proof and the stated basis of a due date name the right legal ground
for each pause: consultation (《条例》第三十三条第二款) or an unpaid fee
(国办函〔2020〕109号, a setting)."""

from datetime import date

from gongkai.applications.deadlines import consultation_pause, fee_pause
from gongkai.workdays import add_workdays_with_proof, package_calendar

CAL = package_calendar()


def test_a_fee_pause_cites_the_fee_rules():
    text = add_workdays_with_proof(
        CAL, date(2025, 3, 3), 20, [fee_pause(date(2025, 3, 10), date(2025, 3, 12))]
    ).to_text()
    assert (
        "等待缴纳信息处理费；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
        in text
    )
    assert "第三十三条第二款" not in text


def test_a_consultation_pause_cites_article_33():
    text = add_workdays_with_proof(
        CAL,
        date(2025, 3, 3),
        20,
        [consultation_pause(date(2025, 3, 10), date(2025, 3, 12))],
    ).to_text()
    assert "《政府信息公开条例》第三十三条第二款" in text
