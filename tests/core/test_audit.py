"""Issue 14: the audit trail — one table, `record()`, read-only in the admin for programme
editors only."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from core import audit

pytestmark = pytest.mark.django_db


def test_record_keeps_who_what_object_and_details():
    user = UserFactory(username="thamdinh", first_name="Lan", last_name="Nguyễn", roles=["assessor"])
    target = UserFactory(username="doituong")
    entry = audit.record(user, "assessment.verify", target, note="Đã đối chiếu", total=187)
    assert entry.user == user and "thamdinh" in entry.user_label
    assert entry.object_type == "auth.user" and entry.object_id == str(target.pk)
    assert entry.details == {"note": "Đã đối chiếu", "total": 187}
    assert list(audit.entries_for(target)) == [entry]
    user.delete()
    entry.refresh_from_db()
    assert entry.user is None and "thamdinh" in entry.user_label  # still says who


def test_programme_editors_read_the_trail_nobody_writes_it(client):
    editor = UserFactory(username="chuongtrinh", roles=["programme_editor"])
    entry = audit.record(editor, "export.personal_data", None, rows=3)
    client.force_login(editor)
    index = client.get(reverse("audit_trail:index"))
    assert index.status_code == 200 and "Xuất dữ liệu cá nhân" in index.content.decode()
    assert client.get(reverse("audit_trail:inspect", args=[entry.pk])).status_code == 200
    assert client.get(reverse("audit_trail:edit", args=[entry.pk])).status_code in (302, 403)

    superuser = UserFactory(username="quantri", is_superuser=True)
    client.force_login(superuser)
    assert client.get(reverse("audit_trail:edit", args=[entry.pk])).status_code in (302, 403)
    assert client.post(reverse("audit_trail:delete", args=[entry.pk])).status_code in (302, 403)
    assert audit.AuditEntry.objects.filter(pk=entry.pk).exists()

    for role in ("honours_committee", "journalist_newspaper", "assessor", "event_organiser"):
        client.force_login(UserFactory(username=f"khong_{role}", roles=[role]))
        assert client.get(reverse("audit_trail:index")).status_code in (302, 403), role


def test_verification_and_adjustment_are_audited():
    from assessment_forms import services
    from assessment_forms.factories import SubmissionFactory

    assessor = UserFactory(username="thamdinh2", roles=["assessor"])
    submission = SubmissionFactory()
    services.adjust_answers(submission, dict(submission.answers), assessor, "Sửa theo minh chứng")
    services.verify(submission, assessor, "Đủ minh chứng")
    actions = list(audit.AuditEntry.objects.filter(user=assessor).values_list("action", flat=True))
    assert sorted(actions) == ["assessment.adjust", "assessment.verify"]
