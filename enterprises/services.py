"""The registry's small public interface. Other apps call these, not the models' internals."""

from django.db import transaction

from .models import Enterprise
from .validators import normalize_tax_code, validate_tax_code


def find_by_tax_code(tax_code):
    """The enterprise with this tax code (in any typed form), or None."""
    code = normalize_tax_code(tax_code)
    return Enterprise.objects.filter(tax_code=code).first() if code else None


@transaction.atomic
def get_or_create_pending(tax_code, name, **details):
    """The enterprise with this tax code, or a new one marked pending for the programme
    editors to verify. Raises ValidationError for an invalid tax code.

    Returns (enterprise, created)."""
    code = normalize_tax_code(tax_code)
    validate_tax_code(code)
    enterprise = Enterprise.objects.select_for_update().filter(tax_code=code).first()
    if enterprise is not None:
        return enterprise, False
    allowed = {"name_en", "address", "email", "phone", "contact_name", "sector", "area", "legal_form"}
    extra = {key: value for key, value in details.items() if key in allowed and value}
    enterprise = Enterprise.objects.create(tax_code=code, name=name.strip(), status=Enterprise.Status.PENDING, **extra)
    return enterprise, True
