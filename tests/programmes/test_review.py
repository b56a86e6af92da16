"""Applications: who may file, the review steps and who may take each, e-mails, the budget."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.factories import UserFactory
from enterprises.factories import EnterpriseFactory
from programmes import services
from programmes.factories import ApplicationFactory
from programmes.models import Application, ApplicationStep

pytestmark = pytest.mark.django_db
S = Application.Status

DATA = {"purpose": "solutions", "description": "Thuê phần mềm kế toán.", "cost_estimate": 40_000_000}


@pytest.fixture(autouse=True)
def _today(monkeypatch, today):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: today)


@pytest.fixture
def filed(programme, member, make_result, django_capture_on_commit_callbacks):
    user, enterprise = member
    make_result(enterprise, level=2)
    with django_capture_on_commit_callbacks(execute=True):
        return services.apply(programme, enterprise, user, dict(DATA))


def test_a_member_files_an_application_with_its_dbi_result_and_gets_an_email(filed, member):
    user, enterprise = member
    assert filed.status == S.RECEIVED and filed.eligible
    assert filed.result_level == 2 and filed.result_verified
    assert filed.requested_amount == 20_000_000
    assert {check["rule"] for check in filed.eligibility} >= {"size", "level", "age", "verified", "received"}
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {user.email, enterprise.email}
    assert filed.reference in mail.outbox[0].subject


def test_a_stranger_cannot_file_for_an_enterprise(programme, member, make_result):
    _, enterprise = member
    make_result(enterprise, level=2)
    with pytest.raises(PermissionDenied):
        services.apply(programme, enterprise, UserFactory(), dict(DATA))
    assert not Application.objects.exists()


def test_an_ineligible_application_is_refused_with_reasons_and_writes_nothing(programme, member, make_result):
    user, enterprise = member
    make_result(enterprise, level=5)
    with pytest.raises(ValidationError) as refused:
        services.apply(programme, enterprise, user, dict(DATA))
    assert any("ngoài khoảng 1–3" in message for message in refused.value.messages)
    assert not Application.objects.exists()


def test_each_step_is_taken_by_its_role(filed, django_capture_on_commit_callbacks):
    assessor = UserFactory(roles=["assessor"])
    editor = UserFactory(roles=["programme_editor"])
    journalist = UserFactory(roles=["journalist_newspaper"])
    assert services.next_steps(filed, journalist) == []
    with pytest.raises(PermissionDenied):
        services.advance(filed, S.SCREENING, journalist)
    services.advance(filed, S.SCREENING, assessor)
    services.advance(filed, S.ASSESSMENT, assessor, scores={"Tính khả thi": 80})
    assert services.next_steps(Application.objects.get(pk=filed.pk), assessor) == []
    with pytest.raises(PermissionDenied):
        services.advance(filed, S.APPROVED, assessor)
    with django_capture_on_commit_callbacks(execute=True):
        services.advance(filed, S.APPROVED, editor, amount=15_000_000)
    filed.refresh_from_db()
    assert filed.status == S.APPROVED_PARTLY  # less than requested
    assert filed.approved_amount == 15_000_000 and filed.decision_number
    assert "15.000.000" in mail.outbox[-1].body
    services.advance(filed, S.CONTRACT, editor)
    services.advance(filed, S.PAID, editor)
    services.advance(filed, S.REPORTED, editor)
    assert list(ApplicationStep.objects.filter(application=filed).values_list("to_status", flat=True)) == [
        S.RECEIVED,
        S.SCREENING,
        S.ASSESSMENT,
        S.APPROVED_PARTLY,
        S.CONTRACT,
        S.PAID,
        S.REPORTED,
    ]


def test_no_step_can_be_skipped_and_refusal_needs_a_reason(filed):
    editor = UserFactory(roles=["programme_editor"])
    with pytest.raises(ValidationError):
        services.advance(filed, S.APPROVED, editor)  # still "received"
    services.advance(filed, S.SCREENING, editor)
    with pytest.raises(ValidationError):
        services.advance(filed, S.REFUSED, editor, note=" ")
    services.advance(filed, S.REFUSED, editor, note="Hồ sơ thiếu dự toán chi tiết.")
    assert Application.objects.get(pk=filed.pk).status == S.REFUSED


def test_approvals_never_exceed_the_budget(programme):
    editor = UserFactory(roles=["programme_editor"])
    programme.budget = 50_000_000
    programme.save()
    first = ApplicationFactory(programme=programme, status=S.ASSESSMENT, requested_amount=30_000_000)
    second = ApplicationFactory(programme=programme, status=S.ASSESSMENT, requested_amount=30_000_000)
    services.advance(first, S.APPROVED, editor)
    with pytest.raises(services.BudgetExceeded):
        services.advance(second, S.APPROVED, editor)
    services.advance(second, S.APPROVED, editor, amount=20_000_000)
    assert services.remaining(programme) == 0
    assert Application.objects.get(pk=second.pk).status == S.APPROVED_PARTLY


def test_approval_above_the_request_is_refused(programme):
    editor = UserFactory(roles=["programme_editor"])
    application = ApplicationFactory(programme=programme, status=S.ASSESSMENT, requested_amount=10_000_000)
    with pytest.raises(ValidationError):
        services.advance(application, S.APPROVED, editor, amount=10_000_001)


def test_rules_are_frozen_once_applications_exist(programme, client):
    from programmes.forms import ProgrammeAdminForm

    ApplicationFactory(programme=programme)

    class Form(ProgrammeAdminForm):
        class Meta:
            model = type(programme)
            fields = ["name", "min_level", "budget"]

    form = Form(data={"name": programme.name, "min_level": 0, "budget": programme.budget}, instance=programme)
    assert not form.is_valid()
    assert "min_level" in form.errors
    form = Form(
        data={"name": "Tên mới", "min_level": programme.min_level, "budget": programme.budget}, instance=programme
    )
    assert form.is_valid(), form.errors


def test_figures_by_programme_size_and_money(programme):
    small, micro = EnterpriseFactory(size_class="small"), EnterpriseFactory(size_class="micro")
    ApplicationFactory(programme=programme, enterprise=small, status=S.PAID, approved_amount=10, paid_amount=10)
    ApplicationFactory(programme=programme, enterprise=micro, status=S.REFUSED)
    ApplicationFactory(programme=programme, enterprise=micro, status=S.APPROVED, approved_amount=5)
    year = Application.objects.first().created_at.year
    figures = services.figures(year)
    assert figures["committed"] == 15 and figures["paid"] == 10
    by_size = {row["enterprise__size_class"]: (row["applications"], row["approvals"]) for row in figures["by_size"]}
    assert by_size == {"micro": (2, 1), "small": (1, 1)}
