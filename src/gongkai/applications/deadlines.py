"""The statutory clock of one application, without Django.

Every date here is a working-day count strictly after its start
(《民法典》第二百零一条), computed by :mod:`gongkai.workdays` from official
calendar data; a needed year without data raises ``CalendarMissing`` and
nothing is guessed.

- Reply (《条例》第三十三条第一款): 20 working days after the receipt date, or
  after the day the corrected application was received (第三十条).
- Correction notice (第三十条): issued at most 7 working days after receipt.
- Consultation (第三十二条 third party, 第三十四条 co-maker): the consulted
  party answers within 15 working days of receiving the letter; the time
  from sending the letter to the answer (or its due date) is excluded from
  the applicant's period (第三十三条第二款).
- Extension (第三十三条第二款): at most 20 working days, once.
- Fee (国办函〔2020〕109号): payment within 20 working days from the day after
  the notice was received; the time from notice to payment may be excluded
  (a setting, since the text is not verified).
- 第三十五条: a reasonable delayed reply date set by the agency replaces the
  ordinary due date.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from gongkai.workdays import (
    Calendar,
    Pause,
    Proof,
    add_workdays,
    add_workdays_with_proof,
)

REPLY_WORKDAYS = 20
CORRECTION_NOTICE_WORKDAYS = 7
CONSULTATION_WORKDAYS = 15
MAX_EXTENSION_WORKDAYS = 20
FEE_PAYMENT_WORKDAYS = 20
SOON_WORKDAYS = 3  # "即将到期": due within this many working days

CONSULTATION_REASON = "征求第三方或其他机关意见"
FEE_REASON = "等待缴纳信息处理费"
# Whether the reply clock stops while a fee is unpaid is not settled by
# 国办函〔2020〕109号 (see docs/settings.md); when the setting pauses it, the
# proof cites the fee rules, not the consultation clause of 第三十三条.
FEE_BASIS = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）及本机关设置"


@dataclass(frozen=True)
class Clock:
    """The facts the reply deadline depends on."""

    receipt_date: date | None
    correction_pending: bool = False
    correction_received_on: date | None = None
    pauses: tuple[Pause, ...] = field(default_factory=tuple)
    extension_days: int = 0
    delayed_due: date | None = None

    @property
    def start(self) -> date | None:
        """Return the day the 20 working days count from, or None while the
        receipt is unconfirmed or a correction is awaited."""
        if self.receipt_date is None or self.correction_pending:
            return None
        return self.correction_received_on or self.receipt_date


@dataclass(frozen=True)
class Deadline:
    """A reply due date with its day-by-day proof (None for a 第三十五条 date
    set by the agency) and the rule it follows, in Chinese."""

    due: date
    proof: Proof | None
    basis: str


def reply_deadline(calendar: Calendar, clock: Clock) -> Deadline | None:
    """Return the reply deadline, or None while the clock has not started."""
    start = clock.start
    if start is None:
        return None
    if clock.delayed_due is not None:
        # 《条例》第三十五条：确定延迟答复的合理期限并告知申请人.
        return Deadline(
            clock.delayed_due, None, "《条例》第三十五条：合理的延迟答复期限"
        )
    n = REPLY_WORKDAYS + clock.extension_days
    proof = add_workdays_with_proof(calendar, start, n, clock.pauses)
    return Deadline(proof.due, proof, _basis(clock))


def original_due(calendar: Calendar, clock: Clock) -> date | None:
    """Return the due date without any extension: an extension must be
    approved and notified before it (《条例》第三十三条第二款)."""
    start = clock.start
    if start is None:
        return None
    return add_workdays(calendar, start, REPLY_WORKDAYS, clock.pauses)


def correction_notice_limit(calendar: Calendar, receipt_date: date) -> date:
    # 《条例》第三十条：自收到申请之日起7个工作日内一次性告知申请人作出补正.
    return add_workdays(calendar, receipt_date, CORRECTION_NOTICE_WORKDAYS)


def consultation_due(calendar: Calendar, party_received_on: date) -> date:
    # 《条例》第三十二条、第三十四条：自收到征求意见书之日起15个工作日内提出意见.
    return add_workdays(calendar, party_received_on, CONSULTATION_WORKDAYS)


def fee_payment_due(calendar: Calendar, notice_received_on: date) -> date:
    # 国办函〔2020〕109号：自收到收费通知的次日起20个工作日内缴纳.
    return add_workdays(calendar, notice_received_on, FEE_PAYMENT_WORKDAYS)


def soon_threshold(calendar: Calendar, today: date) -> date:
    """Return the last due date that counts as "即将到期" on ``today``."""
    return add_workdays(calendar, today, SOON_WORKDAYS)


def consultation_pause(sent_on: date, ends_on: date) -> Pause:
    """Return the pause of one consultation: from the day the letter was sent
    to the day of the answer, or to the answer's due date."""
    return Pause(sent_on, max(sent_on, ends_on), CONSULTATION_REASON)


def fee_pause(notice_on: date, ends_on: date) -> Pause:
    return Pause(notice_on, max(notice_on, ends_on), FEE_REASON, FEE_BASIS)


def merge_pauses(pauses: Iterable[Pause]) -> tuple[Pause, ...]:
    return tuple(sorted(pauses))


def _basis(clock: Clock) -> str:
    parts = ["《条例》第三十三条第一款：收到申请之日起20个工作日内答复"]
    if clock.correction_received_on:
        parts.append("第三十条：自收到补正申请之日起计算")
    if clock.extension_days:
        parts.append(f"第三十三条第二款：经批准延长 {clock.extension_days} 个工作日")
    reasons = {pause.reason for pause in clock.pauses}
    if reasons - {FEE_REASON}:
        parts.append("第三十三条第二款：征求意见所需时间不计算在期限内")
    if FEE_REASON in reasons:
        parts.append("国办函〔2020〕109号：等待缴纳信息处理费期间中止计算")
    return "；".join(parts)
