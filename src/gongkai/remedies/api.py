"""Reconsideration and litigation records as JSON (same reach as the pages)."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest

from ninja import Router, Status
from ninja.security import django_auth

from gongkai.applications.api import WRITE, _refused
from gongkai.applications.schemas import ErrorOut
from gongkai.applications.selectors import get_application_for_user

from . import services
from .schemas import RemedyIn, RemedyOut, ResultIn
from .selectors import get_remedy_for_user, remedies_for_user

router = Router(tags=["remedies"], auth=django_auth)


@router.get("/", response={200: list[RemedyOut], 401: ErrorOut})
def list_remedies(request: HttpRequest):
    return remedies_for_user(request.user)


@router.post("/", response={200: RemedyOut, **WRITE})
def record_remedy(request: HttpRequest, payload: RemedyIn):
    application = get_application_for_user(
        request.user, payload.application_id, write=True
    )
    follows = None
    if payload.follows_id is not None:
        follows = get_remedy_for_user(request.user, payload.follows_id)
    data = payload.dict(exclude={"application_id", "follows_id"})
    try:
        return Status(
            200,
            services.record_remedy(request.user, application, follows=follows, **data),
        )
    except ValidationError as error:
        return _refused(error)


@router.get("/{remedy_id}", response={200: RemedyOut, 401: ErrorOut, 404: ErrorOut})
def get_remedy(request: HttpRequest, remedy_id: int):
    return Status(200, get_remedy_for_user(request.user, remedy_id))


@router.post("/{remedy_id}/result", response={200: RemedyOut, **WRITE})
def record_result(request: HttpRequest, remedy_id: int, payload: ResultIn):
    remedy = get_remedy_for_user(request.user, remedy_id, write=True)
    try:
        return Status(
            200, services.record_result(request.user, remedy, **payload.dict())
        )
    except ValidationError as error:
        return _refused(error)
