"""PDF output: WeasyPrint draws the standalone HTML page.

The stylesheet is parsed once and the font configuration shared, so only
the first PDF of a process pays for loading the CJK fonts.
"""

from functools import cache

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from ..model import AnnualReport
from . import html


@cache
def _style() -> tuple[CSS, FontConfiguration]:
    fonts = FontConfiguration()
    return CSS(string=html.stylesheet(), font_config=fonts), fonts


def render_pdf(report: AnnualReport, findings=None) -> bytes:
    """Return the report as an A4 PDF with its CJK fonts embedded."""
    css, fonts = _style()
    page = html.render_document(report, findings, inline_css=False)
    return HTML(string=page).write_pdf(stylesheets=[css], font_config=fonts)
