"""Nominations and certificates on the account page and in "download my data" (accounts.sections)."""

from django.utils.translation import gettext_lazy

from accounts.sections import Row, register_personal_data, register_section


def nomination_rows(user, enterprises):
    from .models import Nomination

    if not enterprises:
        return []
    nominations = (
        Nomination.objects.filter(enterprise__in=enterprises)
        .select_related("enterprise", "category__cycle")
        .order_by("-created_at")
    )
    return [
        Row(
            label=f"{n.category.cycle} – {n.category.name}",
            enterprise=n.enterprise.name,
            date=n.created_at,
            status=n.get_status_display(),
            detail=n.get_source_display(),
        )
        for n in nominations
    ]


def certificate_rows(user, enterprises):
    from .models import Certificate

    if not enterprises:
        return []
    certificates = Certificate.objects.filter(enterprise__in=enterprises, revoked_at__isnull=True).order_by("-year")
    return [
        Row(
            label=f"{c.year} – {c.category_name}",
            enterprise=c.enterprise_name,
            date=c.issued_at,
            url=c.get_absolute_url(),
        )
        for c in certificates
    ]


def personal_data(user):
    from .models import Nomination

    if not user.email:
        return []
    return [
        {
            "enterprise": n.enterprise.name,
            "category": n.category.name,
            "nominator_name": n.nominator_name,
            "nominator_organisation": n.nominator_organisation,
            "nominator_email": n.nominator_email,
            "nominator_phone": n.nominator_phone,
            "statement": n.statement,
            "status": n.status,
            "created_at": n.created_at,
        }
        for n in Nomination.objects.filter(nominator_email__iexact=user.email)
        .select_related("enterprise", "category")
        .order_by("created_at")
    ]


def register():
    register_section(
        "de-cu",
        gettext_lazy("Đề cử tôn vinh"),
        nomination_rows,
        order=40,
        empty=gettext_lazy("Doanh nghiệp chưa có đề cử nào."),
    )
    register_section(
        "chung-nhan",
        gettext_lazy("Giấy chứng nhận"),
        certificate_rows,
        order=50,
        empty=gettext_lazy("Doanh nghiệp chưa có giấy chứng nhận nào."),
        menu=False,
    )
    register_personal_data("honours_nominations", personal_data)
