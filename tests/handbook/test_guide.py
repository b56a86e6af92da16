"""The DBI guide is generated from the loaded framework and agrees with the scoring engine."""

import re

import pytest
import yaml

from assessment_forms import services as assessment
from assessment_forms.factories import load_dbi_1970
from assessment_forms.loader import DBI_1970_FILE
from handbook.factories import DBIGuidePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide_html(client, handbook):
    load_dbi_1970()
    DBIGuidePageFactory(parent=handbook[0])
    response = client.get("/cam-nang/huong-dan-dbi/")
    assert response.status_code == 200
    return response.content.decode()


def test_guide_lists_every_pillar_and_criterion_with_its_maximum(guide_html):
    framework = assessment.current_framework()
    spec = assessment.get_spec(framework)
    pillars = dict(re.findall(r'<tr data-pillar="(P\d)" data-max="(\d+)">', guide_html))
    assert pillars == {p.code: str(p.max_points) for p in spec.pillars}
    criteria = dict(re.findall(r'data-code="([\d.]+)" data-max="(\d+)"', guide_html))
    assert criteria == {code: str(c.max_points) for code, c in spec.criteria.items()}
    assert len(criteria) == 60
    assert "Bộ chỉ số có 6 trụ cột, 10 thành phần và 60 tiêu chí, tổng cộng 320 điểm." in guide_html


def test_guide_matches_the_reference_data_file(guide_html):
    """Independent of the database: the published data file's maxima and rules."""
    data = yaml.safe_load(DBI_1970_FILE.read_text(encoding="utf-8"))
    for pillar in data["pillars"]:
        assert f'<tr data-pillar="{pillar["code"]}" data-max="{pillar["max_points"]}">' in guide_html
        assert pillar["name"]["vi"] in guide_html
        for component in pillar["components"]:
            for criterion in component["criteria"]:
                assert f'data-code="{criterion["code"]}" data-max="{criterion["max_points"]}"' in guide_html
    rules = re.findall(
        r"<tr><th scope=\"row\">(\d) – [^<]+</th><td>(\d+)</td><td>(\d)</td></tr>",
        guide_html.split('id="bang-muc-tong-the"')[1].split("</table>")[0],
    )
    expected = [
        (str(r["level"]), str(r["total_greater_than"]), str(r["min_pillars_at_or_above"]))
        for r in data["overall_rules"]["rules"]
    ]
    assert sorted(rules) == sorted(expected)


def test_guide_shows_bands_point_ranges_and_the_strategy_points(guide_html):
    bands = guide_html.split('id="bang-khung-muc"')[1].split("</table>")[0]
    assert "từ 0% đến 10%" in bands and "trên 10% đến 20%" in bands and "trên 80% đến 100%" in bands
    # P1 (65 points): level 3 needs more than 40 % (27 points) and at most 60 % (39 points).
    ranges = guide_html.split('id="bang-diem-muc"')[1].split("</table>")[0]
    assert re.search(r'<th scope="row">P1</th><td>0–6</td><td>7–13</td><td>14–26</td><td>27–39</td>', ranges)
    strategy = guide_html.split('data-code="2.1.01"')[1].split("</li>")[0]
    assert '<th scope="row">5</th><td>25</td>' in strategy


def test_guide_example_is_scored_by_the_engine(guide_html):
    framework = assessment.current_framework()
    answers = dict.fromkeys(assessment.get_spec(framework).criteria, 2)
    result = assessment.score_answers(framework, answers)
    assert f"Tổng điểm {result.total}/320" in guide_html


def test_guide_without_a_framework_says_so(client, handbook):
    DBIGuidePageFactory(parent=handbook[0], framework_code="KHONG-CO")
    html = client.get("/cam-nang/huong-dan-dbi/").content.decode()
    assert "Bộ chỉ số chưa được nạp vào hệ thống." in html
