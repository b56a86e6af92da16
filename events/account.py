"""Event registrations on the account page and in "download my data" (accounts.sections)."""

from django.utils.translation import gettext_lazy

from accounts.sections import Row, register_personal_data, register_section


def registration_rows(user, enterprises):
    from .models import Registration

    if not enterprises:
        return []
    registrations = (
        Registration.objects.filter(enterprise__in=enterprises)
        .select_related("event", "enterprise")
        .order_by("-event__start", "attendee_name")
    )
    return [
        Row(
            label=r.event.title,
            enterprise=r.enterprise.name if r.enterprise else r.enterprise_name,
            date=r.event.start,
            status=r.get_status_display(),
            url=r.event.url or "",
            detail=r.attendee_name,
        )
        for r in registrations
    ]


def personal_data(user):
    from .models import Registration

    if not user.email:
        return []
    return [
        {
            "event": r.event.title,
            "event_start": r.event.start,
            "enterprise": r.enterprise_name,
            "tax_code": r.tax_code,
            "attendee_name": r.attendee_name,
            "position": r.position,
            "email": r.email,
            "phone": r.phone,
            "seats": r.seats,
            "status": r.status,
            "created_at": r.created_at,
            "checked_in_at": r.checked_in_at,
        }
        for r in Registration.objects.filter(email__iexact=user.email).select_related("event").order_by("created_at")
    ]


def register():
    register_section(
        "dang-ky",
        gettext_lazy("Đăng ký sự kiện, tập huấn"),
        registration_rows,
        order=30,
        empty=gettext_lazy("Doanh nghiệp chưa đăng ký sự kiện nào."),
    )
    register_personal_data("event_registrations", personal_data)
