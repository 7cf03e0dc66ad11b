"""The 21 outcome codes are exactly the leaf rows of table 三 (2021)."""

from gongkai.applications import outcomes
from gongkai.report.schema import FORMAT_2019, FORMAT_2021


def test_the_outcome_codes_are_the_2021_outcome_rows():
    assert outcomes.OUTCOME_KEYS == FORMAT_2021.outcome_keys
    assert len(outcomes.OUTCOME_KEYS) == 21


def test_every_outcome_has_a_rule_and_an_article():
    assert set(outcomes.RULES) == set(outcomes.OUTCOME_KEYS)
    assert all(rule.article for rule in outcomes.RULES.values())


def test_the_2019_format_merges_the_other_rows():
    assert {outcomes.row_2019(k) for k in outcomes.OUTCOME_KEYS} == set(
        FORMAT_2019.outcome_keys
    )
    assert [outcomes.row_2019(k) for k in ("other_1", "other_2", "other_3")] == [
        "other"
    ] * 3


def test_refusals_carry_the_reconsideration_first_notice():
    refusals = {k for k in outcomes.OUTCOME_KEYS if outcomes.is_refusal(k)}
    assert refusals == {f"withheld_{i}" for i in range(1, 9)} | {"partially_disclosed"}


def test_labels_quote_the_official_rows():
    assert outcomes.label("withheld_3") == "（三）不予公开 · 3.危及“三安全一稳定”"
    assert outcomes.short_label("unable_1") == "无法提供：本机关不掌握相关政府信息"
    assert outcomes.short_label("disclosed") == "予以公开"
