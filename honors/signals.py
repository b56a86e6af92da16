"""Keeping the ranking in step with the lower layers, and publishing approved decisions."""

import logging

from django.dispatch import Signal

from assessment_forms import services as assessments

# Sent (sender=RankingEntry) whenever the published ranking changes: rows rebuilt, re-ranked,
# or an enterprise's name or consent carried into them.
ranking_changed = Signal()

logger = logging.getLogger(__name__)


def decision_published(sender, instance, **kwargs):
    from core import audit

    from .services.decision import publish_decision, published_through_workflow

    # Wagtail's `published` signal names no user: the approver of the workflow's last step,
    # or for a direct publication the author of the published revision.
    revision = kwargs.get("revision")
    approver = published_through_workflow(instance)
    user = kwargs.get("user") or (approver if approver is not True else None) or getattr(revision, "user", None)
    if not approver:
        # Only a superuser can get here (nobody holds the publish right): leave a trace.
        audit.record(user, "honours.direct_publish", instance, revision=instance.live_revision_id)
    publish_decision(instance, user=user)


def install_decision_workflow(sender, **kwargs):
    from .services.decision import install_decision_workflow as install

    install()


def enterprise_saved(sender, instance, raw=False, created=False, **kwargs):
    if raw or created:  # a new enterprise has no ranking rows yet
        return
    from .services.rankings import sync_enterprise

    sync_enterprise(instance)


def results_changed(sender=None, **kwargs):
    """The assessment app verified, changed or withdrew results: rebuild that year's rows."""
    from django.db import transaction

    from .services.rankings import refresh_rankings

    submission = kwargs.get("submission")
    if kwargs.get("action") == "published":
        # A year published or withdrawn: the rows are unchanged, only what is public changes.
        from .services.rankings import publication_changed

        transaction.on_commit(publication_changed)
        return
    if submission is None:
        transaction.on_commit(lambda: refresh_rankings(year=kwargs.get("year")))
        return
    # One verification changes one row: rebuild it and re-rank its year, not the whole table.
    transaction.on_commit(lambda: refresh_rankings(year=submission.year, enterprise_id=submission.enterprise_id))


def connect_results_changed():
    """Listen to the assessment app's documented signal (assessment_forms.services), which its
    start-up check requires someone to hear."""
    assessments.results_changed.connect(results_changed, dispatch_uid="honors_results_changed")
