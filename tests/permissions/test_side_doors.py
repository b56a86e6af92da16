"""Issue 14: nothing leaks through side doors — the translation API, the snippet choosers,
the exports and the listings — tested as a journalist, and as the honours committee for the
ranking rows of enterprises that did not consent."""

import json

import pytest
from django.urls import reverse

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

PRIVATE_SNIPPETS = [
    ("honors", "rankingentry"),
    ("honors", "nomination"),
    ("honors", "certificate"),
    ("honors", "honourscycle"),
    ("honors", "honoursdecision"),
    ("enterprises", "enterprisemembership"),
    ("dashboard", "annualreport"),
]


@pytest.fixture
def secrets_world(db):
    from enterprises.factories import EnterpriseFactory, EnterpriseMembershipFactory
    from honors.factories import NominationFactory, RankingEntryFactory

    private = EnterpriseFactory(name="Công ty Kín Tiếng", publish_dbi_consent=False)
    public = EnterpriseFactory(name="Công ty Công Khai", publish_dbi_consent=True)
    return {
        "hidden_row": RankingEntryFactory(enterprise=private, consent=False, name="Công ty Kín Tiếng"),
        "shown_row": RankingEntryFactory(enterprise=public, consent=True, name="Công ty Công Khai"),
        "membership": EnterpriseMembershipFactory(enterprise=public, email="bi.mat@congkhai.vn"),
        "nomination": NominationFactory(enterprise=public),
    }


def test_a_journalist_reads_nothing_through_the_translation_api(client, secrets_world):
    client.force_login(UserFactory(username="phongvien", roles=["journalist_newspaper"]))
    for app_label, model_name in PRIVATE_SNIPPETS:
        response = client.get(f"/admin/localize/api/snippets/{app_label}/{model_name}/")
        assert response.status_code == 404, model_name
        body = response.content.decode()
        assert "Kín Tiếng" not in body and "bi.mat@" not in body
    row = secrets_world["hidden_row"]
    assert client.get(f"/admin/localize/api/snippets/honors/rankingentry/{row.pk}/").status_code == 404


def test_the_translation_api_is_closed_even_to_programme_editors_for_untranslatable_data(client, secrets_world):
    client.force_login(UserFactory(username="chuongtrinh", roles=["programme_editor"]))
    assert client.get("/admin/localize/api/snippets/enterprises/enterprisemembership/").status_code == 404


def test_a_journalist_opens_no_private_chooser(client, secrets_world):
    client.force_login(UserFactory(username="phongvien2", roles=["journalist_newspaper"]))
    for app_label, model_name in PRIVATE_SNIPPETS:
        url = reverse(f"wagtailsnippetchoosers_{app_label}_{model_name}:choose")
        response = client.get(url)
        assert response.status_code in (302, 403), model_name
    chosen = reverse(
        "wagtailsnippetchoosers_enterprises_enterprisemembership:chosen", args=[secrets_world["membership"].pk]
    )
    assert client.get(chosen).status_code in (302, 403)


def test_non_consenting_rows_never_leave_the_programme_editors(client, secrets_world):
    hidden = secrets_world["hidden_row"]
    client.force_login(UserFactory(username="hoidong", roles=["honours_committee"]))
    listing = client.get(reverse("wagtailsnippets_honors_rankingentry:list")).content.decode()
    assert "Công ty Công Khai" in listing and "Kín Tiếng" not in listing
    export = client.get(reverse("wagtailsnippets_honors_rankingentry:list") + "?export=csv")
    assert "Kín Tiếng" not in b"".join(export.streaming_content).decode()
    assert client.get(reverse("wagtailsnippets_honors_rankingentry:inspect", args=[hidden.pk])).status_code == 404
    chooser = client.get(reverse("wagtailsnippetchoosers_honors_rankingentry:choose"))
    assert chooser.status_code == 200 and "Kín Tiếng" not in json.loads(chooser.content)["html"]
    assert client.get(reverse("wagtailsnippetchoosers_honors_rankingentry:chosen", args=[hidden.pk])).status_code == 404

    client.force_login(UserFactory(username="chuongtrinh2", roles=["programme_editor"]))
    listing = client.get(reverse("wagtailsnippets_honors_rankingentry:list")).content.decode()
    assert "Kín Tiếng" in listing


def test_the_committee_sees_the_verified_result_not_the_answers(client):
    from assessment_forms.factories import VerifiedSubmissionFactory

    submission = VerifiedSubmissionFactory()
    committee = UserFactory(username="hoidong2", roles=["honours_committee"])
    assert not committee.has_perm("assessment_forms.view_submission")
    client.force_login(committee)
    for url in (
        reverse("assessment_forms_review", args=[submission.pk]),
        reverse("assessment_forms_export", args=["csv"]),
        reverse("assessment_submissions:index"),
    ):
        assert client.get(url).status_code in (302, 403), url
    for role in ("assessor", "programme_editor"):
        client.force_login(UserFactory(username=f"doc_{role}", roles=[role]))
        assert client.get(reverse("assessment_forms_review", args=[submission.pk])).status_code == 200, role
