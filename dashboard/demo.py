"""Demo content for the dashboard: the page in both languages and an annual report draft.
Idempotent. Runs after the assessment, events and honours steps, whose data it shows."""

from django.utils import timezone
from wagtail.models import Locale

from core.pages import translate_page

from .factories import AnnualReportFactory, DashboardPageFactory
from .models import AnnualReport, DashboardPage

INTRO_EN = "<p>The picture of digital transformation among the province's enterprises, by the DBI index.</p>"
METHOD_VI = (
    "<p>Số liệu lấy từ các phiếu tự đánh giá DBI đã được thẩm định trong năm. Kết quả của nhóm dưới 5 doanh "
    "nghiệp được ẩn để bảo vệ thông tin từng doanh nghiệp.</p>"
)
METHOD_EN = (
    "<p>Figures come from the DBI self-assessments verified during the year. Results of groups under five "
    "enterprises are hidden to protect each enterprise's information.</p>"
)


def build_page(home):
    page = DashboardPage.objects.filter(locale=home.locale).first()
    if page is None:
        page = DashboardPageFactory(parent=home, locale=home.locale, method_note=METHOD_VI)
    en = Locale.objects.get(language_code="en")
    translate_page(
        page,
        en,
        title="Digital transformation dashboard",
        slug="dashboard",
        intro=INTRO_EN,
        method_note=METHOD_EN,
    )
    return page


def build(stdout):
    from core.pages import site_home

    home = site_home("vi")
    build_page(home)
    year = timezone.localdate().year - 1
    if not AnnualReport.objects.filter(year=year).exists():
        AnnualReportFactory(
            year=year,
            reference="…/BC-SKHCN",
            summary=(
                f"<p>Năm {year}, các doanh nghiệp trên địa bàn tỉnh tiếp tục tự đánh giá mức độ chuyển đổi số "
                "theo bộ chỉ số DBI. Phần lớn doanh nghiệp ở mức 1 và mức 2; nhóm doanh nghiệp vừa và lớn "
                "có điểm trụ cột trải nghiệm khách hàng cao hơn rõ rệt.</p>"
            ),
        )
    stdout.write("dashboard: trang bảng số liệu, báo cáo năm")
