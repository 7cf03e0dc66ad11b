"""Recompute the deadlines that waited for a calendar year.

A case whose deadline needs a year without official holiday data stores
no guessed date (R2); when an administrator adds that year,
``workcalendar`` sends ``calendar_year_added`` after its commit and the
waiting cases are recomputed here.
"""

from django.dispatch import receiver

from gongkai.workcalendar.signals import calendar_year_added


@receiver(calendar_year_added, dispatch_uid="applications.recompute_deadlines")
def recompute_after_new_year(sender, year: int, **kwargs) -> None:
    from .services import recompute_waiting_deadlines

    recompute_waiting_deadlines(year)
