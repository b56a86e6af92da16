"""Factories for events, shared by the tests and the demo content."""

from datetime import datetime, time, timedelta

import factory
from django.utils import timezone

from core.pages import PageFactory
from enterprises.factories import EnterpriseFactory

from .models import EventIndexPage, EventPage, Registration


def local_datetime(day, hour=8, minute=0):
    return datetime.combine(day, time(hour, minute), timezone.get_current_timezone())


def _default_start():
    return local_datetime(timezone.localdate() + timedelta(days=14), 8, 0)


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Sự kiện và tập huấn"
    slug = "su-kien"
    intro = "Hội thảo, lớp tập huấn về chuyển đổi số cho doanh nghiệp theo quy mô, trình độ và ngành nghề."
    show_in_menus = True


class EventPageFactory(PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Tập huấn chuyển đổi số cho doanh nghiệp nhỏ và vừa số {n}")
    summary = "Lớp tập huấn giúp doanh nghiệp hiểu bộ chỉ số DBI và tự đánh giá mức độ chuyển đổi số."
    start = factory.LazyFunction(_default_start)
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=4))
    format = "in_person"
    venue = "Hội trường Trung tâm Hành chính công"
    address = "Đường 23/3, phường Nghĩa Đức, Gia Nghĩa"
    organiser = "Sở Khoa học và Công nghệ"
    capacity = 20
    max_seats_per_enterprise = 3
    audience_sizes = factory.LazyFunction(lambda: ["micro", "small"])
    audience_levels = factory.LazyFunction(lambda: ["0", "1", "2"])
    pillars = factory.LazyFunction(lambda: ["P2"])
    programme = factory.LazyFunction(
        lambda: [
            (
                "session",
                {
                    "start": time(8, 0),
                    "end": time(8, 30),
                    "title": "Khai mạc, giới thiệu chương trình",
                    "description": "",
                    "speakers": [{"name": "Nguyễn Văn An", "role": "Sở Khoa học và Công nghệ"}],
                },
            ),
            (
                "session",
                {
                    "start": time(8, 30),
                    "end": time(10, 0),
                    "title": "Bộ chỉ số DBI và cách tự đánh giá",
                    "description": "Sáu trụ cột, các mức độ và công cụ tự đánh giá trực tuyến.",
                    "speakers": [{"name": "Trần Thị Bình", "role": "Chuyên gia chuyển đổi số"}],
                },
            ),
        ]
    )


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    enterprise = factory.SubFactory(EnterpriseFactory)
    enterprise_name = factory.LazyAttribute(lambda o: o.enterprise.name)
    tax_code = factory.LazyAttribute(lambda o: o.enterprise.tax_code)
    attendee_name = factory.Faker("name", locale="vi_VN")
    position = "Giám đốc"
    email = factory.Sequence(lambda n: f"nguoi.tham.du{n}@doanhnghiep.vn")
    phone = factory.Sequence(lambda n: f"09{n:08d}"[:10])
    seats = 1
    status = Registration.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)
