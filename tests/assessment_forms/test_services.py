"""The contract other apps code against."""

import io

import pytest
from django.core.management import CommandError, call_command

from assessment_forms import services
from assessment_forms.factories import SubmissionFactory, VerifiedSubmissionFactory
from assessment_forms.models import Submission
from assessment_forms.scoring import score
from enterprises.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("target", range(6))
def test_factory_reaches_the_target_level_consistently(framework, target):
    sub = VerifiedSubmissionFactory(year=2024, framework=framework, target_level=target)
    assert sub.level == target and sub.status == "verified"
    result = score(services.get_spec(framework), sub.answers)
    assert (result.total, result.level, result.max) == (sub.total, sub.level, sub.max_total)
    pillar_scores = list(sub.pillar_scores.order_by("pillar__order"))
    assert [(p.pillar.code, p.points, p.level) for p in pillar_scores] == [
        (p.code, p.points, p.level) for p in result.pillars
    ]


def test_verified_results_and_latest(framework, django_assert_num_queries):
    enterprise = EnterpriseFactory()
    VerifiedSubmissionFactory(enterprise=enterprise, year=2023, framework=framework)
    newest = VerifiedSubmissionFactory(enterprise=enterprise, year=2024, framework=framework)
    SubmissionFactory(enterprise=enterprise, year=2025, framework=framework)  # not verified
    for _ in range(3):
        VerifiedSubmissionFactory(year=2024, framework=framework)
    assert services.verified_results().count() == 5
    assert services.verified_results(year=2024).count() == 4
    assert services.latest_verified(enterprise) == newest
    assert services.latest_verified(EnterpriseFactory()) is None
    with django_assert_num_queries(2):
        for sub in services.verified_results():
            _ = (sub.enterprise.sector.name, sub.enterprise.area.name, sub.framework.code)
            assert [ps.pillar.code for ps in sub.pillar_scores.all()] == ["P1", "P2", "P3", "P4", "P5", "P6"]


def test_pillar_choices_and_levels(framework):
    from django.utils import translation

    assert services.pillar_choices()[0] == ("P1", "Trải nghiệm số cho khách hàng")
    with translation.override("en"):
        assert services.pillar_choices()[0] == ("P1", "Digital customer experience")
        assert services.level_meaning(0).startswith("Practically")
    assert services.level_name(2) == "Bắt đầu"
    assert services.level_meaning(5).startswith("Chuyển đổi số gần hoàn tất")


def test_recommendation_providers_are_isolated(framework):
    def good(pillars, request):
        return [{"title": f"Cẩm nang {p}", "url": f"/cam-nang/{p}/", "kind": "handbook"} for p in pillars]

    def broken(pillars, request):
        raise RuntimeError("boom")

    with services.replaced_recommendation_providers():
        services.register_recommendation_provider(good)
        services.register_recommendation_provider(good)
        services.register_recommendation_provider(broken)
        items = services.recommendations(["P4", "P6"])
        assert [i["url"] for i in items] == ["/cam-nang/P4/", "/cam-nang/P6/"]
    # The providers the handbook and events apps registered at start-up are back.
    assert services.recommendation_providers() and broken not in services.recommendation_providers()


def test_signal_on_verify_and_unverify(framework, django_capture_on_commit_callbacks):
    seen = []

    def receiver(sender, submission, action, **kwargs):
        seen.append(action)

    services.results_changed.connect(receiver)
    try:
        sub = SubmissionFactory(framework=framework)
        with django_capture_on_commit_callbacks(execute=True):
            services.verify(sub, None, "ok")
        with django_capture_on_commit_callbacks(execute=True):
            services.unverify(sub, None, "sai mã số thuế")
    finally:
        services.results_changed.disconnect(receiver)
    assert seen == ["verified", "unverified"]
    assert list(sub.revisions.values_list("kind", flat=True)) == ["submitted", "verified", "unverified"]


def test_adjust_keeps_both_versions(framework):
    sub = SubmissionFactory(framework=framework, target_level=2)
    before = dict(sub.answers)
    changed = dict(before, **{"2.1.01": 0})
    services.adjust_answers(sub, changed, None, "Chưa có kế hoạch chuyển đổi số bằng văn bản")
    revisions = list(sub.revisions.all())
    assert revisions[0].answers == before and revisions[-1].answers == changed
    assert revisions[-1].note.startswith("Chưa có")
    sub.refresh_from_db()
    assert sub.total == score(services.get_spec(framework), changed).total


def test_submit_is_idempotent(framework):
    sub = Submission.objects.create(
        enterprise=EnterpriseFactory(), framework=framework, year=2025, answers={"1.1.01": 3}
    )
    sub, first = services.submit(sub, "k1")
    sub, second = services.submit(sub, "k1")
    assert first and not second
    assert sub.status == "submitted" and sub.total == 3
    assert sub.revisions.count() == 1


def test_rescore_fixes_stale_results(framework):
    sub = VerifiedSubmissionFactory(framework=framework, target_level=3)
    Submission.objects.filter(pk=sub.pk).update(total=1, level=0)
    before = list(sub.pillar_scores.order_by("pillar__order").values_list("pillar__code", "points", "level"))
    assert services.rescore() == 1
    sub.refresh_from_db()
    assert sub.level == 3
    after = list(sub.pillar_scores.order_by("pillar__order").values_list("pillar__code", "points", "level"))
    assert after == before and len(after) == 6
    assert services.rescore() == 0


def test_comparison_needs_five_peers(framework):
    me = VerifiedSubmissionFactory(framework=framework, year=2024)
    e = me.enterprise
    peers = []
    for _ in range(4):
        peer = EnterpriseFactory(sector=e.sector, area=e.area, size_class=e.size_class)
        peers.append(VerifiedSubmissionFactory(enterprise=peer, framework=framework, year=2024))
    assert services.comparison(me) is None
    peer = EnterpriseFactory(sector=e.sector, area=e.area, size_class=e.size_class)
    peers.append(VerifiedSubmissionFactory(enterprise=peer, framework=framework, year=2024))
    result = services.comparison(me)
    assert result["count"] == 5
    assert result["total"] == sorted(p.total for p in peers)[2]
    assert set(result["pillars"]) == {"P1", "P2", "P3", "P4", "P5", "P6"}


def test_rescore_announces_once_per_year(framework):
    """A bulk rescoring tells listeners (rankings, dashboard) once per changed year, not per row."""
    subs = [VerifiedSubmissionFactory(framework=framework, year=year) for year in (2024, 2024, 2025)]
    Submission.objects.filter(pk__in=[s.pk for s in subs]).update(total=0, level=0)
    heard = []

    def listener(sender, **kwargs):
        heard.append((kwargs["submission"], kwargs.get("year"), kwargs["action"]))

    services.results_changed.connect(listener, dispatch_uid="test-rescore-listener")
    try:
        assert services.rescore() == 3
    finally:
        services.results_changed.disconnect(dispatch_uid="test-rescore-listener")
    assert heard == [(None, 2024, "rescored"), (None, 2025, "rescored")]


def test_rescore_command_reports_changes(framework):
    sub = VerifiedSubmissionFactory(framework=framework, year=2025)
    Submission.objects.filter(pk=sub.pk).update(total=0, level=0)
    out = io.StringIO()
    call_command("rescore_assessments", "--framework", framework.code, "--year", "2025", stdout=out)
    assert out.getvalue().startswith("1 kết quả thay đổi")
    with pytest.raises(CommandError, match="XYZ"):
        call_command("rescore_assessments", "--framework", "XYZ")
