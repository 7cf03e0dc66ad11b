from datetime import date

from ninja import Schema


class RemedyOut(Schema):
    id: int
    application_id: int
    application_number: str
    route: str
    follows_id: int | None
    body: str
    case_number: str
    filed_on: date
    result: str
    decided_on: date | None
    note: str

    @staticmethod
    def resolve_application_number(obj):
        return obj.application.number


class RemedyIn(Schema):
    application_id: int
    route: str
    body: str
    case_number: str
    filed_on: date
    follows_id: int | None = None
    note: str = ""


class ResultIn(Schema):
    result: str
    decided_on: date
    note: str = ""
