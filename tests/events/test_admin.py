import csv
import io

import pytest
from django.core import mail
from django.urls import resolve, reverse
from openpyxl import load_workbook

from accounts.factories import UserFactory
from events import services
from events.factories import RegistrationFactory
from events.models import Registration
from events.tokens import CHECK_IN_SALT, make_token, read_token
from tests.helpers import assert_denied

pytestmark = pytest.mark.django_db
S = Registration.Status


@pytest.fixture
def organiser(client, event):
    """An event organiser named on the event (organisers manage only their own events)."""
    user = UserFactory(username="tochuc", roles=["event_organiser"])
    event.organisers.add(user)
    event.save()
    client.force_login(user)
    return user


@pytest.fixture
def attendees(event):
    return [
        RegistrationFactory(event=event, attendee_name="Nguyễn Văn Minh", seats=2),
        RegistrationFactory(event=event, attendee_name="Phạm Thị Lan"),
        RegistrationFactory(event=event, attendee_name="Đỗ Văn Chờ", status=S.WAITING),
    ]


def test_dashboard_lists_attendees_with_statuses(client, organiser, event, attendees):
    response = client.get(reverse("events_admin:dashboard", args=[event.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nguyễn Văn Minh" in html and "Danh sách chờ" in html
    response = client.get(reverse("events_admin:dashboard", args=[event.pk]) + "?status=waiting")
    assert list(response.context["registrations"]) == [attendees[2]]


def test_anonymous_and_unprivileged_users_are_refused(client, event, attendees):
    url = reverse("events_admin:dashboard", args=[event.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(UserFactory(username="phongvien", roles=["journalist_portal"]))
    assert_denied(client.get(url))


def test_csv_and_xlsx_exports(client, organiser, event, attendees):
    response = client.get(reverse("events_admin:export", args=[event.pk, "csv"]))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert rows[0][2] == "Họ và tên"
    assert {row[2] for row in rows[1:]} == {"Nguyễn Văn Minh", "Phạm Thị Lan", "Đỗ Văn Chờ"}
    response = client.get(reverse("events_admin:export", args=[event.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][2] == "Họ và tên" and len(values) == 4
    assert client.get(reverse("events_admin:export", args=[event.pk, "pdf"])).status_code == 404


def test_registrations_viewset_export(client, organiser, event, attendees):
    response = client.get(reverse("event_registrations:index") + "?export=xlsx")
    assert response.status_code == 200


def test_sign_in_sheet(client, organiser, event, attendees):
    response = client.get(reverse("events_admin:sign_in_sheet", args=[event.pk]))
    html = response.content.decode()
    assert "DANH SÁCH KÝ TÊN" in html and "Phạm Thị Lan" in html
    assert "Đỗ Văn Chờ" not in html  # waiting list has no seat


def test_check_in_by_name(client, organiser, event, attendees):
    url = reverse("events_admin:check_in", args=[event.pk])
    response = client.get(url, {"q": "lan"})
    assert list(response.context["results"]) == [attendees[1]]
    client.post(reverse("events_admin:registration_action", args=[attendees[1].pk, "check-in"]), {"next": url})
    attendees[1].refresh_from_db()
    assert attendees[1].status == S.ATTENDED and attendees[1].checked_in_at
    # The waiting list cannot be checked in.
    assert not services.check_in(attendees[2]).ok


def test_check_in_by_qr_code_url(client, organiser, event, attendees):
    registration = attendees[0]
    url = services.check_in_url(registration)
    path = url.split("testserver", 1)[1] if "testserver" in url else url[url.index("/admin/") :]
    # The link's token names this registration under the check-in salt (its timestamp is
    # the second it was signed, so two tokens made a second apart differ).
    match = resolve(path)
    assert match.view_name == "events_admin:check_in_token"
    assert read_token(match.kwargs["token"], CHECK_IN_SALT) == registration.pk
    assert read_token(match.kwargs["token"]) is None  # not a manage link
    response = client.get(path)
    assert response.status_code == 200 and "Nguyễn Văn Minh" in response.content.decode()
    client.post(path)
    registration.refresh_from_db()
    assert registration.status == S.ATTENDED
    # A manage-link token (another salt) is not a check-in token.
    forged = reverse("events_admin:check_in_token", args=[make_token(registration)])
    assert client.get(forged).status_code == 404


def test_approve_and_reject_from_admin(client, organiser, event, django_capture_on_commit_callbacks):
    pending = RegistrationFactory(event=event, status=S.PENDING)
    other = RegistrationFactory(event=event, status=S.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events_admin:registration_action", args=[pending.pk, "approve"]))
        client.post(reverse("events_admin:registration_action", args=[other.pk, "reject"]))
    pending.refresh_from_db()
    other.refresh_from_db()
    assert pending.status == S.CONFIRMED and other.status == S.REJECTED
    assert len(mail.outbox) == 2


def test_message_all_attendees(client, organiser, event, attendees, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events_admin:message", args=[event.pk]),
            {"subject": "Đổi phòng họp", "body": "Sự kiện chuyển sang phòng 2.", "statuses": ["confirmed"]},
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    assert mail.outbox[0].subject == "Đổi phòng họp"
    assert "phòng 2" in mail.outbox[0].body


def test_feedback_figures_and_certificates(client, organiser, event, attendees, django_capture_on_commit_callbacks):
    services.check_in(attendees[0])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events_admin:feedback_request", args=[event.pk]))
    assert len(mail.outbox) == 1 and "góp ý" in mail.outbox[0].subject
    token_url = services.manage_url(attendees[0])
    feedback_url = token_url + "feedback/"
    client.logout()
    response = client.post(feedback_url, {"rating": "5", "useful": "on", "comment": "Rất bổ ích"})
    assert response.status_code == 302
    # Someone who did not attend has no feedback form and no certificate.
    assert client.get(services.manage_url(attendees[1]) + "feedback/").status_code == 404
    assert client.get(services.manage_url(attendees[1]) + "certificate.pdf").status_code == 404
    response = client.get(token_url + "certificate.pdf")
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    client.force_login(organiser)
    figures = services.attendance_figures(event)
    assert figures["attended"] == 2 and figures["expected"] == 3 and figures["average_rating"] == 5
    response = client.get(reverse("events_admin:feedback", args=[event.pk]))
    assert "Rất bổ ích" in response.content.decode()
    response = client.get(reverse("events_admin:certificates", args=[event.pk]))
    assert response.content.startswith(b"%PDF")
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Nguyễn Văn Minh" in text


def test_event_page_has_admin_button(client, organiser, event):
    from accounts.factories import UserFactory

    admin = UserFactory(username="quantri", is_superuser=True)
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_explore", args=[event.get_parent().pk]))
    assert reverse("events_admin:dashboard", args=[event.pk]) in response.content.decode()
