import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .roles import group_name


class UserFactory(factory.django.DjangoModelFactory):
    """A user; pass `roles=["programme_editor"]` to put them in role groups."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.vn")
    first_name = factory.Faker("first_name", locale="vi_VN")
    last_name = factory.Faker("last_name", locale="vi_VN")
    # Unusable unless a test passes one: no shared password in the code (the demo gives each
    # staff account a random one, accounts/demo.py).
    password = factory.django.Password(None)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=[group_name(key) for key in extracted]))
