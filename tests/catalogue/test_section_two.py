"""Section 二 of the annual report from the catalogue: 规章 and 行政规范性
文件 issued, repealed and in force for any year follow from the documents'
dates; the 第二十条（五）（六）（八）项 figures come from the yearly records."""

from datetime import date
from decimal import Decimal

import pytest

from gongkai.catalogue import services
from gongkai.catalogue.models import Category
from gongkai.catalogue.selectors import (
    document_counts,
    fees_10k_yuan,
    proactive_section,
    published_count,
)
from tests.catalogue.conftest import publish


@pytest.fixture
def district_people(world):
    from gongkai.accounts.models import Role
    from tests.organisations.world import make_person

    district = world.district
    return (
        make_person("dclerk", "区经办", district, Role.HANDLER),
        make_person("dreviewer", "区审核", district, Role.PUBLICATION_REVIEWER),
    )


def normative(district_people, agency, created_on, title, number, **dates):
    clerk, reviewer = district_people
    document = publish(
        clerk,
        reviewer,
        agency,
        today=created_on,
        title=title,
        document_number=number,
        kind="normative",
        created_on=created_on,
        category=Category.objects.get(code="art20-01"),
    )
    if dates:
        services.change_validity(
            reviewer,
            document,
            repealed_on=dates.get("repealed_on"),
            valid_until=dates.get("valid_until"),
        )
    return document


def test_counts_follow_issue_repeal_and_expiry_dates(world, district_people):
    district = world.district
    normative(
        district_people,
        district,
        date(2021, 5, 10),
        "甲办法",
        "平政〔2021〕1号",
        repealed_on=date(2023, 6, 1),
    )
    normative(
        district_people,
        district,
        date(2022, 3, 1),
        "乙办法",
        "平政〔2022〕2号",
        valid_until=date(2023, 12, 31),
    )
    normative(
        district_people,
        district,
        date(2022, 8, 1),
        "丙办法",
        "平政〔2022〕9号",
        valid_until=date(2023, 6, 30),
    )
    normative(district_people, district, date(2023, 4, 1), "丁办法", "平政〔2023〕3号")

    counts = {
        year: vars(document_counts(district, year, "normative"))
        for year in (2021, 2022, 2023, 2024)
    }

    assert counts == {
        2021: {"issued": 1, "repealed": 0, "in_force": 1},
        2022: {"issued": 2, "repealed": 0, "in_force": 3},
        # 甲 repealed; 丙 expired on 30 June; 乙 still valid on 31 December.
        2023: {"issued": 1, "repealed": 1, "in_force": 2},
        # 乙 was valid until 31 December 2023.
        2024: {"issued": 0, "repealed": 0, "in_force": 1},
    }


def test_the_in_force_heuristic_holds_from_year_to_year(world, district_people):
    """现行有效(Y) = 现行有效(Y−1) + 制发(Y) − 废止(Y) when nothing expires."""
    district = world.district
    normative(
        district_people,
        district,
        date(2022, 3, 1),
        "甲",
        "平政〔2022〕1号",
        repealed_on=date(2023, 2, 1),
    )
    normative(district_people, district, date(2023, 3, 1), "乙", "平政〔2023〕1号")
    last, this = (document_counts(district, y, "normative") for y in (2022, 2023))
    assert this.in_force == last.in_force + this.issued - this.repealed


def test_drafts_and_other_agencies_do_not_count(world, district_people, lisi, gucheng):
    from tests.catalogue.conftest import draft

    clerk, _reviewer = district_people
    draft(clerk, world.district, kind="normative", created_on=date(2023, 2, 1))
    publish(
        lisi, None or _township_reviewer(gucheng), gucheng, created_on=date(2023, 2, 1)
    )

    assert vars(document_counts(world.district, 2023, "normative")) == {
        "issued": 0,
        "repealed": 0,
        "in_force": 0,
    }


def _township_reviewer(gucheng):
    from gongkai.accounts.models import Role
    from tests.organisations.world import make_person

    return make_person("zl", "赵六", gucheng, Role.PUBLICATION_REVIEWER)


def test_the_section_has_the_report_shape_with_fees_in_10k_yuan(world, district_people):
    clerk, _reviewer = district_people
    services.record_article20_figures(
        clerk,
        world.district,
        2023,
        licensing=1265,
        penalty=84,
        enforcement=6,
        fees_yuan=Decimal("1853200.50"),
    )

    section = proactive_section(world.district, 2023)

    assert section == {
        "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
        "normative_documents": {"issued": 0, "repealed": 0, "in_force": 0},
        "licensing": 1265,
        "penalty": 84,
        "enforcement": 6,
        "fees_10k_yuan": 185.3201,
    }


def test_without_figures_the_cells_are_blank_not_zero(world):
    section = proactive_section(world.district, 2023)
    assert section["licensing"] is None and section["fees_10k_yuan"] is None


def test_fees_are_shown_in_10k_yuan_exactly_to_the_yuan():
    assert fees_10k_yuan(Decimal("0")) == 0
    assert fees_10k_yuan(Decimal("380")) == 0.038
    assert fees_10k_yuan(Decimal("12345.67"), decimals=2) == 1.23


def test_the_section_validates_as_an_annual_report_cell_set(world):
    from gongkai.report.model import Proactive2021

    Proactive2021.model_validate(proactive_section(world.district, 2023))


def test_published_count_is_the_proactive_items_of_the_year(lisi, gucheng):
    reviewer = _township_reviewer(gucheng)
    for day in (
        date(2022, 12, 30),
        date(2023, 1, 3),
        date(2023, 12, 29),
        date(2024, 1, 2),
    ):
        publish(lisi, reviewer, gucheng, today=day, title=f"信息{day}")
    assert published_count(gucheng, 2023) == 2


def test_the_grouped_sections_equal_the_per_agency_ones(world):
    """``proactive_sections`` (a region at once) agrees with
    ``proactive_section`` for every agency and year of the demo catalogue."""
    from gongkai.catalogue.demo import build_demo_catalogue
    from gongkai.catalogue.selectors import proactive_sections

    build_demo_catalogue(world)
    agencies = list(type(world.township).objects.all())
    for year in (2022, 2023, 2024):
        grouped = proactive_sections([a.pk for a in agencies], year)
        assert grouped == {a.pk: proactive_section(a, year) for a in agencies}
    assert grouped[world.district.pk]["normative_documents"]["repealed"] == 1
