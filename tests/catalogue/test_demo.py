"""The demo catalogue: the seed township's 89 items of 2023 as its report
says, and realistic documents for the other agencies."""

import json
from pathlib import Path

from gongkai.catalogue.demo import build_demo_catalogue, gucheng_items
from gongkai.catalogue.models import Document
from gongkai.catalogue.selectors import flags_for, proactive_section, published_count
from gongkai.organisations.models import Agency

SEED_REPORT = (
    Path(__file__).resolve().parents[2]
    / "src/gongkai/annual_reports/data/seed-2023.json"
)


def test_the_seed_township_publishes_89_items_in_2023(world):
    assert len(gucheng_items()) == 89
    assert build_demo_catalogue(world) > 89

    assert published_count(world.township, 2023) == 89
    numbers = Document.objects.filter(agency=world.township, published_on__year=2023)
    assert sorted(numbers.values_list("index_number", flat=True))[-1].endswith(
        "/2023-00089"
    )


def test_section_two_agrees_with_the_seed_report(world):
    build_demo_catalogue(world)
    report = json.loads(SEED_REPORT.read_text(encoding="utf-8"))
    section = proactive_section(world.township, 2023)
    assert section["normative_documents"] == {
        key: report["proactive"]["normative_documents"][key]
        for key in ("issued", "repealed", "in_force")
    }
    assert section["licensing"] == report["proactive"]["licensing"] == 0


def test_it_runs_twice_without_duplicates(world):
    build_demo_catalogue(world)
    count = Document.objects.count()
    assert build_demo_catalogue(world) == 0
    assert Document.objects.count() == count


def test_the_demo_has_something_to_flag(world):
    from datetime import date

    build_demo_catalogue(world)
    flags = flags_for(Agency.objects.all(), date(2026, 11, 30))
    assert flags.overdue.exists()
    assert flags.missing_interpretation.exists()
