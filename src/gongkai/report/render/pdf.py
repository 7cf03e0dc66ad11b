"""PDF output: WeasyPrint draws the standalone HTML page.

The stylesheet is parsed once and the font configuration shared, so only
the first PDF of a process pays for loading the CJK fonts.  A report needs
no external resource, so the URL fetcher refuses every URL; sharing one
fetcher also saves building an SSL context (about 45 ms) for each PDF.
"""

from functools import cache

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from ..model import AnnualReport
from . import html


@cache
def _resources() -> tuple[CSS, FontConfiguration, URLFetcher]:
    fonts = FontConfiguration()
    fetcher = URLFetcher(allowed_protocols=frozenset())
    css = CSS(string=html.stylesheet(), font_config=fonts, url_fetcher=fetcher)
    return css, fonts, fetcher


def render_pdf(report: AnnualReport, findings=None) -> bytes:
    """Return the report as an A4 PDF with its CJK fonts embedded."""
    css, fonts, fetcher = _resources()
    page = html.render_document(report, findings, inline_css=False)
    document = HTML(string=page, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[css], font_config=fonts)
