"""The whole DBI self-assessment on a phone: start, fill, close mid-way, resume, submit, result."""

import pytest

from .axe import assert_accessible


class Quiet:
    def write(self, *args, **kwargs):
        pass


@pytest.fixture
def assessment_url(live_site):
    from assessment_forms import services
    from assessment_forms.demo import build_page
    from assessment_forms.factories import load_dbi_1970

    load_dbi_1970()
    page = build_page(Quiet())
    page.min_fill_seconds = 1
    page.save_revision().publish()

    def provider(pillars, request):
        return [
            {"title": f"Cẩm nang trụ cột {p}", "url": f"/cam-nang/{p.lower()}/", "kind": "handbook"} for p in pillars
        ]

    with services.replaced_recommendation_providers(*services.recommendation_providers(), provider):
        yield live_site.url + page.url


def answer_all(page, level="3"):
    radios = page.locator(f'form.dbi-form input[type="radio"][value="{level}"]')
    for i in range(radios.count()):
        radios.nth(i).check()


def test_fill_close_resume_submit_on_a_phone(assessment_url, phone_page, browser):
    page = phone_page
    page.goto(assessment_url)
    assert_accessible(page)
    page.get_by_label("Mã số thuế doanh nghiệp").fill("0100109106")
    page.get_by_label("Tên doanh nghiệp").fill("Công ty TNHH Cà phê Nam Nung")
    page.get_by_label("Họ và tên người trả lời").fill("Y Thanh Niê")
    page.wait_for_timeout(1100)
    page.get_by_role("button", name="Bắt đầu").click()
    page.wait_for_url("**/step/1/")
    assert page.locator("h1").inner_text().startswith("Bước 1/6")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)

    for number in (1, 2):
        answer_all(page)
        page.get_by_role("button", name="Tiếp theo »").click()
        page.wait_for_url(f"**/step/{number + 1}/")

    # on step 3: answer, let autosave store it, then close the tab
    answer_all(page)
    page.locator(".dbi-autosave").filter(has_text="Đã tự động lưu").wait_for()
    resume_link = page.locator("#dbi-resume-link").input_value()
    page.context.close()

    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(resume_link)
    page.wait_for_url("**/step/3/")
    checked = page.locator('form.dbi-form input[type="radio"][value="3"]:checked').count()
    assert checked == page.locator("form.dbi-form fieldset .mb-3").count() > 0
    page.get_by_role("button", name="Tiếp theo »").click()
    for number in (4, 5):
        page.wait_for_url(f"**/step/{number}/")
        answer_all(page)
        page.get_by_role("button", name="Tiếp theo »").click()
    page.wait_for_url("**/step/6/")
    answer_all(page)
    page.get_by_role("button", name="Nộp phiếu và xem kết quả").click()
    page.wait_for_url("**/result/")

    main = page.locator("main")
    assert "Mức 3: Hình thành" in main.inner_text()
    assert "192/320" in main.inner_text()
    assert page.locator("svg.dbi-radar").is_visible()
    assert page.locator(".dbi-next li").count() >= 2
    assert (
        page.get_by_role("link", name="Cẩm nang trụ cột P1").count() + page.locator(".dbi-recommendations a").count()
        >= 2
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    context.close()
