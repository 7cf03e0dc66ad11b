"""What the isolation crawl needs to know about annual reports.

Drafts and their pages belong to their agency: another agency's staff get
404.  Published versions are public by design (``/annual-reports/``), as
are imported reports and the stateless ``/api/reports`` tools.  Local
deadline rules set by an ancestor are shown to the agencies they bind, so
their marker is a text no page prints: only the refusal of their delete
URL is checked.
"""

from gongkai.accounts.isolation import registry


def _report_of(agency):
    from gongkai.report import empty_report

    from .models import Report

    report, _created = Report.objects.get_or_create(
        agency=agency,
        year=2023,
        scope="agency",
        defaults={
            "agency_name": agency.name,
            "tables": empty_report("2021", year=2023, agency=agency.name).to_json(),
            "compiled_at": "2024-01-05T09:00:00+08:00",
        },
    )
    return report


def _rule_of(agency):
    from .models import DeadlineRule

    rule, _created = DeadlineRule.objects.get_or_create(
        agency=agency,
        applies_to="all",
        month=1,
        day=20,
        defaults={"basis": f"（隔离测试）第 {agency.pk} 号机关的年报期限"},
    )
    return rule


def _register():
    from .models import DeadlineRule, Report

    registry.register(
        Report,
        build=_report_of,
        marker=str,
        params=("report_pk", "report_id"),
        namespaces=("annual_reports",),
        api_prefixes=("/api/annual-reports",),
    )
    registry.register(
        DeadlineRule,
        build=_rule_of,
        marker=lambda rule: f"deadline-rule-{rule.pk}",
        params=("rule_pk", "rule_id"),
    )
    registry.register_param("cell", "applications.new[0]")
    registry.register_public("annual_reports_public", api_prefixes=("/api/reports",))


_register()
