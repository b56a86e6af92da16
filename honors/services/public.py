"""What other apps read from the honours (home page section, dashboard, search)."""

from ..models import Award


def awards_for_year(year):
    """Published awards of a year, by category order then award order (one query)."""
    return list(
        Award.objects.filter(decision__cycle__year=year, decision__live=True, decision__cycle__published=True)
        .select_related("category", "enterprise", "photo", "decision__cycle")
        .order_by("category__sort_order", "sort_order")
    )


def latest_honoured(limit=6):
    """The most recently published awards, newest cycle first."""
    return list(
        Award.objects.filter(decision__live=True, decision__cycle__published=True)
        .select_related("category", "enterprise", "photo", "decision__cycle")
        .order_by("-decision__cycle__year", "category__sort_order", "sort_order")[:limit]
    )


def awards_for_enterprise(enterprise_id):
    """The enterprise's published awards with their certificates, newest first."""
    return list(
        Award.objects.filter(enterprise_id=enterprise_id, decision__live=True, decision__cycle__published=True)
        .select_related("category", "decision__cycle", "certificate")
        .order_by("-decision__cycle__year")
    )
