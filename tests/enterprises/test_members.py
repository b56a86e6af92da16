"""An enterprise's own users: invitations, self-registration, profile edit rights, locked figures."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from core.spam import started_token
from enterprises import services
from enterprises.factories import EnterpriseFactory, EnterpriseMembershipFactory
from enterprises.models import EnterpriseMembership

pytestmark = pytest.mark.django_db


def profile_data(enterprise, **changes):
    data = {name: getattr(enterprise, name) or "" for name in services.PROFILE_FIELDS}
    data.update({"employees": enterprise.employees, "revenue": enterprise.revenue, "capital": enterprise.capital})
    data.update({"figures_year": enterprise.figures_year})
    data["publish_dbi_consent"] = "on" if enterprise.publish_dbi_consent else ""
    data.update(changes)
    return {key: value for key, value in data.items() if value not in (None, "")}


def human(data):
    """What a person's browser sends: the honeypot empty, the form opened a while ago."""
    return {**data, "started": started_token(seconds_ago=60)}


@pytest.fixture
def member(client):
    user = UserFactory(email="giamdoc@caphe.vn")
    enterprise = EnterpriseFactory(name="Công ty TNHH Cà phê Đắk Mil", employees=12, revenue=5000, capital=3000)
    EnterpriseMembershipFactory(enterprise=enterprise, user=user)
    client.force_login(user)
    return user, enterprise


def test_member_updates_public_profile(client, member):
    user, enterprise = member
    url = reverse("enterprises:profile_edit", args=[enterprise.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, profile_data(enterprise, website="https://caphe.vn", employees=20))
    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.website == "https://caphe.vn"
    assert enterprise.employees == 20  # not verified yet: the enterprise may correct it
    from wagtail.models import ModelLogEntry

    assert ModelLogEntry.objects.filter(object_id=str(enterprise.pk), user=user).exists()


def test_verified_figures_are_locked(client, member):
    user, enterprise = member
    enterprise.figures_verified_at = timezone.now()
    enterprise.save()
    url = reverse("enterprises:profile_edit", args=[enterprise.pk])
    response = client.post(url, profile_data(enterprise, phone="0261 3544 123", employees=500, revenue=999999))
    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.phone == "0261 3544 123"
    assert (enterprise.employees, enterprise.revenue) == (12, 5000)
    # The service refuses them too, whatever the caller sends.
    assert services.update_profile(enterprise, user, {"employees": 1, "name": "Tên mới"}) == ["name"]
    enterprise.refresh_from_db()
    assert enterprise.employees == 12


def test_other_users_cannot_edit(client, member):
    _user, enterprise = member
    url = reverse("enterprises:profile_edit", args=[enterprise.pk])
    client.logout()
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    pending = UserFactory()
    EnterpriseMembershipFactory(enterprise=enterprise, user=pending, status=EnterpriseMembership.Status.PENDING)
    client.force_login(pending)
    assert client.post(url, profile_data(enterprise, name="Chiếm quyền")).status_code == 404
    enterprise.refresh_from_db()
    assert enterprise.name == "Công ty TNHH Cà phê Đắk Mil"


def test_invitation_by_email(client, django_capture_on_commit_callbacks):
    editor = UserFactory(roles=["programme_editor"])
    enterprise = EnterpriseFactory()
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailsnippets_enterprises_enterprisemembership:add"),
            {"enterprise": enterprise.pk, "email": "moi@doanhnghiep.vn", "status": "invited", "position": "Kế toán"},
        )
    assert response.status_code == 302
    membership = EnterpriseMembership.objects.get(email="moi@doanhnghiep.vn")
    assert membership.status == "invited" and membership.invited_by == editor
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]

    client.logout()
    assert client.get(path).status_code == 200
    response = client.post(
        path,
        human({"full_name": "Nguyễn Văn An", "password1": "Mk-2025-an!", "password2": "Mk-2025-an!", "consent": "on"}),
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == "active" and membership.user.email == "moi@doanhnghiep.vn"
    assert client.get(reverse("enterprises:profile_edit", args=[enterprise.pk])).status_code == 200
    # The link works once.
    assert client.get(path).status_code == 404
    assert client.get(reverse("enterprises:invitation", args=["forged"])).status_code == 404


def test_self_registration_needs_verification(client, django_capture_on_commit_callbacks):
    enterprise = EnterpriseFactory(email="")
    user = UserFactory(email="chu@hopdong.vn")
    client.force_login(user)
    url = reverse("enterprises:register")
    assert client.get(url).status_code == 200
    # Too fast or with the honeypot filled: refused, nothing saved.
    client.post(url, {"tax_code": enterprise.tax_code, "started": started_token()})
    client.post(url, human({"tax_code": enterprise.tax_code, "website": "spam"}))
    assert not EnterpriseMembership.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, human({"tax_code": enterprise.tax_code})).status_code == 302
        assert client.post(url, human({"tax_code": enterprise.tax_code})).status_code == 302  # double click
    membership = EnterpriseMembership.objects.get()
    assert membership.status == "pending"
    edit = reverse("enterprises:profile_edit", args=[enterprise.pk])
    assert client.get(edit).status_code == 404

    editor = UserFactory(roles=["programme_editor"])
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailsnippets_enterprises_enterprisemembership:edit", args=[membership.pk]),
            {"enterprise": enterprise.pk, "email": membership.email, "status": "active", "position": ""},
        )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.verified_by == editor
    # The person is told by e-mail.
    assert mail.outbox and all(m.to == ["chu@hopdong.vn"] for m in mail.outbox)
    client.force_login(user)
    assert client.get(edit).status_code == 200


def test_registration_with_unknown_tax_code_creates_pending_enterprise(client):
    client.force_login(UserFactory())
    response = client.post(
        reverse("enterprises:register"), human({"tax_code": "0100107518", "enterprise_name": "HTX Tiêu Đắk Song"})
    )
    assert response.status_code == 302
    enterprise = services.find_by_tax_code("0100107518")
    assert enterprise.status == "pending" and enterprise.name == "HTX Tiêu Đắk Song"
