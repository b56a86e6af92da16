"""Demo content of the catalogue and the board: 40 providers with 80 solutions, 60 posts.
Idempotent: a second run adds nothing."""

import random
from datetime import timedelta

from django.utils import timezone

from enterprises.models import AdministrativeUnit, Enterprise, Sector

from .models import Listing, Post, Provider, Solution

SEED = 2026
PROVIDER_COUNT = 40
SOLUTIONS_PER_PROVIDER = 2
POST_COUNT = 60

PROVIDER_WORDS = ["Misa", "Viettel", "VNPT", "FPT", "Bkav", "Sapo", "KiotViet", "Haravan", "Base", "Fast"]
SOLUTIONS = {
    Solution.Category.E_INVOICE: ("Hóa đơn điện tử", ["P3", "P4"], ["3.1.01", "4.1.02"]),
    Solution.Category.ACCOUNTING: ("Kế toán trực tuyến", ["P3"], ["3.1.02"]),
    Solution.Category.HR: ("Quản lý nhân sự và chấm công", ["P4"], ["4.1.01"]),
    Solution.Category.CRM: ("Chăm sóc khách hàng", ["P1"], ["1.1.03"]),
    Solution.Category.ERP: ("Quản trị tổng thể", ["P3", "P5"], ["3.2.01"]),
    Solution.Category.ECOMMERCE: ("Gian hàng và trang bán hàng", ["P1", "P2"], ["1.1.01", "2.1.01"]),
    Solution.Category.MARKETING: ("Tiếp thị trên mạng xã hội", ["P1"], ["1.1.02"]),
    Solution.Category.SECURITY: ("Sao lưu và bảo mật dữ liệu", ["P5", "P6"], ["6.1.01"]),
    Solution.Category.CLOUD: ("Lưu trữ đám mây", ["P5"], ["5.1.01"]),
    Solution.Category.SECTOR: ("Truy xuất nguồn gốc nông sản", ["P2", "P3"], ["2.1.02"]),
}
PLATFORMS = ["Sàn Postmart", "Sàn Voso", "Sàn Shopee", "Sàn Tiki", "Sàn Lazada"]
OFFERS = [
    ("Cà phê Robusta rang xay OCOP 4 sao", "10", "5 tấn/tháng", "Tháng 11 – tháng 3", "OCOP 4 sao"),
    ("Hồ tiêu đen sạch", "01", "20 tấn/vụ", "Tháng 2 – tháng 4", "VietGAP"),
    ("Sầu riêng Ri6 xuất khẩu", "01", "50 tấn/vụ", "Tháng 7 – tháng 9", "GlobalGAP"),
    ("Hạt mắc ca sấy nứt vỏ", "10", "2 tấn/tháng", "Quanh năm", "OCOP 3 sao"),
    ("Dịch vụ homestay cho đoàn khách", "55", "30 phòng", "Quanh năm", ""),
]
DEMANDS = [
    ("Cần mua bao bì in mã QR truy xuất", "17", "10.000 chiếc/tháng"),
    ("Cần đối tác vận chuyển lạnh", "49", "2 chuyến/tuần"),
    ("Cần mua phân bón hữu cơ", "20", "30 tấn/vụ"),
]


def build(stdout):
    rng = random.Random(SEED)
    if Provider.objects.exists():
        stdout.write("market: đã có danh mục giải pháp, bỏ qua")
        return
    categories = list(SOLUTIONS)
    for index in range(PROVIDER_COUNT):
        provider = Provider.objects.create(
            name=f"Công ty Cổ phần {PROVIDER_WORDS[index % len(PROVIDER_WORDS)]} Giải pháp số {index + 1}",
            tax_code=f"01{index + 1:08d}",
            contact_email=f"kinhdoanh{index + 1}@giaiphap.vn",
            make_in_vietnam=index % 3 != 2,
            status=Listing.APPROVED if index % 10 else Listing.PENDING,
            description="Nhà cung cấp giải pháp chuyển đổi số cho doanh nghiệp nhỏ và vừa.",
        )
        for offset in range(SOLUTIONS_PER_PROVIDER):
            category = categories[(index + offset) % len(categories)]
            label, pillars, criteria = SOLUTIONS[category]
            price = rng.choice([0, 1_200_000, 3_600_000, 6_000_000, 12_000_000])
            is_platform = category == Solution.Category.ECOMMERCE and offset == 0 and index < len(PLATFORMS)
            Solution.objects.create(
                provider=provider,
                name=PLATFORMS[index]
                if is_platform
                else f"{label} {PROVIDER_WORDS[index % len(PROVIDER_WORDS)]} {index + 1}",
                category=category,
                summary=f"{label} cho doanh nghiệp nhỏ và vừa, dùng trên máy tính và điện thoại.",
                pillars=pillars,
                criteria=criteria,
                sizes=[] if offset else rng.sample(["micro", "small", "medium"], 2),
                price_min=price or None,
                price_max=price * 3 or None,
                has_trial=rng.random() < 0.6,
                is_platform=is_platform,
                status=Listing.APPROVED if rng.random() < 0.9 else Listing.PENDING,
            )
    enterprises = list(Enterprise.objects.filter(status=Enterprise.Status.ACTIVE).order_by("pk")[:200])
    sectors = {s.code: s for s in Sector.objects.all()}
    communes = list(AdministrativeUnit.objects.filter(level="commune").order_by("code")[:40])
    now = timezone.now()
    for index in range(POST_COUNT if enterprises else 0):
        enterprise = enterprises[index % len(enterprises)]
        if index % 4 == 3:
            title, sector, quantity = DEMANDS[index % len(DEMANDS)]
            kind, season, certifications = Post.Kind.DEMAND, "", ""
        else:
            title, sector, quantity, season, certifications = OFFERS[index % len(OFFERS)]
            kind = Post.Kind.OFFER
        Post.objects.create(
            kind=kind,
            enterprise=enterprise,
            title=title,
            description=f"{title}. Liên hệ qua trang để nhận báo giá và mẫu thử.",
            sector=sectors.get(sector),
            area=communes[index % len(communes)] if communes else None,
            quantity=quantity,
            season=season,
            certifications=certifications,
            contact_email=enterprise.email or f"lienhe{enterprise.pk}@doanhnghiep.vn",
            status=Listing.APPROVED if index % 6 else Listing.PENDING,
            expires_at=now + timedelta(days=rng.randint(-10, 90)),
        )
    stdout.write(
        f"market: {Provider.objects.count()} nhà cung cấp, {Solution.objects.count()} giải pháp, "
        f"{Post.objects.count()} tin cung cầu"
    )
