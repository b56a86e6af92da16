"""Eligibility, nominations, screening, the jury, the approval workflow, certificates, permissions."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.factories import UserFactory
from core.spam import started_token
from enterprises.factories import AdministrativeUnitFactory, EnterpriseFactory, SectorFactory
from enterprises.validators import make_tax_code
from honors.factories import (
    CategoryFactory,
    HonoursCycleFactory,
    JuryCriterionFactory,
    NominationFactory,
    RankingEntryFactory,
    move_to_phase,
)
from honors.models import Category, Certificate, HonoursCycle, HonoursYearPage, Nomination
from honors.services import jury
from honors.services.certificates import revoke, verify
from honors.services.eligibility import check_eligibility
from honors.services.nominations import auto_nominate, screen
from tests.helpers import assert_denied

pytestmark = pytest.mark.django_db


def result(enterprise, year=2025, total=200, level=3):
    return RankingEntryFactory(enterprise=enterprise, year=year, total=Decimal(total), level=level)


# --- eligibility ----------------------------------------------------------------------


def test_eligibility_rules():
    mil = AdministrativeUnitFactory(code="661", name="Huyện Đắk Mil")
    farming = SectorFactory(code="A", name="Nông nghiệp")
    category = CategoryFactory(min_level=3, size_class="small", sector=farming, area=mil)
    good = EnterpriseFactory(publish_dbi_consent=True, size_class="small", sector=farming, area=mil)
    result(good, level=3)
    assert check_eligibility(category, good) == []

    low = EnterpriseFactory(publish_dbi_consent=True, size_class="small", sector=farming, area=mil)
    result(low, level=2)
    assert any("thấp hơn" in r for r in check_eligibility(category, low))

    no_consent = EnterpriseFactory(publish_dbi_consent=False, size_class="small", sector=farming, area=mil)
    result(no_consent)
    assert any("đồng ý" in r for r in check_eligibility(category, no_consent))

    wrong = EnterpriseFactory(publish_dbi_consent=True, size_class="large", area=AdministrativeUnitFactory())
    result(wrong)
    reasons = check_eligibility(category, wrong)
    assert len(reasons) == 3  # size, sector, area

    unverified = EnterpriseFactory(publish_dbi_consent=True, size_class="small", sector=farming, area=mil)
    assert any("Chưa có kết quả" in r for r in check_eligibility(category, unverified))


def test_improvement_category_needs_last_year_and_a_gain():
    category = CategoryFactory(kind=Category.Kind.IMPROVEMENT, min_level=1, min_improvement=Decimal(20))
    better = EnterpriseFactory(publish_dbi_consent=True)
    result(better, year=2024, total=100, level=2)
    result(better, year=2025, total=150, level=3)
    assert check_eligibility(category, better) == []
    flat = EnterpriseFactory(publish_dbi_consent=True)
    result(flat, year=2024, total=140)
    result(flat, year=2025, total=150)
    assert check_eligibility(category, flat)
    new = EnterpriseFactory(publish_dbi_consent=True)
    result(new, year=2025, total=250)
    assert check_eligibility(category, new)


def test_auto_nomination_takes_eligible_verified_results_only_and_is_idempotent():
    category = CategoryFactory(min_level=3, size_class="small", awards=1)
    for index in range(3):
        result(EnterpriseFactory(publish_dbi_consent=True, size_class="small"), total=200 + index, level=3)
    result(EnterpriseFactory(publish_dbi_consent=True, size_class="medium"), total=300, level=4)
    result(EnterpriseFactory(publish_dbi_consent=False, size_class="small"), total=300, level=4)
    result(EnterpriseFactory(publish_dbi_consent=True, size_class="small"), total=90, level=2)
    assert auto_nominate(category.cycle) == 3
    assert auto_nominate(category.cycle) == 0
    assert set(Nomination.objects.values_list("status", flat=True)) == {Nomination.Status.ELIGIBLE}
    assert ModelLogEntry.objects.filter(action="honors.auto_nominate").exists()


# --- public nomination form and screening ----------------------------------------------


def _form_data(category, token="tok-1", **overrides):  # noqa: S107
    data = {
        "category": category.pk,
        "source": "association",
        "tax_code": make_tax_code("610123456"),
        "enterprise_name": "Công ty TNHH Cà phê Đắk Song",
        "nominator_name": "Trần Văn Bình",
        "nominator_organisation": "Hiệp hội Doanh nghiệp tỉnh",
        "nominator_email": "hiephoi@example.vn",
        "statement": "Doanh nghiệp đã số hoá toàn bộ quy trình bán hàng và truy xuất nguồn gốc cà phê. " * 2,
        "website": "",
        "started": _old_stamp(),
        "token": token,
    }
    data.update(overrides)
    return data


def _old_stamp():
    return started_token(seconds_ago=60)


def test_public_nomination_with_evidence_is_idempotent(client, site_home):
    from django.core.files.uploadedfile import SimpleUploadedFile

    category = CategoryFactory()
    assert client.get(reverse("honors:nominate")).status_code == 200
    evidence = SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = client.post(reverse("honors:nominate"), {**_form_data(category), "evidence": evidence})
    assert response.status_code == 302
    client.post(reverse("honors:nominate"), _form_data(category))  # double click
    nomination = Nomination.objects.get()
    assert nomination.source == "association" and nomination.status == Nomination.Status.SUBMITTED
    assert nomination.evidence.count() == 1
    assert nomination.enterprise.status == "pending"


def test_honeypot_and_too_fast_submissions_are_refused(client, site_home):
    category = CategoryFactory()
    response = client.post(reverse("honors:nominate"), _form_data(category, website="http://spam"))
    assert response.status_code == 200 and not Nomination.objects.exists()
    response = client.post(reverse("honors:nominate"), _form_data(category, token="t2", started=started_token()))
    assert response.status_code == 200 and not Nomination.objects.exists()


def test_closed_cycle_does_not_accept_nominations(client, site_home):
    cycle = HonoursCycleFactory(
        year=2030,
        nominations_open=timezone.localdate() - datetime.timedelta(days=30),
        nominations_close=timezone.localdate() - datetime.timedelta(days=1),
    )
    category = CategoryFactory(cycle=cycle)
    response = client.post(reverse("honors:nominate"), _form_data(category))
    assert response.status_code == 200 and not Nomination.objects.exists()


def test_screening_needs_a_reason_when_ineligible(committee_user):
    nomination = NominationFactory(status=Nomination.Status.SUBMITTED)
    with pytest.raises(ValidationError):
        screen(nomination, Nomination.Status.INELIGIBLE, "", user=committee_user)
    screen(nomination, Nomination.Status.INELIGIBLE, "Chưa có kết quả DBI đã thẩm định.", user=committee_user)
    screen(nomination, Nomination.Status.NEEDS_INFO, "Bổ sung báo cáo doanh thu.", user=committee_user)
    assert ModelLogEntry.objects.filter(action="honors.screen").count() == 2


# --- jury ----------------------------------------------------------------------------


@pytest.fixture
def panel(db):
    jurors = [UserFactory(username=f"giamkhao{i}", roles=["honours_committee"]) for i in range(3)]
    category = CategoryFactory(jurors=jurors)
    criteria = [
        JuryCriterionFactory(cycle=category.cycle, name="Chiến lược", weight=Decimal(2)),
        JuryCriterionFactory(cycle=category.cycle, name="Hiệu quả", weight=Decimal(1)),
    ]
    nominations = [NominationFactory(category=category) for _ in range(2)]
    move_to_phase(category.cycle, HonoursCycle.Phase.JURY)
    return category, criteria, jurors, nominations


def test_weighted_score(panel):
    _category, criteria, jurors, nominations = panel
    review = jury.submit_review(jurors[0], nominations[0], {criteria[0].pk: 10, criteria[1].pk: 4}, "Tốt")
    assert review.weighted_score == Decimal("80.00")  # (2×1.0 + 1×0.4) / 3


def test_conflicted_juror_cannot_see_or_score_and_is_excluded(panel):
    _category, criteria, jurors, nominations = panel
    target = nominations[0]
    scores = {criteria[0].pk: 10, criteria[1].pk: 10}
    jury.submit_review(jurors[0], target, scores)
    jury.submit_review(jurors[1], target, {criteria[0].pk: 5, criteria[1].pk: 5})
    jury.declare_conflict(jurors[0], target, "Là cổ đông của doanh nghiệp")
    assert target not in jury.nominees_for(jurors[0], target.category)
    with pytest.raises(PermissionDenied):
        jury.nominee_for(jurors[0], target)
    with pytest.raises(PermissionDenied):
        jury.submit_review(jurors[0], target, scores)
    row = next(r for r in jury.aggregates(target.category) if r["nomination"] == target)
    assert row["count"] == 1 and row["mean"] == Decimal("50.00") and row["conflicts"] == 1
    # Others never see the conflicted juror's score either.
    jury.submit_review(jurors[2], target, scores)
    assert [r.juror for r in jury.others_reviews(jurors[2], target)] == [jurors[1]]


def test_conflicted_juror_gets_403_in_the_admin(client, panel):
    _category, _criteria, jurors, nominations = panel
    jury.declare_conflict(jurors[0], nominations[0], "Người thân làm giám đốc")
    client.force_login(jurors[0])
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message.
    assert_denied(client.get(reverse("honors_admin:nominee", args=[nominations[0].pk])))
    page = client.get(reverse("honors_admin:jury")).content.decode()
    assert nominations[0].enterprise.name not in page and nominations[1].enterprise.name in page


def test_others_scores_hidden_until_own_submitted(client, panel):
    _category, criteria, jurors, nominations = panel
    target = nominations[1]
    jury.submit_review(jurors[1], target, {criteria[0].pk: 7, criteria[1].pk: 3}, "Nhận xét bí mật")
    assert jury.others_reviews(jurors[0], target) == []
    client.force_login(jurors[0])
    url = reverse("honors_admin:nominee", args=[target.pk])
    assert "Nhận xét bí mật" not in client.get(url).content.decode()
    response = client.post(url, {f"c{criteria[0].pk}": 8, f"c{criteria[1].pk}": 6, "comment": "Ổn"})
    assert response.status_code == 302
    assert "Nhận xét bí mật" in client.get(url).content.decode()


def test_committee_view_shows_mean_median_spread(client, panel, committee_user):
    category, criteria, jurors, nominations = panel
    for juror, value in zip(jurors, (10, 6, 2), strict=True):
        jury.submit_review(juror, nominations[0], {criteria[0].pk: value, criteria[1].pk: value})
    row = jury.aggregates(category)[0]
    assert (row["mean"], row["median"], row["spread"]) == (Decimal("60.00"), Decimal("60.00"), Decimal("80.00"))
    move_to_phase(category.cycle, HonoursCycle.Phase.DECISION)  # the full summary opens when scoring closes
    client.force_login(committee_user)
    html = client.get(reverse("honors_admin:committee", args=[category.pk])).content.decode()
    assert "60.00" in html or "60,00" in html


# --- permissions ---------------------------------------------------------------------


def test_journalist_cannot_touch_nominations_or_scores(client, panel):
    category, criteria, _jurors, nominations = panel
    journalist = UserFactory(username="phongvien", roles=["journalist_newspaper"])
    assert not journalist.has_perm("honors.change_nomination")
    assert not journalist.has_perm("honors.view_juryreview")
    client.force_login(journalist)
    assert_denied(client.get(reverse("wagtailsnippets_honors_nomination:list")))
    edit = reverse("wagtailsnippets_honors_nomination:edit", args=[nominations[0].pk])
    assert_denied(client.post(edit, {"status": "ineligible", "screening_note": "x"}))
    assert Nomination.objects.get(pk=nominations[0].pk).status == Nomination.Status.ELIGIBLE
    url = reverse("honors_admin:nominee", args=[nominations[0].pk])
    assert_denied(client.post(url, {f"c{criteria[0].pk}": 10, f"c{criteria[1].pk}": 10}))
    assert_denied(client.get(reverse("honors_admin:committee", args=[category.pk])))
    assert not jury.JuryReview.objects.exists()


def test_committee_member_can_screen_in_the_admin(client, committee_user):
    NominationFactory(status=Nomination.Status.SUBMITTED)
    client.force_login(committee_user)
    assert client.get(reverse("wagtailsnippets_honors_nomination:list")).status_code == 200


# --- decision workflow, publication, certificates ------------------------------------


@pytest.fixture
def approved_setup(rankings, panel, committee_user, leader):
    from honors.services.decision import ensure_decision_workflow, propose_decision

    category, criteria, jurors, nominations = panel
    for nomination in nominations:
        nomination.enterprise.email = f"dn{nomination.pk}@example.vn"
        nomination.enterprise.save()
    jury.submit_review(jurors[0], nominations[0], {criteria[0].pk: 9, criteria[1].pk: 9})
    jury.submit_review(jurors[0], nominations[1], {criteria[0].pk: 4, criteria[1].pk: 4})
    move_to_phase(category.cycle, HonoursCycle.Phase.DECISION)
    workflow = ensure_decision_workflow()
    decision, _revision = propose_decision(category.cycle, user=committee_user)
    return workflow, decision, nominations


def _approve_current_task(decision, user):
    state = decision.current_workflow_state
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, user, "approve")
    decision.refresh_from_db()


def test_approval_runs_committee_then_leadership_then_publishes(
    approved_setup, committee_user, leader, client, django_capture_on_commit_callbacks
):
    from home.models import HomePage
    from stories.factories import make_newsroom
    from stories.models import StoryPage

    make_newsroom(HomePage.objects.get(depth=2, locale__language_code="vi"))
    workflow, decision, nominations = approved_setup
    assert not decision.live
    assert [a.enterprise for a in decision.get_latest_revision_as_object().awards.all()] == [nominations[0].enterprise]
    workflow.start(decision, committee_user)
    decision.refresh_from_db()
    # The leadership cannot act on the committee's step, and vice versa.
    task = decision.current_workflow_state.current_task_state.task.specific
    assert task.user_can_access_editor(decision, committee_user)
    assert not task.get_actions(decision, leader)
    _approve_current_task(decision, committee_user)
    assert not decision.live and not Certificate.objects.exists()
    task = decision.current_workflow_state.current_task_state.task.specific
    assert not task.get_actions(decision, committee_user)
    # The certificate e-mail is queued (core.mail) and sent after the commit.
    with django_capture_on_commit_callbacks(execute=True):
        _approve_current_task(decision, leader)
    assert decision.live

    certificate = Certificate.objects.get()
    assert certificate.enterprise == nominations[0].enterprise
    page = HonoursYearPage.objects.get(locale__language_code="vi")
    html = client.get(page.url).content.decode()
    assert nominations[0].enterprise.name in html
    # Wagtail also mails the workflow's reviewers; ours is the one to the enterprise.
    sent = [m for m in mail.outbox if nominations[0].enterprise.email in m.to]
    assert len(sent) == 1 and sent[0].attachments[0][2] == "application/pdf"
    assert not [m for m in mail.outbox if nominations[1].enterprise.email in m.to]
    assert ModelLogEntry.objects.filter(action="honors.publish").exists()
    assert ModelLogEntry.objects.filter(action="honors.certificate_issue").exists()
    # One draft story per desk, unpublished, for the journalists to finish.
    drafts = StoryPage.objects.filter(live=False)
    assert drafts.count() == 3 and all(str(decision.cycle.year) in d.title for d in drafts)


def test_certificate_pdf_has_a_qr_code_and_verification_url(approved_setup, committee_user, leader, client):
    import io

    from pypdf import PdfReader

    workflow, decision, _nominations = approved_setup
    workflow.start(decision, committee_user)
    decision.refresh_from_db()
    _approve_current_task(decision, committee_user)
    _approve_current_task(decision, leader)
    certificate = Certificate.objects.get()
    response = client.get(certificate.get_pdf_url())
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    # A code with a hyphen may wrap at it in the PDF's text layer: compare without line breaks.
    assert certificate.enterprise_name in text and certificate.code in "".join(text.split())

    assert client.get(certificate.get_absolute_url()).status_code == 200
    forged = certificate.code[:-2] + ("AA" if not certificate.code.endswith("AA") else "BB")
    assert verify(forged) == (None, "unknown")
    assert client.get(reverse("honors:certificate", args=[forged])).status_code == 404
    revoke(certificate, "Doanh nghiệp vi phạm quy định công bố thông tin")
    response = client.get(certificate.get_absolute_url())
    assert response.status_code == 410 and "thu hồi" in response.content.decode()
    assert client.get(certificate.get_pdf_url()).status_code == 404


def test_awards_services_and_block(approved_setup, committee_user, leader):
    from honors.blocks import LatestHonoursBlock
    from honors.services import awards_for_year, latest_honoured

    workflow, decision, nominations = approved_setup
    assert awards_for_year(decision.cycle.year) == []
    workflow.start(decision, committee_user)
    decision.refresh_from_db()
    _approve_current_task(decision, committee_user)
    _approve_current_task(decision, leader)
    assert [a.enterprise for a in awards_for_year(decision.cycle.year)] == [nominations[0].enterprise]
    assert len(latest_honoured(limit=6)) == 1
    block = LatestHonoursBlock()
    html = block.render(block.to_python({"heading": "Tiêu biểu", "limit": 3}))
    assert nominations[0].enterprise.name in html


def test_admin_forms_render_for_editors(client, leader, approved_setup):
    _workflow, decision, nominations = approved_setup
    client.force_login(leader)
    assert client.get(reverse("wagtailsnippets_honors_honourscycle:add")).status_code == 200
    cycle_edit = reverse("wagtailsnippets_honors_honourscycle:edit", args=[decision.cycle.pk])
    assert client.get(cycle_edit).status_code == 200
    assert client.get(reverse("wagtailsnippets_honors_honoursdecision:edit", args=[decision.pk])).status_code == 200
    nomination_edit = reverse("wagtailsnippets_honors_nomination:edit", args=[nominations[0].pk])
    assert client.get(nomination_edit).status_code == 200
    assert client.get(reverse("honors_admin:jury")).status_code == 200


def test_a_new_installation_has_the_decision_workflow():
    """Created after migrate (post_migrate), not only by the demo content; an editor's own
    choice of workflow is kept."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Workflow, WorkflowContentType

    from honors.models import HonoursDecision
    from honors.services.decision import WORKFLOW_NAME, install_decision_workflow

    content_type = ContentType.objects.get_for_model(HonoursDecision)
    assigned = WorkflowContentType.objects.get(content_type=content_type)
    assert assigned.workflow.name == WORKFLOW_NAME
    from accounts.roles import group_name

    tasks = assigned.workflow.tasks.order_by("workflow_tasks__sort_order")
    assert [t.specific.groups.get().name for t in tasks] == [
        group_name("honours_committee"),
        group_name("programme_editor"),
    ]
    other = Workflow.objects.create(name="Quy trình riêng của biên tập")
    assigned.workflow = other
    assigned.save()
    assert install_decision_workflow() is None
    assert WorkflowContentType.objects.get(content_type=content_type).workflow == other
