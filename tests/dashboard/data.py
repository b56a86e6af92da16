"""A known set of enterprises and DBI results, for the dashboard's tests and browser test.

2025: 21 verified enterprises — sector C (manufacturing) 12, sector G (trade) 3, sector A
(agriculture) 6; Gia Nghĩa 13, Đắk Mil 8 — plus 2 submitted but not yet verified and one
closed enterprise. 2024: 8 of the manufacturing enterprises verified.
"""

from dataclasses import dataclass, field

from assessment_forms.factories import SubmissionFactory, VerifiedSubmissionFactory
from enterprises.factories import AdministrativeUnitFactory, EnterpriseFactory, SectorFactory
from enterprises.models import Enterprise, Sector

LEVELS_2025 = {
    "C": [1, 2, 3, 2, 1, 2, 3, 4, 2, 1, 2, 3],
    "G": [1, 1, 2],
    "A": [0, 1, 1, 2, 1, 0],
}
LEVELS_2024_C = [1, 1, 2, 1, 0, 1, 2, 2]


@dataclass
class KnownSet:
    sectors: dict = field(default_factory=dict)
    areas: dict = field(default_factory=dict)
    enterprises: dict = field(default_factory=dict)  # sector code -> [Enterprise]
    submissions: dict = field(default_factory=dict)  # year -> [Submission] (verified)
    pending: list = field(default_factory=list)


def build_known_set():
    known = KnownSet()
    known.sectors = {
        "C": SectorFactory(
            version="2025",
            code="C",
            name="Công nghiệp chế biến, chế tạo",
            name_en="Manufacturing",
            size_group="agri_industry",
        ),
        "G": SectorFactory(version="2025", code="G", name="Bán buôn và bán lẻ", name_en="Wholesale and retail trade"),
        "A": SectorFactory(
            version="2025",
            code="A",
            name="Nông nghiệp, lâm nghiệp và thủy sản",
            name_en="Agriculture",
            size_group="agri_industry",
        ),
    }
    # VSIC 2025 sections (the sector breakdown's groups; 2018 records are mapped to them, see
    # test_report_areas). They are loaded by a migration; the factory returns them by code, so give
    # them the short names the assertions use.
    for sector in known.sectors.values():
        sector.refresh_from_db()
    for code, (name, name_en) in {
        "C": ("Công nghiệp chế biến, chế tạo", "Manufacturing"),
        "G": ("Bán buôn và bán lẻ", "Wholesale and retail trade"),
        "A": ("Nông nghiệp, lâm nghiệp và thủy sản", "Agriculture"),
    }.items():
        known.sectors[code].name, known.sectors[code].name_en = name, name_en
        known.sectors[code].save(update_fields=["name", "name_en"])
    known.areas = {
        "gia_nghia": AdministrativeUnitFactory(code="660", name="Thành phố Gia Nghĩa", name_en="Gia Nghia City"),
        "dak_mil": AdministrativeUnitFactory(code="664", name="Huyện Đắk Mil", name_en="Dak Mil District"),
    }
    seed = 100
    for code, levels in LEVELS_2025.items():
        known.enterprises[code] = []
        for index, level in enumerate(levels):
            if code == "C":
                area = known.areas["gia_nghia"] if index < 8 else known.areas["dak_mil"]
                size = Enterprise.SizeClass.SMALL if index % 2 == 0 else Enterprise.SizeClass.MEDIUM
            elif code == "G":
                area, size = known.areas["gia_nghia"], Enterprise.SizeClass.MICRO
            else:
                area = known.areas["gia_nghia"] if index < 2 else known.areas["dak_mil"]
                size = Enterprise.SizeClass.MICRO
            enterprise = EnterpriseFactory(
                name=f"Doanh nghiệp {code} số {index + 1}", sector=known.sectors[code], area=area, size_class=size
            )
            known.enterprises[code].append(enterprise)
            seed += 1
            known.submissions.setdefault(2025, []).append(
                VerifiedSubmissionFactory(enterprise=enterprise, year=2025, target_level=level, seed=seed)
            )
    for enterprise, level in zip(known.enterprises["C"], LEVELS_2024_C, strict=False):
        seed += 1
        known.submissions.setdefault(2024, []).append(
            VerifiedSubmissionFactory(enterprise=enterprise, year=2024, target_level=level, seed=seed)
        )
    for index in range(2):
        enterprise = EnterpriseFactory(
            name=f"Doanh nghiệp chờ thẩm định {index + 1}",
            sector=known.sectors["C"],
            area=known.areas["dak_mil"],
            size_class=Enterprise.SizeClass.SMALL,
        )
        seed += 1
        known.pending.append(SubmissionFactory(enterprise=enterprise, year=2025, target_level=1, seed=seed))
    EnterpriseFactory(name="Doanh nghiệp đã giải thể", sector=known.sectors["C"], status=Enterprise.Status.CLOSED)
    # The programme has published both years (the public dashboard shows published years only).
    from assessment_forms.models import PublishedYear

    for year in (2024, 2025):
        PublishedYear.objects.get_or_create(year=year)
    return known


def sector_id(code):
    return Sector.objects.get(version="2025", code=code).pk
