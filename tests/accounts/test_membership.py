"""Membership is the key to an enterprise's data: claims, verification, invitations bound to
the e-mail on record, and the account page that shows a verified member their enterprise."""

import time
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.factories import UserFactory
from core.spam import started_token
from enterprises import services
from enterprises.factories import EnterpriseFactory, EnterpriseMembershipFactory
from enterprises.models import ClassificationChange, EnterpriseMembership

from .conftest import link_in

pytestmark = pytest.mark.django_db


def human(data):
    return {**data, "started": started_token(seconds_ago=60)}


def account(email, **extra):
    user = UserFactory(username=email, email=email, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


# --- services other apps call -----------------------------------------------------------


def test_is_verified_member_only_for_active_memberships():
    enterprise = EnterpriseFactory()
    member, claimant, stranger = account("a@dn.vn"), account("b@dn.vn"), account("c@dn.vn")
    EnterpriseMembershipFactory(enterprise=enterprise, user=member)
    EnterpriseMembershipFactory(enterprise=enterprise, user=claimant, status=EnterpriseMembership.Status.PENDING)
    assert services.is_verified_member(member, enterprise)
    assert not services.is_verified_member(claimant, enterprise)
    assert not services.is_verified_member(stranger, enterprise)
    from django.contrib.auth.models import AnonymousUser

    assert not services.is_verified_member(AnonymousUser(), enterprise)
    assert list(services.verified_enterprises_for(member)) == [enterprise]
    assert not services.verified_enterprises_for(claimant).exists()


# --- claims ----------------------------------------------------------------------------


def test_claiming_needs_an_account(client):
    response = client.get(reverse("enterprises:register"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_claim_sends_an_invitation_to_the_email_on_record_and_following_it_verifies(client, mails):
    enterprise = EnterpriseFactory(name="Công ty TNHH Cà phê Đắk Mil", email="giamdoc@caphe.vn")
    owner = account("giamdoc@caphe.vn")
    client.force_login(owner)
    with mails():
        response = client.post(reverse("enterprises:register"), human({"tax_code": enterprise.tax_code}), follow=True)
    assert "g***@caphe.vn" in response.content.decode()  # masked: enough to recognise, not to learn
    claim = EnterpriseMembership.objects.get(user=owner)
    assert claim.status == EnterpriseMembership.Status.PENDING
    assert {tuple(m.to) for m in mail.outbox} == {("giamdoc@caphe.vn",)}
    invitations = [m for m in mail.outbox if "/loi-moi/" in m.body]
    assert len(invitations) == 1  # plus the acknowledgement of the claim itself
    path = link_in(invitations[0])
    assert client.post(path, human({})).status_code == 302
    claim.refresh_from_db()
    assert claim.status == EnterpriseMembership.Status.ACTIVE
    assert EnterpriseMembership.objects.filter(enterprise=enterprise).count() == 1  # merged, not doubled
    assert services.is_verified_member(owner, enterprise)


def test_an_invitation_followed_from_another_accounts_email_is_refused(client, mails):
    enterprise = EnterpriseFactory(email="giamdoc@caphe.vn")
    with mails():
        invitation = services.invite(enterprise, "giamdoc@caphe.vn")
    path = link_in(mail.outbox[0])
    intruder = account("ke.gian@example.vn")
    client.force_login(intruder)
    response = client.get(path)
    assert response.status_code == 403
    assert "chỉ dành cho tài khoản dùng địa chỉ giamdoc@caphe.vn" in response.content.decode()
    response = client.post(path, human({}))
    assert response.status_code == 403
    invitation.refresh_from_db()
    assert invitation.status == EnterpriseMembership.Status.INVITED and invitation.user is None
    assert not services.is_verified_member(intruder, enterprise)


def test_an_invitation_creates_an_account_for_the_invited_address(client, mails):
    enterprise = EnterpriseFactory()
    with mails():
        services.invite(enterprise, "moi@caphe.vn")
    path = link_in(mail.outbox[0])
    weak = client.post(
        path, human({"full_name": "Lê Mới", "password1": "moi@caphe", "password2": "moi@caphe", "consent": "on"})
    )
    assert weak.status_code == 200 and not EnterpriseMembership.objects.filter(status="active").exists()
    good = "Ca-phe-Dak-Mil-2025"
    response = client.post(
        path, human({"full_name": "Lê Văn Mới", "password1": good, "password2": good, "consent": "on"})
    )
    assert response.status_code == 302
    membership = EnterpriseMembership.objects.get(enterprise=enterprise)
    assert membership.status == "active" and membership.user.email == "moi@caphe.vn"
    assert EmailAddress.objects.get(user=membership.user).verified  # the link proved the mailbox


def test_a_new_invitation_revokes_the_old_one(client, mails):
    enterprise = EnterpriseFactory()
    with mails():
        first = services.invite(enterprise, "moi@caphe.vn")
    old_path = link_in(mail.outbox[0])
    with mock.patch("django.utils.timezone.now", return_value=first.invitation_sent_at.replace(second=59)), mails():
        second = services.invite(enterprise, "moi@caphe.vn")
    new_path = link_in(mail.outbox[1])
    first.refresh_from_db()
    assert first.status == EnterpriseMembership.Status.REVOKED
    response = client.get(old_path)
    assert response.status_code == 404 and "Lời mời không dùng được" in response.content.decode()
    assert client.get(new_path).status_code == 200
    # Re-sending the same invitation voids its earlier link too.
    later = second.invitation_sent_at.replace(year=2099)
    with mock.patch("django.utils.timezone.now", return_value=later), mails():
        services.send_invitation(second)
    assert client.get(new_path).status_code == 404
    assert client.get(link_in(mail.outbox[2])).status_code == 200


def test_an_invitation_expires_after_14_days(client, mails):
    with mails():
        services.invite(EnterpriseFactory(), "moi@caphe.vn")
    path = link_in(mail.outbox[0])
    with mock.patch("django.core.signing.time.time", return_value=time.time() + 13 * 86400):
        assert client.get(path).status_code == 200
    with mock.patch("django.core.signing.time.time", return_value=time.time() + 15 * 86400):
        assert client.get(path).status_code == 404


def test_invitation_email_goes_through_the_mail_pipeline(mails):
    from core.models import OutgoingMail

    enterprise = EnterpriseFactory(name="HTX Tiêu Đắk Song")
    with mails():
        membership = services.invite(enterprise, "moi@caphe.vn")
    row = OutgoingMail.objects.get(kind="enterprises.invitation")
    assert row.related_id == str(membership.pk) and row.to == ["moi@caphe.vn"]
    assert "HTX Tiêu Đắk Song" in mail.outbox[0].subject
    assert "14 ngày" in mail.outbox[0].body


# --- classification --------------------------------------------------------------------


@pytest.fixture
def sector_and_area():
    from enterprises.models import AdministrativeUnit, Sector

    sectors = list(Sector.objects.filter(level=2).order_by("code")[:2])
    area = AdministrativeUnit.objects.create(code="T-01", name="Xã Thử Nghiệm", level="commune")
    return sectors, area


def test_sector_and_area_changes_wait_for_a_programme_editor(client, sector_and_area):
    (old_sector, new_sector), area = sector_and_area
    enterprise = EnterpriseFactory(sector=old_sector, area=None)
    member = account("a@dn.vn")
    EnterpriseMembershipFactory(enterprise=enterprise, user=member)
    client.force_login(member)
    url = reverse("enterprises:profile_edit", args=[enterprise.pk])
    response = client.post(url, {"classification": "1", "sector": new_sector.pk, "area": area.pk})
    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.sector == old_sector and enterprise.area is None  # not yet
    change = ClassificationChange.objects.get()
    assert "Đề nghị đang chờ" in client.get(url).content.decode()

    editor = UserFactory(roles=["programme_editor"])
    client.force_login(editor)
    edit = reverse("wagtailsnippets_enterprises_classificationchange:edit", args=[change.pk])
    assert client.get(reverse("wagtailsnippets_enterprises_classificationchange:list")).status_code == 200
    response = client.post(edit, {"decision": "approve", "note": "Đúng theo giấy phép"})
    assert response.status_code == 302
    enterprise.refresh_from_db()
    change.refresh_from_db()
    assert (enterprise.sector, enterprise.area) == (new_sector, area)
    assert change.status == "approved" and change.decided_by == editor


def test_others_cannot_request_classification_changes(client, sector_and_area):
    (sector, _other), area = sector_and_area
    enterprise = EnterpriseFactory()
    claimant = account("b@dn.vn")
    EnterpriseMembershipFactory(enterprise=enterprise, user=claimant, status="pending")
    client.force_login(claimant)
    url = reverse("enterprises:profile_edit", args=[enterprise.pk])
    assert client.post(url, {"classification": "1", "sector": sector.pk}).status_code == 404
    assert not ClassificationChange.objects.exists()
    client.force_login(UserFactory(roles=["journalist_newspaper"]))
    assert client.get(reverse("wagtailsnippets_enterprises_classificationchange:list")).status_code in (302, 403)


# --- the account page: a verified member sees the enterprise's data ---------------------


@pytest.fixture
def enterprise_with_data(site_home):
    from assessment_forms.factories import SubmissionFactory, VerifiedSubmissionFactory
    from events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
    from honors.factories import NominationFactory

    enterprise = EnterpriseFactory(name="Công ty TNHH Cà phê Đắk Mil")
    VerifiedSubmissionFactory(enterprise=enterprise, year=2024, seed=1)
    SubmissionFactory(enterprise=enterprise, year=2025, seed=2)
    index = EventIndexPageFactory(parent=site_home)
    event = EventPageFactory(parent=index, title="Tập huấn DBI cho doanh nghiệp nhỏ")
    RegistrationFactory(event=event, enterprise=enterprise, attendee_name="Trần Thị Hoa")
    NominationFactory(enterprise=enterprise)
    other = EnterpriseFactory(name="Công ty Khác")
    RegistrationFactory(event=event, enterprise=other, attendee_name="Người Ngoài")
    return enterprise


def test_a_verified_member_sees_assessments_with_history_registrations_and_nominations(client, enterprise_with_data):
    member = account("a@dn.vn")
    EnterpriseMembershipFactory(enterprise=enterprise_with_data, user=member)
    client.force_login(member)
    page = client.get(reverse("accounts:home")).content.decode()
    assert "Công ty TNHH Cà phê Đắk Mil" in page
    assert "DBI 2024" in page and "DBI 2025" in page  # the history, year by year
    assert "Tập huấn DBI cho doanh nghiệp nhỏ" in page and "Trần Thị Hoa" in page
    nominations = page.split('id="de-cu"', 1)[1].split("</section>", 1)[0]
    assert "Đủ điều kiện" in nominations
    assert "Người Ngoài" not in page and "Công ty Khác" not in page


def test_a_claimant_not_yet_verified_sees_nothing_of_the_enterprise(client, enterprise_with_data):
    claimant = account("b@dn.vn")
    EnterpriseMembershipFactory(enterprise=enterprise_with_data, user=claimant, status="pending")
    client.force_login(claimant)
    page = client.get(reverse("accounts:home")).content.decode()
    assert "Chờ xác minh" in page  # their claim is listed…
    assert "DBI 2024" not in page and "Trần Thị Hoa" not in page  # …but none of the data


def test_the_account_page_query_count_does_not_grow_with_rows(
    client, enterprise_with_data, django_assert_max_num_queries
):
    member = account("a@dn.vn")
    EnterpriseMembershipFactory(enterprise=enterprise_with_data, user=member)
    client.force_login(member)
    client.get(reverse("accounts:home"))
    with django_assert_max_num_queries(40):
        assert client.get(reverse("accounts:home")).status_code == 200
