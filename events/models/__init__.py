"""Event pages and their registrations, split by concern."""

from .pages import EventIndexPage, EventPage
from .registrations import Feedback, Registration

__all__ = ["EventIndexPage", "EventPage", "Feedback", "Registration"]
