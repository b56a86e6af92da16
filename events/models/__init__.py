"""Event pages and their registrations, split by concern."""

from .pages import EventIndexPage, EventPage
from .registrations import Feedback, OutboxEmail, Registration

__all__ = ["EventIndexPage", "EventPage", "Feedback", "OutboxEmail", "Registration"]
