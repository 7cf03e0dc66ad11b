"""A readable proof of a deadline: every day after the start, counted or not.

The proof is what an applicant or a reviewing body needs to check a due
date by hand: which days were counted as working days, which were skipped
and why (周末, 春节, a pause for third-party consultation), and which official
notices the calendar relied on.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .arithmetic import Pause, add_workdays, normalise_pauses
from .calendar import WEEKDAY_NAMES, Calendar

PAUSED = "paused"


@dataclass(frozen=True)
class ProofDay:
    """One day in ``(start, due]``: its position if counted, else why not."""

    date: date
    position: int | None  # 1..n for a counted working day, None if skipped
    reason: str  # why skipped; for a counted 调休 day, "调休上班（…）"
    # The reason's parts, for pages that word it in another language: the
    # calendar's kind (WEEKEND, HOLIDAY, MAKEUP) or PAUSED, and the
    # festival's name or the pause's reason.
    kind: str = ""
    name: str = ""

    @property
    def counted(self) -> bool:
        return self.position is not None


@dataclass(frozen=True)
class Proof:
    """The due date of a working-day period and the day-by-day reasoning."""

    start: date
    n: int
    due: date
    days: tuple[ProofDay, ...]
    pauses: tuple[Pause, ...]
    sources: tuple[tuple[int, str], ...]  # (year, official notice) relied on

    @property
    def counted(self) -> list[date]:
        return [d.date for d in self.days if d.counted]

    @property
    def skipped(self) -> list[ProofDay]:
        return [d for d in self.days if not d.counted]

    def to_text(self) -> str:
        """Return the proof as Chinese text, one line per day."""
        lines = [
            f"{self.start.isoformat()}（{_weekday(self.start)}）后第 {self.n} 个"
            f"工作日为 {self.due.isoformat()}（{_weekday(self.due)}）",
            "起算日当日不计入，自次日开始计算（《民法典》第二百零一条）",
        ]
        lines += [_pause_line(p) for p in self.pauses]
        lines += [_day_line(d) for d in self.days]
        lines += [f"依据：{source}" for _, source in self.sources]
        return "\n".join(lines)


def add_workdays_with_proof(
    calendar: Calendar, start: date, n: int, pauses: Iterable[tuple] = ()
) -> Proof:
    """Return the same due date as :func:`add_workdays`, with its proof.

    Raises CalendarMissing exactly when ``add_workdays`` does.
    """
    given = sorted(Pause(*p) for p in pauses)
    due = add_workdays(calendar, start, n, normalise_pauses(given))
    years = range((start + timedelta(days=1)).year, due.year + 1)
    return Proof(
        start=start,
        n=n,
        due=due,
        days=tuple(_proof_days(calendar, start, due, given)),
        pauses=tuple(given),
        sources=tuple((y, calendar.arrangement(y).source) for y in years),
    )


def _proof_days(calendar: Calendar, start: date, due: date, pauses: list[Pause]):
    position = 0
    day = start + timedelta(days=1)
    while day <= due:
        info = calendar.describe(day)
        pause = _pause_of(day, pauses)
        if info.is_workday and pause is None:
            position += 1
            yield ProofDay(day, position, info.reason, info.kind, info.name)
        elif info.is_workday:
            yield ProofDay(
                day, None, f"{pause.reason}，不计入期限", PAUSED, pause.reason
            )
        else:
            yield ProofDay(day, None, info.reason, info.kind, info.name)
        day += timedelta(days=1)


def _pause_of(day: date, pauses: list[Pause]) -> Pause | None:
    for pause in pauses:
        if pause.first <= day <= pause.last:
            return pause
    return None


def _weekday(day: date) -> str:
    return WEEKDAY_NAMES[day.weekday()]


def _day_line(day: ProofDay) -> str:
    head = f"{day.date.isoformat()} {_weekday(day.date)}"
    if day.counted:
        note = f"，{day.reason}" if day.reason else ""
        return f"{head}  第 {day.position} 个工作日{note}"
    return f"{head}  不计：{day.reason}"


def _pause_line(pause: Pause) -> str:
    return (
        f"中止计算：{pause.first.isoformat()} 至 {pause.last.isoformat()}"
        f"（{pause.reason}；{pause.basis}）"
    )
