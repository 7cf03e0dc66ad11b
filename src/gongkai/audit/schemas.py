from datetime import datetime

from ninja import Schema


class AuditEntryOut(Schema):
    id: int
    created_at: datetime
    actor_name: str
    verb: str
    agency_id: int | None
    target_type: str
    target_id: str
    target_repr: str
    data: dict
    ip_address: str | None


class ErrorOut(Schema):
    detail: str
