"""Seats left stay current on cached pages (issue 21.2).

The event page ("Còn 3 chỗ", "Đã hết chỗ") and the events index's cards show seats left, and
both are served from the anonymous page cache. A registration that takes or frees seats
(a new one, a cancellation, an offer accepted or expired, an approval, a change of seats)
makes exactly those pages stale once its transaction commits: the event in every language
and the index above each, through the page cache's version names ("page:<tree path>",
`core.cache`). Nothing else is invalidated; `home.page_cache` treats registrations as private
rows for that reason.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page

from core import cache as versions

# Fields whose change moves seats; saves of other fields (reminder sent, feedback asked,
# a new link) leave the pages as they are.
SEAT_FIELDS = {"status", "seats", "event"}


def seat_page_names(event_id) -> list[str]:
    """The page-cache version names of an event's pages (every language) and their indexes:
    one query, then kept in the cache until a page is published (a new translation) or moved
    ("pages", "site"), so a registration rush reads them from the cache."""
    from .models import EventPage

    def load():
        same_event = EventPage.objects.filter(pk=event_id).values("translation_key")
        found = set()
        for path in EventPage.objects.filter(translation_key__in=same_event).values_list("path", flat=True):
            found.update((f"page:{path}", f"page:{path[: -Page.steplen]}"))
        return tuple(sorted(found))

    key = versions.key("events:seat-pages", event_id, names=("pages", "site"))
    return list(versions.versioned(key, load, 60 * 60))


def _on_registration_change(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and not (set(update_fields) & SEAT_FIELDS):
        return
    # After the commit (a page rendered meanwhile would store the old seats under new
    # tokens), with the transaction's other bumps in one round trip.
    event_id = instance.event_id
    versions.bump_after_commit(lambda: seat_page_names(event_id))


def connect():
    from .models import Registration

    post_save.connect(_on_registration_change, sender=Registration, dispatch_uid="events-seats-saved")
    post_delete.connect(_on_registration_change, sender=Registration, dispatch_uid="events-seats-deleted")
