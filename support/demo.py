"""Demo content of the support desk: 8 organisations, 25 consultants over the province's
areas, topics and pillars, and about 60 requests in every status over the last year, some
overdue. Idempotent: nothing is added when the demo network exists."""

import datetime
import random

from django.utils import timezone
from django.utils.text import slugify

from .clock import add_working_days
from .factories import ConsultantFactory, MessageFactory, OrganisationFactory, SupportRequestFactory
from .models import Availability, Consultant, Message, SupportRequest, Topic

SEED = 1970
REFORM_DAY = datetime.date(2025, 7, 1)

ORGANISATIONS = [
    ("Trung tâm Hỗ trợ Chuyển đổi số Lâm Đồng", "agency"),
    ("Công ty Cổ phần Giải pháp Số Tây Nguyên", "company"),
    ("Viện Kinh tế số Đại Ngàn", "university"),
    ("Hiệp hội Doanh nghiệp Đắk Nông", "association"),
    ("Công ty TNHH Thương mại Điện tử Nam Tây Nguyên", "company"),
    ("Công ty TNHH Kế toán Số Gia Nghĩa", "company"),
    ("Công ty Cổ phần An ninh Mạng Cao Nguyên", "company"),
    ("Trường Cao đẳng Kỹ thuật Công nghệ Tây Nguyên", "university"),
]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Y", "H'"]
GIVEN = ["Văn Hùng", "Thị Thu Hà", "Minh Đức", "Ngọc Lan", "Quốc Bảo", "Thị Hạnh", "Đức Anh", "Thanh Tâm", "Hoài Nam"]
HONORIFICS = ["", "", "ThS.", "TS.", "KS."]
CERTS = [
    "Chứng nhận Chuyên gia tư vấn chuyển đổi số (Cục Phát triển doanh nghiệp)",
    "PMP",
    "ISO/IEC 27001 Lead Auditor",
    "Google Digital Marketing",
    "Chứng chỉ Kế toán viên",
]
REQUESTS = 60
# Share of requests per status, every status present.
STATUS_MIX = [
    ("new", 6),
    ("assigned", 6),
    ("in_progress", 8),
    ("waiting", 5),
    ("resolved", 10),
    ("closed", 20),
    ("refused", 5),
]


def build(stdout):
    if Consultant.objects.filter(slug__startswith="demo-").exists():
        stdout.write("Support desk: demo network already present")
        return
    from enterprises.models import AdministrativeUnit, Enterprise, Sector

    from .services import pillar_choices

    rng = random.Random(SEED)
    topics = list(Topic.objects.all())
    pillars = [code for code, _name in pillar_choices()] or ["P1", "P2", "P3", "P4", "P5", "P6"]
    sections = list(Sector.objects.filter(level=1).order_by("code"))
    old_districts = list(AdministrativeUnit.objects.filter(level="district", valid_to__lt=REFORM_DAY).order_by("code"))
    new_communes = list(AdministrativeUnit.objects.filter(level="commune", valid_from__gte=REFORM_DAY).order_by("code"))

    organisations = []
    for name, kind in ORGANISATIONS:
        organisations.append(
            OrganisationFactory(
                name=name,
                slug=f"demo-{slugify(name)}"[:100],
                kind=kind,
                network_member=rng.random() < 0.6,
                network_reference=f"MLTV-{rng.randint(100, 999)}",
            )
        )
    for org in organisations:
        org.topics.add(*rng.sample(topics, k=min(3, len(topics))))

    consultants = []
    for n in range(25):
        name = f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"
        areas = rng.sample(old_districts, k=min(2, len(old_districts))) + rng.sample(
            new_communes, k=min(4, len(new_communes))
        )
        member = rng.random() < 0.5
        consultants.append(
            ConsultantFactory(
                name=name,
                slug=f"demo-{slugify(name)}-{n + 1}",
                honorific=rng.choice(HONORIFICS),
                organisation=organisations[n % len(organisations)] if n % 5 else None,
                pillars=rng.sample(pillars, k=rng.randint(1, 3)),
                topics=rng.sample(topics, k=rng.randint(1, 3)),
                sectors=rng.sample(sections, k=min(2, len(sections))),
                areas=areas,
                languages=["vi"] + (["en"] if rng.random() < 0.4 else []) + (["mnong"] if rng.random() < 0.1 else []),
                network_member=member,
                network_reference=f"MLTV-{2022 + n % 3}-{n + 101:03d}" if member else "",
                certifications="\n".join(rng.sample(CERTS, k=rng.randint(0, 2))),
                availability=rng.choice([Availability.AVAILABLE] * 4 + [Availability.LIMITED]),
                capacity=rng.choice([4, 5, 6, 8]),
            )
        )

    enterprises = list(Enterprise.objects.exclude(area__isnull=True).order_by("pk")[:200])
    now = timezone.now()
    statuses = [status for status, weight in STATUS_MIX for _ in range(weight)]
    for n in range(REQUESTS):
        status = statuses[n % len(statuses)]
        open_status = status in ("new", "assigned", "in_progress", "waiting")
        days_ago = rng.randint(1, 40) if open_status else rng.randint(15, 360)
        created = now - datetime.timedelta(days=days_ago, hours=rng.randint(0, 9))
        enterprise = rng.choice(enterprises) if enterprises else None
        extra = {"enterprise": enterprise} if enterprise else {"enterprise": None, "area": None}
        req = SupportRequestFactory(
            created_at=created,
            topic=rng.choice(topics),
            pillars=rng.sample(pillars, k=rng.randint(1, 2)),
            preferred_format=rng.choice(list(SupportRequest.Format.values)),
            email=f"lienhe.demo{n}@doanhnghiep.vn",
            **extra,
        )
        _advance(req, status, consultants, rng)
    stdout.write(
        f"Support desk: {len(organisations)} organisations, {len(consultants)} consultants, {REQUESTS} requests"
    )


def _advance(req, status, consultants, rng):
    """Move a request to `status` as it would have moved, with plausible times and messages."""
    if status == "new":
        return
    if status == "refused":
        req.status = status
        req.refusal_reason = "Nội dung ngoài phạm vi hỗ trợ của chương trình."
        req.closed_at = req.created_at + datetime.timedelta(days=1)
        req.save()
        return
    consultant = rng.choice(consultants)
    req.consultant = consultant
    req.assigned_at = req.created_at + datetime.timedelta(hours=rng.randint(2, 30))
    req.status = status
    if status != "assigned":
        late = rng.random() < 0.2
        first = add_working_days(req.created_at, 3 if late else 1) - datetime.timedelta(hours=rng.randint(2, 10))
        req.first_response_at = first
        MessageFactory(
            request=req, author_kind=Message.Author.CONSULTANT, author_name=consultant.display_name, created_at=first
        )
        MessageFactory(
            request=req,
            author_kind=Message.Author.STAFF,
            author_name="Điều phối viên",
            body="Ghi chú nội bộ: doanh nghiệp đã tham gia tập huấn năm trước.",
            internal=True,
            created_at=first,
        )
    if status in ("resolved", "closed"):
        req.resolved_at = req.first_response_at + datetime.timedelta(days=rng.randint(1, 12))
        if rng.random() < 0.8:
            req.rating = rng.choices([2, 3, 4, 5], weights=[1, 2, 5, 6])[0]
            req.rating_comment = rng.choice(["", "Chuyên gia nhiệt tình, dễ hiểu.", "Cần thêm buổi hướng dẫn."])
            req.rated_at = req.resolved_at + datetime.timedelta(days=1)
    if status == "closed":
        req.closed_at = req.resolved_at + datetime.timedelta(days=3)
    req.save()
