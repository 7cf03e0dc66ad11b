from ninja import Schema


class AgencyOut(Schema):
    id: int
    parent_id: int | None
    name: str
    short_name: str
    level: str
    kind: str
    report_level: str
    credit_code: str
    organisation_code: str


class OgiBodyOut(Schema):
    name: str
    address: str
    postcode: str
    hours: str
    telephone: str
    fax: str
    web: str


class AgencyDetailOut(AgencyOut):
    ogi_body: OgiBodyOut

    @staticmethod
    def resolve_ogi_body(obj):
        return obj.ogi_body()


class ErrorOut(Schema):
    detail: str
