"""Privacy (Decree 13/2023/NĐ-CP): the notice, download my data, ask for deletion, erase
registrations' personal data after the retention period."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.models import DeletionRequest

pytestmark = pytest.mark.django_db


def account(email):
    user = UserFactory(username=email, email=email)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def test_privacy_page_says_what_why_how_long_who_and_how(client):
    page = client.get(reverse("accounts:privacy")).content.decode()
    for words in ("Dữ liệu được thu thập và mục đích", "Thời gian lưu", "Ai được xem", "Quyền của bạn", "Sự đồng ý"):
        assert words in page
    assert "Xóa 12 tháng sau khi sự kiện kết thúc" in page
    english = client.get("/en/bao-ve-du-lieu-ca-nhan/").content.decode()
    assert "Personal data processing notice" in english


@pytest.mark.parametrize(
    "url",
    ["account_signup", "enterprises:register"],
)
def test_forms_collecting_personal_data_link_the_notice(client, url):
    client.force_login(account("a@dn.vn")) if url == "enterprises:register" else None
    page = client.get(reverse(url)).content.decode()
    assert 'class="form-text privacy-notice"' in page and reverse("accounts:privacy") in page


def test_event_registration_form_links_the_notice(site_home):
    from events.factories import EventIndexPageFactory, EventPageFactory
    from events.forms import RegistrationForm

    event = EventPageFactory(parent=EventIndexPageFactory(parent=site_home))
    from crispy_forms.utils import render_crispy_form

    html = render_crispy_form(RegistrationForm(event))
    assert reverse("accounts:privacy") in html


def test_download_my_data(client, site_home):
    from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory

    me = account("hoa@caphe.vn")
    event = EventPageFactory(parent=EventIndexPageFactory(parent=site_home), title="Tập huấn thương mại điện tử")
    RegistrationFactory(event=event, email="hoa@caphe.vn", attendee_name="Trần Thị Hoa", phone="0912345678")
    RegistrationFactory(event=event, email="khac@caphe.vn", attendee_name="Người Khác")
    assert client.get(reverse("accounts:my_data")).status_code == 302  # anonymous: log in first
    client.force_login(me)
    response = client.get(reverse("accounts:my_data"))
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "hoa@caphe.vn"
    assert [r["attendee_name"] for r in data["event_registrations"]] == ["Trần Thị Hoa"]
    assert data["event_registrations"][0]["phone"] == "0912345678"
    assert "Người Khác" not in response.content.decode()
    assert {"enterprises", "dbi_assessments", "honours_nominations"} <= set(data)


def test_ask_for_deletion_reaches_the_programme_editors(client, mails):
    editor = UserFactory(roles=["programme_editor"], email="bientap@so.gov.vn")
    me = account("hoa@caphe.vn")
    client.force_login(me)
    refused = client.post(reverse("accounts:request_deletion"), {"message": "Xóa hết"})
    assert refused.status_code == 302 and not DeletionRequest.objects.exists()  # no confirmation ticked
    with mails():
        client.post(reverse("accounts:request_deletion"), {"message": "Xóa hết", "confirm": "on"})
        client.post(reverse("accounts:request_deletion"), {"message": "Lần nữa", "confirm": "on"})
    request = DeletionRequest.objects.get()
    assert request.email == "hoa@caphe.vn" and request.status == "open"
    assert [m.to for m in mail.outbox] == [["bientap@so.gov.vn"]]
    assert "đang chờ xử lý" in client.get(reverse("accounts:home")).content.decode()

    client.force_login(editor)
    assert client.get(reverse("deletion_requests:index")).status_code == 200
    edit = reverse("deletion_requests:edit", args=[request.pk])
    response = client.post(edit, {"status": "done", "note": "Đã xóa tài khoản"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.handled_by == editor and request.handled_at is not None
    # Nobody else among the staff sees the requests.
    client.force_login(UserFactory(roles=["journalist_newspaper"]))
    assert client.get(reverse("deletion_requests:index")).status_code in (302, 403)


def test_registrations_personal_data_is_erased_after_the_retention_period(site_home, settings):
    from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
    from events.models import Feedback, Registration

    settings.REGISTRATION_DATA_RETENTION_MONTHS = 12
    index = EventIndexPageFactory(parent=site_home)
    now = timezone.now()
    old = EventPageFactory(parent=index, start=now - timedelta(days=400), end=now - timedelta(days=400, hours=-4))
    recent = EventPageFactory(parent=index, start=now - timedelta(days=200), end=now - timedelta(days=200, hours=-4))
    gone = RegistrationFactory(event=old, attendee_name="Trần Thị Hoa", seats=2, status="attended")
    RegistrationFactory(event=old, attendee_name="Lê Văn Nam", status="confirmed")
    Feedback.objects.create(registration=gone, rating=5, comment="Chị Hoa rất hài lòng")
    kept = RegistrationFactory(event=recent, attendee_name="Phạm Minh")

    out = StringIO()
    call_command("erase_registration_data", "--dry-run", stdout=out)
    assert out.getvalue().startswith("2 registration(s) would be erased")
    assert Registration.objects.get(pk=gone.pk).attendee_name == "Trần Thị Hoa"
    call_command("erase_registration_data", stdout=out)
    gone.refresh_from_db()
    assert (gone.attendee_name, gone.phone, gone.position) == ("", "", "")
    assert gone.email.endswith("@du-lieu-da-xoa.invalid")
    # The aggregates stay: enterprise, seats, attendance, rating.
    assert (gone.enterprise_id is not None, gone.seats, gone.status) == (True, 2, "attended")
    assert gone.feedback.rating == 5 and gone.feedback.comment == ""
    assert Registration.objects.filter(event=old).count() == 2
    kept.refresh_from_db()
    assert kept.attendee_name == "Phạm Minh"
    # Running again changes nothing more.
    from events.privacy import erase_personal_data

    assert erase_personal_data(12) == 0
