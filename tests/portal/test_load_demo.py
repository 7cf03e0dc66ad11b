from django.core.management import call_command

import pytest

from gongkai.annual_reports.models import Report
from gongkai.applications.models import Application
from gongkai.catalogue.models import Document
from gongkai.organisations.models import Agency

pytestmark = pytest.mark.django_db(transaction=True)


def test_load_demo_builds_the_world_and_is_idempotent(capsys):
    call_command("load_demo", "--base-url", "http://127.0.0.1:8000")
    out = capsys.readouterr().out
    township = Agency.objects.get(name="海东市平安区古城回族乡人民政府")
    assert f"http://127.0.0.1:8000/agencies/{township.pk}/" in out
    assert "lisi" in out and "Gongkai#2026demo" in out
    counts = (
        Agency.objects.count(),
        Document.objects.count(),
        Application.objects.count(),
        Report.objects.count(),
    )
    assert Report.objects.filter(agency=township, year=2023).exists()
    call_command("load_demo")
    assert counts == (
        Agency.objects.count(),
        Document.objects.count(),
        Application.objects.count(),
        Report.objects.count(),
    )
