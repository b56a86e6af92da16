"""The registry's interface for its own users: invitation links (forged, replaced, accepted by
the wrong account), claims, and the main sector/area changes a programme editor decides."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.factories import UserFactory
from core.models import OutgoingMail
from enterprises import services
from enterprises.factories import (
    AdministrativeUnitFactory,
    EnterpriseFactory,
    EnterpriseMembershipFactory,
    SectorFactory,
)
from enterprises.models import ClassificationChange, Enterprise, EnterpriseMembership

pytestmark = pytest.mark.django_db
M = EnterpriseMembership.Status


def invited(enterprise=None, email="moi@doanhnghiep.vn"):
    return services.invite(enterprise or EnterpriseFactory(), email)


# --- the registry's lookups ------------------------------------------------------------------
def test_a_pending_enterprise_keeps_only_the_allowed_details():
    enterprise, created = services.get_or_create_pending(
        "0100107518", "  HTX Tiêu Đắk Song  ", phone="0912345678", contact_name="", size_class="large"
    )
    assert created and enterprise.status == Enterprise.Status.PENDING
    assert enterprise.name == "HTX Tiêu Đắk Song" and enterprise.phone == "0912345678"
    again, created_again = services.get_or_create_pending(" 0100 107 518 ", "Tên khác")
    assert not created_again and again.pk == enterprise.pk and again.name == "HTX Tiêu Đắk Song"
    with pytest.raises(ValidationError):
        services.get_or_create_pending("12345", "Sai mã số")
    assert services.find_by_tax_code("") is None


def test_a_lookup_of_some_fields_reads_those_and_loads_the_rest_when_used(django_assert_num_queries):
    enterprise = EnterpriseFactory(tax_code="0100107518", name="HTX Tiêu Đắk Song", phone="0912345678")
    with django_assert_num_queries(1):
        found = services.find_by_tax_code(" 0100 107 518 ", fields=("name", "recorded_on", "tax_code"))
    with django_assert_num_queries(0):  # read, each in its own field, converted as the ORM does
        assert (found.pk, found.name, found.tax_code) == (enterprise.pk, "HTX Tiêu Đắk Song", "0100107518")
        assert found.recorded_on == enterprise.recorded_on and found.recorded_on is not None
        assert not isinstance(found.recorded_on, str)
    assert found.get_deferred_fields() >= {"phone", "status"}
    with django_assert_num_queries(1):
        assert found.phone == "0912345678"
    assert services.find_by_tax_code("0100109106", fields=("name",)) is None


def test_only_verified_memberships_count():
    enterprise = EnterpriseFactory()
    member, claimant = UserFactory(), UserFactory()
    EnterpriseMembershipFactory(enterprise=enterprise, user=member)
    EnterpriseMembershipFactory(enterprise=enterprise, user=claimant, status=M.PENDING)
    assert list(services.verified_enterprises_for(member)) == [enterprise]
    assert not services.verified_enterprises_for(claimant).exists()
    assert not services.verified_enterprises_for(None).exists()
    assert services.is_verified_member(member, enterprise.pk)
    assert not services.is_verified_member(member, None)
    assert not services.can_edit_profile(claimant, enterprise)


def test_memberships_of_leave_out_revoked_ones():
    user = UserFactory()
    kept = EnterpriseMembershipFactory(user=user, status=M.PENDING)
    EnterpriseMembershipFactory(user=user, status=M.REVOKED)
    assert list(services.memberships_of(user)) == [kept]

    from django.contrib.auth.models import AnonymousUser

    assert not services.memberships_of(AnonymousUser()).exists()


def test_contact_emails_are_the_record_and_active_members():
    enterprise = EnterpriseFactory(email="lienhe@caphe.vn")
    EnterpriseMembershipFactory(enterprise=enterprise, user=UserFactory(email="giamdoc@caphe.vn"))
    EnterpriseMembershipFactory(enterprise=enterprise, user=UserFactory(email="cho@caphe.vn"), status=M.PENDING)
    assert services.contact_emails(enterprise) == ["giamdoc@caphe.vn", "lienhe@caphe.vn"]


def test_masked_email():
    assert services.masked_email("nguyen@caphe.vn") == "n***@caphe.vn"
    assert services.masked_email("") == ""
    assert services.masked_email("khong-co-a-cong") == ""


# --- invitations -------------------------------------------------------------------------------
def test_an_invitation_queues_a_link_that_leads_back_to_it():
    membership = invited()
    sent = OutgoingMail.objects.get(kind="enterprises.invitation", related_id=str(membership.pk))
    assert sent.to == ["moi@doanhnghiep.vn"]
    # The link the e-mail carries (signed with the time it was written, so read from the
    # e-mail rather than signed again here: a second may have passed).
    token = services.invitation_token(membership)
    links = [part for part in sent.body_text.split() if part.startswith("http")]
    sent_tokens = [link.rstrip("/").rsplit("/", 1)[-1] for link in links]
    assert [each.split(":")[0] for each in sent_tokens] == [token.split(":")[0]]
    assert services.membership_for_token(sent_tokens[0]) == membership


def test_a_forged_link_leads_nowhere():
    invited()
    assert services.membership_for_token("forged") is None


def test_a_new_invitation_voids_the_earlier_ones():
    enterprise = EnterpriseFactory()
    first = invited(enterprise)
    old_token = services.invitation_token(first)
    second = invited(enterprise, "MOI@doanhnghiep.vn ")
    first.refresh_from_db()
    assert first.status == M.REVOKED and second.email == "moi@doanhnghiep.vn"
    assert services.membership_for_token(old_token) is None
    assert services.membership_for_token(services.invitation_token(second)) == second


def test_resending_an_invitation_voids_the_previous_link():
    membership = invited()
    EnterpriseMembership.objects.filter(pk=membership.pk).update(invitation_sent_at=timezone.now() - timedelta(days=1))
    membership.refresh_from_db()
    old_token = services.invitation_token(membership)
    services.send_invitation(membership)
    assert services.membership_for_token(old_token) is None
    assert services.membership_for_token(services.invitation_token(membership)) == membership


def test_another_account_cannot_accept_the_invitation():
    membership = invited()
    stranger = UserFactory(email="khac@doanhnghiep.vn")
    with pytest.raises(services.InvitationRefused):
        services.accept_invitation(membership, stranger)
    membership.refresh_from_db()
    assert membership.status == M.INVITED and membership.user is None


def test_an_account_with_the_invited_address_as_a_second_address_accepts_and_it_is_verified():
    membership = invited()
    user = UserFactory(email="chinh@doanhnghiep.vn")
    EmailAddress.objects.create(user=user, email="moi@doanhnghiep.vn", verified=False, primary=False)
    accepted = services.accept_invitation(membership, user)
    assert accepted.status == M.ACTIVE and accepted.user == user and accepted.verified_at is not None
    assert EmailAddress.objects.get(user=user, email="moi@doanhnghiep.vn").verified


def test_accepting_merges_an_earlier_claim_of_the_same_account():
    enterprise = EnterpriseFactory()
    user = UserFactory(email="moi@doanhnghiep.vn")
    claim = EnterpriseMembershipFactory(enterprise=enterprise, user=user, status=M.PENDING, origin="self")
    membership = invited(enterprise)
    accepted = services.accept_invitation(membership, user)
    assert accepted.pk == claim.pk and accepted.status == M.ACTIVE
    assert list(EnterpriseMembership.objects.filter(enterprise=enterprise, user=user)) == [accepted]
    assert not EnterpriseMembership.objects.filter(pk=membership.pk).exists()
    address = EmailAddress.objects.get(user=user, email="moi@doanhnghiep.vn")
    assert address.verified and address.primary


# --- claims -------------------------------------------------------------------------------------
def test_a_claim_invites_the_registry_address_at_most_once_an_hour():
    enterprise = EnterpriseFactory(email="lienhe@caphe.vn")
    user = UserFactory(email="nguoi.nhan@caphe.vn")
    membership, invitation = services.register_membership(user, enterprise.tax_code, position="Giám đốc")
    assert membership.status == M.PENDING and membership.user == user
    assert invitation.email == "lienhe@caphe.vn" and invitation.status == M.INVITED
    again, second_invitation = services.register_membership(user, enterprise.tax_code)
    assert again.pk == membership.pk and second_invitation.pk == invitation.pk
    assert OutgoingMail.objects.filter(kind="enterprises.invitation").count() == 1
    assert OutgoingMail.objects.filter(kind="enterprises.registration_received").count() == 1


# --- classification -----------------------------------------------------------------------------
@pytest.fixture
def member():
    enterprise = EnterpriseFactory()
    user = UserFactory()
    EnterpriseMembershipFactory(enterprise=enterprise, user=user)
    return enterprise, user


def test_only_a_member_may_ask_for_a_new_classification():
    enterprise = EnterpriseFactory()
    with pytest.raises(PermissionDenied):
        services.request_classification_change(enterprise, UserFactory(), sector=SectorFactory())
    assert not ClassificationChange.objects.exists()


def test_asking_for_the_current_classification_changes_nothing(member):
    enterprise, user = member
    assert (
        services.request_classification_change(enterprise, user, sector=enterprise.sector, area=enterprise.area) is None
    )
    assert not ClassificationChange.objects.exists()


def test_a_newer_request_replaces_the_pending_one(member):
    enterprise, user = member
    services.request_classification_change(enterprise, user, sector=SectorFactory())
    newer = services.request_classification_change(enterprise, user, area=AdministrativeUnitFactory())
    assert list(ClassificationChange.objects.filter(enterprise=enterprise)) == [newer]
    assert newer.sector is None and newer.area is not None and newer.status == ClassificationChange.Status.PENDING


def test_an_approved_change_moves_the_enterprise_and_is_logged(member):
    enterprise, user = member
    editor = UserFactory(roles=["programme_editor"])
    sector, area = SectorFactory(), AdministrativeUnitFactory()
    change = services.request_classification_change(enterprise, user, sector=sector, area=area)
    decided = services.decide_classification_change(change, editor, approve=True, note="Đúng giấy phép")
    assert decided.status == ClassificationChange.Status.APPROVED and decided.decided_by == editor
    enterprise.refresh_from_db()
    assert enterprise.sector == sector and enterprise.area == area
    assert enterprise.recorded_on == timezone.localdate()
    entry = ModelLogEntry.objects.filter(object_id=str(enterprise.pk), action="wagtail.edit").latest("timestamp")
    assert entry.data == {"fields": ["sector", "area"], "via": "classification_change"}
    # Deciding again changes nothing.
    again = services.decide_classification_change(change, editor, approve=False)
    assert again.status == ClassificationChange.Status.APPROVED


def test_a_rejected_change_leaves_the_registry_alone(member):
    enterprise, user = member
    old_sector = enterprise.sector
    change = services.request_classification_change(enterprise, user, sector=SectorFactory())
    decided = services.decide_classification_change(change, UserFactory(), approve=False, note="Không đúng")
    assert decided.status == ClassificationChange.Status.REJECTED and decided.note == "Không đúng"
    enterprise.refresh_from_db()
    assert enterprise.sector == old_sector


def test_a_profile_update_without_changes_writes_nothing(member):
    enterprise, user = member
    assert services.update_profile(enterprise, user, {"name": enterprise.name, "tax_code": "0000000000"}) == []
    assert not ModelLogEntry.objects.filter(object_id=str(enterprise.pk), action="wagtail.edit").exists()
    with pytest.raises(PermissionDenied):
        services.update_profile(enterprise, UserFactory(), {"name": "Chiếm quyền"})
