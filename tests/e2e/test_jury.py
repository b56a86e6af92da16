"""The jury's journey in a browser (issue 14): a programme editor sets up a cycle (jurors
chosen among the committee by full name), two jurors score, one declares a conflict and loses
access, the committee approves, the leadership's approval publishes the decision through the
workflow, and the certificates appear."""

from decimal import Decimal

import pytest

from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "matkhau-thu-nghiem"  # noqa: S105 (the factories give no password; each user gets this one)


def login(browser, base, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/admin/")
    return context, page


@pytest.fixture
def jury_site(live_site):
    from accounts.factories import UserFactory
    from home.models import HomePage
    from honors.factories import CategoryFactory, JuryCriterionFactory, NominationFactory, make_rankings_page
    from honors.services.decision import ensure_decision_workflow

    make_rankings_page(HomePage.objects.get(depth=2, locale__language_code="vi"))
    ensure_decision_workflow()
    people = {
        "editor": UserFactory(
            username="bt_chuongtrinh", password=PASSWORD, first_name="Hà", last_name="Lê", roles=["programme_editor"]
        ),
        "lan": UserFactory(
            username="gk_lan", password=PASSWORD, first_name="Lan", last_name="Nguyễn Thị", roles=["honours_committee"]
        ),
        "hung": UserFactory(
            username="gk_hung", password=PASSWORD, first_name="Hùng", last_name="Trần Văn", roles=["honours_committee"]
        ),
        "reporter": UserFactory(
            username="pv_bao",
            password=PASSWORD,
            first_name="Phóng",
            last_name="Viên Báo",
            roles=["journalist_newspaper"],
        ),
    }
    category = CategoryFactory(name="Doanh nghiệp chuyển đổi số tiêu biểu", awards=1)
    JuryCriterionFactory(cycle=category.cycle, name="Chiến lược và lãnh đạo", weight=Decimal(2))
    JuryCriterionFactory(cycle=category.cycle, name="Hiệu quả kinh doanh", weight=Decimal(1))
    nominations = [
        NominationFactory(category=category, enterprise__name="Công ty TNHH Cà phê Đắk Mil", dbi_total=Decimal(230)),
        NominationFactory(category=category, enterprise__name="Hợp tác xã Hồ tiêu Cư Jút", dbi_total=Decimal(180)),
    ]
    for nomination in nominations:
        nomination.enterprise.email = f"dn{nomination.pk}@example.vn"
        nomination.enterprise.save()
    return {"server": live_site, "people": people, "category": category, "nominations": nominations}


def _until(check, seconds=30):
    """Wait for the server to have done what the click asked (the live server shares our DB)."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.3)
    return check()


def _score(page, base, nomination, value):
    page.goto(f"{base}/admin/honors/jury/de-cu/{nomination.pk}/")
    for field in page.locator("input[type=number]").all():
        field.fill(str(value))
    page.fill("textarea[name=comment]", "Hồ sơ rõ ràng.")
    page.get_by_role("button", name="Nộp phiếu chấm").click()
    page.wait_for_url(f"{base}/admin/honors/jury/de-cu/{nomination.pk}/")
    assert "Đã lưu phiếu chấm" in page.content()


def test_a_cycle_from_set_up_to_certificates(jury_site, browser):
    from core.audit import AuditEntry
    from honors.factories import move_to_phase
    from honors.models import Certificate, HonoursCycle, HonoursDecision, JuryReview

    base = jury_site["server"].url
    people = jury_site["people"]
    category = jury_site["category"]
    cycle = category.cycle
    mil, jut = jury_site["nominations"]

    # 1. The programme editor sets up the jury: the picker lists committee members by full name.
    context, page = login(browser, base, "bt_chuongtrinh")
    page.goto(f"{base}/admin/snippets/honors/honourscycle/edit/{cycle.pk}/")
    picker = page.locator("[name='categories-0-jurors']")
    labels = page.locator("label:has([name='categories-0-jurors'])").all_inner_texts()
    assert any("Nguyễn Thị Lan" in label for label in labels) and any("Trần Văn Hùng" in label for label in labels)
    assert not any("Viên Báo" in label or "pv_bao" in label for label in labels)
    assert picker.count() == 2
    page.check(f"[name='categories-0-jurors'][value='{people['lan'].pk}']")
    page.check(f"[name='categories-0-jurors'][value='{people['hung'].pk}']")
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_url(f"{base}/admin/snippets/honors/honourscycle/**")
    context.close()
    assert set(category.jurors.all()) == {people["lan"], people["hung"]}
    assert AuditEntry.objects.filter(action="honours.jury_change").exists()

    # 2. Scoring opens: Lan scores both; Hùng declares a conflict with one and loses access.
    move_to_phase(cycle, HonoursCycle.Phase.JURY)
    context, page = login(browser, base, "gk_lan")
    page.goto(f"{base}/admin/honors/jury/")
    assert "Hội đồng chấm" in page.content()
    assert_accessible(page)
    _score(page, base, mil, 9)
    _score(page, base, jut, 6)
    context.close()

    context, page = login(browser, base, "gk_hung")
    page.goto(f"{base}/admin/honors/jury/de-cu/{jut.pk}/")
    page.fill("input[name=reason]", "Anh trai tôi là giám đốc hợp tác xã.")
    page.locator("form[action$='/xung-dot/'] button[type=submit]").click()
    page.wait_for_url(f"{base}/admin/honors/jury/")
    assert "Hồ tiêu Cư Jút" not in page.locator("main").inner_text()
    for url in (
        f"/admin/honors/jury/de-cu/{jut.pk}/",
        f"/admin/snippets/honors/nomination/edit/{jut.pk}/",
        f"/admin/snippets/honors/nomination/history/{jut.pk}/",
    ):
        response = page.goto(base + url)
        assert response.status == 404 or page.url.rstrip("/") == base + "/admin", url
    _score(page, base, mil, 7)
    context.close()
    assert JuryReview.objects.count() == 3

    # 3. Scoring closes: the committee proposes the list and gives the first approval.
    move_to_phase(cycle, HonoursCycle.Phase.DECISION)
    context, page = login(browser, base, "gk_lan")
    page.goto(f"{base}/admin/honors/jury/")
    page.locator(f"form[action$='/dot/{cycle.pk}/de-xuat/'] button").click()
    page.wait_for_url(f"{base}/admin/snippets/honors/honoursdecision/edit/**")
    assert page.locator("button[name='action-publish']").count() == 0
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator("button[name='action-submit']").click()
    decision = HonoursDecision.objects.get(cycle=cycle)
    assert _until(lambda: HonoursDecision.objects.get(pk=decision.pk).current_workflow_state is not None)
    page.goto(f"{base}/admin/snippets/honors/honoursdecision/edit/{decision.pk}/")
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator("button[data-workflow-action-name='approve']").first.click()

    def committee_approved():
        state = HonoursDecision.objects.get(pk=decision.pk).current_workflow_state
        return state is not None and state.current_task_state.task.name.startswith("Lãnh đạo")

    assert _until(committee_approved)
    context.close()
    decision.refresh_from_db()
    assert not decision.live

    # 4. The leadership (programme editor) approves: the workflow publishes, certificates appear.
    context, page = login(browser, base, "bt_chuongtrinh")
    page.goto(f"{base}/admin/snippets/honors/honoursdecision/edit/{decision.pk}/")
    assert page.locator("button[name='action-publish']").count() == 0
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator("button[data-workflow-action-name='approve']").first.click()
    assert _until(lambda: HonoursDecision.objects.get(pk=decision.pk).live)
    decision.refresh_from_db()
    certificate = Certificate.objects.get()
    assert certificate.enterprise_name == "Công ty TNHH Cà phê Đắk Mil"
    page.goto(f"{base}/admin/snippets/honors/certificate/")
    assert "Công ty TNHH Cà phê Đắk Mil" in page.locator("main").inner_text()
    context.close()

    public = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    page = public.new_page()
    page.goto(base + certificate.get_absolute_url())
    assert "Công ty TNHH Cà phê Đắk Mil" in page.content()
    assert_accessible(page)
    public.close()
    assert AuditEntry.objects.filter(action="honours.decision_publish").exists()
    assert not AuditEntry.objects.filter(action="honours.direct_publish").exists()
