"""Signals other apps listen to (the dashboard drops its cached figures on `results_changed`)."""

from django.dispatch import Signal

# Sent with sender=Submission, submission=<Submission>, action="verified"|"unverified"|"rescored"|"deleted".
results_changed = Signal()
