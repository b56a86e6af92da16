"""What other apps read from the newsroom (stories about an enterprise, related stories) and
the journalist record a newsroom account gets on first use."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts.factories import UserFactory
from enterprises.factories import EnterpriseFactory
from stories import services
from stories.factories import StoryPageFactory
from stories.models import Journalist, StoryEnterprise, StoryPillarTag

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.now() - timedelta(days=n)


def test_stories_about_an_enterprise_are_its_live_stories_newest_first(newsroom):
    _, desks = newsroom
    enterprise = EnterpriseFactory()
    older = StoryPageFactory(
        parent=desks["radio"],
        publication_date=days_ago(5),
        featured_enterprises=[StoryEnterprise(enterprise=enterprise)],
    )
    newer = StoryPageFactory(
        parent=desks["newspaper"],
        publication_date=days_ago(1),
        featured_enterprises=[StoryEnterprise(enterprise=enterprise)],
    )
    StoryPageFactory(
        parent=desks["newspaper"], live=False, featured_enterprises=[StoryEnterprise(enterprise=enterprise)]
    )
    StoryPageFactory(parent=desks["newspaper"], featured_enterprises=[StoryEnterprise(enterprise=EnterpriseFactory())])
    assert services.stories_about(enterprise) == [newer, older]
    assert services.stories_about(enterprise.pk, limit=1) == [newer]


def test_related_stories_share_a_pillar_then_fill_up_from_the_desk(newsroom):
    _, desks = newsroom
    story = StoryPageFactory(parent=desks["newspaper"], pillar_tags=[StoryPillarTag(code="P2")])
    same_pillar = StoryPageFactory(
        parent=desks["radio"], publication_date=days_ago(3), pillar_tags=[StoryPillarTag(code="P2")]
    )
    same_desk = StoryPageFactory(parent=desks["newspaper"], publication_date=days_ago(4))
    StoryPageFactory(parent=desks["portal"], publication_date=days_ago(1))
    assert services.related_stories(story) == [same_pillar, same_desk]
    assert services.related_stories(story, limit=1) == [same_pillar]


def test_a_story_sharing_nothing_is_related_to_its_desk_only(newsroom):
    _, desks = newsroom
    story = StoryPageFactory(parent=desks["portal"])
    neighbour = StoryPageFactory(parent=desks["portal"], publication_date=days_ago(2))
    StoryPageFactory(parent=desks["radio"], publication_date=days_ago(1))
    assert services.related_stories(story) == [neighbour]


def test_enterprise_profiles_hide_the_result_of_an_enterprise_that_did_not_consent():
    consenting = EnterpriseFactory(publish_dbi_consent=True)
    private = EnterpriseFactory(publish_dbi_consent=False)
    profiles = services.enterprise_profiles([consenting, private])
    assert [row["enterprise"] for row in profiles] == [consenting, private]
    assert profiles[1]["dbi"] is None


def test_a_newsroom_account_gets_its_journalist_record_once():
    reporter = UserFactory(
        username="phongvien", last_name="Nguyễn", first_name="Minh Anh", roles=["journalist_newspaper"]
    )
    journalist = services.ensure_journalist(reporter, "newspaper")
    assert (journalist.name, journalist.desk, journalist.user) == ("Nguyễn Minh Anh", "newspaper", reporter)
    assert services.ensure_journalist(reporter, "newspaper") == journalist
    namesake = UserFactory(
        username="phongvien2", last_name="Nguyễn", first_name="Minh Anh", roles=["desk_editor_newspaper"]
    )
    assert services.ensure_journalist(namesake, "newspaper").name == "Nguyễn Minh Anh (phongvien2)"
    assert Journalist.objects.count() == 2


def test_no_journalist_record_for_other_accounts():
    assert services.ensure_journalist(AnonymousUser(), "newspaper") is None
    assert services.ensure_journalist(UserFactory(roles=["journalist_radio"]), "newspaper") is None
    assert services.ensure_journalist(UserFactory(roles=["programme_editor"]), "newspaper") is None
    assert not Journalist.objects.exists()
