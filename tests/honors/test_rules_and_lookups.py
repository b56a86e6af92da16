"""The honours' small rules and lookups: who may open evidence, who is a juror, which
categories take nominations, what a certificate says and whether it is valid, which
enterprises have a public profile."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory

from accounts.factories import UserFactory
from enterprises.factories import AdministrativeUnitFactory, EnterpriseFactory, SectorFactory
from honors.factories import (
    CategoryFactory,
    HonoursCycleFactory,
    JuryCriterionFactory,
    NominationFactory,
    RankingEntryFactory,
    move_to_phase,
)
from honors.models import Certificate, ConflictDeclaration, HonoursCycle, Nomination, NominationEvidence
from honors.services import can_view_evidence, eligibility, jury, nominations, public
from honors.services import certificates as certificates_service

pytestmark = pytest.mark.django_db


# --- evidence ---------------------------------------------------------------------------------
def evidence_of(nomination):
    from django.core.files.base import ContentFile

    return NominationEvidence.objects.create(
        nomination=nomination,
        file=ContentFile(b"%PDF-1.4", name="bang-chung.pdf"),
        original_name="bang-chung.pdf",
        size=8,
    )


def test_evidence_is_open_to_the_committee_but_not_to_a_conflicted_juror_or_others():
    nomination = NominationFactory()
    evidence = evidence_of(nomination)
    member = UserFactory(roles=["honours_committee"])
    conflicted = UserFactory(roles=["honours_committee"])
    ConflictDeclaration.objects.create(juror=conflicted, nomination=nomination, reason="Người thân")
    assert can_view_evidence(member, evidence)
    assert not can_view_evidence(conflicted, evidence)
    assert not can_view_evidence(UserFactory(roles=["journalist_newspaper"]), evidence)
    assert not can_view_evidence(UserFactory(roles=["honours_committee"], is_active=False), evidence)
    assert not can_view_evidence(AnonymousUser(), evidence)
    assert not can_view_evidence(None, evidence)


# --- jury membership -------------------------------------------------------------------------
def test_committee_members_are_the_active_members_by_vietnamese_name():
    lan = UserFactory(roles=["honours_committee"], last_name="Nguyễn Thị", first_name="Lan")
    an = UserFactory(roles=["honours_committee"], last_name="Lê Văn", first_name="An")
    UserFactory(roles=["honours_committee"], is_active=False)
    UserFactory(roles=["journalist_newspaper"])
    assert list(jury.committee_members()) == [an, lan]
    assert jury.juror_label(lan) == "Nguyễn Thị Lan"
    nameless = UserFactory(username="giamkhao9", first_name=" ", last_name="")
    assert jury.juror_label(nameless) == "giamkhao9"


def test_a_juror_sees_the_categories_of_unpublished_cycles_only():
    juror = UserFactory(roles=["honours_committee"])
    current = CategoryFactory(jurors=[juror])
    CategoryFactory(jurors=[juror], cycle=HonoursCycleFactory(year=2020, published=True))
    CategoryFactory()
    assert list(jury.juror_categories(juror)) == [current]
    assert not jury.juror_categories(AnonymousUser()).exists()
    assert not jury.is_juror(AnonymousUser(), current)
    assert not jury.is_conflicted(AnonymousUser(), NominationFactory(category=current))


def test_only_a_juror_with_a_reason_declares_a_conflict():
    juror = UserFactory(roles=["honours_committee"])
    nomination = NominationFactory(category=CategoryFactory(jurors=[juror]))
    with pytest.raises(PermissionDenied):
        jury.declare_conflict(UserFactory(roles=["honours_committee"]), nomination, "Người thân")
    with pytest.raises(ValidationError):
        jury.declare_conflict(juror, nomination, "   ")
    assert not ConflictDeclaration.objects.exists()
    first = jury.declare_conflict(juror, nomination, " Là cổ đông ")
    again = jury.declare_conflict(juror, nomination, "Lý do khác")
    assert again.pk == first.pk and first.reason == "Là cổ đông"
    assert jury.is_conflicted(juror, nomination)
    assert list(jury.conflicted_nominations(juror).values_list("nomination_id", flat=True)) == [nomination.pk]


def test_a_nominee_not_yet_eligible_is_closed_to_the_jury():
    juror = UserFactory(roles=["honours_committee"])
    nomination = NominationFactory(category=CategoryFactory(jurors=[juror]), status=Nomination.Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        jury.nominee_for(juror, nomination)
    assert list(jury.nominees_for(juror, nomination.category)) == []


def test_scores_out_of_range_are_refused_per_criterion():
    juror = UserFactory(roles=["honours_committee"])
    category = CategoryFactory(jurors=[juror])
    first = JuryCriterionFactory(cycle=category.cycle, max_score=10)
    second = JuryCriterionFactory(cycle=category.cycle, max_score=5)
    nomination = NominationFactory(category=category)
    move_to_phase(category.cycle, HonoursCycle.Phase.JURY)
    with pytest.raises(ValidationError) as refused:
        jury.submit_review(juror, nomination, {first.pk: 11})
    assert set(refused.value.message_dict) == {first.pk, second.pk}
    assert jury.own_review(juror, nomination) is None
    review = jury.submit_review(juror, nomination, {first.pk: 10, second.pk: 0})
    assert review.weighted_score == Decimal("50.00")
    # Scoring again replaces the scores, never adds to them.
    jury.submit_review(juror, nomination, {first.pk: 5, second.pk: 5})
    assert sorted(jury.own_review(juror, nomination).scores.values_list("score", flat=True)) == [5, 5]


def test_a_weighted_score_without_weights_is_zero():
    criterion = JuryCriterionFactory(weight=Decimal(0))
    assert jury.weighted_score([criterion], {criterion.pk: 10}) == Decimal(0)
    assert jury.weighted_score([], {}) == Decimal(0)


# --- nominations ---------------------------------------------------------------------------------
def test_only_cycles_in_their_nomination_window_take_nominations():
    open_cycle = HonoursCycleFactory(year=2026)
    later = CategoryFactory(cycle=open_cycle, sort_order=2)
    sooner = CategoryFactory(cycle=open_cycle, sort_order=1)
    closed = CategoryFactory(cycle=move_to_phase(HonoursCycleFactory(year=2027), HonoursCycle.Phase.JURY))
    assert list(nominations.open_categories()) == [sooner, later]
    with pytest.raises(ValidationError):
        nominations.submit_nomination(
            closed,
            tax_code="0100107518",
            enterprise_name="HTX Tiêu Đắk Song",
            source=Nomination.Source.APPLICATION,
            token="a" * 32,
            nominator_email="hoa@caphe.vn",
        )
    assert not Nomination.objects.exists()


def test_a_receipt_key_that_is_empty_too_long_or_unknown_finds_nothing():
    assert nominations.entry_for_receipt("") is None
    assert nominations.entry_for_receipt("x" * 65) is None
    assert nominations.entry_for_receipt("khong-co") is None


def test_a_public_nomination_snapshots_the_verified_result_and_queues_a_receipt():
    from core.models import OutgoingMail

    category = CategoryFactory(kind="improvement")
    enterprise = EnterpriseFactory(publish_dbi_consent=True)
    RankingEntryFactory(enterprise=enterprise, year=2025, total=Decimal(210), level=3)
    RankingEntryFactory(enterprise=enterprise, year=2024, total=Decimal(180), level=2)
    entry, created = nominations.submit_nomination(
        category,
        tax_code=enterprise.tax_code,
        enterprise_name="Tên gõ khác",
        source=Nomination.Source.ASSOCIATION,
        token="b" * 32,
        nominator_email="hiephoi@dn.vn",
        nominator_name=" Hiệp hội Cà phê ",
        statement="Đi đầu về số hoá",
    )
    assert created and entry.nominator_name == "Hiệp hội Cà phê" and entry.nominator_phone == ""
    nomination = entry.nomination
    assert nomination.enterprise == enterprise and nomination.status == Nomination.Status.SUBMITTED
    assert (nomination.dbi_year, nomination.dbi_total, nomination.dbi_improvement) == (2025, 210, 30)
    assert nominations.entry_for_receipt(entry.receipt_key) == entry
    receipt = OutgoingMail.objects.get(kind="honors.nomination_receipt")
    assert receipt.to == ["hiephoi@dn.vn"] and entry.receipt_key in receipt.body_text
    again, created_again = nominations.submit_nomination(
        category, tax_code=enterprise.tax_code, enterprise_name="", source="association", token="b" * 32
    )
    assert not created_again and again.pk == entry.pk
    assert OutgoingMail.objects.filter(kind="honors.nomination_receipt").count() == 1


def test_the_screening_suggestion_gives_the_rules_reasons():
    category = CategoryFactory(min_level=3)
    enterprise = EnterpriseFactory(publish_dbi_consent=True)
    RankingEntryFactory(enterprise=enterprise, year=2025, level=2)
    nomination = NominationFactory(category=category, enterprise=enterprise)
    reasons = nominations.screening_suggestion(nomination)
    assert len(reasons) == 1 and "thấp hơn" in reasons[0]


def test_auto_nomination_reaches_the_sector_below_a_section_and_the_communes_of_an_area():
    section = SectorFactory(code="ZA", name="Nông nghiệp")
    child = SectorFactory(code="ZA01", name="Trồng cà phê", parent=section)
    district = AdministrativeUnitFactory(code="TQ1")
    commune = AdministrativeUnitFactory(code="TQ1-1", level="commune", parent=district)
    category = CategoryFactory(sector=section, area=district, size_class="small")
    inside = EnterpriseFactory(publish_dbi_consent=True, sector=child, area=commune)
    outside = EnterpriseFactory(publish_dbi_consent=True, sector=SectorFactory(), area=commune)
    for enterprise in (inside, outside):
        RankingEntryFactory(enterprise=enterprise, year=2025)
    assert nominations.auto_nominate(category.cycle) == 1
    assert list(Nomination.objects.values_list("enterprise_id", flat=True)) == [inside.pk]
    assert eligibility.check_eligibility(category, inside) == []
    assert any("Ngành" in reason for reason in eligibility.check_eligibility(category, outside))


def test_an_enterprise_outside_the_area_is_not_eligible():
    category = CategoryFactory(area=AdministrativeUnitFactory(code="TQ2"), require_consent=False)
    enterprise = EnterpriseFactory(area=AdministrativeUnitFactory(code="TQ3"))
    RankingEntryFactory(enterprise=enterprise, year=2025)
    assert [reason for reason in eligibility.check_eligibility(category, enterprise) if "Địa bàn" in reason]


# --- certificates -------------------------------------------------------------------------------
def test_a_certificate_without_its_award_still_prints_and_verifies():
    enterprise = EnterpriseFactory()
    certificate = Certificate.objects.create(
        enterprise=enterprise, enterprise_name=enterprise.name, category_name="Tiêu biểu", year=2025, citation="Đi đầu"
    )
    assert certificates_service.verify(certificate.code) == (certificate, "valid")
    assert certificates_service.verify("") == (None, "unknown")
    request = RequestFactory().get("/", HTTP_HOST="chuyendoiso.lamdong.gov.vn")
    context = certificates_service.certificate_context(certificate, request)
    assert context["verify_url"] == "http://chuyendoiso.lamdong.gov.vn" + certificate.get_absolute_url()
    assert context["qr"].startswith("data:image/svg+xml;base64,")
    assert context["decision_number"] == "" and context["decision_date"] is None
    certificates_service.revoke(certificate, "Thu hồi theo quyết định")
    assert certificates_service.verify(certificate.code) == (certificate, "revoked")


def test_an_url_without_a_request_uses_the_default_site():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    expected = (site.root_url if site else "http://testserver").rstrip("/") + "/chung-nhan/"
    assert certificates_service.absolute_url("/chung-nhan/") == expected


# --- what other apps read -------------------------------------------------------------------------
def test_public_profiles_need_consent_and_a_published_year(rankings):
    consenting = EnterpriseFactory(publish_dbi_consent=True)
    RankingEntryFactory(enterprise=consenting, year=2025)
    unpublished_year = EnterpriseFactory(publish_dbi_consent=True)
    RankingEntryFactory(enterprise=unpublished_year, year=2030)
    withdrawn = EnterpriseFactory(publish_dbi_consent=True)
    RankingEntryFactory(enterprise=withdrawn, year=2025)
    withdrawn.publish_dbi_consent = False
    withdrawn.save()
    assert list(public.public_profiles()) == [consenting]


def test_profile_links_point_under_the_rankings_page_of_the_language(rankings):
    from wagtail.models import Locale

    vi_link = public.profile_links()(42)
    assert vi_link == rankings.profile_url(42)
    en = Locale.objects.get(language_code="en")
    en_link = public.profile_links(en)(42)
    assert en_link != vi_link and en_link.endswith("/42/")


def test_profile_links_are_empty_without_a_rankings_page():
    assert public.profile_links()(42) == ""


def test_awards_for_enterprise_are_published_ones_only():
    assert public.awards_for_enterprise(EnterpriseFactory().pk) == []
