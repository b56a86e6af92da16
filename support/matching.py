"""Who should answer a request: a score per approved consultant, explained.

Weights (points): topic 40; each concerned DBI pillar in the consultant's expertise 15 (at
most 30); the enterprise's sector (or its VSIC section) 15; the enterprise's area served 20;
minus 8 per open request the consultant already holds, and a consultant at capacity or not
taking requests is left out. Ties go to the lighter load, then the name.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from .models import ApprovalStatus, Availability, Consultant, PillarExpertise, ServedArea, SupportRequest

TOPIC = 40
PILLAR = 15
PILLAR_MAX = 30
SECTOR = 15
AREA = 20
LOAD = 8


@dataclass
class Suggestion:
    consultant: Consultant
    score: int
    load: int
    reasons: list = field(default_factory=list)


def area_keys(unit):
    """The unit, the units above it, their successors, and the units it replaced (with their
    districts): a consultant serving any of them serves this unit (a district covers its
    communes; after 1/7/2025 a new commune is covered by whoever served the old ones)."""
    from enterprises.models import AdministrativeUnit, UnitLink

    keys = set()
    if unit is not None:
        # A new unit inherits who served the units it replaced (and their districts).
        replaced = AdministrativeUnit.objects.filter(successor_links__successor_id=unit.pk)
        for pk, parent_id in replaced.values_list("pk", "parent_id"):
            keys.add(pk)
            if parent_id:
                keys.add(parent_id)
    # One query for the chain of parents (at most province > district > commune).
    chain = []
    while unit is not None and len(chain) < 6:
        chain.append(unit)
        if unit.parent_id and not AdministrativeUnit.parent.is_cached(unit):
            unit = AdministrativeUnit.objects.select_related("parent__parent").filter(pk=unit.parent_id).first()
        else:
            unit = unit.parent
    keys.update(each.pk for each in chain)
    if chain:
        # Successors are named by UnitLink (a unit split between several has one link to each).
        keys.update(
            UnitLink.objects.filter(predecessor_id__in=[each.pk for each in chain]).values_list(
                "successor_id", flat=True
            )
        )
    return keys


def sector_keys(sector):
    keys = set()
    while sector is not None and len(keys) < 4:
        keys.add(sector.pk)
        sector = sector.parent
    return keys


def open_load():
    """{consultant id: open requests}."""
    rows = (
        SupportRequest.objects.filter(status__in=SupportRequest.OPEN, consultant__isnull=False)
        .values("consultant")
        .annotate(n=Count("pk"))
    )
    return {row["consultant"]: row["n"] for row in rows}


def candidates():
    return (
        Consultant.objects.filter(status=ApprovalStatus.APPROVED)
        .exclude(availability=Availability.UNAVAILABLE)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("pillars", queryset=PillarExpertise.objects.only("consultant_id", "pillar_code")),
            Prefetch("areas", queryset=ServedArea.objects.only("consultant_id", "unit_id", "valid_from", "valid_to")),
            "topics",
            "sectors",
        )
    )


def suggest(support_request, limit=5, day=None):
    """The best consultants for a request, best first."""
    day = day or timezone.localdate()
    enterprise = support_request.enterprise
    unit = support_request.area or (enterprise.area if enterprise else None)
    areas = area_keys(unit) if unit else set()
    sectors = sector_keys(enterprise.sector) if enterprise and enterprise.sector_id else set()
    pillars = set(support_request.pillars or [])
    loads = open_load()
    found = []
    for consultant in candidates():
        load = loads.get(consultant.pk, 0)
        if load >= consultant.capacity and consultant.pk != support_request.consultant_id:
            continue
        score, reasons = 0, []
        if any(t.pk == support_request.topic_id for t in consultant.topics.all()):
            score += TOPIC
            reasons.append("topic")
        shared = pillars & {p.pillar_code for p in consultant.pillars.all()}
        if shared:
            score += min(PILLAR * len(shared), PILLAR_MAX)
            reasons.append("pillar")
        if sectors and sectors & {s.pk for s in consultant.sectors.all()}:
            score += SECTOR
            reasons.append("sector")
        if areas and any(a.unit_id in areas and a.is_valid_on(day) for a in consultant.areas.all()):
            score += AREA
            reasons.append("area")
        score -= LOAD * load
        if reasons:
            found.append(Suggestion(consultant, score, load, reasons))
    found.sort(key=lambda s: (-s.score, s.load, s.consultant.name))
    return found[:limit]


def serving(pillar_codes, unit, limit=3, day=None):
    """Approved consultants with expertise in any of these pillars serving this area (for the
    DBI result page), those with more of the pillars and a lighter load first."""
    return serving_by_pillar(pillar_codes, unit, limit=None, day=day)["_all"][:limit]


def serves_area(area_id):
    """The same relation as `area_keys`, as a condition on ServedArea (no query of its own):
    the served unit is the area, one of its parents, its successor or a parent's successor,
    or a unit (or a district whose commune) the area replaced."""
    return (
        Q(unit_id=area_id)
        | Q(unit__children__id=area_id)
        | Q(unit__children__children__id=area_id)
        | Q(unit__predecessor_links__predecessor_id=area_id)
        | Q(unit__predecessor_links__predecessor__children__id=area_id)
        | Q(unit__successor_links__successor_id=area_id)
        | Q(unit__children__successor_links__successor_id=area_id)
    )


def serving_by_pillar(pillar_codes, unit, limit=3, day=None):
    """{pillar code: consultants} plus "_all", in at most two queries whatever the size of the
    network (the result page calls this once for its two weakest pillars): the (consultant,
    pillar) pairs, then the load of the consultants found."""
    day = day or timezone.localdate()
    pairs = PillarExpertise.objects.filter(
        pillar_code__in=pillar_codes, consultant__status=ApprovalStatus.APPROVED
    ).exclude(consultant__availability=Availability.UNAVAILABLE)
    if unit is not None:
        served = ServedArea.objects.filter(serves_area(unit.pk)).filter(
            (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        )
        pairs = pairs.filter(consultant_id__in=served.values("consultant_id"))
    codes_of, consultants = {}, {}
    for pair in pairs.select_related("consultant__organisation").order_by("consultant__name", "consultant_id")[:600]:
        consultants[pair.consultant_id] = pair.consultant
        codes_of.setdefault(pair.consultant_id, set()).add(pair.pillar_code)
    loads = open_load() if consultants else {}
    wanted = set(pillar_codes)
    rows = sorted((-len(wanted & codes_of[pk]), loads.get(pk, 0), c.name, pk) for pk, c in consultants.items())
    result = {"_all": [consultants[row[3]] for row in rows]}
    for code in pillar_codes:
        result[code] = [consultants[row[3]] for row in rows if code in codes_of[row[3]]][:limit]
    return result
