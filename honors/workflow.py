"""What the last approval of a workflow does (settings.WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail publishes the approved revision as the last approver, which requires that approver to
hold the publish right. Nobody holds it on honours decisions (so nobody has a direct "Xuất
bản" that skips the committee), so their approved revision is published without that check:
the workflow's own approvals are the authority. Everything else (pages, other snippets) is
published exactly as Wagtail does.

While it publishes, the approver is remembered for this thread, so the `published` signal can
tell a workflow's publication (and who approved it) from a superuser's direct one."""

import threading

from wagtail.workflows import publish_workflow_state

_publishing = threading.local()


def workflow_approver():
    """The user whose approval is publishing right now in this thread; None outside a
    workflow's publication (False-y), True when the approver is unknown."""
    return getattr(_publishing, "approver", None)


def finish_workflow(workflow_state, user=None):
    from .models import HonoursDecision

    content = workflow_state.content_object
    if not isinstance(content, HonoursDecision):
        publish_workflow_state(workflow_state, user=user)
        return
    _publishing.approver = user or True
    try:
        content.get_latest_revision().publish(user=user, skip_permission_checks=True)
    finally:
        _publishing.approver = None
