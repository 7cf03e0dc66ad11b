"""Signals other apps subscribe to.

``calendar_year_added`` is sent after the transaction that stores a year's
arrangement commits (also when a year is replaced), with keyword arguments
``year`` (int), ``calendar_year`` (the CalendarYear) and ``replaced`` (bool).
Subscribers, e.g. the applications app, recompute the deadlines that could
not be computed for lack of that year::

    from gongkai.workcalendar.signals import calendar_year_added

    @receiver(calendar_year_added)
    def recompute_deadlines(sender, year, **kwargs): ...

By then :func:`gongkai.workcalendar.selectors.get_calendar` already includes
the year.
"""

from django.dispatch import Signal

calendar_year_added = Signal()
