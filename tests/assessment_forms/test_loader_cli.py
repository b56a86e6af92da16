"""Loading frameworks from data files, and the score_assessment command."""

import json
from io import StringIO

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from assessment_forms.factories import SubmissionFactory
from assessment_forms.loader import DBI_1970_FILE
from assessment_forms.models import AnswerOption, Criterion, Framework

pytestmark = pytest.mark.django_db


def load(path):
    out = StringIO()
    call_command("load_framework", str(path), stdout=out)
    return out.getvalue()


def test_load_1970_complete_and_idempotent():
    # `migrate` already loaded it (assessment_forms/0003_load_dbi_framework); start from empty.
    Framework.objects.all().delete()
    assert "created" in load(DBI_1970_FILE)
    framework = Framework.objects.get(code="DBI-1970-SME")
    assert framework.version == 1 and framework.max_points == 320
    assert framework.pillars.count() == 6
    assert framework.criteria.count() == 60
    assert [p.max_points for p in framework.pillars.all()] == [65, 25, 80, 65, 50, 35]
    assert sum(c.max_points for c in framework.criteria.all()) == 320
    # every criterion offers level 0 and can reach its maximum
    for criterion in framework.criteria.prefetch_related("options"):
        levels = {o.level: o.points for o in criterion.options.all()}
        assert levels[0] == 0, criterion.code
        assert max(levels.values()) == criterion.max_points, criterion.code
        assert all(o.text and o.text_en for o in criterion.options.all()), criterion.code
    for criterion in framework.criteria.all():
        assert criterion.help_text and criterion.help_text_en, criterion.code
    assert all(p.description and p.description_en for p in framework.pillars.all())
    assert "unchanged" in load(DBI_1970_FILE)
    assert Framework.objects.count() == 1 and Criterion.objects.count() == 60


def changed_copy(tmp_path):
    data = yaml.safe_load(DBI_1970_FILE.read_text(encoding="utf-8"))
    data["pillars"][0]["name"]["vi"] = "Trải nghiệm khách hàng số (sửa)"
    path = tmp_path / "dbi-1970-sme.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    help_file = DBI_1970_FILE.with_name("dbi-1970-sme.help.yaml")
    if help_file.exists():
        (tmp_path / help_file.name).write_text(help_file.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_changed_file_updates_in_place_without_submissions(tmp_path):
    load(DBI_1970_FILE)
    assert "updated" in load(changed_copy(tmp_path))
    framework = Framework.objects.get(code="DBI-1970-SME")
    assert framework.pillars.get(code="P1").name.endswith("(sửa)")
    assert Criterion.objects.count() == 60


def test_frozen_framework_gets_a_new_version(tmp_path):
    load(DBI_1970_FILE)
    submission = SubmissionFactory()
    framework = Framework.objects.get(code="DBI-1970-SME", version=1)
    assert framework.frozen
    assert "new_version" in load(changed_copy(tmp_path))
    assert Framework.objects.filter(code="DBI-1970-SME").count() == 2
    assert framework.pillars.get(code="P1").name == "Trải nghiệm số cho khách hàng"  # old version untouched
    submission.refresh_from_db()
    assert submission.framework_id == framework.pk
    assert (
        AnswerOption.objects.filter(criterion__framework__version=2).count()
        == AnswerOption.objects.filter(criterion__framework__version=1).count()
    )


def test_bad_file(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("framework: {code: X}\n", encoding="utf-8")
    with pytest.raises(CommandError, match="missing"):
        load(path)


def run_cli(tmp_path, payload):
    path = tmp_path / "answers.json"
    path.write_text(payload if isinstance(payload, str) else json.dumps(payload), encoding="utf-8")
    out = StringIO()
    call_command("score_assessment", str(path), stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.parametrize("index", range(6))
def test_cli_reproduces_every_worked_example(framework, dbi_data, tmp_path, index):
    ex = dbi_data["worked_examples"][index]
    result = run_cli(tmp_path, {"framework": "DBI-1970-SME", "answers": ex["answers"]})
    assert list(result) == ["framework", "total", "max", "level", "pillars"]
    assert result.pop("framework") == "DBI-1970-SME"
    assert result == ex["expected"]


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"framework": "DBI-9999", "answers": {}}, "DBI-9999"),
        ({"framework": "DBI-1970-SME", "answers": {"7.1.01": 3}}, "7.1.01"),
        ({"framework": "DBI-1970-SME", "answers": {"1.1.01": 6}}, "1.1.01"),
        ({"framework": "DBI-1970-SME", "answers": {"1.1.02": 2.5}}, "2.5"),
        ({"framework": "DBI-1970-SME", "answers": {"1.1.02": "3"}}, "1.1.02"),
        ("{not json", "invalid JSON"),
    ],
)
def test_cli_errors_name_the_problem(framework, tmp_path, payload, message):
    with pytest.raises(CommandError, match=message.replace(".", r"\.")):
        run_cli(tmp_path, payload)


def test_cli_exit_status(framework, tmp_path, capsys):
    from django.core.management import execute_from_command_line

    path = tmp_path / "a.json"
    path.write_text(json.dumps({"framework": "DBI-1970-SME", "answers": {"1.1.01": 9}}), encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        execute_from_command_line(["manage.py", "score_assessment", str(path)])
    assert exit_info.value.code != 0
    assert "1.1.01" in capsys.readouterr().err
