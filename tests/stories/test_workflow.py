"""Desk permissions and the editorial workflow."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Workflow, WorkflowState

from accounts.factories import UserFactory
from stories.factories import StoryPageFactory
from stories.models import StoryPage
from stories.services import setup_desk, workflow_name
from stories.tasks import publish_scheduled_pages
from tests.helpers import assert_denied

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return {
        "newspaper_journalist": UserFactory(roles=["journalist_newspaper"]),
        "radio_journalist": UserFactory(roles=["journalist_radio"]),
        "newspaper_editor": UserFactory(roles=["desk_editor_newspaper"]),
        "programme_editor": UserFactory(roles=["programme_editor"]),
    }


def draft(desk, owner, title):
    return StoryPageFactory(parent=desk, title=title, live=False, owner=owner)


def test_each_desk_has_its_workflow(newsroom):
    _, desks = newsroom
    for key, desk in desks.items():
        workflow = desk.get_workflow()
        assert workflow is not None and workflow.name == workflow_name(key)
        task = workflow.tasks.get().specific
        assert {group.name for group in task.groups.all()} >= {"Biên tập chương trình"}
    from wagtail.models import Locale

    from core.pages import translate_page

    english = translate_page(desks["radio"], Locale.objects.get(language_code="en"), title="Radio", slug="radio")
    assert english.get_workflow().name == workflow_name("radio")
    setup_desk(desks["radio"])  # idempotent
    assert Workflow.objects.filter(name=workflow_name("radio")).count() == 1


def test_journalist_cannot_touch_another_desk(client, newsroom, people):
    _, desks = newsroom
    own = draft(desks["newspaper"], people["newspaper_journalist"], "Bản nháp của báo")
    other = draft(desks["radio"], people["radio_journalist"], "Bản nháp của đài")
    journalist = people["newspaper_journalist"]

    own_perms = own.permissions_for_user(journalist)
    assert own_perms.can_edit() and not own_perms.can_publish() and not own_perms.can_lock()
    other_perms = other.permissions_for_user(journalist)
    assert not other_perms.can_edit()
    assert not other_perms.can_publish()
    assert not desks["radio"].permissions_for_user(journalist).can_add_subpage()

    client.force_login(journalist)
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    assert_denied(client.get(f"/admin/pages/{other.pk}/edit/"))
    assert_denied(client.get(f"/admin/pages/{desks['radio'].pk}/add_subpage/"))

    listing = client.get(f"/admin/pages/{desks['newspaper'].pk}/").content.decode()
    assert "Bản nháp của báo" in listing
    radio_listing = client.get(f"/admin/pages/{desks['radio'].pk}/")
    assert "Bản nháp của đài" not in radio_listing.content.decode()
    search = client.get("/admin/pages/search/", {"q": "Bản nháp"}).content.decode()
    assert "Bản nháp của đài" not in search


def test_desk_editor_publishes_only_on_own_desk(newsroom, people):
    _, desks = newsroom
    editor = people["newspaper_editor"]
    ours = draft(desks["newspaper"], people["newspaper_journalist"], "Bài báo")
    theirs = draft(desks["radio"], people["radio_journalist"], "Bài đài")
    assert ours.permissions_for_user(editor).can_publish()
    assert ours.permissions_for_user(editor).can_lock()
    assert not theirs.permissions_for_user(editor).can_publish()
    assert theirs.permissions_for_user(people["programme_editor"]).can_publish()


def test_submit_request_changes_approve_publish(newsroom, people):
    _, desks = newsroom
    journalist, editor = people["newspaper_journalist"], people["newspaper_editor"]
    story = draft(desks["newspaper"], journalist, "Nông dân bán cà phê qua mạng")
    workflow = story.get_workflow()

    state = workflow.start(story, journalist)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    task = task_state.task.specific
    # The journalist cannot approve their own story; the desk editor can.
    assert task.get_actions(story, journalist) == []
    assert "approve" in [name for name, *_ in task.get_actions(story, editor)]

    task.on_action(task_state, editor, "reject", comment="Bổ sung số liệu doanh thu.")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    story.standfirst = "Bổ sung: doanh thu tăng 40% sau một năm."
    story.save_revision(user=journalist)
    state.resume(journalist)
    state.refresh_from_db()
    task_state = state.current_task_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    task_state.task.specific.on_action(task_state, editor, "approve", comment="Đạt.")
    state.refresh_from_db()
    story.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert story.live
    assert story.standfirst.startswith("Bổ sung")
    from wagtail.models import PageLogEntry

    logged = set(PageLogEntry.objects.filter(page=story).values_list("action", flat=True))
    assert {
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.workflow.approve",
        "wagtail.publish",
    } <= logged


def test_scheduled_publishing(newsroom, people):
    _, desks = newsroom
    story = draft(desks["portal"], people["programme_editor"], "Lịch đăng bài")
    story.go_live_at = timezone.now() + timedelta(hours=2)
    revision = story.save_revision(user=people["programme_editor"])
    revision.publish(user=people["programme_editor"])
    story.refresh_from_db()
    assert not story.live
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None

    publish_scheduled_pages.enqueue()  # the go-live time has not come
    assert not StoryPage.objects.get(pk=story.pk).live

    # Two hours later (moved back in time rather than waiting): the cron entry or worker runs.
    past = timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    publish_scheduled_pages.enqueue()
    assert StoryPage.objects.get(pk=story.pk).live
