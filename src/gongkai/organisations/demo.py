"""The demo world: 青海省 → 海东市 → 平安区 and its townships and departments.

The seed township is 海东市平安区古城回族乡, whose 2023 annual report the
project started from.  Codes are made up but carry correct check
characters; addresses and telephone numbers follow the real pattern
(海东 area code 0972, postcode 810600) without being real contacts.
"""

from dataclasses import dataclass

from django.db import transaction

from .codes import make_credit_code
from .models import Agency, Kind, Level
from .services import insert_agency

HOURS = "周一至周五 上午8:30—12:00，下午14:30—18:00（法定节假日除外）"


@dataclass
class DemoWorld:
    province: Agency
    city: Agency
    district: Agency
    township: Agency  # 古城回族乡, the seed township
    sibling_townships: list[Agency]
    departments: list[Agency]

    @property
    def district_agencies(self) -> list[Agency]:
        """平安区 itself and the five agencies below it."""
        return [
            self.district,
            self.township,
            *self.sibling_townships,
            *self.departments,
        ]


def _contacts(
    office: str, address: str, telephone: str, web: str, postcode: str
) -> dict:
    return {
        "ogi_body_name": office,
        "ogi_body_address": address,
        "ogi_body_postcode": postcode,
        "ogi_body_hours": HOURS,
        "ogi_body_telephone": telephone,
        "ogi_body_fax": telephone,
        "ogi_body_web": web,
    }


# (name, short name, level, kind, parent name, credit-code prefix,
#  organisation-code body, contacts)
DEMO_AGENCIES = [
    (
        "青海省人民政府", "青海省", Level.PROVINCE, Kind.GOVERNMENT, None,
        "11630000", "01390001",
        _contacts("青海省人民政府办公厅政务公开办公室", "青海省西宁市城中区西大街29号",
                  "0971-8482041", "http://www.qinghai.gov.cn/", "810000"),
    ),
    (
        "海东市人民政府", "海东市", Level.CITY, Kind.GOVERNMENT, "青海省人民政府",
        "11630200", "01390002",
        _contacts("海东市人民政府办公室政务公开科", "青海省海东市乐都区古城大街1号",
                  "0972-8612001", "http://www.haidong.gov.cn/", "810700"),
    ),
    (
        "海东市平安区人民政府", "平安区", Level.COUNTY, Kind.GOVERNMENT, "海东市人民政府",
        "11630203", "01390003",
        _contacts("海东市平安区人民政府办公室", "青海省海东市平安区平安大道36号",
                  "0972-8682001", "http://www.pinganqu.gov.cn/", "810600"),
    ),
    (
        "海东市平安区古城回族乡人民政府", "古城回族乡", Level.TOWNSHIP, Kind.GOVERNMENT,
        "海东市平安区人民政府", "11630203", "01390004",
        _contacts("古城回族乡党政综合办公室", "青海省海东市平安区古城回族乡古城村",
                  "0972-8690101", "http://www.pinganqu.gov.cn/（古城回族乡栏目）", "810600"),
    ),
    (
        "海东市平安区小峡镇人民政府", "小峡镇", Level.TOWNSHIP, Kind.GOVERNMENT,
        "海东市平安区人民政府", "11630203", "01390005",
        _contacts("小峡镇党政综合办公室", "青海省海东市平安区小峡镇小峡村",
                  "0972-8690201", "http://www.pinganqu.gov.cn/（小峡镇栏目）", "810600"),
    ),
    (
        "海东市平安区三合镇人民政府", "三合镇", Level.TOWNSHIP, Kind.GOVERNMENT,
        "海东市平安区人民政府", "11630203", "01390006",
        _contacts("三合镇党政综合办公室", "青海省海东市平安区三合镇三合村",
                  "0972-8690301", "http://www.pinganqu.gov.cn/（三合镇栏目）", "810600"),
    ),
    (
        "海东市平安区教育局", "平安区教育局", Level.COUNTY, Kind.DEPARTMENT,
        "海东市平安区人民政府", "11630203", "01390007",
        _contacts("平安区教育局办公室", "青海省海东市平安区湟中路8号",
                  "0972-8682101", "http://www.pinganqu.gov.cn/（教育局栏目）", "810600"),
    ),
    (
        "海东市平安区自然资源局", "平安区自然资源局", Level.COUNTY, Kind.DEPARTMENT,
        "海东市平安区人民政府", "11630203", "01390008",
        _contacts("平安区自然资源局办公室", "青海省海东市平安区平安大道12号",
                  "0972-8682201", "http://www.pinganqu.gov.cn/（自然资源局栏目）", "810600"),
    ),
]  # fmt: skip


def _ensure(spec, by_name: dict[str, Agency], sort_order: int) -> Agency:
    name, short, level, kind, parent_name, prefix, org_body, contacts = spec
    existing = Agency.objects.filter(name=name).first()
    if existing is not None:
        return existing
    fields = {
        "name": name,
        "short_name": short,
        "level": level,
        "kind": kind,
        "credit_code": make_credit_code(prefix, org_body),
        "organisation_code": make_credit_code(prefix, org_body)[8:17],
        "sort_order": sort_order,
        **contacts,
    }
    return insert_agency(by_name.get(parent_name), fields)


def build_demo_world() -> DemoWorld:
    """Create the demo agencies where missing and return them all.

    Idempotent: agencies are found by full name; existing ones are left as
    they are.  A setup step, not a user action, so no audit entry.
    """
    by_name: dict[str, Agency] = {}
    with transaction.atomic():
        for sort_order, spec in enumerate(DEMO_AGENCIES):
            by_name[spec[0]] = _ensure(spec, by_name, sort_order)
    agencies = list(by_name.values())
    return DemoWorld(
        province=agencies[0],
        city=agencies[1],
        district=agencies[2],
        township=agencies[3],
        sibling_townships=agencies[4:6],
        departments=agencies[6:8],
    )
