from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from gongkai.audit.models import AuditEntry
from gongkai.organisations.models import Agency, Kind, Level
from gongkai.organisations.services import create_agency, move_agency


@pytest.fixture
def second_district(world, root_admin):
    return create_agency(
        root_admin,
        parent=world.city,
        name="海东市乐都区人民政府",
        short_name="乐都区",
        level=Level.COUNTY,
        kind=Kind.GOVERNMENT,
    )


def test_it_moves_an_agency_and_rewrites_the_paths_below_it(world, root_admin):
    xining = create_agency(
        root_admin,
        parent=world.province,
        name="西宁市人民政府",
        level=Level.CITY,
        kind=Kind.GOVERNMENT,
    )
    district = world.district

    move_agency(root_admin, district, xining)

    district.refresh_from_db()
    assert district.parent == xining
    assert district.path == f"{xining.path}{district.pk}/"
    for agency in world.district_agencies[1:]:
        agency.refresh_from_db()
        assert agency.path == f"{district.path}{agency.pk}/"
    assert set(Agency.objects.subtree_of(xining)) == {xining, *world.district_agencies}
    assert set(Agency.objects.subtree_of(world.city)) == {world.city}


def test_it_moves_a_township_between_districts(world, root_admin, second_district):
    township = world.sibling_townships[1]

    moved = move_agency(root_admin, township, second_district)

    assert moved.path == f"{second_district.path}{township.pk}/"
    assert township not in Agency.objects.subtree_of(world.district)
    entry = AuditEntry.objects.get(verb="organisations.move_agency")
    assert entry.data == {
        "from_parent": world.district.pk,
        "to_parent": second_district.pk,
    }
    assert entry.agency == township


def test_it_refuses_to_move_an_agency_below_itself(world, root_admin):
    with pytest.raises(ValidationError) as error:
        move_agency(root_admin, world.city, world.city)
    assert error.value.error_dict["parent"][0].code == "cycle"


def test_it_refuses_to_move_an_agency_below_its_own_descendant(world, root_admin):
    with pytest.raises(ValidationError):
        move_agency(root_admin, world.city, world.township)

    world.city.refresh_from_db()
    assert world.city.parent == world.province
    assert not AuditEntry.objects.filter(verb="organisations.move_agency").exists()


def test_it_refuses_a_move_that_breaks_the_level_order(world, root_admin):
    with pytest.raises(ValidationError):
        move_agency(root_admin, world.township, world.sibling_townships[0])


def test_a_district_administrator_cannot_move_outside_the_district(
    world, zhoujiu, second_district
):
    with pytest.raises(PermissionDenied):
        move_agency(zhoujiu, world.township, second_district)
    with pytest.raises(PermissionDenied):
        move_agency(zhoujiu, world.district, world.province)


def test_a_district_administrator_moves_within_the_district(world, zhoujiu, root_admin):
    town = create_agency(
        root_admin,
        parent=world.district,
        name="海东市平安区平安镇人民政府",
        level=Level.TOWNSHIP,
        kind=Kind.GOVERNMENT,
    )
    department = world.departments[0]
    # A department may hold sub-units; a township government may not sit under it,
    # but another department of the same level can.
    moved = move_agency(zhoujiu, world.departments[1], department)
    assert moved.parent == department
    assert town.parent == world.district
