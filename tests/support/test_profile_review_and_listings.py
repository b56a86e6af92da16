"""A consultant's own changes under review (approved, rejected, refused to others), the
organisations' listing and the directory's unknown filters, through the desk's services."""

import pytest

from accounts.factories import UserFactory
from core.models import OutgoingMail
from enterprises.factories import SectorFactory
from support import services
from support.factories import ConsultantFactory, OrganisationFactory, topic
from support.models import ApprovalStatus

pytestmark = pytest.mark.django_db


def test_pillar_names_come_from_the_framework():
    names = services.pillar_names()
    assert sorted(names) == ["P1", "P2", "P3", "P4", "P5", "P6"]
    assert all(names.values())


def test_proposed_changes_wait_and_every_coordinator_is_told(consultant, coordinator):
    second = UserFactory(email="dieuphoi2@so.gov.vn", roles=["support_coordinator"])
    services.propose_changes(consultant, {"biography": "Tiểu sử mới"})
    consultant.refresh_from_db()
    assert consultant.pending_changes == {"biography": "Tiểu sử mới"} and consultant.pending_since is not None
    assert consultant.biography != "Tiểu sử mới"
    sent = OutgoingMail.objects.filter(kind="support.profile_review")
    assert sorted(address for mail in sent for address in mail.to) == sorted([coordinator.email, second.email])


def test_an_approval_applies_fields_topics_sectors_and_pillars_and_tells_the_consultant(consultant, coordinator):
    data_topic = topic("du-lieu")
    sector = SectorFactory(code="ZB", name="Chế biến cà phê")
    services.propose_changes(
        consultant,
        {"job_title": "Giám đốc tư vấn", "topics": [data_topic.pk], "sectors": [sector.pk], "pillars": ["P3", "P4"]},
    )
    services.approve_changes(consultant, coordinator)
    consultant.refresh_from_db()
    assert consultant.job_title == "Giám đốc tư vấn"
    assert consultant.pending_changes == {} and consultant.pending_since is None
    assert list(consultant.topics.all()) == [data_topic]
    assert list(consultant.sectors.all()) == [sector]
    assert sorted(consultant.pillars.values_list("pillar_code", flat=True)) == ["P3", "P4"]
    told = OutgoingMail.objects.get(kind="support.profile_approved")
    assert told.to == [consultant.contact_email]


def test_only_a_coordinator_approves_or_rejects(consultant, consultant_user):
    services.propose_changes(consultant, {"biography": "Tự duyệt"})
    with pytest.raises(services.TransitionError):
        services.approve_changes(consultant, consultant_user)
    with pytest.raises(services.TransitionError):
        services.reject_changes(consultant, consultant_user)
    consultant.refresh_from_db()
    assert consultant.pending_changes == {"biography": "Tự duyệt"}
    assert not OutgoingMail.objects.filter(kind="support.profile_approved").exists()


def test_a_rejection_drops_the_changes_and_keeps_the_profile(consultant, coordinator):
    before = consultant.biography
    services.propose_changes(consultant, {"biography": "Bị từ chối"})
    services.reject_changes(consultant, coordinator)
    consultant.refresh_from_db()
    assert consultant.pending_changes == {} and consultant.pending_since is None
    assert consultant.biography == before


def test_organisations_count_only_their_approved_consultants(db):
    org = OrganisationFactory(name="Viện Kinh tế số Đại Ngàn", slug="vien-kinh-te-so")
    OrganisationFactory(name="Chờ duyệt", slug="cho-duyet", status=ApprovalStatus.PENDING)
    ConsultantFactory(organisation=org)
    ConsultantFactory(organisation=org, status=ApprovalStatus.PENDING)
    assert [(o.slug, o.listed) for o in services.organisation_directory()] == [("vien-kinh-te-so", 1)]


def test_an_unknown_area_code_lists_nobody(consultant):
    assert list(services.consultant_directory()) == [consultant]
    assert list(services.consultant_directory(area="KHONG-CO")) == []
    assert list(services.consultant_directory(q="le minh duc")) == [consultant]
    assert list(services.consultant_directory(q="ai khac")) == []
