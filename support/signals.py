"""The "support" cache version (core.cache): the public directory's pages, cards, organisations
and filter options (topics, sectors and areas some consultant serves) are cached under it
(core.fragments, core.widgets), so any save or delete of what they are built from, including
many-to-many changes, drops them at once. Support requests and their messages bump nothing."""

from core.fragments import bump_on_change

VERSION = "support"


def connect():
    from .models import Consultant, ConsultingOrganisation, PillarExpertise, ServedArea, Topic

    bump_on_change(
        VERSION,
        Consultant,
        ConsultingOrganisation,
        Topic,
        PillarExpertise,
        ServedArea,
        Consultant.topics.through,
        Consultant.sectors.through,
        ConsultingOrganisation.topics.through,
        ConsultingOrganisation.sectors.through,
        "enterprises.Sector",
        "enterprises.AdministrativeUnit",
        "enterprises.UnitLink",  # the area filter follows old units to their successors
        "wagtailimages.Image",  # a card's photo (its focal point, a new file)
        uid="support-directory",
    )
