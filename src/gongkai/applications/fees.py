"""信息处理费: the fee schedules of 国办函〔2020〕109号, without Django.

《政府信息公开信息处理费管理办法》第三条: a fee is computed progressively on
the excess (超额累进), either per application (按件计收) or per page (按量计收);
for each application one basis is chosen, never both.

- :func:`page_fee` (第五条 按量计收): pages 1–30 free; 31–100 at 10 元; 101–200
  at 20 元; 201 and beyond at 40 元 a page, each rate on its band only.
- :func:`application_fee` (第四条 按件计收): the same applicant's applications
  in one calendar month; the 1st–10th free, the 11th–30th 100 元 each, and
  from the 31st on the rate rises by 100 元 with every band of 10
  (31–40: 200 元, 41–50: 300 元, …).

Both return a :class:`Fee`: the amount in whole 元 and the breakdown, one
:class:`FeeBand` per band touched, which ``lines()`` prints in Chinese.
"""

from dataclasses import dataclass

PER_PAGE = "per_page"
PER_APPLICATION = "per_application"
BASIS_LABELS = {PER_PAGE: "按量计收", PER_APPLICATION: "按件计收"}

# 109号第五条: (first page, last page or None, 元 per page).
PAGE_BANDS = ((1, 30, 0), (31, 100, 10), (101, 200, 20), (201, None, 40))
FREE_APPLICATIONS = 10  # 109号第四条: 10 件以下（含10件）不收费
FLAT_BAND_END = 30  # 11–30 件（含30件）: 100 元/件
BAND_SIZE = 10  # 30 件以上: 每 10 件为一档，每件标准提高 100 元
STEP = 100


class FeeError(ValueError):
    """A quantity the schedule cannot price; ``str()`` says why in Chinese."""


@dataclass(frozen=True)
class FeeBand:
    """One band of the schedule: units ``first``..``last`` at ``rate`` 元."""

    first: int
    last: int
    rate: int
    unit: str  # "页" or "件"

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    @property
    def subtotal(self) -> int:
        return self.count * self.rate

    def line(self) -> str:
        span = (
            f"第 {self.first} {self.unit}"
            if self.first == self.last
            else (f"第 {self.first}–{self.last} {self.unit}")
        )
        if self.rate == 0:
            return f"{span}：免费（{self.count} {self.unit}）"
        return f"{span}：{self.count} {self.unit} × {self.rate} 元 = {self.subtotal} 元"


@dataclass(frozen=True)
class Fee:
    """A fee in whole 元 and the bands it was added up from."""

    basis: str  # PER_PAGE or PER_APPLICATION
    quantity: int
    bands: tuple[FeeBand, ...]
    source: str = "国办函〔2020〕109号"

    @property
    def amount(self) -> int:
        return sum(band.subtotal for band in self.bands)

    @property
    def basis_label(self) -> str:
        return BASIS_LABELS[self.basis]

    def lines(self) -> list[str]:
        """Return the breakdown, one Chinese line per band, then the total."""
        article = "第五条" if self.basis == PER_PAGE else "第四条"
        lines = [f"计费方式：{self.basis_label}（{self.source}{article}）"]
        lines += [band.line() for band in self.bands]
        lines.append(f"合计：{self.amount} 元")
        return lines


def page_fee(pages: int) -> Fee:
    """Return the 按量计收 fee for one application of ``pages`` pages.

    Zero pages cost nothing; a negative count raises :class:`FeeError`.
    """
    _require_count(pages, "页数", minimum=0)
    bands = []
    for first, last, rate in PAGE_BANDS:
        if pages < first:
            break
        top = pages if last is None else min(pages, last)
        bands.append(FeeBand(first, top, rate, "页"))
    return Fee(PER_PAGE, pages, tuple(bands))


def application_rate(position: int) -> int:
    """Return the 按件计收 rate in 元 of the ``position``-th application of
    one applicant in one calendar month (109号第四条)."""
    _require_count(position, "件次", minimum=1)
    if position <= FREE_APPLICATIONS:
        return 0
    if position <= FLAT_BAND_END:
        return STEP
    return STEP * (2 + (position - FLAT_BAND_END - 1) // BAND_SIZE)


def application_fee(position: int, count: int = 1) -> Fee:
    """Return the 按件计收 fee of ``count`` applications (件) that are the
    ``position``-th to ``position + count - 1``-th of the applicant in the
    month: the sum of each one's rate.

    ``count`` above 1 serves an application split into several 件 under
    "一事一申请" (109号第四条).
    """
    _require_count(position, "件次", minimum=1)
    _require_count(count, "件数", minimum=1)
    bands: list[FeeBand] = []
    for k in range(position, position + count):
        rate = application_rate(k)
        if bands and bands[-1].rate == rate:
            bands[-1] = FeeBand(bands[-1].first, k, rate, "件")
        else:
            bands.append(FeeBand(k, k, rate, "件"))
    return Fee(PER_APPLICATION, count, tuple(bands))


def fee_for(basis: str, quantity: int, position: int | None = None) -> Fee:
    """Return the fee for one application on one basis (109号第三条: never
    both).  For ``PER_PAGE`` ``quantity`` is the page count; for
    ``PER_APPLICATION`` it is the number of 件 and ``position`` the first
    one's place in the month."""
    if basis == PER_PAGE:
        return page_fee(quantity)
    if basis == PER_APPLICATION:
        return application_fee(position or 1, quantity)
    raise FeeError(f"未知的计费方式：{basis}（应为按件计收或按量计收之一）")


def _require_count(value: int, name: str, *, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FeeError(f"{name}应为整数，收到 {value!r}")
    if value < minimum:
        raise FeeError(f"{name}不能小于 {minimum}，收到 {value}")
