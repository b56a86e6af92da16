"""Issue 14: the integrity of the honours, as each staff role meets it in the admin."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.factories import UserFactory
from core.audit import AuditEntry
from honors.factories import (
    CategoryFactory,
    HonoursCycleFactory,
    JuryCriterionFactory,
    NominationFactory,
    RankingEntryFactory,
    move_to_phase,
)
from honors.models import HonoursCycle, HonoursDecision, JuryCriterion, Nomination
from honors.services import jury

pytestmark = pytest.mark.django_db
Phase = HonoursCycle.Phase


def refused(response):
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response["Location"].rstrip("/").endswith("/admin")


@pytest.fixture
def jurors(db):
    return [
        UserFactory(username=f"gk{i}", first_name="Giám khảo", last_name=f"Số {i}", roles=["honours_committee"])
        for i in range(2)
    ]


@pytest.fixture
def cycle(jurors):
    category = CategoryFactory(jurors=jurors, name="Doanh nghiệp tiêu biểu")
    JuryCriterionFactory(cycle=category.cycle, name="Chiến lược", weight=Decimal(1))
    JuryCriterionFactory(cycle=category.cycle, name="Hiệu quả", weight=Decimal(1))
    return category.cycle


def _cycle_post_data(client, url):
    """The edit form's current values, as the browser would post them back unchanged."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(url).content, "html.parser")
    form = next(f for f in soup.find_all("form") if f.find(attrs={"name": "title"}))
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name:
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = [o.get("value") for o in field.find_all("option") if o.has_attr("selected")]
            data[name] = chosen if field.has_attr("multiple") else (chosen[0] if chosen else "")
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in ("submit", "button", "file"):
            data[name] = field.get("value", "")
    return data


# --- the set-up: programme editors only, frozen once scoring opens ------------------------


def test_a_committee_member_cannot_edit_a_cycle(client, cycle, jurors, committee_user):
    url = reverse("wagtailsnippets_honors_honourscycle:edit", args=[cycle.pk])
    client.force_login(committee_user)
    assert refused(client.get(url))
    assert refused(client.post(url, {"title": "Đổi tên"}))
    assert HonoursCycle.objects.get(pk=cycle.pk).title == cycle.title
    assert not committee_user.has_perm("honors.change_honourscycle")


def test_the_juror_picker_offers_committee_members_by_full_name(client, cycle, jurors, leader):
    journalist = UserFactory(username="phongvien", first_name="Phóng", last_name="Viên", roles=["journalist_newspaper"])
    url = reverse("wagtailsnippets_honors_honourscycle:edit", args=[cycle.pk])
    client.force_login(leader)
    html = client.get(url).content.decode()
    assert "Số 0 Giám khảo" in html  # the full name, family name first
    assert "gk0" not in html  # never the account name when a full name exists
    assert "Viên Phóng" not in html and journalist.get_full_name() not in html
    from honors.admin_forms import CycleForm
    from honors.wagtail_hooks import CycleViewSet

    form_class = CycleViewSet().get_edit_handler().get_form_class()
    assert issubclass(form_class, CycleForm)
    form = form_class(instance=cycle, for_user=leader)
    field = form.formsets["categories"].forms[0].fields["jurors"]
    assert set(field.queryset) == set(jurors)
    assert journalist not in field.queryset


def test_the_set_up_is_frozen_once_scoring_opens_unless_a_reason_is_given(client, cycle, jurors, leader):
    move_to_phase(cycle, Phase.JURY)
    url = reverse("wagtailsnippets_honors_honourscycle:edit", args=[cycle.pk])
    client.force_login(leader)
    data = _cycle_post_data(client, url)
    weight_key = next(key for key, value in data.items() if key.startswith("criteria-") and key.endswith("-weight"))
    data[weight_key] = "9"
    response = client.post(url, data)
    assert response.status_code == 200 and "Ghi lý do" in response.content.decode()
    assert set(JuryCriterion.objects.values_list("weight", flat=True)) == {Decimal(1)}

    data["change_reason"] = "Hội đồng thống nhất tăng trọng số chiến lược (biên bản số 3)."
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Decimal(9) in set(JuryCriterion.objects.values_list("weight", flat=True))
    entry = AuditEntry.objects.get(action="honours.setup_change")
    assert entry.user == leader and "biên bản số 3" in entry.details["reason"]


def test_a_change_of_jurors_is_audited(cycle, jurors, leader):
    from honors.admin_forms import CycleForm  # noqa: F401  (the form does the auditing)
    from honors.wagtail_hooks import CycleViewSet

    form_class = CycleViewSet().get_edit_handler().get_form_class()
    newcomer = UserFactory(username="gk_moi", first_name="Mới", last_name="Vào", roles=["honours_committee"])
    form = form_class(instance=cycle, for_user=leader)
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        data[name] = "" if value is None else value
    category = cycle.categories.get()
    for prefix, formset in form.formsets.items():
        data[f"{prefix}-TOTAL_FORMS"] = len(formset.forms)
        data[f"{prefix}-INITIAL_FORMS"] = len(formset.forms)
        data[f"{prefix}-MIN_NUM_FORMS"] = 0
        data[f"{prefix}-MAX_NUM_FORMS"] = 1000
        for index, child in enumerate(formset.forms):
            for name, field in child.fields.items():
                value = child.initial.get(name, field.initial)
                if hasattr(value, "pk"):
                    value = value.pk
                data[f"{prefix}-{index}-{name}"] = "" if value is None else value
    data["categories-0-jurors"] = [jurors[0].pk, newcomer.pk]
    data = {key: value for key, value in data.items() if not (value is None or value is False or value == "")}
    bound = form_class(data, instance=cycle, for_user=leader)
    assert bound.is_valid(), (bound.errors, [f.errors for fs in bound.formsets.values() for f in fs.forms])
    bound.save()
    assert set(category.jurors.all()) == {jurors[0], newcomer}
    entry = AuditEntry.objects.get(action="honours.jury_change")
    assert entry.details["added"] == [newcomer.pk] and entry.details["removed"] == [jurors[1].pk]


# --- phases -------------------------------------------------------------------------------


def test_scoring_only_in_the_jury_phase(cycle, jurors):
    nomination = NominationFactory(category=cycle.categories.get())
    scores = {c.pk: 5 for c in cycle.criteria.all()}
    with pytest.raises(ValidationError):  # nomination phase
        jury.submit_review(jurors[0], nomination, scores)
    move_to_phase(cycle, Phase.JURY)
    jury.submit_review(jurors[0], nomination, scores)
    move_to_phase(cycle, Phase.DECISION)
    with pytest.raises(ValidationError):
        jury.submit_review(jurors[1], nomination, scores)


def test_scoring_in_the_nomination_phase_is_refused_with_a_message(client, cycle, jurors):
    nomination = NominationFactory(category=cycle.categories.get())
    client.force_login(jurors[0])
    url = reverse("honors_admin:nominee", args=[nomination.pk])
    response = client.post(url, {f"c{c.pk}": 5 for c in cycle.criteria.all()})
    assert response.status_code == 200 and "giai đoạn" in response.content.decode()
    assert not jury.JuryReview.objects.exists()


def test_decisions_only_after_scoring_closes(client, cycle, committee_user):
    from honors.services.decision import propose_decision

    move_to_phase(cycle, Phase.JURY)
    with pytest.raises(ValidationError):
        propose_decision(cycle, user=committee_user)
    client.force_login(committee_user)
    client.post(reverse("honors_admin:propose", args=[cycle.pk]))
    assert not HonoursDecision.objects.exists()
    move_to_phase(cycle, Phase.DECISION)
    decision, _revision = propose_decision(cycle, user=committee_user)
    assert decision.pk and AuditEntry.objects.filter(action="honours.decision_propose").exists()


def test_nominations_are_not_added_by_hand(client, leader):
    client.force_login(leader)
    assert refused(client.get(reverse("wagtailsnippets_honors_nomination:add")))


def test_the_jury_page_shows_the_phase_by_its_name(client, cycle, leader):
    client.force_login(leader)
    html = client.get(reverse("honors_admin:jury")).content.decode()
    assert "Nhận đề cử" in html and "(nomination)" not in html


def test_auto_nomination_only_in_the_nomination_phase(client, cycle, leader):
    RankingEntryFactory(year=cycle.results_year, level=3)
    move_to_phase(cycle, Phase.JURY)
    client.force_login(leader)
    client.post(reverse("honors_admin:auto_nominate", args=[cycle.pk]))
    assert not Nomination.objects.exists()


# --- conflicts ----------------------------------------------------------------------------


@pytest.fixture
def conflicted(cycle, jurors):
    nomination = NominationFactory(category=cycle.categories.get())
    other = NominationFactory(category=cycle.categories.get())
    move_to_phase(cycle, Phase.JURY)
    jury.declare_conflict(jurors[0], nomination, "Là cổ đông")
    return nomination, other


def test_a_conflicted_juror_reaches_the_nomination_through_no_door(client, conflicted, jurors):
    nomination, other = conflicted
    client.force_login(jurors[0])
    pk = nomination.pk
    for name in ("edit", "history", "usage", "delete"):
        url = reverse(f"wagtailsnippets_honors_nomination:{name}", args=[pk])
        assert refused(client.get(url)), name
    url = reverse("wagtailsnippets_honors_nomination:edit", args=[pk])
    assert refused(client.post(url, {"status": "ineligible", "screening_note": "Không đủ"}))
    assert Nomination.objects.get(pk=pk).status == Nomination.Status.ELIGIBLE
    listing = client.get(reverse("wagtailsnippets_honors_nomination:list")).content.decode()
    assert nomination.enterprise.name not in listing and other.enterprise.name in listing
    export = client.get(reverse("wagtailsnippets_honors_nomination:list") + "?export=csv")
    body = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert nomination.enterprise.name not in body and other.enterprise.name in body
    chooser = client.get(reverse("wagtailsnippetchoosers_honors_nomination:choose")).content.decode()
    assert nomination.enterprise.name not in chooser
    chosen = client.get(reverse("wagtailsnippetchoosers_honors_nomination:chosen", args=[pk]))
    assert chosen.status_code == 404
    summary = client.get(reverse("honors_admin:committee", args=[nomination.category_id])).content.decode()
    assert nomination.enterprise.name not in summary
    # The other juror still reaches it.
    client.force_login(jurors[1])
    assert client.get(reverse("wagtailsnippets_honors_nomination:edit", args=[pk])).status_code == 200


def test_conflicted_scores_are_left_out_of_the_aggregates(conflicted, cycle, jurors):
    nomination, _other = conflicted
    criteria = list(cycle.criteria.all())
    jury.submit_review(jurors[1], nomination, {c.pk: 5 for c in criteria})
    jury.JuryReview.objects.create(juror=jurors[0], nomination=nomination, weighted_score=Decimal(100))
    row = next(r for r in jury.aggregates(nomination.category) if r["nomination"] == nomination)
    assert row["count"] == 1 and row["mean"] == Decimal("50.00")


# --- what a juror sees before and after scoring -------------------------------------------


def test_the_summary_opens_row_by_row_then_fully_when_scoring_closes(client, cycle, jurors, committee_user):
    category = cycle.categories.get()
    nomination = NominationFactory(category=category)
    move_to_phase(cycle, Phase.JURY)
    criteria = list(cycle.criteria.all())
    jury.submit_review(jurors[1], nomination, {criteria[0].pk: 9, criteria[1].pk: 9})
    url = reverse("honors_admin:committee", args=[category.pk])
    client.force_login(jurors[0])
    html = client.get(url).content.decode()
    assert "90.00" not in html and "90,00" not in html
    rows, full = jury.summary_for(jurors[0], category)
    assert not full and rows[0]["mean"] is None and rows[0]["count"] is None
    jury.submit_review(jurors[0], nomination, {criteria[0].pk: 5, criteria[1].pk: 5})
    rows, full = jury.summary_for(jurors[0], category)
    assert rows[0]["mean"] == Decimal("70.00") and rows[0]["count"] == 2
    # A committee member who has not scored sees nothing until scoring closes.
    rows, _full = jury.summary_for(committee_user, category)
    assert rows[0]["mean"] is None
    move_to_phase(cycle, Phase.DECISION)
    rows, full = jury.summary_for(committee_user, category)
    assert full and rows[0]["mean"] == Decimal("70.00")


# --- the decision -------------------------------------------------------------------------


@pytest.fixture
def decision(cycle, jurors, committee_user):
    from honors.services.decision import ensure_decision_workflow, propose_decision

    ensure_decision_workflow()
    category = cycle.categories.get()
    nomination = NominationFactory(category=category)
    move_to_phase(cycle, Phase.JURY)
    jury.submit_review(jurors[0], nomination, {c.pk: 8 for c in cycle.criteria.all()})
    move_to_phase(cycle, Phase.DECISION)
    decision, _revision = propose_decision(cycle, user=committee_user)
    return decision


def test_no_direct_publish_for_a_programme_editor(client, decision, leader):
    assert not leader.has_perm("honors.publish_honoursdecision")
    url = reverse("wagtailsnippets_honors_honoursdecision:edit", args=[decision.pk])
    client.force_login(leader)
    html = client.get(url).content.decode()
    assert 'name="action-publish"' not in html
    client.post(url, {"action-publish": "1", "cycle": decision.cycle_id, "summary": "x", "awards-TOTAL_FORMS": 0})
    decision.refresh_from_db()
    assert not decision.live


def test_a_superusers_direct_publish_is_audited(rankings, decision):
    admin = UserFactory(username="quantri", is_superuser=True, is_staff=True)
    revision = decision.save_revision(user=admin)
    revision.publish(user=admin)
    entry = AuditEntry.objects.get(action="honours.direct_publish")
    assert entry.user == admin
    assert AuditEntry.objects.filter(action="honours.decision_publish").exists()


def test_the_decision_offers_only_its_own_cycles_categories(decision, leader):
    other_cycle = HonoursCycleFactory(year=2019)
    foreign = CategoryFactory(cycle=other_cycle, name="Hạng mục năm khác")
    from honors.wagtail_hooks import DecisionViewSet

    form_class = DecisionViewSet().get_edit_handler().get_form_class()
    form = form_class(instance=decision, for_user=leader)
    field = form.formsets["awards"].empty_form.fields["category"]
    assert foreign not in field.queryset
    assert set(field.queryset) == set(decision.cycle.categories.all())


# --- the screener -------------------------------------------------------------------------


def test_the_screener_sees_the_evidence_and_the_verified_result(
    client, conflicted, jurors, committee_user, tmp_path, settings
):
    from django.core.files.base import ContentFile

    from honors.models import NominationEvidence

    settings.MEDIA_ROOT = str(tmp_path)
    nomination, _other = conflicted
    Nomination.objects.filter(pk=nomination.pk).update(dbi_total=Decimal("187.50"), dbi_level=3, dbi_year=2025)
    evidence = NominationEvidence(nomination=nomination)
    evidence.file.save("bao-cao.pdf", ContentFile(b"%PDF-1.4 bao cao"), save=True)
    client.force_login(committee_user)
    html = client.get(reverse("wagtailsnippets_honors_nomination:edit", args=[nomination.pk])).content.decode()
    link = reverse("honors_admin:evidence", args=[evidence.pk])
    assert link in html and "187" in html and "2025" in html
    response = client.get(link)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(jurors[0])  # declared a conflict
    assert client.get(link).status_code == 404
    journalist = UserFactory(username="pv_minhchung", roles=["journalist_newspaper"])
    client.force_login(journalist)
    assert client.get(link).status_code in (302, 403, 404)


def test_screening_is_audited(client, cycle, committee_user):
    nomination = NominationFactory(category=cycle.categories.get(), status=Nomination.Status.SUBMITTED)
    url = reverse("wagtailsnippets_honors_nomination:edit", args=[nomination.pk])
    client.force_login(committee_user)
    response = client.post(url, {"status": "ineligible", "screening_note": "Chưa có kết quả DBI đã thẩm định."})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="honours.eligibility")
    assert entry.user == committee_user and entry.details["status"] == "ineligible"
