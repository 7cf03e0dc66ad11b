"""Agencies as JSON, for the signed-in staff member (same reach as the pages)."""

from django.http import HttpRequest

from ninja import Router
from ninja.security import django_auth

from gongkai.accounts.permissions import visible_agencies

from .schemas import AgencyDetailOut, AgencyOut, ErrorOut
from .selectors import get_agency_for_user

router = Router(tags=["agencies"], auth=django_auth)


@router.get("/", response={200: list[AgencyOut], 401: ErrorOut})
def list_agencies(request: HttpRequest):
    """The agencies the user may see, in tree order."""
    return visible_agencies(request.user).order_by("path")


@router.get(
    "/{agency_id}", response={200: AgencyDetailOut, 401: ErrorOut, 404: ErrorOut}
)
def get_agency(request: HttpRequest, agency_id: int):
    """One agency with its OGI working body's contacts (《条例》第十二条)."""
    return get_agency_for_user(request.user, agency_id)
