"""Annual reports (政府信息公开工作年度报告): compiled from the platform's
records, written, reviewed, published in versions, rolled up by region and
supervised; and reports published elsewhere, imported with the reader."""


def compile(agency, year: int):  # noqa: A001 (the name the architecture uses)
    """Return the ``AnnualReport`` of ``agency`` on ``year`` compiled from
    its records (tables 二、三、四; narrative empty).  See
    :func:`gongkai.annual_reports.compiling.compile_report`."""
    from .compiling import compile_report

    return compile_report(agency, year)
