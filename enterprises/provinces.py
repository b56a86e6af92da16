"""The province the site serves (settings.PROVINCE_CODE), and codes resolved by date.

Every province's units are in the database; the site shows those of one province: the
province in force from 1/7/2025 with the code PROVINCE_CODE, the old provinces whose
territory passed to it (for Lâm Đồng: the former Lâm Đồng, Đắk Nông and Bình Thuận), and
everything below them. Units added by hand outside any province stay visible too.
"""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from .models import AdministrativeUnit
from .units import FIRST_NEW_DAY


class UnitLookupError(ValueError):
    """A code or name that names no unit, or more than one: the message says which."""


def site_province_code():
    return str(getattr(settings, "PROVINCE_CODE", "") or "").strip()


def site_province(code=None):
    """The province-level unit in force from 1/7/2025 with this code (default: the site's)."""
    code = code or site_province_code()
    if not code:
        return None
    return AdministrativeUnit.objects.filter(
        code=code, level=AdministrativeUnit.Level.PROVINCE, valid_from__gte=FIRST_NEW_DAY
    ).first()


def province_ids(code=None):
    """Ids of the site's province and of the old provinces merged into it, or None when the
    site serves no known province (every unit is then offered)."""
    province = site_province(code)
    if province is None:
        return None
    older = AdministrativeUnit.objects.filter(
        level=AdministrativeUnit.Level.PROVINCE, successor_links__successor=province
    ).values_list("pk", flat=True)
    return [province.pk, *older]


def province_units(code=None):
    """The units of the site's province, both periods (a queryset)."""
    ids = province_ids(code)
    units = AdministrativeUnit.objects.all()
    if ids is None:
        return units
    return units.filter(Q(province_id__in=ids) | Q(province__isnull=True))


def resolve_unit(code, day=None, province_code=None, units=None):
    """The unit with this code in force on `day`, within the site's province.

    A code is only unique within a period (24646: Xã Ea Pô until 30/6/2025, Xã Đắk Wil from
    1/7/2025): without a date, a code shared by two periods is refused with a message asking
    for the date."""
    code = str(code or "").strip()
    queryset = (units if units is not None else province_units(province_code)).filter(code=code)
    found = list(queryset.valid_on(day)) if day else list(queryset)
    if not found:
        if day:
            raise UnitLookupError(
                _("Không có đơn vị hành chính mã %(code)s có hiệu lực vào ngày %(day)s.")
                % {"code": code, "day": day.strftime("%d/%m/%Y")}
            )
        raise UnitLookupError(_("Không có đơn vị hành chính mã %(code)s.") % {"code": code})
    if len(found) > 1:
        names = "; ".join(f"{unit.name} ({unit.period_label})" for unit in found)
        raise UnitLookupError(
            _("Mã %(code)s dùng cho nhiều đơn vị ở các thời kỳ khác nhau (%(names)s): hãy cho biết ngày ghi nhận.")
            % {"code": code, "names": names}
        )
    return found[0]
