"""Topics, the default response-time target, Vietnam's public holidays 2025–2027 and the
support roles. All are data: programme editors change them in the admin (holidays moved by
the Government's yearly decisions are added there)."""

from datetime import date, timedelta

from django.db import migrations

TOPICS = [
    ("chien-luoc", "Chiến lược chuyển đổi số", "Digital transformation strategy"),
    ("thuong-mai-dien-tu", "Thương mại điện tử", "E-commerce"),
    ("tiep-thi-so", "Tiếp thị số", "Digital marketing"),
    ("ke-toan-hoa-don-dien-tu", "Kế toán và hóa đơn điện tử", "Accounting and e-invoicing"),
    ("erp-crm", "Quản trị doanh nghiệp (ERP/CRM)", "Enterprise management (ERP/CRM)"),
    ("an-toan-thong-tin", "An toàn thông tin", "Cybersecurity"),
    ("du-lieu", "Dữ liệu và phân tích", "Data and analytics"),
]


def _span(first, last):
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


HOLIDAYS = [
    (date(2025, 1, 1), "Tết Dương lịch"),
    *[(d, "Tết Nguyên đán Ất Tỵ") for d in _span(date(2025, 1, 25), date(2025, 2, 2))],
    (date(2025, 4, 7), "Giỗ Tổ Hùng Vương"),
    (date(2025, 4, 30), "Ngày Giải phóng miền Nam"),
    (date(2025, 5, 1), "Ngày Quốc tế Lao động"),
    (date(2025, 5, 2), "Nghỉ hoán đổi dịp 30/4 – 1/5"),
    (date(2025, 9, 1), "Quốc khánh"),
    (date(2025, 9, 2), "Quốc khánh"),
    (date(2026, 1, 1), "Tết Dương lịch"),
    *[(d, "Tết Nguyên đán Bính Ngọ") for d in _span(date(2026, 2, 14), date(2026, 2, 22))],
    (date(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương"),
    (date(2026, 4, 30), "Ngày Giải phóng miền Nam"),
    (date(2026, 5, 1), "Ngày Quốc tế Lao động"),
    (date(2026, 9, 1), "Quốc khánh"),
    (date(2026, 9, 2), "Quốc khánh"),
    (date(2027, 1, 1), "Tết Dương lịch"),
    *[(d, "Tết Nguyên đán Đinh Mùi") for d in _span(date(2027, 2, 5), date(2027, 2, 10))],
    (date(2027, 4, 16), "Giỗ Tổ Hùng Vương"),
    (date(2027, 4, 30), "Ngày Giải phóng miền Nam"),
    (date(2027, 5, 3), "Nghỉ bù Ngày Quốc tế Lao động"),
    (date(2027, 9, 2), "Quốc khánh"),
    (date(2027, 9, 3), "Quốc khánh"),
]


def load(apps, schema_editor):
    Topic = apps.get_model("support", "Topic")
    ResponseTarget = apps.get_model("support", "ResponseTarget")
    PublicHoliday = apps.get_model("support", "PublicHoliday")
    for order, (slug, name, name_en) in enumerate(TOPICS):
        Topic.objects.update_or_create(slug=slug, defaults={"name": name, "name_en": name_en, "order": order})
    if not ResponseTarget.objects.filter(topic__isnull=True).exists():
        ResponseTarget.objects.create(topic=None, first_response_days=2, resolution_days=10)
    for day, name in HOLIDAYS:
        PublicHoliday.objects.get_or_create(date=day, defaults={"name": name})


def roles(apps, schema_editor):
    # Roles are applied after every migrate by accounts' post_migrate handler
    # (accounts/apps.py), with today's declarations; nothing to do at this point of history.
    return


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0001_initial"),
        ("accounts", "0001_roles"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
        migrations.RunPython(roles, migrations.RunPython.noop),
    ]
