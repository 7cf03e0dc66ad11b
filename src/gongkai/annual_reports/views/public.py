"""Public pages: the published versions of annual reports, their stored
files and what each correction changed."""

import difflib

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.report import render as report_render
from gongkai.report.diff import diff
from gongkai.report.schema import NARRATIVE_SECTIONS, SECTION_HEADINGS

from ..drilldown import UnknownCell, label_of
from ..models import RenderedFile
from ..selectors import get_public_version
from .common import attachment


@require_GET
def version_page(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_public_version(pk)
    report = version.annual_report()
    clean = report.model_copy(update={"findings": []})
    siblings = version.report.versions.order_by("-number").only(
        "pk", "number", "published_at", "reason"
    )
    context = {
        "version": version,
        "report": version.report,
        "body": report_render.render_html_fragment(clean, []),
        "versions": siblings,
        "latest": siblings.first(),
        "downloads": [
            f.format for f in version.files.only("format").order_by("format")
        ],
    }
    return render(request, "annual_reports/public/version.html", context)


@require_GET
def version_download(request: HttpRequest, pk: int, to: str) -> HttpResponse:
    version = get_public_version(pk)
    try:
        stored = version.files.get(format=to)
    except RenderedFile.DoesNotExist:
        raise Http404 from None
    report = version.annual_report()
    name = report_render.download_name(report, to)
    if version.is_correction:
        name = name.replace(".", f"（第{version.number}版）.", 1)
    return attachment(bytes(stored.content), report_render.MEDIA_TYPES[to], name)


@require_GET
def version_changes(request: HttpRequest, pk: int) -> HttpResponse:
    """What a correction changed: cell by cell and line by line."""
    version = get_public_version(pk)
    before = (
        version.report.versions.filter(number__lt=version.number)
        .order_by("-number")
        .first()
    )
    if before is None:
        raise Http404
    old, new = before.annual_report(), version.annual_report()
    result = diff(old, new)
    context = {
        "version": version,
        "before": before,
        "report": version.report,
        "cells": [(_label(c.path), c) for c in result.changes],
        "texts": _text_changes(old, new),
    }
    return render(request, "annual_reports/public/changes.html", context)


def _label(path: str) -> str:
    try:
        return label_of(path)
    except UnknownCell:
        return path


def _text_changes(old, new) -> list[tuple[str, list[tuple[str, str]]]]:
    """Return per changed narrative section its lines marked ``+``/``-``/`` ``."""
    changed = []
    for key, index in NARRATIVE_SECTIONS.items():
        before = (getattr(old.sections, key) or "").splitlines()
        after = (getattr(new.sections, key) or "").splitlines()
        if before == after:
            continue
        lines = [
            (line[0], line[2:])
            for line in difflib.ndiff(before, after)
            if line[:1] in "+- "
        ]
        changed.append((SECTION_HEADINGS[index], lines))
    return changed
