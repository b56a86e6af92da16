"""The ranking reads verified results only, through the assessment app's services."""

import pytest

from assessment_forms.factories import SubmissionFactory, VerifiedSubmissionFactory
from enterprises.factories import EnterpriseFactory
from honors.models import RankingEntry
from honors.services import refresh_rankings

pytestmark = pytest.mark.django_db


def test_only_verified_results_enter_the_ranking():
    verified = VerifiedSubmissionFactory(enterprise=EnterpriseFactory(publish_dbi_consent=True), year=2025, seed=1)
    SubmissionFactory(enterprise=EnterpriseFactory(publish_dbi_consent=True), year=2025, seed=2)
    refresh_rankings(2025)
    rows = list(RankingEntry.objects.all())
    assert [row.enterprise_id for row in rows] == [verified.enterprise_id]
    row = rows[0]
    assert row.total == verified.total and row.level == verified.level and row.rank == 1
    scores = {s.pillar.code: s for s in verified.pillar_scores.all()}
    assert row.p1 == scores["P1"].percent and row.p6_level == scores["P6"].level
    assert row.pillars_at_level == sum(1 for s in scores.values() if s.level >= verified.level)


def test_non_consenting_result_is_stored_but_never_ranked():
    VerifiedSubmissionFactory(enterprise=EnterpriseFactory(publish_dbi_consent=False), year=2025, seed=3)
    refresh_rankings(2025)
    assert RankingEntry.objects.get().rank is None


def test_verification_signal_refreshes_the_year(django_capture_on_commit_callbacks):
    from accounts.factories import UserFactory
    from assessment_forms import services as assessment
    from assessment_forms.models import Submission

    submission = SubmissionFactory(enterprise=EnterpriseFactory(publish_dbi_consent=True), year=2024, seed=4)
    with django_capture_on_commit_callbacks(execute=True):
        assessment.verify(submission, UserFactory(roles=["assessor"]))
    assert RankingEntry.objects.filter(year=2024, enterprise=submission.enterprise).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assessment.unverify(Submission.objects.get(pk=submission.pk), UserFactory(roles=["assessor"]))
    assert not RankingEntry.objects.filter(year=2024).exists()
