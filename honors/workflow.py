"""What the last approval of a workflow does (settings.WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail publishes the approved revision as the last approver, which requires that approver to
hold the publish right. Nobody holds it on honours decisions (so nobody has a direct "Xuất
bản" that skips the committee), so their approved revision is published without that check:
the workflow's own approvals are the authority. Everything else (pages, other snippets) is
published exactly as Wagtail does."""

from wagtail.workflows import publish_workflow_state


def finish_workflow(workflow_state, user=None):
    from .models import HonoursDecision

    content = workflow_state.content_object
    if isinstance(content, HonoursDecision):
        content.get_latest_revision().publish(user=user, skip_permission_checks=True)
        return
    publish_workflow_state(workflow_state, user=user)
