"""The published-report fixtures of ``tests/fixtures/reports``.

``NNN.txt`` is the text of a real published report (header lines ``source:``,
``title:``, ``partial:`` then a blank line); ``NNN.expected.json`` holds
hand-checked values in the fixture layout (flat 15-number ``appeals``,
``null`` rows for rows absent from the text, 2019 fields under
``proactive.format_2019_fields``).  :func:`expected_canonical` converts that
layout to canonical JSON (``spec/report-json.md``).
"""

import json
from pathlib import Path

from gongkai.report.schema import (
    APPEAL_GROUPS,
    N_APPEAL_COLUMNS,
    N_COLUMNS,
    SCHEMA_ID,
    get_format,
)

REPORTS = Path(__file__).parent / "fixtures" / "reports"


def fixture_names(with_expected: bool | None = None) -> list[str]:
    names = sorted(p.name.removesuffix(".txt") for p in REPORTS.glob("*.txt"))
    if with_expected is None:
        return names
    return [
        n for n in names if (REPORTS / f"{n}.expected.json").exists() == with_expected
    ]


def fixture_text(name: str) -> str:
    """Return the report text without the fixture's header lines."""
    raw = (REPORTS / f"{name}.txt").read_text(encoding="utf-8")
    lines = raw.split("\n")
    i = 0
    while i < len(lines) and lines[i].split(":", 1)[0] in (
        "source",
        "title",
        "partial",
    ):
        i += 1
    return "\n".join(lines[i:])


def fixture_expected(name: str) -> dict:
    return json.loads((REPORTS / f"{name}.expected.json").read_text(encoding="utf-8"))


def expected_canonical(name: str) -> dict:
    """Return the fixture's expected values as canonical report JSON."""
    raw = fixture_expected(name)
    fmt = get_format(raw["format"])
    apps = dict(raw["applications"])
    if fmt.key == "2019":
        apps["other"] = apps.pop("other_total_2019_format", None)
    applications = {k: apps.get(k) or [None] * N_COLUMNS for k in fmt.row_keys}
    flat = raw.get("appeals") or [None] * (3 * N_APPEAL_COLUMNS)
    appeals = {
        g.key: flat[i * N_APPEAL_COLUMNS : (i + 1) * N_APPEAL_COLUMNS]
        for i, g in enumerate(APPEAL_GROUPS)
    }
    return {
        "schema": SCHEMA_ID,
        "format": fmt.key,
        "year": raw.get("year"),
        "agency": raw.get("agency"),
        "proactive": _proactive(raw["proactive"], fmt.key),
        "applications": applications,
        "appeals": appeals,
        "sections": {"overview": None, "problems": None, "other": None},
        "findings": [],
    }


def _proactive(p: dict, format: str) -> dict:
    if format == "2021":
        keys = ("regulations", "normative_documents", "licensing", "penalty")
        out = {k: p[k] for k in keys}
        out["enforcement"] = p["enforcement"]
        out["fees_10k_yuan"] = p["fees_10k_yuan"]
        return out
    old = p["format_2019_fields"]

    def docs(key):
        return {
            "made": p[key]["issued"],
            "published": old[f"{key}_newly_published"],
            "total_public": p[key]["in_force"],
        }

    def item(src):
        return {
            "previous": src["prev_year_items"],
            "change": src["change"],
            "decisions": src["decisions"],
        }

    return {
        "regulations": docs("regulations"),
        "normative_documents": docs("normative_documents"),
        "licensing": item(old["licensing"]),
        "other_services": item(old["other_external_services"]),
        "penalty": item(old["penalty"]),
        "enforcement": item(old["enforcement"]),
        "fees": {
            "previous": old["fees"]["prev_year_items"],
            "change": old["fees"]["change"],
        },
        "procurement": dict(old["central_procurement"]),
    }
