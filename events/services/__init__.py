"""The events app's domain logic: capacity, registration, waiting list, offers, approval,
check-in, reminders, and the small interface other apps use.

Split by concern; every name stays importable from `events.services`:
- `seats`: capacity, the row locks every change of seats takes, `Outcome`;
- `registration`: register, change, cancel; approve or reject;
- `waiting_list`: freed seats offered to those waiting, offers accepted or expired;
- `links`: the attendee's manage, after-event and check-in links;
- `mail`: e-mails to attendees, reminders, messages, feedback requests;
- `attendance`: check-in, feedback, attendance figures;
- `public`: what other apps call (upcoming events, a year's figures, recommendations).
"""

from __future__ import annotations

from .attendance import attendance_figures, check_in, save_feedback
from .links import absolute_url, check_in_url, manage_url, renew_links
from .mail import message_attendees, request_feedback, send_reminders
from .public import recommend_events, upcoming_events, year_statistics
from .registration import DUPLICATE_MESSAGE, approve, cancel, change_registration, register, reject
from .seats import Outcome, S, seats_left, seats_taken
from .waiting_list import accept_offer, expire_offers, offer_freed_seats

__all__ = [
    "DUPLICATE_MESSAGE",
    "Outcome",
    "S",
    "absolute_url",
    "accept_offer",
    "approve",
    "attendance_figures",
    "cancel",
    "change_registration",
    "check_in",
    "check_in_url",
    "expire_offers",
    "manage_url",
    "message_attendees",
    "offer_freed_seats",
    "recommend_events",
    "register",
    "reject",
    "renew_links",
    "request_feedback",
    "save_feedback",
    "seats_left",
    "seats_taken",
    "send_reminders",
    "upcoming_events",
    "year_statistics",
]
