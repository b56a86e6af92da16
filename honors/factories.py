"""Factories for the honours, shared by the tests and the demo content."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from wagtail.models import Locale

from enterprises.factories import EnterpriseFactory
from enterprises.services import fold

from .models import Category, HonoursCycle, JuryCriterion, Nomination, RankingEntry, RankingsPage

PILLAR_MAX = (65, 25, 80, 65, 50, 35)


class RankingEntryFactory(factory.django.DjangoModelFactory):
    """A ranking row straight into the read model (tests of the ranking rule and the bench)."""

    class Meta:
        model = RankingEntry

    year = 2025
    framework_code = "DBI-1970-SME"
    enterprise = factory.SubFactory(EnterpriseFactory, publish_dbi_consent=True)
    submission_id = factory.Sequence(lambda n: n + 1)
    name = factory.LazyAttribute(lambda o: o.enterprise.name)
    name_folded = factory.LazyAttribute(lambda o: fold(o.name))
    sector = factory.LazyAttribute(lambda o: o.enterprise.sector)
    area = factory.LazyAttribute(lambda o: o.enterprise.area)
    size_class = factory.LazyAttribute(lambda o: o.enterprise.size_class)
    consent = factory.LazyAttribute(lambda o: o.enterprise.publish_dbi_consent)
    total = Decimal(150)
    max_total = Decimal(320)
    level = 3
    pillars_at_level = 4
    verified_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=30))
    p1 = p2 = p3 = p4 = p5 = p6 = Decimal(50)
    p1_level = p2_level = p3_level = p4_level = p5_level = p6_level = 3


class HonoursCycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HonoursCycle
        django_get_or_create = ("year",)
        skip_postgeneration_save = True

    year = 2026
    title = factory.LazyAttribute(lambda o: f"Tôn vinh doanh nghiệp chuyển đổi số tiêu biểu năm {o.year}")
    results_year = factory.LazyAttribute(lambda o: o.year - 1)
    introduction = "Ghi nhận những doanh nghiệp đi đầu trong chuyển đổi số trên địa bàn tỉnh."
    nominations_open = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    nominations_close = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=20))
    screening_until = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=35))
    jury_until = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=50))
    decision_by = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        skip_postgeneration_save = True

    cycle = factory.SubFactory(HonoursCycleFactory)
    name = factory.Sequence(lambda n: f"Hạng mục {n}")
    kind = Category.Kind.GENERAL
    awards = 1
    min_level = 1

    @factory.post_generation
    def jurors(self, create, extracted, **kwargs):
        if create and extracted:
            self.jurors.set(extracted)
            self.save()


class JuryCriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JuryCriterion

    cycle = factory.SubFactory(HonoursCycleFactory)
    name = factory.Sequence(lambda n: f"Tiêu chí {n}")
    weight = Decimal(1)
    max_score = 10


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination

    category = factory.SubFactory(CategoryFactory)
    enterprise = factory.SubFactory(EnterpriseFactory, publish_dbi_consent=True)
    source = Nomination.Source.AUTOMATIC
    status = Nomination.Status.ELIGIBLE
    dbi_year = 2025
    dbi_total = Decimal(200)
    dbi_level = 3


METHOD_VI = (
    "<p>Kết quả được lấy từ các bài tự đánh giá DBI đã được thẩm định viên của Sở xác minh. "
    "Doanh nghiệp có thể rút đồng ý công bố bất cứ lúc nào; khi đó doanh nghiệp không còn xuất hiện "
    "trên bảng xếp hạng.</p>"
)


def make_rankings_page(home, **fields):
    """The rankings page under the home page (idempotent), live, shown in menus."""
    page = RankingsPage.objects.filter(locale=home.locale).first()
    if page is not None:
        return page
    page = RankingsPage(
        title=fields.pop("title", "Xếp hạng chuyển đổi số"),
        slug=fields.pop("slug", "xep-hang"),
        show_in_menus=True,
        intro=fields.pop(
            "intro",
            "Doanh nghiệp trên địa bàn tỉnh xếp theo kết quả DBI đã thẩm định, "
            "trong số các doanh nghiệp đồng ý công bố.",
        ),
        method=fields.pop("method", METHOD_VI),
        search_description="Bảng xếp hạng mức độ chuyển đổi số của doanh nghiệp theo bộ chỉ số DBI.",
        **fields,
    )
    home.add_child(instance=page)
    page.save_revision(log_action=False).publish(log_action=False)
    return page


def translate_rankings_page(page):
    """The English translation of the rankings page (idempotent)."""
    en = Locale.objects.filter(language_code="en").first()
    if en is None or page.get_parent().get_translation_or_none(en) is None:
        return None
    translated = page.get_translation_or_none(en)
    if translated is None:
        translated = page.copy_for_translation(en, alias=False)
    translated = translated.specific
    translated.title = "Digital transformation rankings"
    translated.slug = "rankings"
    translated.intro = (
        "The province's enterprises ranked by their verified DBI results, among those that agreed to publication."
    )
    translated.method = (
        "<p>Results come from DBI self-assessments verified by the department's assessors. An enterprise can "
        "withdraw its consent at any time and then no longer appears in the rankings.</p>"
    )
    translated.search_description = "Enterprise digital transformation rankings by the DBI index."
    translated.live = True
    translated.save_revision(log_action=False).publish(log_action=False)
    return translated


def move_to_phase(cycle, phase):
    """Shift the cycle's dates so that today falls in `phase` (tests and the browser journey)."""
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    offsets = {  # days from today of: open, close, screening, jury, decision
        HonoursCycle.Phase.PREPARING: (10, 20, 30, 40, 50),
        HonoursCycle.Phase.NOMINATION: (-10, 20, 30, 40, 50),
        HonoursCycle.Phase.SCREENING: (-20, -10, 20, 30, 40),
        HonoursCycle.Phase.JURY: (-30, -20, -10, 20, 30),
        HonoursCycle.Phase.DECISION: (-40, -30, -20, -10, 20),
    }[phase]
    (
        cycle.nominations_open,
        cycle.nominations_close,
        cycle.screening_until,
        cycle.jury_until,
        cycle.decision_by,
    ) = (today + day * offset for offset in offsets)
    cycle.save()
    return cycle
