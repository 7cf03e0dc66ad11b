from django.contrib.auth import authenticate
from django.test import RequestFactory

from gongkai.accounts.demo import DEMO_PASSWORD, create_demo_staff
from gongkai.accounts.permissions import agencies_for_user
from gongkai.organisations.demo import build_demo_world


def test_it_creates_the_demo_staff_with_working_passwords(db):
    world = build_demo_world()

    logins = create_demo_staff(world)

    by_username = {username: (role, agency) for role, agency, username, _ in logins}
    assert by_username["lisi"] == ("经办人", world.township)
    assert by_username["qianqi"] == ("督查", world.district)
    assert {password for *_, password in logins} == {DEMO_PASSWORD}
    request = RequestFactory().post("/accounts/login/")
    user = authenticate(request, username="lisi", password=DEMO_PASSWORD)
    assert user is not None
    assert list(agencies_for_user(user)) == [world.township]


def test_it_is_idempotent(db):
    first = create_demo_staff()
    second = create_demo_staff()
    assert [row[2] for row in first] == [row[2] for row in second]
