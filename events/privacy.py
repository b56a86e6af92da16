"""Erasing registrations' personal data some months after the event (Decree 13/2023/NĐ-CP).

What identifies a person (name, position, e-mail, phone, the organisers' note, feedback
comments, the e-mails sent about the registration) is wiped; what the programme reports
(which enterprise, how many seats, status, attendance, ratings) stays, so the aggregates
and the annual report do not change."""

from django.db import transaction
from django.utils import timezone

ERASED_DOMAIN = "du-lieu-da-xoa.invalid"


def months_before(moment, months):
    """The same day and time `months` calendar months earlier (the day clamped to the month)."""
    import calendar

    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def due_registrations(months, now=None):
    from .models import Registration

    cutoff = months_before(now or timezone.now(), months)
    return Registration.objects.filter(event__end__lt=cutoff).exclude(email__endswith="@" + ERASED_DOMAIN)


@transaction.atomic
def erase_personal_data(months, now=None, dry_run=False):
    """Erase the personal data of registrations for events that ended more than `months`
    months ago. Returns how many registrations were (or, with dry_run, would be) erased."""
    from core.models import OutgoingMail

    from .models import Feedback

    registrations = list(due_registrations(months, now).values_list("pk", flat=True))
    if dry_run or not registrations:
        return len(registrations)
    from .models import Registration

    for pk in registrations:
        Registration.objects.filter(pk=pk).update(
            attendee_name="",
            position="",
            phone="",
            note="",
            email=f"da-xoa-{pk}@{ERASED_DOMAIN}",
        )
    Feedback.objects.filter(registration_id__in=registrations).update(comment="")
    OutgoingMail.objects.filter(
        related_type="events.registration", related_id__in=[str(pk) for pk in registrations]
    ).update(to=[], subject="", body_text="", body_html="")
    return len(registrations)
