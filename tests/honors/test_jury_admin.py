"""The jury's admin views and their permission policies (honors.permissions): a juror never
reads, scores or downloads anything of a nominee they declared a conflict with; the
committee's actions need the committee's rights."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.urls import reverse

from accounts.factories import UserFactory
from honors.factories import CategoryFactory, JuryCriterionFactory, NominationFactory, move_to_phase
from honors.models import ConflictDeclaration, HonoursCycle, HonoursDecision, JuryReview, Nomination, NominationEvidence
from honors.permissions import evidence_policy, jury_policy
from honors.services import jury
from tests.helpers import assert_denied

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    jurors = [UserFactory(username=f"gk_{i}", roles=["honours_committee"]) for i in range(2)]
    category = CategoryFactory(jurors=jurors)
    criteria = [JuryCriterionFactory(cycle=category.cycle, weight=Decimal(1)) for _ in range(2)]
    conflicted, clear = NominationFactory(category=category), NominationFactory(category=category)
    move_to_phase(category.cycle, HonoursCycle.Phase.JURY)
    jury.declare_conflict(jurors[0], conflicted, "Vợ là kế toán trưởng")
    evidence = NominationEvidence(nomination=conflicted)
    evidence.file.save("bao-cao.pdf", ContentFile(b"%PDF-1.4 bao cao"), save=True)
    return {"jurors": jurors, "criteria": criteria, "conflicted": conflicted, "clear": clear, "evidence": evidence}


def test_a_conflicted_juror_can_neither_read_nor_score_the_nominee(client, panel):
    juror, other_juror = panel["jurors"]
    conflicted, clear = panel["conflicted"], panel["clear"]
    scores = {f"c{c.pk}": 5 for c in panel["criteria"]}
    client.force_login(juror)
    url = reverse("honors_admin:nominee", args=[conflicted.pk])
    assert_denied(client.get(url))
    assert_denied(client.post(url, scores))
    assert not JuryReview.objects.exists()
    # The same juror scores a nominee they have no conflict with, and the other juror
    # scores the conflicted one.
    assert client.get(reverse("honors_admin:nominee", args=[clear.pk])).status_code == 200
    assert client.post(reverse("honors_admin:nominee", args=[clear.pk]), scores).status_code == 302
    client.force_login(other_juror)
    assert client.post(url, scores).status_code == 302
    assert set(JuryReview.objects.values_list("juror_id", "nomination_id")) == {
        (juror.pk, clear.pk),
        (other_juror.pk, conflicted.pk),
    }


def test_a_conflicted_juror_gets_not_found_for_the_evidence(client, panel, committee_user):
    url = reverse("honors_admin:evidence", args=[panel["evidence"].pk])
    client.force_login(committee_user)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(panel["jurors"][0])
    assert client.get(url).status_code == 404
    assert not evidence_policy.user_has_permission_for_instance(panel["jurors"][0], "view", panel["evidence"])
    assert not evidence_policy.instances_user_has_permission_for(panel["jurors"][0], "view").exists()
    assert list(evidence_policy.instances_user_has_permission_for(panel["jurors"][1], "view")) == [panel["evidence"]]
    client.force_login(UserFactory(username="pv_mc", roles=["journalist_newspaper"]))
    assert client.get(url).status_code == 404


def test_only_a_juror_of_the_category_declares_a_conflict(client, panel, committee_user):
    url = reverse("honors_admin:conflict", args=[panel["clear"].pk])
    client.force_login(committee_user)  # on the committee, not a juror of this category
    assert_denied(client.post(url, {"reason": "Thử"}))
    assert not ConflictDeclaration.objects.filter(juror=committee_user).exists()
    client.force_login(panel["jurors"][1])
    assert client.get(url).status_code == 405
    response = client.post(url, {"reason": ""})
    assert response["Location"] == reverse("honors_admin:nominee", args=[panel["clear"].pk])
    response = client.post(url, {"reason": "Là cổ đông"})
    assert response["Location"] == reverse("honors_admin:jury")
    assert ConflictDeclaration.objects.filter(juror=panel["jurors"][1], nomination=panel["clear"]).exists()


def test_the_jury_policy_lists_only_the_nominees_a_juror_may_score(panel):
    juror, other_juror = panel["jurors"]
    screened_out = NominationFactory(category=panel["clear"].category, status=Nomination.Status.INELIGIBLE)
    assert list(jury_policy.instances_user_has_permission_for(juror, "score")) == [panel["clear"]]
    assert set(jury_policy.instances_user_has_permission_for(other_juror, "score")) == {
        panel["clear"],
        panel["conflicted"],
    }
    assert not jury_policy.user_has_permission_for_instance(other_juror, "score", screened_out)
    outsider = UserFactory(username="pv_jury", roles=["journalist_newspaper"])
    for action in ("jury", "score", "summarise", "auto_nominate", "propose"):
        assert not jury_policy.user_has_permission(outsider, action), action
        assert not jury_policy.user_has_permission(AnonymousUser(), action), action
    assert not jury_policy.instances_user_has_permission_for(outsider, "score").exists()
    assert not jury_policy.user_has_permission(juror, "unknown")


def test_a_published_cycle_takes_no_new_proposal(client, panel, committee_user):
    cycle = panel["clear"].category.cycle
    move_to_phase(cycle, HonoursCycle.Phase.DECISION)
    HonoursCycle.objects.filter(pk=cycle.pk).update(published=True)
    cycle.refresh_from_db()
    assert jury_policy.user_has_permission(committee_user, "propose")
    assert not jury_policy.user_has_permission_for_instance(committee_user, "propose", cycle)
    client.force_login(committee_user)
    assert_denied(client.post(reverse("honors_admin:propose", args=[cycle.pk])))
    assert not HonoursDecision.objects.exists()


def test_the_jury_page_and_its_menu_item_follow_the_policy(client, panel, committee_user):
    client.force_login(panel["jurors"][0])
    html = client.get(reverse("honors_admin:jury")).content.decode()
    assert panel["clear"].enterprise.name in html and panel["conflicted"].enterprise.name not in html
    # Jurors sit on the committee: its tasks on the unpublished cycle are on their page too.
    assert reverse("honors_admin:propose", args=[panel["clear"].category.cycle_id]) in html
    client.force_login(committee_user)  # not a juror of any category: the tasks only
    html = client.get(reverse("honors_admin:jury")).content.decode()
    assert reverse("honors_admin:propose", args=[panel["clear"].category.cycle_id]) in html
    assert panel["clear"].enterprise.name not in html
    client.force_login(UserFactory(username="pv_menu", roles=["journalist_newspaper"]))
    assert_denied(client.get(reverse("honors_admin:jury")))
    assert reverse("honors_admin:jury") not in client.get(reverse("wagtailadmin_home")).content.decode()
