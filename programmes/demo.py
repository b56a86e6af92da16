"""Demo content: two support programmes and 50 applications in every status.
Idempotent: a second run adds nothing."""

import random
from datetime import date

from django.contrib.auth import get_user_model
from django.utils import timezone

from assessment_forms.services import verified_results
from market.models import Listing, Solution

from .models import Application, ApplicationStep, Programme, Purpose

SEED = 2026
APPLICATIONS = 50

LEGAL_BASIS = (
    "Luật Hỗ trợ doanh nghiệp nhỏ và vừa số 04/2017/QH14;\n"
    "Nghị định 80/2021/NĐ-CP ngày 26/8/2021, Điều 11 (hỗ trợ chuyển đổi số cho doanh nghiệp nhỏ và vừa);\n"
    "Quyết định 1970/QĐ-BTTTT ngày 13/12/2021 (bộ chỉ số DBI)."
)

PROGRAMMES = [
    {
        "slug": "ho-tro-chuyen-doi-so-dnnvv",
        "name": "Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số",
        "description": (
            "Hỗ trợ chi phí tư vấn chuyển đổi số và thuê, mua giải pháp số cho doanh nghiệp nhỏ và vừa "
            "đã tự đánh giá DBI và được thẩm định."
        ),
        "pays_for": [Purpose.CONSULTING, Purpose.SOLUTIONS],
        "support_rate": 50,
        # Modelled on Decree 80/2021/NĐ-CP, Art. 11 (support for digital transformation). The
        # decree's text could not be checked here: the 50 % rate and the 20 / 50 / 100 million VND
        # caps are marked in docs/market.md as the province's own choice until checked.
        "caps": {"micro": 20_000_000, "small": 50_000_000, "medium": 100_000_000},
        "budget": 2_000_000_000,
        "eligible_sizes": ["micro", "small", "medium"],
        "min_level": 0,
        "max_level": 3,
    },
    {
        "slug": "ho-tro-thuong-mai-dien-tu",
        "name": "Hỗ trợ đưa sản phẩm lên sàn thương mại điện tử",
        "description": "Hỗ trợ chi phí mở gian hàng, chụp ảnh, mô tả sản phẩm và quảng bá trên sàn thương mại điện tử.",
        "pays_for": [Purpose.ECOMMERCE, Purpose.TRAINING],
        # The province's own choice (not a figure of Decree 80): 70% up to 10 million VND.
        "support_rate": 70,
        "caps": {"micro": 10_000_000, "small": 10_000_000, "medium": 10_000_000},
        "budget": 500_000_000,
        "eligible_sizes": ["micro", "small"],
        "min_level": 0,
        "max_level": 5,
    },
]

STATUSES = list(Application.Status.values)
_BASE = ["received", "screening", "assessment"]
PATHS = {
    "received": ["received"],
    "screening": _BASE[:2],
    "assessment": _BASE,
    "approved": [*_BASE, "approved"],
    "approved_partly": [*_BASE, "approved_partly"],
    "refused": [*_BASE, "refused"],
    "contract": [*_BASE, "approved", "contract"],
    "paid": [*_BASE, "approved", "contract", "paid"],
    "reported": [*_BASE, "approved", "contract", "paid", "reported"],
}


def build(stdout):
    if Programme.objects.exists():
        stdout.write("programmes: đã có chương trình hỗ trợ, bỏ qua")
        return
    year = timezone.localdate().year
    programmes = [
        Programme.objects.create(
            **spec,
            legal_basis=LEGAL_BASIS,
            starts_on=date(year, 1, 1),
            ends_on=date(year, 12, 31),
            status=Programme.Status.OPEN,
            require_verified=True,
            result_max_age_months=18,
            documents_required="Dự toán chi phí; báo giá của nhà cung cấp; kết quả DBI (đính kèm tự động).",
            review_criteria=["Tính khả thi", "Hiệu quả chuyển đổi số"],
            issuing_body="Sở Khoa học và Công nghệ",
            signer_title="Giám đốc",
        )
        for spec in PROGRAMMES
    ]
    rng = random.Random(SEED)
    results = list(verified_results().order_by("enterprise_id", "-year")[:400])
    solutions = list(Solution.objects.filter(status=Listing.APPROVED)[:80])
    editor = get_user_model().objects.filter(is_superuser=True).first()
    seen = set()
    made = 0
    for result in results:
        if made >= APPLICATIONS or result.enterprise_id in seen:
            continue
        seen.add(result.enterprise_id)
        programme = programmes[made % 2]
        status = STATUSES[made % len(STATUSES)]
        cost = rng.choice([20, 40, 60, 120]) * 1_000_000
        requested = min(cost * programme.support_rate // 100, programme.caps.get(result.enterprise.size_class, 10**9))
        committed = status in Application.COMMITTED
        application = Application.objects.create(
            reference=f"HT-{year}-{made + 1:04d}",
            programme=programme,
            enterprise=result.enterprise,
            purpose=programme.pays_for[made % len(programme.pays_for)],
            description="Thuê giải pháp số để quản lý bán hàng, kho và hóa đơn điện tử.",
            cost_estimate=cost,
            solution=solutions[made % len(solutions)] if solutions else None,
            submission=result,
            result_level=result.level,
            result_total=result.total,
            result_year=result.year,
            result_verified=True,
            eligible=True,
            requested_amount=int(requested),
            approved_amount=int(requested) if committed else 0,
            paid_amount=int(requested) if status in ("paid", "reported") else 0,
            status=status,
            decided_at=timezone.now() if committed or status == "refused" else None,
            decision_number=f"{made + 1}/QĐ-HTCĐS" if committed else "",
        )
        path = PATHS[status]
        for frm, to in zip([""] + path[:-1], path, strict=True):
            ApplicationStep.objects.create(
                application=application,
                from_status=frm,
                to_status=to,
                user=editor,
                note="Hồ sơ chưa chứng minh được hiệu quả." if to == "refused" else "",
            )
        made += 1
    stdout.write(f"programmes: {len(programmes)} chương trình, {made} hồ sơ")
