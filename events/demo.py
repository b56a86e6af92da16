"""Demo content for the events app: the events index in Vietnamese and English (in the main
menu), past events across the former districts of Đắk Nông and upcoming events after the
merger into Lâm Đồng, with registrations in every status. Idempotent."""

from datetime import time, timedelta

from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission, Locale

from accounts.roles import group_name
from core.pages import site_home, translate_page
from enterprises import services as registry
from enterprises.factories import EnterpriseFactory
from enterprises.models import Enterprise

from .factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory, local_datetime
from .models import EventIndexPage, EventPage, Registration

S = Registration.Status

ENTERPRISES = [
    ("Công ty TNHH Cà phê Đắk Mil Xanh", "Nguyễn Văn Hùng", "Giám đốc"),
    ("Hợp tác xã Nông nghiệp Hồ tiêu Đắk Song", "Trần Thị Mai", "Chủ nhiệm"),
    ("Công ty Cổ phần Du lịch Tà Đùng", "Lê Quang Vinh", "Phó giám đốc"),
    ("Công ty TNHH Sầu riêng Krông Nô", "Phạm Thị Thu", "Kế toán trưởng"),
    ("Hộ kinh doanh Mắc ca Tuy Đức", "H'Linh Niê", "Chủ hộ"),
    ("Công ty TNHH Vật liệu xây dựng Gia Nghĩa", "Đỗ Minh Tuấn", "Trưởng phòng kinh doanh"),
    ("Công ty TNHH Thương mại Cư Jút", "Vũ Thị Hạnh", "Giám đốc"),
    ("Hợp tác xã Dịch vụ Đắk R'lấp", "Y Bhin Byă", "Phó chủ nhiệm"),
]

PROGRAMME = [
    (
        "session",
        {
            "start": time(8, 0),
            "end": time(8, 30),
            "title": "Khai mạc và giới thiệu chương trình chuyển đổi số của tỉnh",
            "description": "",
            "speakers": [{"name": "Nguyễn Văn An", "role": "Phó Giám đốc Sở Khoa học và Công nghệ"}],
        },
    ),
    (
        "session",
        {
            "start": time(8, 30),
            "end": time(10, 0),
            "title": "Bộ chỉ số DBI: sáu trụ cột và cách tự đánh giá",
            "description": "Thực hành tự đánh giá trên cổng thông tin.",
            "speakers": [{"name": "Trần Thị Bình", "role": "Chuyên gia tư vấn chuyển đổi số"}],
        },
    ),
    (
        "session",
        {
            "start": time(10, 15),
            "end": time(11, 30),
            "title": "Chia sẻ mô hình thành công của doanh nghiệp địa phương",
            "description": "",
            "speakers": [{"name": "Lê Quang Vinh", "role": "Công ty Cổ phần Du lịch Tà Đùng"}],
        },
    ),
]

# (slug, title vi, title en, summary, days from today or fixed date, area code, format, pillars, sizes)
PAST = [
    (
        "hoi-thao-dbi-gia-nghia-2024",
        "Hội thảo giới thiệu bộ chỉ số DBI tại Gia Nghĩa",
        "DBI index introduction workshop in Gia Nghia",
        "2024-04-12",
        "660",
        ["P2"],
        ["micro", "small"],
    ),
    (
        "tap-huan-thuong-mai-dien-tu-dak-mil",
        "Tập huấn thương mại điện tử cho doanh nghiệp cà phê Đắk Mil",
        "E-commerce training for Dak Mil coffee businesses",
        "2024-06-20",
        "663",
        ["P1"],
        ["micro", "small"],
    ),
    (
        "tap-huan-hoa-don-dien-tu-cu-jut",
        "Tập huấn hóa đơn điện tử và kế toán trên nền tảng số tại Cư Jút",
        "E-invoices and cloud accounting training in Cu Jut",
        "2024-09-05",
        "662",
        ["P4"],
        ["micro"],
    ),
    (
        "hoi-thao-du-lieu-hop-tac-xa-dak-song",
        "Hội thảo quản lý dữ liệu cho hợp tác xã Đắk Song",
        "Data management workshop for Dak Song cooperatives",
        "2024-11-14",
        "665",
        ["P6"],
        ["micro", "small"],
    ),
    (
        "tap-huan-truy-xuat-nguon-goc-krong-no",
        "Tập huấn truy xuất nguồn gốc nông sản tại Krông Nô",
        "Produce traceability training in Krong No",
        "2025-03-18",
        "664",
        ["P3", "P4"],
        ["small", "medium"],
    ),
    (
        "hoi-thao-du-lich-so-dak-glong",
        "Hội thảo du lịch số và trải nghiệm khách hàng tại Đắk Glong",
        "Digital tourism and customer experience workshop in Dak Glong",
        "2025-05-22",
        "661",
        ["P1", "P5"],
        ["small"],
    ),
]

UPCOMING = [
    (
        "tap-huan-tu-danh-gia-dbi",
        "Tập huấn tự đánh giá mức độ chuyển đổi số theo bộ chỉ số DBI",
        "Training: self-assessment with the DBI index",
        10,
        "in_person",
        ["P2"],
        ["micro", "small"],
        40,
        False,
    ),
    (
        "hoi-thao-truc-tuyen-an-toan-thong-tin",
        "Hội thảo trực tuyến: an toàn thông tin cho doanh nghiệp nhỏ",
        "Online workshop: information security for small businesses",
        17,
        "online",
        ["P3", "P6"],
        ["micro", "small", "medium"],
        100,
        False,
    ),
    (
        "lop-chien-luoc-chuyen-doi-so-lanh-dao",
        "Lớp chiến lược chuyển đổi số cho lãnh đạo doanh nghiệp",
        "Digital strategy course for business leaders",
        24,
        "in_person",
        ["P2", "P5"],
        ["medium", "large"],
        4,
        True,
    ),
    (
        "hoi-thao-san-thuong-mai-dien-tu-nong-san",
        "Hội thảo đưa nông sản lên sàn thương mại điện tử",
        "Workshop: selling farm produce on e-commerce platforms",
        38,
        "hybrid",
        ["P1", "P4"],
        ["micro", "small"],
        60,
        False,
    ),
]


def _enterprise(index, area):
    name, _contact, _position = ENTERPRISES[index % len(ENTERPRISES)]
    found = Enterprise.objects.filter(name=name).first()
    return found or EnterpriseFactory(name=name, area=area, sector=None)


def _registrations(event, area, statuses):
    for n, status in enumerate(statuses):
        enterprise = _enterprise(n, area)
        _name, contact, position = ENTERPRISES[n % len(ENTERPRISES)]
        RegistrationFactory(
            event=event,
            enterprise=enterprise,
            attendee_name=contact,
            position=position,
            email=f"lienhe{n}.{event.pk}@doanhnghiep-demo.vn",
            status=status,
            seats=1 + (n % 2 if status != S.WAITING else 0),
            checked_in_at=event.start if status == S.ATTENDED else None,
            waitlisted_at=timezone.now() if status == S.WAITING else None,
        )


def _grant_organisers(index):
    group = Group.objects.filter(name=group_name("event_organiser")).first()
    if group is None:
        return
    for codename in ("add_page", "change_page", "publish_page"):
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)


def build(stdout):
    home = site_home("vi")
    en = Locale.objects.get(language_code="en")
    index = EventIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        index = EventIndexPageFactory(
            parent=home,
            search_description="Hội thảo, tập huấn chuyển đổi số miễn phí cho doanh nghiệp của tỉnh.",
        )
    index_en = translate_page(
        index,
        en,
        title="Events and training",
        slug="events",
        intro="Workshops and courses on digital transformation for enterprises, by size, level and sector.",
        search_description="Free digital transformation workshops and training for the province's enterprises.",
    )
    _grant_organisers(index)
    _grant_organisers(index_en)

    # The site's province; a code shared by an old and a new unit means the new one (units, issue 20).
    units = {unit.code: unit for unit in sorted(registry.province_units(), key=lambda u: u.valid_from is not None)}
    province = units.get("68")
    created = 0
    for slug, title, title_en, day, area_code, pillars, sizes in PAST:
        if EventPage.objects.filter(slug=slug, locale=home.locale).exists():
            continue
        from datetime import date

        start = local_datetime(date.fromisoformat(day), 8, 0)
        area = units.get(area_code)
        event = EventPageFactory(
            parent=index,
            slug=slug,
            title=title,
            start=start,
            end=start + timedelta(hours=3, minutes=30),
            area=area,
            venue=f"Hội trường UBND {area.name if area else 'huyện'}",
            address=area.name if area else "",
            pillars=pillars,
            audience_sizes=sizes,
            capacity=40,
            programme=PROGRAMME,
            organiser="Sở Thông tin và Truyền thông tỉnh Đắk Nông",
            co_organisers="Hiệp hội Doanh nghiệp tỉnh\nTrung tâm Xúc tiến đầu tư",
        )
        _registrations(event, area, [S.ATTENDED, S.ATTENDED, S.ATTENDED, S.CONFIRMED, S.CANCELLED, S.ATTENDED])
        translate_page(event, en, title=title_en)
        created += 1

    today = timezone.localdate()
    for slug, title, title_en, days, fmt, pillars, sizes, capacity, approval in UPCOMING:
        if EventPage.objects.filter(slug=slug, locale=home.locale).exists():
            continue
        start = local_datetime(today + timedelta(days=days), 8, 0)
        online = fmt != "in_person"
        event = EventPageFactory(
            parent=index,
            slug=slug,
            title=title,
            start=start,
            end=start + timedelta(hours=3, minutes=30),
            format=fmt,
            area=None if fmt == "online" else province,
            venue="" if fmt == "online" else "Trung tâm Hội nghị tỉnh (cơ sở Gia Nghĩa)",
            address="" if fmt == "online" else "Đường 23/3, phường Nam Gia Nghĩa, tỉnh Lâm Đồng",
            online_url="https://hop-truc-tuyen.example.vn/chuyen-doi-so" if online else "",
            pillars=pillars,
            audience_sizes=sizes,
            audience_levels=["0", "1", "2"],
            capacity=capacity,
            needs_approval=approval,
            max_seats_per_enterprise=2,
            programme=PROGRAMME,
            organiser="Sở Khoa học và Công nghệ tỉnh Lâm Đồng",
            co_organisers="Hiệp hội Doanh nghiệp tỉnh",
            contact_email="chuyendoiso@example.gov.vn",
        )
        if capacity <= 4:
            statuses = [S.CONFIRMED, S.CONFIRMED, S.PENDING, S.WAITING, S.WAITING]
        else:
            statuses = [S.CONFIRMED, S.CONFIRMED, S.CONFIRMED, S.CANCELLED]
        _registrations(event, province, statuses)
        translate_page(event, en, title=title_en)
        created += 1
    _name_organisers(index)
    stdout.write(f"events: trang sự kiện, {created} sự kiện mới")


def _name_organisers(index):
    """The demo's events name the organisers' group, so a demo organiser manages them (an
    organiser sees only the events that name them or their group)."""
    group = Group.objects.filter(name=group_name("event_organiser")).first()
    if group is None:
        return
    for event in EventPage.objects.child_of(index).filter(organiser_groups=None):
        event.organiser_groups.add(group)
        event.save()
