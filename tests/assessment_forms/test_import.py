"""import_assessments: per-row problems, nothing saved from a bad file, updates on re-import."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from assessment_forms.models import Submission
from enterprises.factories import EnterpriseFactory

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
