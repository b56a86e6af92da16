"""Demo content for the registry: the administrative units and a few hundred made-up enterprises."""

import datetime
import random
from decimal import Decimal

from core.text import fold_compact as fold

from .factories import EnterpriseFactory
from .models import AdministrativeUnit, Enterprise, Sector
from .provinces import province_ids, site_province_code
from .sectors import VSIC_2025_FROM, load_sectors
from .sizing import LIMITS
from .units import load_country
from .validators import make_tax_code

DEMO_SEED = 2025
DEMO_COUNT = 300
REFORM_DAY = datetime.date(2025, 7, 1)
# The demo stays the former Đắk Nông area (old province 67) when the site serves Lâm Đồng;
# for any other province it uses all of that province's units.
DEMO_OLD_PROVINCES = {"68": ["67"]}

# Main activity words by VSIC division, weighted towards what the province lives on.
ACTIVITIES = {
    "01": ["Cà phê", "Hồ tiêu", "Sầu riêng", "Mắc ca", "Nông nghiệp công nghệ cao", "Chăn nuôi", "Rau sạch"],
    "02": ["Lâm sản", "Trồng rừng"],
    "03": ["Thủy sản", "Cá nước ngọt"],
    "08": ["Khai thác đá", "Vật liệu xây dựng"],
    "10": ["Chế biến nông sản", "Cà phê rang xay", "Thực phẩm sạch"],
    "16": ["Chế biến gỗ"],
    "24": ["Luyện nhôm"],
    "31": ["Nội thất"],
    "35": ["Thủy điện", "Điện mặt trời"],
    "41": ["Xây dựng", "Xây lắp"],
    "42": ["Công trình giao thông"],
    "43": ["Cơ điện"],
    "46": ["Thương mại nông sản", "Vật tư nông nghiệp", "Phân bón"],
    "47": ["Bách hóa", "Điện máy", "Siêu thị mini"],
    "49": ["Vận tải", "Xe khách"],
    "52": ["Kho vận"],
    "55": ["Khách sạn", "Homestay"],
    "56": ["Nhà hàng", "Ẩm thực"],
    "62": ["Công nghệ thông tin", "Phần mềm"],
    "63": ["Dịch vụ số"],
    "69": ["Kế toán", "Tư vấn thuế"],
    "71": ["Tư vấn thiết kế", "Khảo sát"],
    "79": ["Du lịch", "Lữ hành"],
    "85": ["Đào tạo nghề", "Giáo dục"],
    "86": ["Phòng khám", "Dược phẩm"],
    "96": ["Dịch vụ tổng hợp"],
}
BRANDS = [
    "Đắk Nông",
    "Gia Nghĩa",
    "Nam Tây Nguyên",
    "Tây Nguyên Xanh",
    "Hoàng Long",
    "Minh Phát",
    "Thành Công",
    "Phú Thịnh",
    "An Phát",
    "Hưng Thịnh",
    "Tân Tiến",
    "Bảo Ngọc",
    "Sơn Lâm",
    "Đại Ngàn",
    "Nâm Nung",
    "Tà Đùng",
    "Krông Nô",
    "Đắk Mil",
    "Cư Jút",
    "Trường Xuân",
]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Y", "H'", "K'"]
GIVEN = ["Văn An", "Thị Hoa", "Minh Tuấn", "Thị Lan", "Đức Thắng", "Thị Mai", "Quang Huy", "Ngọc Ánh", "Bảo"]
FORMS = [
    (Enterprise.LegalForm.LLC, "Công ty TNHH", 40),
    (Enterprise.LegalForm.JSC, "Công ty Cổ phần", 15),
    (Enterprise.LegalForm.PRIVATE, "Doanh nghiệp tư nhân", 10),
    (Enterprise.LegalForm.COOPERATIVE, "Hợp tác xã", 15),
    (Enterprise.LegalForm.HOUSEHOLD, "Hộ kinh doanh", 15),
    (Enterprise.LegalForm.BRANCH, "Chi nhánh Công ty TNHH", 4),
    (Enterprise.LegalForm.PARTNERSHIP, "Công ty Hợp danh", 1),
]
SIZES = [("micro", 55), ("small", 28), ("medium", 11), ("large", 6)]


def _figures(rng, size, group):
    """Employees, revenue and capital (million VND) inside the wanted class of the group."""
    limits = {name: (int(emp), rev, cap) for name, emp, rev, cap in LIMITS[group]}
    order = ["micro", "small", "medium"]
    if size == "large":
        employees = rng.randint(limits["medium"][0] + 1, limits["medium"][0] * 4)
        revenue = rng.randint(int(limits["medium"][1]) + 1, int(limits["medium"][1]) * 3)
        return employees, Decimal(revenue), Decimal(rng.randint(int(limits["medium"][2]) + 1, 400_000))
    index = order.index(size)
    low_emp = limits[order[index - 1]][0] + 1 if index else 1
    low_rev = int(limits[order[index - 1]][1]) + 1 if index else 200
    employees = rng.randint(low_emp, limits[size][0])
    revenue = rng.randint(low_rev, int(limits[size][1]))
    capital = rng.randint(100, int(limits[size][2]))
    return employees, Decimal(revenue), Decimal(capital)


def _tax_codes(rng, count):
    codes, seen = [], set()
    while len(codes) < count:
        code = make_tax_code("6400" + "".join(str(rng.randint(0, 9)) for _ in range(5)))
        if code and code not in seen:
            seen.add(code)
            codes.append(code)
    return codes


def enterprise_specs(count=DEMO_COUNT, seed=DEMO_SEED):
    """The demo enterprises as plain dicts (deterministic: same seed, same list)."""
    rng = random.Random(seed)
    sectors = {(s.version, s.code): s for s in Sector.objects.filter(code__in=ACTIVITIES)}
    old_units, new_units = demo_units()
    codes = _tax_codes(rng, count)
    specs = []
    for index in range(count):
        form, prefix, _weight = rng.choices(FORMS, weights=[w for *_, w in FORMS])[0]
        division = rng.choice(list(ACTIVITIES))
        activity = rng.choice(ACTIVITIES[division])
        if form == Enterprise.LegalForm.HOUSEHOLD:
            name = f"{prefix} {rng.choice(SURNAMES)} {rng.choice(GIVEN)}"
            size = "micro"
        else:
            name = f"{prefix} {activity} {rng.choice(BRANDS)}"
            size = rng.choices([s for s, _ in SIZES], weights=[w for _, w in SIZES])[0]
        code = codes[index]
        if form == Enterprise.LegalForm.BRANCH:
            code = f"{code}-{rng.randint(1, 9):03d}"
        newer = bool(new_units) and rng.random() < 0.4
        if newer:
            recorded_on = REFORM_DAY + datetime.timedelta(days=rng.randint(0, 480))
            area = rng.choice(new_units)
        else:
            recorded_on = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randint(0, 2372))
            area = rng.choice(old_units) if old_units else None
        # The main sector in the VSIC version in force when the record was made.
        version = "2025" if recorded_on >= VSIC_2025_FROM else "2018"
        sector = sectors.get((version, division)) or sectors[("2018", division)]
        employees, revenue, capital = _figures(rng, size, sector.size_group)
        slug = fold(f"{activity} {index}").replace(" ", "")[:20]
        specs.append(
            {
                "tax_code": code,
                "name": name,
                "legal_form": form,
                "status": rng.choices(["active", "pending", "closed"], weights=[92, 5, 3])[0],
                "sector": sector,
                "area": area,
                "recorded_on": recorded_on,
                "address": f"Số {rng.randint(1, 300)}, {area.name if area else ''}",
                "founded_year": rng.randint(1995, recorded_on.year),
                "employees": employees,
                "revenue": revenue,
                "capital": capital,
                "figures_year": recorded_on.year - 1 if recorded_on.year > 2019 else 2019,
                "contact_name": f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}",
                "email": f"lienhe@{slug}.vn",
                "phone": f"0261 3{rng.randint(100, 999)} {rng.randint(100, 999)}",
                "website": f"https://{slug}.vn" if rng.random() < 0.4 else "",
                "publish_dbi_consent": rng.random() < 0.6,
            }
        )
    return specs


def demo_units(province_code=None):
    """(old districts and communes, new communes) of the demo's area, ordered by code."""
    code = province_code or site_province_code()
    ids = province_ids(code) or []
    old_codes = DEMO_OLD_PROVINCES.get(code)
    old = AdministrativeUnit.objects.filter(
        valid_to__lt=REFORM_DAY, level__in=["district", "commune"], province_id__in=ids
    )
    if old_codes:
        old = old.filter(province__code__in=old_codes)
    new = AdministrativeUnit.objects.filter(valid_from__gte=REFORM_DAY, level="commune", province_id__in=ids)
    if old_codes:
        new = new.filter(predecessor_links__predecessor__in=old.filter(level="commune")).distinct()
    return list(old.order_by("code")), list(new.order_by("code"))


def build_enterprises(stdout):
    """About 300 made-up enterprises, spread over sectors, areas (old districts for older records,
    Lâm Đồng's communes for newer ones) and sizes. Idempotent: matched on tax code."""
    if not Sector.objects.filter(version="2025").exists():
        load_sectors()
    if not AdministrativeUnit.objects.filter(valid_from__gte=REFORM_DAY).exists():
        load_country()
    created = 0
    for spec in enterprise_specs():
        enterprise = Enterprise.objects.filter(tax_code=spec["tax_code"]).first()
        if enterprise is None:
            EnterpriseFactory(**spec)
            created += 1
        else:
            for name, value in spec.items():
                setattr(enterprise, name, value)
            enterprise.save()
    stdout.write(f"enterprises: {created} doanh nghiệp mới, {DEMO_COUNT - created} đã có")


def build_units(stdout):
    """The whole country's units (already loaded by `migrate`; this brings them up to date)."""
    counts = load_country()
    stdout.write(f"enterprises: đơn vị hành chính cả nước: {counts}")
