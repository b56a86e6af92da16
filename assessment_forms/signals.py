"""Signals other apps listen to (the dashboard drops its cached figures on `results_changed`)."""

from django.dispatch import Signal

# Sent with sender=Submission, submission=<Submission>, action="verified"|"unverified"|"rescored"|"deleted";
# a bulk rescoring sends submission=None, year=<year>, action="rescored" once per year it changed;
# publishing or withdrawing a year's results (PublishedYear) sends submission=None, year=<year>,
# action="published".
results_changed = Signal()
