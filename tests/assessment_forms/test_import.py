"""import_assessments: per-row problems, nothing saved from a bad file, updates on re-import."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from openpyxl import Workbook

from assessment_forms.importing import import_file
from assessment_forms.models import Submission
from core.importing import ImportReport
from enterprises.factories import EnterpriseFactory
from enterprises.importing import import_file as import_enterprises

pytestmark = pytest.mark.django_db


def write_xlsx(path, rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def run(path, *args):
    out, err = StringIO(), StringIO()
    call_command("import_assessments", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_scores_each_row(framework, dbi_data, tmp_path):
    known = EnterpriseFactory()
    ex = dbi_data["worked_examples"][3]  # EX4: level 3, 214 points
    codes = list(ex["answers"])
    path = write_xlsx(
        tmp_path / "khao-sat.xlsx",
        [
            ["Mã số thuế", "Năm", "Tên doanh nghiệp", *codes],
            [known.tax_code, 2024, "", *ex["answers"].values()],
            ["0100109106", 2024, "HTX Nông nghiệp Tuy Đức", *[1] * len(codes)],
        ],
    )
    out, _err = run(path, "--verify")
    assert "2 created" in out and "1 new pending" in out
    sub = Submission.objects.get(enterprise=known)
    assert (sub.total, sub.level, sub.status) == (214, 3, "verified")
    # a second import updates instead of duplicating
    out, _err = run(path)
    assert "2 updated" in out
    assert Submission.objects.count() == 2


def test_bad_file_saves_nothing(framework, tmp_path):
    known = EnterpriseFactory()
    path = tmp_path / "bad.csv"
    path.write_text(
        "tax_code,year,1.1.01,1.1.02\n"
        f"{known.tax_code},2024,3,4\n"
        "123,2024,1,1\n"
        f"{known.tax_code},2025,7,1\n"
        "0100109106,2024,1,1\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="nothing was saved"):
        run(path)
    assert not Submission.objects.exists()


def test_problems_are_named(framework, tmp_path, capsys):
    known = EnterpriseFactory()
    path = tmp_path / "bad.csv"
    path.write_text(f"tax_code,year,1.1.01\n123,2024,1\n{known.tax_code},2025,7\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_assessments", str(path), stdout=StringIO(), stderr=err)
    text = err.getvalue()
    assert "row 2: invalid tax code '123'" in text
    assert "row 3: criterion 1.1.01" in text and "7" in text


def test_unknown_column(framework, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("tax_code,year,9.9.99\n", encoding="utf-8")
    with pytest.raises(CommandError):
        run(path)


def survey_csv(rows, delimiter=","):
    return "\n".join(delimiter.join(str(cell) for cell in row) for row in rows).encode("utf-8")


def test_the_survey_import_is_a_client_of_the_one_engine(framework, tmp_path):
    """The same readers (a semicolon CSV is sniffed), the same report type as the registry's."""
    known = EnterpriseFactory()
    path = tmp_path / "ks.csv"
    path.write_bytes(survey_csv([["Mã số thuế", "Năm", "1.1.01"], [known.tax_code, 2024, 3], ["123", 2024, 1]], ";"))
    with translation.override("en"):
        report = import_file(path, framework, commit=True)
    registry = import_enterprises(path)
    assert type(report) is type(registry) is ImportReport
    assert not report.ok and not report.written and not Submission.objects.exists()
    assert [(row.row, row.action) for row in report.rows] == [(2, "created"), (3, "rejected")]
    assert report.rows[1].problems == [("Mã số thuế", "invalid tax code '123'")]


def test_admin_survey_import_dry_run_then_confirm(client, login_as, framework):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from core.uploads import staging_storage

    known = EnterpriseFactory()
    login_as("programme_editor")
    url = reverse("assessment_forms_import")
    page = client.get(url)
    assert page.status_code == 200 and "1.1.01" in page.content.decode()  # the framework's columns
    body = survey_csv([["tax_code", "year", "name", "1.1.01"], [known.tax_code, 2024, "", 3]])
    upload = SimpleUploadedFile("ks.csv", body, content_type="text/csv")
    response = client.post(url, {"file": upload, "framework": framework.pk, "create_missing": "on"})
    report, token = response.context["report"], response.context["token"]
    assert report.ok and report.counts["created"] == 1 and token
    assert not Submission.objects.exists()
    staged = list(staging_storage("assessment-imports").listdir("")[1])
    assert staged  # waiting in private storage for the confirmation
    response = client.post(reverse("assessment_forms_import_confirm"), {"token": token})
    assert response.status_code == 302 and response["Location"] == reverse("assessment_submissions:index")
    sub = Submission.objects.get(enterprise=known)
    assert (sub.source, sub.status) == ("import", "submitted")  # "verify" was not asked for
    assert not set(staged) & set(staging_storage("assessment-imports").listdir("")[1])  # purged
    client.post(reverse("assessment_forms_import_confirm"), {"token": token})  # a second click
    assert Submission.objects.count() == 1


def test_admin_survey_import_shows_row_problems_and_keeps_nothing(client, login_as, framework):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    login_as("programme_editor")
    body = survey_csv([["tax_code", "year", "1.1.01"], ["123", 2024, 3]])
    upload = SimpleUploadedFile("ks.csv", body, content_type="text/csv")
    response = client.post(reverse("assessment_forms_import"), {"file": upload, "framework": framework.pk})
    assert response.context["token"] is None and response.context["report"].counts["rejected"] == 1
    html = response.content.decode()
    assert "123" in html and "Từ chối" in html


def test_admin_survey_import_needs_the_add_right(client, login_as, framework):
    from django.urls import reverse

    from tests.helpers import assert_denied

    login_as("assessor")  # reviews and verifies, does not add submissions
    assert_denied(client.get(reverse("assessment_forms_import")))
    assert_denied(client.post(reverse("assessment_forms_import_cancel"), {"token": "x"}))


def test_the_submissions_list_offers_the_import_to_those_allowed_only(client, login_as, framework):
    from django.urls import reverse

    url = reverse("assessment_forms_import")
    login_as("programme_editor")
    assert url in client.get(reverse("assessment_submissions:index")).content.decode()
    login_as("assessor")
    listing = client.get(reverse("assessment_submissions:index"))
    assert listing.status_code == 200 and url not in listing.content.decode()
