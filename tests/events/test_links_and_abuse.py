"""Issue 13: e-mailed links expire and can be revoked, with a page that says why; a refused
registration writes nothing; the registration form is single use and rate limited."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import timezone

from accounts.factories import UserFactory
from enterprises.models import Enterprise
from events import services
from events.factories import RegistrationFactory
from events.models import Registration
from events.tokens import CHECK_IN_SALT, LinkState, check_token, make_token

from .conftest import registration_data

pytestmark = pytest.mark.django_db


def path_of(url):
    return url[url.index("/", 8) :] if url.startswith("http") else url


def test_manage_link_is_valid_until_the_event_ends(client, event):
    registration = RegistrationFactory(event=event)
    url = services.manage_url(registration)
    assert client.get(url).status_code == 200
    _r, state, _s = check_token(url.rstrip("/").rsplit("/", 1)[1], now=event.end + datetime.timedelta(minutes=1))
    assert state == LinkState.EXPIRED

    event.start = timezone.now() - datetime.timedelta(hours=5)
    event.end = timezone.now() - datetime.timedelta(hours=1)
    event.save_revision().publish()
    response = client.get(url)
    assert response.status_code == 410
    assert "Đường dẫn đã hết hạn" in response.content.decode()
    # Nothing can be done through it any more.
    assert client.post(url, {"action": "cancel"}).status_code == 410
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    # E-mails sent after the event carry a link for feedback and the certificate.
    after = services.manage_url(Registration.objects.get(pk=registration.pk))
    assert after != url and client.get(after).status_code == 200


def test_a_new_link_revokes_the_old_one(client, event, django_capture_on_commit_callbacks):
    registration = RegistrationFactory(event=event)
    old = services.manage_url(registration)
    old_check_in = services.check_in_url(registration)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(old, {"action": "renew"})
    assert response.status_code == 200 and "Đã gửi đường dẫn mới" in response.content.decode()
    registration.refresh_from_db()
    assert registration.link_version == 2
    sent = [m for m in mail.outbox if m.to == [registration.email] and "Đường dẫn mới" in m.subject]
    assert len(sent) == 1
    new = path_of(re.search(r"https?://\S+/", sent[0].body).group(0))

    refused = client.get(old)
    assert refused.status_code == 410 and "Đường dẫn đã bị thu hồi" in refused.content.decode()
    assert client.post(old, {"action": "cancel"}).status_code == 410
    assert client.get(new).status_code == 200

    organiser = UserFactory()
    organiser.user_permissions.add(Permission.objects.get(codename="change_registration"))
    organiser.user_permissions.add(Permission.objects.get(codename="access_admin"))
    registration.event.organisers.add(organiser)  # an organiser scans only their own events
    registration.event.save()  # a ParentalManyToManyField is written when the page is saved
    client.force_login(organiser)
    old_scan = client.get(path_of(old_check_in))
    assert old_scan.status_code == 410 and "thu hồi" in old_scan.content.decode()
    assert client.get(path_of(services.check_in_url(registration))).status_code == 200


def test_check_in_link_lasts_until_the_day_after(event):
    registration = RegistrationFactory(event=event)
    token = make_token(registration, salt=CHECK_IN_SALT)
    end = timezone.localtime(event.end)
    next_day_evening = end.replace(hour=22, minute=0) + datetime.timedelta(days=1)
    two_days_later = end.replace(hour=0, minute=1) + datetime.timedelta(days=2)
    assert check_token(token, (CHECK_IN_SALT,), now=next_day_evening)[1] == LinkState.VALID
    assert check_token(token, (CHECK_IN_SALT,), now=two_days_later)[1] == LinkState.EXPIRED
    # A manage token is no check-in token.
    assert check_token(make_token(registration), (CHECK_IN_SALT,))[1] == LinkState.INVALID


def test_a_forged_link_gets_words(client, event):
    registration = RegistrationFactory(event=event)
    url = services.manage_url(registration)
    token = url.rstrip("/").rsplit("/", 1)[1]
    response = client.get(url.replace(token, token[:-2] + "zz"))
    assert response.status_code == 404
    assert "Đường dẫn không hợp lệ" in response.content.decode()


def test_a_refused_registration_writes_nothing(register, event):
    from enterprises.factories import random_tax_code

    assert register(event, email="hoa@caphe.vn").status_code == 302
    # The same e-mail again, for an enterprise nobody has recorded: the service refuses it
    # (duplicate) and must leave no pending enterprise behind.
    tax_code = random_tax_code()
    response = register(event, email="hoa@caphe.vn", tax_code=tax_code)
    assert response.status_code == 200 and "đã đăng ký sự kiện" in response.content.decode()
    assert not Enterprise.objects.filter(tax_code=tax_code).exists()
    assert Registration.objects.count() == 1


def test_a_start_token_posted_twice_registers_once(client, event):
    data = registration_data()
    first = client.post(event.url, data)
    second = client.post(event.url, {**data, "submission_key": "f" * 32})
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert Registration.objects.count() == 1


def test_a_rate_limited_registration_answers_429_and_writes_nothing(client, event, settings):
    settings.RATE_LIMITS = {"default": {"ip": "1/h", "value": "100/h"}}
    assert client.post(event.url, registration_data()).status_code == 302
    data = registration_data()
    response = client.post(event.url, data)
    assert response.status_code == 429 and "quá nhiều lần" in response.content.decode()
    assert Registration.objects.count() == 1
    assert not Enterprise.objects.filter(tax_code=data["tax_code"]).exists()


def test_actions_through_a_link_are_rate_limited_per_registration(client, event, settings):
    settings.RATE_LIMITS = {"registration-manage": {"ip": "100/h", "registration": "2/h"}}
    registration = RegistrationFactory(event=event)
    url = services.manage_url(registration)
    for _ in range(2):
        client.post(url, {"action": "nothing"})
    response = client.post(url, {"action": "renew"})
    assert response.status_code == 429
    registration.refresh_from_db()
    assert registration.link_version == 1 and not mail.outbox
