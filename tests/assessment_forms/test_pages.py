"""The public form: start, steps with autosave, resume, idempotent submit, result, PDF, privacy."""

import re

import pytest

from assessment_forms.factories import VerifiedSubmissionFactory
from assessment_forms.forms import field_name
from assessment_forms.models import AssessmentPage, Submission
from assessment_forms.views import resume_url
from core.spam import started_token
from enterprises.factories import EnterpriseFactory
from enterprises.models import Enterprise

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(site_home, framework):
    page = AssessmentPage(title="Tự đánh giá DBI", slug="tu-danh-gia", min_fill_seconds=0)
    site_home.add_child(instance=page)
    page.save_revision().publish()
    return page


def start(client, page, **overrides):
    data = {
        "tax_code": "0100109106",
        "enterprise_name": "Công ty TNHH Cà phê Đắk Mil",
        "respondent_name": "Trần Văn Minh",
        "respondent_email": "minh@caphe.vn",
        "website": "",
        "started": started_token(seconds_ago=10),
        "form_key": "k" * 32,
    }
    data.update(overrides)
    return client.post(page.url, data)


def test_start_page_renders_without_writes(client, page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    writes = [q["sql"] for q in queries if q["sql"].lstrip().split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []
    assert response.status_code == 200
    assert "Mã số thuế" in response.content.decode()
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_full_walk_resume_and_idempotent_submit(client, page, framework):
    response = start(client, page)
    assert response.status_code == 302
    submission = Submission.objects.get()
    # A stranger's draft is unlinked and records no enterprise (issue 13).
    assert submission.enterprise is None and submission.claimed_tax_code == "0100109106"
    assert not Enterprise.objects.exists()
    assert submission.status == "draft"
    # double click on start reuses the draft
    start(client, page)
    assert Submission.objects.count() == 1

    step1 = response["Location"]
    assert step1.endswith("/step/1/")
    html = client.get(step1).content.decode()
    assert 'role="progressbar"' in html
    # autosave
    r = client.post(step1, {field_name("1.1.01"): "4"}, headers={"X-Autosave": "1"})
    assert r.json() == {"saved": True, "step": 1}
    submission.refresh_from_db()
    assert submission.answers == {"1.1.01": 4}

    # resume from the link lands on the last step saved
    token = re.search(r"/t/([^/]+)/", step1).group(1)
    resume = client.get(f"{page.url}t/{token}/")
    assert resume["Location"].endswith("/step/1/")
    # forged token
    assert client.get(f"{page.url}t/{token[:-2]}xx/").status_code == 404

    example = {"1.1.01": 4, "1.1.02": 3, "1.1.07": 3, "2.1.01": 2, "3.1.01": 2, "3.1.02": 2}
    for number in range(1, 7):
        url = step1.replace("/step/1/", f"/step/{number}/")
        data = {field_name(code): str(level) for code, level in example.items() if code[0] == str(number)}
        data["action"] = "submit" if number == 6 else "next"
        data["submit_key"] = "x"
        r = client.post(url, data)
        assert r.status_code == 302
    assert r["Location"].endswith("/result/")
    submission.refresh_from_db()
    assert submission.status == "submitted"
    assert submission.total == 4 + 3 + 3 + 10 + 2 + 2
    # resubmitting the last step changes nothing
    r = client.post(url, {"action": "submit"})
    assert r["Location"].endswith("/result/")
    assert submission.revisions.count() == 1

    html = client.get(r["Location"]).content.decode()
    assert "<svg" in html and "dbi-radar" in html
    assert "Việc nên làm tiếp" in html
    assert "Cả tỉnh chưa có đủ 5 doanh nghiệp khác" in html

    pdf = client.get(r["Location"].replace("/result/", "/result/pdf/"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_honeypot_and_too_fast(client, page):
    assert start(client, page, website="http://spam").status_code == 200
    page.min_fill_seconds = 30
    page.save_revision().publish()
    assert start(client, page).status_code == 200
    assert not Submission.objects.exists()


def test_result_with_peers_previous_and_recommendations(client, page, framework):
    from assessment_forms import services

    enterprise = EnterpriseFactory()
    VerifiedSubmissionFactory(enterprise=enterprise, framework=framework, year=2024, target_level=1)
    mine = VerifiedSubmissionFactory(enterprise=enterprise, framework=framework, year=2025, target_level=2)
    for _ in range(5):
        peer = EnterpriseFactory(sector=enterprise.sector, area=enterprise.area, size_class=enterprise.size_class)
        VerifiedSubmissionFactory(enterprise=peer, framework=framework, year=2025)

    def provider(pillars, request):
        return [{"title": f"Chương {p}", "url": f"/cam-nang/{p.lower()}/", "kind": "handbook"} for p in pillars]

    from django.contrib.auth import get_user_model

    from enterprises.models import EnterpriseMembership

    member = get_user_model().objects.create_user("member", "member@example.vn", "x-long-password")
    EnterpriseMembership.objects.create(
        enterprise=enterprise, user=member, email=member.email, status=EnterpriseMembership.Status.ACTIVE
    )
    client.force_login(member)
    with services.replaced_recommendation_providers(provider):
        html = client.get(resume_url(page, mine, "result")).content.decode()
    assert "So với 5 doanh nghiệp" in html and "trung vị tổng điểm là" in html
    assert "Lần đánh giá trước (năm 2024)" in html
    assert "/cam-nang/" in html
    # The badge is a translated word, not the provider's code (issue 16).
    assert '<span class="badge text-bg-light">Cẩm nang</span>' in html and ">handbook<" not in html
    assert "stroke-dasharray" in html  # the median polygon


def test_unknown_and_private(client, page):
    assert client.get(page.url + "t/nope/result/").status_code == 404


def test_english_result_and_call_to_action_block(client, site_home, framework, quiet):
    from django.utils import translation
    from wagtail.models import Locale

    from assessment_forms.blocks import AssessmentCallToActionBlock
    from assessment_forms.demo import build_page

    demo_page = build_page(quiet)
    english = demo_page.get_translation(Locale.objects.get(language_code="en")).specific
    assert demo_page.show_in_menus and english.title.startswith("Digital transformation")
    sub = VerifiedSubmissionFactory(framework=framework, target_level=2)
    with translation.override("en"):
        html = client.get(resume_url(english, sub, "result")).content.decode()
    assert "Level 2: Beginning" in html and "What to do next" in html

    block = AssessmentCallToActionBlock()
    value = block.to_python({"heading": "Doanh nghiệp bạn chuyển đổi số đến đâu?", "text": "", "page": demo_page.pk})
    rendered = block.render(value)
    assert demo_page.url in rendered and "Bắt đầu tự đánh giá" in rendered


def test_result_page_query_count_is_constant(client, page, framework, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    enterprise = EnterpriseFactory()
    VerifiedSubmissionFactory(enterprise=enterprise, framework=framework, year=2024)
    mine = VerifiedSubmissionFactory(enterprise=enterprise, framework=framework, year=2025)
    for _ in range(6):
        peer = EnterpriseFactory(sector=enterprise.sector, area=enterprise.area, size_class=enterprise.size_class)
        VerifiedSubmissionFactory(enterprise=peer, framework=framework, year=2025)
    url = resume_url(page, mine, "result")
    client.get(url)
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    for _ in range(6):
        peer = EnterpriseFactory(sector=enterprise.sector, area=enterprise.area, size_class=enterprise.size_class)
        VerifiedSubmissionFactory(enterprise=peer, framework=framework, year=2025)
    client.get(url)  # new verified results invalidate the cached parts: compare warm with warm
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    print("result page queries:", len(first.captured_queries))
    assert len(second.captured_queries) == len(first.captured_queries) <= 30
