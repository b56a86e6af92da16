"""The target clock: working days without weekends and Vietnamese public holidays.

A request received on a day has its target at the end of the n-th working day after that
day (the day of receipt does not count, whatever the hour). Holidays are rows of
`PublicHoliday`, so the Government's yearly moves (compensatory days off) are data.
"""

from datetime import datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from .models import PublicHoliday, ResponseTarget

END_OF_DAY = time(23, 59, 59)


def holidays_between(start, end):
    return set(PublicHoliday.objects.filter(date__gte=start, date__lte=end).values_list("date", flat=True))


def is_working_day(day, holidays=()):
    return day.weekday() < 5 and day not in holidays


def add_working_days(start, days, holidays=None):
    """The end of the `days`-th working day after `start` (an aware datetime), as an aware
    datetime in the site's time zone."""
    first = timezone.localtime(start).date()
    if holidays is None:
        # Enough room for long Tết holidays and weekends.
        holidays = holidays_between(first, first + timedelta(days=days * 3 + 21))
    day, left = first, days
    while left > 0:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            left -= 1
    return timezone.make_aware(datetime.combine(day, END_OF_DAY))


def working_days_between(start, end, holidays=None):
    """Working days after `start`'s day up to and including `end`'s day (0 on the same day)."""
    first, last = timezone.localtime(start).date(), timezone.localtime(end).date()
    if last <= first:
        return 0
    if holidays is None:
        holidays = holidays_between(first, last)
    return sum(1 for n in range(1, (last - first).days + 1) if is_working_day(first + timedelta(days=n), holidays))


def target_for(topic):
    """(first response days, resolution days) for a topic: its own target, else the default."""
    condition = Q(topic__isnull=True) | Q(topic=topic) if topic is not None else Q(topic__isnull=True)
    targets = sorted(ResponseTarget.objects.filter(condition), key=lambda t: t.topic_id is None)
    if not targets:
        return 2, 10
    return targets[0].first_response_days, targets[0].resolution_days


def set_due_dates(request):
    first_days, resolution_days = target_for(request.topic)
    request.first_response_due = add_working_days(request.created_at, first_days)
    request.resolution_due = add_working_days(request.created_at, resolution_days)
