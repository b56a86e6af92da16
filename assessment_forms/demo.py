"""Demo content: the 1970 SME framework, the assessment page (vi + en) and a few hundred scored
self-assessments over 2023–2025, spread realistically (most enterprises at levels 1–3, slowly
improving), most of them verified. Idempotent; uses the same factories as the tests."""

import random

from django.utils import timezone

from enterprises import services as registry
from enterprises.factories import EnterpriseFactory, SectorFactory
from enterprises.models import AdministrativeUnit, Enterprise, Sector

from .factories import REALISTIC_LEVEL_WEIGHTS, SubmissionFactory, VerifiedSubmissionFactory, load_dbi_1970
from .models import AssessmentPage, Submission
from .services import DEFAULT_FRAMEWORK

YEARS = (2023, 2024, 2025)
TARGET_ENTERPRISES = 200

SECTORS = [
    ("A", "Nông nghiệp, lâm nghiệp và thủy sản", "Agriculture, forestry and fishing", Sector.SizeGroup.AGRI_INDUSTRY),
    ("C", "Công nghiệp chế biến, chế tạo", "Manufacturing", Sector.SizeGroup.AGRI_INDUSTRY),
    ("F", "Xây dựng", "Construction", Sector.SizeGroup.AGRI_INDUSTRY),
    ("G", "Bán buôn và bán lẻ", "Wholesale and retail trade", Sector.SizeGroup.TRADE_SERVICES),
    ("I", "Dịch vụ lưu trú và ăn uống", "Accommodation and food services", Sector.SizeGroup.TRADE_SERVICES),
    ("J", "Thông tin và truyền thông", "Information and communication", Sector.SizeGroup.TRADE_SERVICES),
]
KINDS = {
    "A": ["Cà phê", "Hồ tiêu", "Sầu riêng", "Mắc ca", "Chăn nuôi", "Nông sản sạch"],
    "C": ["Chế biến nông sản", "Gỗ", "Bao bì", "Thực phẩm", "Cơ khí"],
    "F": ["Xây dựng", "Vật liệu xây dựng", "Tư vấn thiết kế"],
    "G": ["Thương mại", "Điện máy", "Vật tư nông nghiệp", "Siêu thị mini"],
    "I": ["Du lịch sinh thái", "Nhà hàng", "Homestay", "Khách sạn"],
    "J": ["Công nghệ số", "Truyền thông", "Phần mềm"],
}
PLACES = [
    "Gia Nghĩa",
    "Đắk Mil",
    "Đắk Song",
    "Cư Jút",
    "Krông Nô",
    "Tuy Đức",
    "Đắk R'lấp",
    "Đắk Glong",
    "Nam Nung",
    "Tà Đùng",
]
FORMS = [
    ("Công ty TNHH", Enterprise.LegalForm.LLC),
    ("Công ty Cổ phần", Enterprise.LegalForm.JSC),
    ("Hợp tác xã", Enterprise.LegalForm.COOPERATIVE),
    ("Doanh nghiệp tư nhân", Enterprise.LegalForm.PRIVATE),
]
SIZES = [("micro", 58), ("small", 28), ("medium", 11), ("large", 3)]


def build(stdout):
    framework = load_dbi_1970()
    stdout.write(f"assessment_forms: {framework} ({framework.criteria.count()} tiêu chí)")
    build_page(stdout)
    build_submissions(stdout, framework)
    publish_demo_years(stdout)


def publish_demo_years(stdout):
    """The demo's results years are published, so the rankings and the dashboard open on the
    latest of them (a later verification of a new year does not turn them)."""
    from .models import PublishedYear

    for year in YEARS:
        PublishedYear.objects.get_or_create(
            framework_code=DEFAULT_FRAMEWORK, year=year, defaults={"published": True, "note": "Dữ liệu mẫu"}
        )
    stdout.write(f"assessment_forms: đã công bố kết quả các năm {', '.join(str(y) for y in YEARS)}")


def build_page(stdout):
    from wagtail.models import Locale

    from core.pages import site_home, translate_page

    home = site_home("vi")
    if home is None:
        stdout.write("assessment_forms: chưa có trang chủ, bỏ qua trang tự đánh giá")
        return None
    page = AssessmentPage.objects.filter(locale=home.locale).first()
    if page is None:
        page = AssessmentPage(
            title="Tự đánh giá mức độ chuyển đổi số (DBI)",
            slug="tu-danh-gia-dbi",
            show_in_menus=True,
            intro=(
                "<p>Bộ chỉ số DBI theo Quyết định 1970/QĐ-BTTTT giúp doanh nghiệp nhỏ và vừa biết mình đang ở "
                "mức nào trong 6 mức chuyển đổi số, trụ cột nào còn yếu và nên làm gì tiếp theo. Phiếu có 60 "
                "câu hỏi chia thành 6 bước, mất khoảng 20–30 phút.</p>"
            ),
            search_description="Tự đánh giá mức độ chuyển đổi số doanh nghiệp theo bộ chỉ số DBI.",
        )
        home.add_child(instance=page)
        page.save_revision(log_action=False).publish(log_action=False)
    english = Locale.objects.filter(language_code="en").first()
    if english is not None:
        translate_page(
            page,
            english,
            title="Digital transformation self-assessment (DBI)",
            intro=(
                "<p>The DBI index of Decision 1970/QĐ-BTTTT shows a small or medium-sized business which of six "
                "digital-transformation levels it has reached, which pillars are weak and what to do next. "
                "60 questions in 6 steps, about 20–30 minutes.</p>"
            ),
            search_description="Self-assess your enterprise's digital transformation with the DBI index.",
        )
    stdout.write(f"assessment_forms: trang {page.url}")
    return page


def demo_enterprises(rng):
    enterprises = list(Enterprise.objects.exclude(status=Enterprise.Status.CLOSED).order_by("pk"))
    if len(enterprises) >= TARGET_ENTERPRISES:
        return enterprises
    sectors = [SectorFactory(code=c, name=n, name_en=en, size_group=g) for c, n, en, g in SECTORS]
    # The site's province only (units, issue 20: migrate loads the whole country).
    areas = list(registry.province_units().filter(level=AdministrativeUnit.Level.DISTRICT).order_by("code"))
    if not areas:
        areas = [None]
    sizes, weights = zip(*SIZES, strict=True)
    for n in range(len(enterprises), TARGET_ENTERPRISES):
        sector = rng.choice(sectors)
        prefix, legal_form = rng.choice(FORMS)
        size = rng.choices(sizes, weights=weights)[0]
        employees = {"micro": rng.randint(2, 10), "small": rng.randint(11, 80), "medium": rng.randint(81, 200)}.get(
            size, rng.randint(201, 600)
        )
        enterprises.append(
            EnterpriseFactory(
                name=f"{prefix} {rng.choice(KINDS[sector.code])} {rng.choice(PLACES)} {n + 1}",
                legal_form=legal_form,
                sector=sector,
                area=rng.choice(areas),
                size_class=size,
                employees=employees,
                revenue=employees * rng.randint(300, 900),
                publish_dbi_consent=rng.random() < 0.6,
            )
        )
    return enterprises


def build_submissions(stdout, framework):
    if Submission.objects.filter(source=Submission.Source.DEMO).exists():
        stdout.write("assessment_forms: dữ liệu mẫu đã có")
        return
    rng = random.Random(1970)
    enterprises = demo_enterprises(rng)
    levels, weights = zip(*REALISTIC_LEVEL_WEIGHTS.items(), strict=True)
    count = 0
    for enterprise in enterprises:
        base = rng.choices(levels, weights=weights)[0]
        first_year = rng.choice(YEARS)
        for offset, year in enumerate(y for y in YEARS if y >= first_year):
            if rng.random() < 0.2:
                continue  # not every enterprise answers every year
            target = min(5, base + (1 if offset and rng.random() < 0.3 else 0))
            factory = VerifiedSubmissionFactory if rng.random() < 0.85 or year < 2025 else SubmissionFactory
            when = timezone.make_aware(timezone.datetime(year, rng.randint(3, 11), rng.randint(1, 28), 9, 0))
            extra = {"verified_at": when} if factory is VerifiedSubmissionFactory else {}
            factory(
                enterprise=enterprise,
                framework=framework,
                year=year,
                target_level=target,
                seed=rng.randint(0, 10**9),
                source=Submission.Source.DEMO,
                submitted_at=when,
                respondent_name=rng.choice(["Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Cường", "Phạm Thị Dung"]),
                **extra,
            )
            count += 1
    stdout.write(f"assessment_forms: {count} phiếu tự đánh giá mẫu cho {len(enterprises)} doanh nghiệp")
