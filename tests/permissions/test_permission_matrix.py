"""The permission matrix of docs/permissions.md, checked against the running code.

Every role's user requests every admin door (model viewsets found in Wagtail's registry,
their exports, choosers and the translation API, plus the project's own admin views) and
the outcome is compared with the document: a change in anyone's rights fails this test
until the document says so. On a mismatch the actual matrix is written to
permission_matrix.actual.txt in the temporary directory, ready to paste after review."""

import tempfile
from pathlib import Path

import pytest
from django.urls import reverse

from .matrix import PERSONAS, outcome, read_documented, render, viewset_doors

pytestmark = pytest.mark.django_db


def project_doors(world):
    nomination = world["nomination"]
    event = world["event"]
    return [
        ("honors.jury_page", "GET", reverse("honors_admin:jury")),
        ("honors.nominee_page", "GET", reverse("honors_admin:nominee", args=[nomination.pk])),
        ("honors.committee_summary", "GET", reverse("honors_admin:committee", args=[world["category"].pk])),
        ("honors.evidence_file", "GET", reverse("honors_admin:evidence", args=[world["evidence"].pk])),
        ("events.organiser_dashboard", "GET", reverse("events_admin:dashboard", args=[event.pk])),
        ("events.organiser_export", "GET", reverse("events_admin:export", args=[event.pk, "csv"])),
        ("events.check_in", "GET", reverse("events_admin:check_in", args=[event.pk])),
        ("events.sign_in_sheet", "GET", reverse("events_admin:sign_in_sheet", args=[event.pk])),
        ("assessment.review_answers", "GET", reverse("assessment_forms_review", args=[world["submission"].pk])),
        ("assessment.export_answers", "GET", reverse("assessment_forms_export", args=["csv"])),
        ("assessment.import_results", "GET", reverse("assessment_forms_import")),
        ("enterprises.import_list", "GET", reverse("enterprises_import")),
        ("wagtail.users", "GET", reverse("wagtailusers_users:index")),
        ("wagtail.groups", "GET", reverse("wagtailusers_groups:index")),
        ("wagtail.images", "GET", reverse("wagtailimages:index")),
        ("wagtail.documents", "GET", reverse("wagtaildocs:index")),
        ("wagtail.redirects", "GET", reverse("wagtailredirects:index")),
        ("wagtail.workflows", "GET", reverse("wagtailadmin_workflows:index")),
        ("wagtail.site_history", "GET", reverse("wagtailadmin_reports:site_history")),
        ("wagtail.home_page_edit", "GET", reverse("wagtailadmin_pages:edit", args=[world["home"].pk])),
        ("wagtail.event_page_edit", "GET", reverse("wagtailadmin_pages:edit", args=[event.pk])),
        ("localize.translations_report", "GET", reverse("wagtail_localize:translations_report")),
    ]


def measure(client, world):
    doors = viewset_doors(world["objects"]) + project_doors(world)
    table = {}
    requests = 0
    for persona in PERSONAS:
        client.force_login(world["users"][persona])
        for name, method, url in doors:
            response = client.post(url, {}) if method == "POST" else client.get(url)
            table.setdefault(name, {})[persona] = outcome(response)
            requests += 1
    return table, requests


def test_the_documented_matrix_is_the_real_one(client, world):
    actual, requests = measure(client, world)
    documented = read_documented()
    (Path(tempfile.gettempdir()) / "permission_matrix.actual.txt").write_text(render(actual), encoding="utf-8")
    differences = []
    for door in sorted(set(actual) | set(documented)):
        if door not in documented:
            differences.append(f"{door}: not in the document (actual {actual[door]})")
        elif door not in actual:
            differences.append(f"{door}: in the document but no longer in the admin")
        else:
            for persona in PERSONAS:
                if actual[door][persona] != documented[door][persona]:
                    differences.append(
                        f"{door} for {persona}: documented {documented[door][persona]}, actual {actual[door][persona]}"
                    )
    print(f"permission matrix: {len(actual)} doors × {len(PERSONAS)} roles = {requests} requests")
    assert not differences, "\n".join(differences)


def test_other_desks_hold_the_same_model_rights_as_the_newspaper():
    """The matrix tests the newspaper's journalist and editor; the other desks' groups hold
    the same model and media rights (only their page rights differ, on their own desk)."""
    from django.contrib.auth.models import Group

    from accounts.roles import group_name

    def rights(key):
        group = Group.objects.get(name=group_name(key))
        return set(group.permissions.values_list("content_type__app_label", "codename"))

    for role in ("journalist", "desk_editor"):
        for desk in ("radio", "portal"):
            assert rights(f"{role}_{desk}") == rights(f"{role}_newspaper")
