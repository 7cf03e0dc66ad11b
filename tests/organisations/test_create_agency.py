from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from gongkai.audit.models import AuditEntry
from gongkai.organisations.codes import make_credit_code
from gongkai.organisations.models import Agency, Kind, Level
from gongkai.organisations.services import create_agency


def _fields(**overrides):
    fields = {
        "name": "海东市平安区洪水泉回族乡人民政府",
        "short_name": "洪水泉回族乡",
        "level": Level.TOWNSHIP,
        "kind": Kind.GOVERNMENT,
        "credit_code": make_credit_code("11630203", "01390099"),
        "ogi_body_name": "洪水泉回族乡党政综合办公室",
        "ogi_body_telephone": "0972-8690401",
    }
    return fields | overrides


def test_it_creates_an_agency_below_its_parent_with_a_path(world, zhoujiu):
    agency = create_agency(zhoujiu, parent=world.district, **_fields())

    assert agency.path == f"{world.district.path}{agency.pk}/"
    assert agency.depth == 3
    assert set(Agency.objects.subtree_of(world.district)) >= {agency, world.township}


def test_it_writes_an_audit_entry_for_the_new_agency(world, zhoujiu):
    agency = create_agency(zhoujiu, parent=world.district, **_fields())

    entry = AuditEntry.objects.get(verb="organisations.create_agency")
    assert entry.actor == zhoujiu
    assert entry.agency == agency
    assert entry.data["parent"] == world.district.pk
    assert entry.data["name"] == "海东市平安区洪水泉回族乡人民政府"


def test_it_refuses_a_credit_code_with_a_wrong_check_character(world, zhoujiu):
    good = make_credit_code("11630203", "01390099")
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")

    with pytest.raises(ValidationError) as error:
        create_agency(zhoujiu, parent=world.district, **_fields(credit_code=bad))

    assert "credit_code" in error.value.message_dict
    assert not Agency.objects.filter(name="海东市平安区洪水泉回族乡人民政府").exists()


def test_it_refuses_a_province_below_a_county(world, zhoujiu):
    with pytest.raises(ValidationError) as error:
        create_agency(
            zhoujiu,
            parent=world.district,
            **_fields(level=Level.PROVINCE, credit_code=""),
        )
    assert "下级机关的层级不能高于上级机关。" in error.value.message_dict["parent"]


def test_it_refuses_a_government_below_a_department(world, zhoujiu):
    education = world.departments[0]
    with pytest.raises(ValidationError):
        create_agency(zhoujiu, parent=education, **_fields(credit_code=""))


def test_it_refuses_a_duplicate_full_name(world, zhoujiu):
    with pytest.raises(ValidationError) as error:
        create_agency(
            zhoujiu,
            parent=world.district,
            **_fields(name=world.township.name, credit_code=""),
        )
    assert "name" in error.value.message_dict


def test_it_lets_only_administrators_of_the_parent_create(world, wangwu, qianqi):
    for actor in (wangwu, qianqi):
        with pytest.raises(PermissionDenied):
            create_agency(actor, parent=world.district, **_fields())
    assert AuditEntry.objects.count() == 0


def test_it_keeps_root_agencies_for_superusers(world, zhoujiu, root_admin):
    fields = _fields(name="西宁市人民政府", level=Level.CITY, credit_code="")
    with pytest.raises(PermissionDenied):
        create_agency(zhoujiu, parent=None, **fields)

    agency = create_agency(root_admin, parent=None, **fields)
    assert agency.path == f"/{agency.pk}/"
