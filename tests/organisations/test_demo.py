from gongkai.organisations import codes
from gongkai.organisations.demo import build_demo_world
from gongkai.organisations.models import Agency, Kind, Level


def test_it_builds_the_district_around_the_seed_township(db):
    world = build_demo_world()

    assert world.township.name == "海东市平安区古城回族乡人民政府"
    assert world.township.level == Level.TOWNSHIP
    assert [a.short_name for a in world.sibling_townships] == ["小峡镇", "三合镇"]
    assert {a.kind for a in world.departments} == {Kind.DEPARTMENT}
    assert set(Agency.objects.subtree_of(world.district)) == set(
        world.district_agencies
    )
    assert world.township.ancestors().first() == world.province


def test_it_is_idempotent(db):
    first = build_demo_world()
    second = build_demo_world()

    assert second.township == first.township
    assert Agency.objects.count() == 8


def test_every_demo_agency_has_valid_codes_and_a_working_body(db):
    world = build_demo_world()
    for agency in [world.province, world.city, *world.district_agencies]:
        assert codes.is_valid_credit_code(agency.credit_code)
        assert codes.is_valid_organisation_code(agency.organisation_code)
        assert all(agency.ogi_body().values()), agency.name
