"""Demo content for the honours: rankings over three years and a completed honours cycle
with jury scores, published through the approval workflow. Idempotent."""

import datetime
import random
from decimal import Decimal

from django.test.utils import override_settings
from django.utils import timezone

from enterprises.factories import SectorFactory
from enterprises.models import AdministrativeUnit, Enterprise
from enterprises.validators import make_tax_code

YEARS = (2023, 2024, 2025)
CYCLE_YEAR = 2026

SECTORS = [
    ("A", "Nông nghiệp, lâm nghiệp và thủy sản", "Agriculture, forestry and fishing", "agri_industry"),
    ("C", "Công nghiệp chế biến, chế tạo", "Manufacturing", "agri_industry"),
    ("F", "Xây dựng", "Construction", "agri_industry"),
    ("G", "Bán buôn và bán lẻ", "Wholesale and retail trade", "trade_services"),
    ("I", "Dịch vụ lưu trú và ăn uống", "Accommodation and food services", "trade_services"),
    ("J", "Thông tin và truyền thông", "Information and communication", "trade_services"),
]

# (name, sector code, size class, maturity 0–5 in 2023)
ENTERPRISES = [
    ("Công ty Cổ phần Cà phê Đắk Mil", "A", "medium", 3),
    ("Hợp tác xã Nông nghiệp Thuận An", "A", "small", 2),
    ("Công ty TNHH Hồ tiêu Đắk Song", "A", "small", 2),
    ("Hợp tác xã Sầu riêng Tuy Đức", "A", "micro", 1),
    ("Công ty TNHH Mắc ca Gia Nghĩa", "C", "small", 3),
    ("Công ty Cổ phần Nhôm Đắk Nông", "C", "large", 4),
    ("Công ty TNHH Chế biến Nông sản Cư Jút", "C", "medium", 2),
    ("Công ty TNHH Gỗ Krông Nô", "C", "small", 1),
    ("Công ty Cổ phần Xây dựng Đắk R'lấp", "F", "medium", 2),
    ("Công ty TNHH Xây lắp Quảng Khê", "F", "small", 1),
    ("Siêu thị Nam Nguyên Gia Nghĩa", "G", "medium", 3),
    ("Công ty TNHH Thương mại Điện tử Đắk Glong", "G", "micro", 2),
    ("Cửa hàng Vật tư Nông nghiệp Nam Dong", "G", "micro", 1),
    ("Công ty TNHH Phân phối Tâm Thắng", "G", "small", 2),
    ("Khách sạn Hồ Tà Đùng", "I", "small", 2),
    ("Nhà hàng Cao nguyên Đắk Mil", "I", "micro", 1),
    ("Công ty TNHH Du lịch Núi lửa Krông Nô", "I", "small", 3),
    ("Công ty Cổ phần Phần mềm Đắk Nông", "J", "small", 4),
    ("Công ty TNHH Viễn thông Nam Tây Nguyên", "J", "medium", 3),
    ("Công ty TNHH Truyền thông Số Gia Nghĩa", "J", "micro", 2),
    ("Hợp tác xã Dịch vụ Nông nghiệp Đắk Wil", "A", "micro", 0),
    ("Công ty TNHH Cà phê Quảng Sơn", "A", "small", 2),
    ("Công ty TNHH Cơ khí Tâm Thắng", "C", "micro", 1),
    ("Công ty Cổ phần Dược liệu Tây Nguyên", "C", "medium", 3),
]

SIZE_FIGURES = {"micro": (6, 2500), "small": (35, 40000), "medium": (150, 180000), "large": (450, 600000)}


def _sectors():
    sectors = {}
    for code, name, name_en, group in SECTORS:
        sector = SectorFactory(code=code, name=name, size_group=group)
        if sector.name_en != name_en:
            sector.name_en = name_en
            sector.save(update_fields=["name_en"])
        sectors[code] = sector
    return sectors


def _tax_code(index):
    """A valid, stable tax code per demo enterprise (some nine-digit stems have no check digit)."""
    stem = 600_000_000 + index * 100
    while not make_tax_code(str(stem)):
        stem += 1
    return make_tax_code(str(stem))


def _enterprises():
    sectors = _sectors()
    districts = list(AdministrativeUnit.objects.filter(level="district", code__startswith="66").order_by("code"))
    rng = random.Random(1970)
    made = []
    for index, (name, sector_code, size, maturity) in enumerate(ENTERPRISES):
        tax_code = _tax_code(index)
        employees, revenue = SIZE_FIGURES[size]
        enterprise, _created = Enterprise.objects.get_or_create(
            tax_code=tax_code,
            defaults={
                "name": name,
                "legal_form": Enterprise.LegalForm.COOPERATIVE if "Hợp tác xã" in name else Enterprise.LegalForm.LLC,
                "sector": sectors[sector_code],
                "area": districts[index % len(districts)] if districts else None,
                "size_class": size,
                "employees": employees,
                "revenue": revenue,
                "figures_year": 2024,
                # Most agree to publication; a few do not, and never appear in the rankings.
                "publish_dbi_consent": index % 8 != 7,
                "email": f"lienhe{index + 1}@doanhnghiep-demo.vn",
                "founded_year": rng.randint(2005, 2020),
            },
        )
        made.append((enterprise, maturity))
    return made


def _results(stdout):
    from assessment_forms import services as assessment
    from assessment_forms.factories import VerifiedSubmissionFactory

    made = _enterprises()
    created = 0
    for offset, year in enumerate(YEARS):
        have = set(assessment.verified_results(year=year).values_list("enterprise_id", flat=True))
        for index, (enterprise, maturity) in enumerate(made):
            if enterprise.pk in have:
                continue
            rng = random.Random(f"{year}-{index}")
            level = max(0, min(5, maturity + (offset if rng.random() < 0.6 else offset - 1)))
            VerifiedSubmissionFactory(
                enterprise=enterprise,
                year=year,
                target_level=level,
                seed=year * 100 + index,
                verified_at=timezone.make_aware(datetime.datetime(year, 10, 1 + index % 28, 9, 0)),
            )
            created += 1
    stdout.write(f"honors: {created} kết quả DBI đã thẩm định mới cho {len(made)} doanh nghiệp")


def _rankings_page(stdout):
    from core.pages import site_home

    from .factories import make_rankings_page, translate_rankings_page

    home = site_home("vi")
    page = make_rankings_page(home)
    translate_rankings_page(page)
    return page


def _cycle():
    from .factories import HonoursCycleFactory
    from .models import Category, HonoursCycle, JuryCriterion

    cycle = HonoursCycle.objects.filter(year=CYCLE_YEAR).first()
    if cycle is not None:
        return cycle
    cycle = HonoursCycleFactory(
        year=CYCLE_YEAR,
        results_year=2025,
        title="Tôn vinh doanh nghiệp chuyển đổi số tiêu biểu năm 2026",
        introduction=(
            "Thực hiện Kế hoạch 257/KH-UBND, Ủy ban nhân dân tỉnh tôn vinh các doanh nghiệp có kết quả "
            "chuyển đổi số nổi bật, dựa trên kết quả DBI năm 2025 đã được thẩm định."
        ),
        nominations_open=datetime.date(2026, 3, 1),
        nominations_close=datetime.date(2026, 4, 30),
        screening_until=datetime.date(2026, 5, 31),
        jury_until=datetime.date(2026, 7, 31),
        decision_by=datetime.date(2026, 9, 15),
        ceremony_on=datetime.date(2026, 10, 13),
    )
    agriculture = SectorFactory(code="A")
    categories = [
        (
            "Doanh nghiệp siêu nhỏ dẫn đầu chuyển đổi số",
            "Leading micro enterprise",
            Category.Kind.LEADING_SIZE,
            "micro",
            2,
        ),
        ("Doanh nghiệp nhỏ dẫn đầu chuyển đổi số", "Leading small enterprise", Category.Kind.LEADING_SIZE, "small", 3),
        (
            "Doanh nghiệp vừa dẫn đầu chuyển đổi số",
            "Leading medium enterprise",
            Category.Kind.LEADING_SIZE,
            "medium",
            3,
        ),
        ("Tiến bộ vượt bậc so với năm trước", "Best improvement", Category.Kind.IMPROVEMENT, "", 1),
        ("Chuyển đổi số tiêu biểu ngành nông nghiệp", "Agriculture award", Category.Kind.SECTOR, "", 2),
    ]
    for order, (name, name_en, kind, size, min_level) in enumerate(categories):
        Category.objects.create(
            cycle=cycle,
            sort_order=order,
            name=name,
            name_en=name_en,
            kind=kind,
            size_class=size,
            min_level=min_level,
            sector=agriculture if kind == Category.Kind.SECTOR else None,
            min_improvement=Decimal(10) if kind == Category.Kind.IMPROVEMENT else Decimal(0),
            awards=1,
        )
    for order, (name, weight, description) in enumerate(
        [
            ("Hiệu quả kinh doanh nhờ chuyển đổi số", Decimal(3), "Doanh thu, chi phí, năng suất thay đổi nhờ số hoá."),
            ("Mức độ lan toả, nhân rộng", Decimal(2), "Khả năng làm mô hình cho doanh nghiệp khác."),
            ("Tính bền vững của lộ trình", Decimal(1), "Chiến lược, nhân lực và đầu tư dài hạn."),
        ]
    ):
        JuryCriterion.objects.create(
            cycle=cycle, sort_order=order, name=name, weight=weight, description=description, max_score=10
        )
    return cycle


def _jury(cycle):
    from accounts.factories import UserFactory

    from .services import jury
    from .services.nominations import auto_nominate

    jurors = [
        UserFactory(username=username, first_name=first, last_name=last, roles=["honours_committee"])
        for username, first, last in (
            ("giamkhao.lan", "Lan", "Nguyễn Thị"),
            ("giamkhao.hung", "Hùng", "Trần Văn"),
            ("giamkhao.mai", "Mai", "Lê Thị"),
        )
    ]
    leader = UserFactory(
        username="lanhdao.chuongtrinh", first_name="Sơn", last_name="Phạm Ngọc", roles=["programme_editor"]
    )
    for category in cycle.categories.all():
        category.jurors.set(jurors)
        category.save()
    auto_nominate(cycle, user=jurors[0])
    criteria = list(cycle.criteria.all())
    rng = random.Random(2026)
    for category in cycle.categories.all():
        nominations = list(category.nominations.filter(status="eligible").order_by("-dbi_total"))
        if nominations:
            # A juror who advised one nominee declares it and is left out for that nominee.
            jury.declare_conflict(jurors[2], nominations[-1], "Từng làm tư vấn chuyển đổi số cho doanh nghiệp này.")
        for position, nomination in enumerate(nominations):
            for juror in jurors:
                if juror == jurors[2] and nomination == nominations[-1]:
                    continue
                base = 9 - position
                scores = {c.pk: max(0, min(10, base + rng.randint(-1, 1))) for c in criteria}
                jury.submit_review(
                    juror,
                    nomination,
                    scores,
                    "Hồ sơ rõ ràng, kết quả DBI được thẩm định đầy đủ.",
                    day=cycle.jury_until,
                )
    return jurors, leader


def _decide(cycle, jurors, leader):
    from .services.decision import ensure_decision_workflow, propose_decision

    workflow = ensure_decision_workflow()
    decision, _revision = propose_decision(cycle, user=jurors[0])
    workflow.start(decision, jurors[0])
    for user in (jurors[0], leader):
        decision.refresh_from_db()
        state = decision.current_workflow_state
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, user, "approve")
    # The decision as an administrative document (Decree 30/2020/NĐ-CP): its certificates print it.
    type(decision).objects.filter(pk=decision.pk).update(
        issuer="Ủy ban nhân dân tỉnh Lâm Đồng",
        number=f"{cycle.year - 2000}15/QĐ-UBND",
        place="Đà Lạt",
        issued_on=datetime.date(cycle.year, 10, 10),
        recipients="Sở Khoa học và Công nghệ;\nSở Tài chính;\nCác doanh nghiệp được tôn vinh;\nLưu: VT, KT.",
        signer_authority="TM. Ủy ban nhân dân",
        signer_title="Chủ tịch",
        signer_name="Trần Văn Hiệp",
    )
    decision.refresh_from_db()
    return decision


def _open_cycle():
    """Next year's cycle, open for applications, so visitors can see the nomination form."""
    from .factories import HonoursCycleFactory
    from .models import Category, HonoursCycle, JuryCriterion

    if HonoursCycle.objects.filter(year=CYCLE_YEAR + 1).exists():
        return
    today = timezone.localdate()
    cycle = HonoursCycleFactory(
        year=CYCLE_YEAR + 1,
        results_year=CYCLE_YEAR,
        title="Tôn vinh doanh nghiệp chuyển đổi số tiêu biểu năm 2027",
        nominations_open=today - datetime.timedelta(days=7),
        nominations_close=today + datetime.timedelta(days=60),
        screening_until=today + datetime.timedelta(days=90),
        jury_until=today + datetime.timedelta(days=120),
        decision_by=today + datetime.timedelta(days=150),
    )
    Category.objects.create(
        cycle=cycle, name="Doanh nghiệp chuyển đổi số tiêu biểu", name_en="Digital leader", min_level=2, awards=3
    )
    JuryCriterion.objects.create(cycle=cycle, name="Hiệu quả kinh doanh nhờ chuyển đổi số", weight=Decimal(1))


def build(stdout):
    from .services.rankings import refresh_rankings

    _results(stdout)
    rows = refresh_rankings()
    _rankings_page(stdout)
    stdout.write(f"honors: bảng xếp hạng {len(YEARS)} năm, {rows} dòng")
    cycle = _cycle()
    if not cycle.published:
        jurors, leader = _jury(cycle)
        # The demo must not print certificates to the console mail backend.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            _decide(cycle, jurors, leader)
    _open_cycle()
    stdout.write(f"honors: đợt tôn vinh {cycle.year} đã công bố; đợt {cycle.year + 1} đang nhận đề cử")
