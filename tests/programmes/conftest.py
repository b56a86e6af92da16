import datetime

import pytest
from django.utils import timezone

from accounts.factories import UserFactory
from enterprises.factories import EnterpriseFactory, EnterpriseMembershipFactory
from programmes.factories import ProgrammeFactory


@pytest.fixture
def framework(db):
    from assessment_forms.factories import load_dbi_1970

    return load_dbi_1970()


TODAY = datetime.date(2026, 6, 15)


@pytest.fixture
def today():
    return TODAY


@pytest.fixture
def programme(db):
    return ProgrammeFactory(starts_on=datetime.date(2026, 1, 1), ends_on=datetime.date(2026, 12, 31))


@pytest.fixture
def make_result(framework):
    """A DBI result of `enterprise` at exactly `level`, dated `on` (verified unless told)."""
    from assessment_forms.factories import SubmissionFactory, VerifiedSubmissionFactory
    from assessment_forms.models import Submission

    def make(enterprise, level=2, on=TODAY, verified=True):
        stamp = timezone.make_aware(datetime.datetime.combine(on, datetime.time(10, 0)))
        factory = VerifiedSubmissionFactory if verified else SubmissionFactory
        submission = factory(enterprise=enterprise, framework=framework, year=on.year, submitted_at=stamp)
        Submission.objects.filter(pk=submission.pk).update(level=level, verified_at=stamp if verified else None)
        submission.refresh_from_db()
        return submission

    return make


@pytest.fixture
def member(db):
    """(user, enterprise): a verified member of a small enterprise."""
    enterprise = EnterpriseFactory(size_class="small")
    user = UserFactory(email="giamdoc@doanhnghiep.vn")
    EnterpriseMembershipFactory(enterprise=enterprise, user=user)
    return user, enterprise
