"""Factories of the support desk, shared by the tests and the demo content.

consultant = ConsultantFactory(pillars=["P1"], topics=[topic], areas=[unit])
req = SupportRequestFactory(topic=topic, status="assigned", consultant=consultant)
"""

import factory
from django.utils import timezone
from django.utils.text import slugify

from enterprises.factories import EnterpriseFactory

from .clock import set_due_dates
from .models import (
    ApprovalStatus,
    Consultant,
    ConsultingOrganisation,
    Message,
    PillarExpertise,
    ServedArea,
    SupportRequest,
    Topic,
)


def topic(slug="chien-luoc"):
    """A topic the data migration ships (created if a test database lacks it)."""
    found = Topic.objects.filter(slug=slug).first()
    return found or Topic.objects.create(slug=slug, name=slug.replace("-", " ").capitalize())


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsultingOrganisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Công ty Tư vấn Chuyển đổi số Tây Nguyên {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name)[:100])
    status = ApprovalStatus.APPROVED
    description = "Tư vấn chuyển đổi số cho doanh nghiệp nhỏ và vừa."


class ConsultantFactory(factory.django.DjangoModelFactory):
    """An approved consultant. `pillars` (codes), `topics`, `sectors` and `areas` (units) are lists."""

    class Meta:
        model = Consultant
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Nguyễn Văn Tư Vấn {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name)[:100] or f"chuyen-gia-{o.name}")
    job_title = "Chuyên gia chuyển đổi số"
    status = ApprovalStatus.APPROVED
    email = factory.LazyAttribute(lambda o: f"{o.slug}@tuvan.vn")
    biography = "Hơn 10 năm tư vấn chuyển đổi số cho doanh nghiệp nhỏ và vừa ở Tây Nguyên."
    languages = factory.LazyFunction(lambda: ["vi"])
    capacity = 5

    @factory.post_generation
    def pillars(obj, create, extracted, **kwargs):
        if create and extracted:
            PillarExpertise.objects.bulk_create([PillarExpertise(consultant=obj, pillar_code=c) for c in extracted])

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.topics.add(*extracted)

    @factory.post_generation
    def sectors(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.sectors.add(*extracted)

    @factory.post_generation
    def areas(obj, create, extracted, **kwargs):
        if create and extracted:
            for unit in extracted:
                ServedArea.objects.create(consultant=obj, unit=unit)


class SupportRequestFactory(factory.django.DjangoModelFactory):
    """A request with its targets computed from its `created_at` (pass one to age it)."""

    class Meta:
        model = SupportRequest
        skip_postgeneration_save = True

    enterprise = factory.SubFactory(EnterpriseFactory)
    tax_code = factory.LazyAttribute(lambda o: o.enterprise.tax_code if o.enterprise else "0100109106")
    enterprise_name = factory.LazyAttribute(lambda o: o.enterprise.name if o.enterprise else "Công ty Demo")
    area = factory.LazyAttribute(lambda o: o.enterprise.area if o.enterprise else None)
    contact_name = "Trần Thị Hồng"
    email = factory.Sequence(lambda n: f"lienhe{n}@doanhnghiep.vn")
    topic = factory.LazyFunction(topic)
    pillars = factory.LazyFunction(lambda: ["P1"])
    description = "Doanh nghiệp cần tư vấn lộ trình chuyển đổi số và lựa chọn phần mềm phù hợp."
    preferred_format = SupportRequest.Format.ONLINE
    consent = True
    created_at = factory.LazyFunction(timezone.now)
    reference = factory.Sequence(lambda n: f"tmp-{n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        obj = model_class(*args, **kwargs)
        if obj.first_response_due is None:
            set_due_dates(obj)
        obj.save()
        obj.reference = f"HT-{timezone.localtime(obj.created_at):%Y}-{obj.pk:06d}"
        model_class.objects.filter(pk=obj.pk).update(reference=obj.reference)
        return obj


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    request = factory.SubFactory(SupportRequestFactory)
    author_kind = Message.Author.CONSULTANT
    author_name = "Chuyên gia"
    body = "Chúng tôi đã xem yêu cầu và sẽ gọi lại cho doanh nghiệp trong tuần."
