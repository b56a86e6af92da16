"""RSS 2.0 and Atom feeds per desk, per kind and per tag, and the radio podcast feed.

Feed objects are made per request (the request builds absolute URLs for enclosures), from
the Django syndication framework."""

import mimetypes

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import Http404
from django.templatetags.static import static
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from enterprises.models import AdministrativeUnit, Sector

from .choices import Desk, Kind
from .models import DeskIndexPage, NewsroomPage, story_queryset
from .pillars import pillar_name

FEED_SIZE = 30
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"


def _locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def _front_url(locale):
    front = NewsroomPage.objects.live().filter(locale=locale).first()
    return front.url if front else "/"


def select(scope, value=None):
    """(title, link, description, queryset) of the stories a feed carries, or Http404."""
    locale = _locale()
    stories = story_queryset(locale)
    site_name = _("Chuyển đổi số doanh nghiệp")
    if scope == "all":
        return site_name, _front_url(locale), _("Tin bài mới về chuyển đổi số doanh nghiệp."), stories
    if scope == "desk":
        if value not in Desk.values:
            raise Http404
        desk = DeskIndexPage.objects.live().filter(desk=value, locale=locale).first()
        link = desk.url if desk else _front_url(locale)
        title = desk.title if desk else str(Desk(value).label)
        return f"{title} · {site_name}", link, desk.intro if desk and desk.intro else title, stories.filter(desk=value)
    if scope == "kind":
        if value not in Kind.values:
            raise Http404
        label = str(Kind(value).label)
        return f"{label} · {site_name}", f"{_front_url(locale)}?kind={value}", label, stories.filter(kind=value)
    if scope == "pillar":
        name = pillar_name(value)
        if name == value:
            raise Http404
        return f"{value} {name} · {site_name}", _front_url(locale), name, stories.filter(pillar_tags__code=value)
    if scope == "sector":
        sector = Sector.objects.filter(code=value).first()
        if sector is None:
            raise Http404
        return f"{sector.name} · {site_name}", _front_url(locale), sector.name, stories.filter(sectors=sector)
    if scope == "area":
        # A code may name an old and a new unit (24646: Ea Pô, then Đắk Wil): the newest one.
        area = AdministrativeUnit.objects.filter(code=value).order_by(F("valid_from").desc(nulls_last=True)).first()
        if area is None:
            raise Http404
        return f"{area.name} · {site_name}", _front_url(locale), area.name, stories.filter(areas=area)
    raise Http404


class StoryFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, request, scope, value=None):
        super().__init__()
        self.request = request
        self.scope = scope
        self.value = value

    def get_object(self, request, *args, **kwargs):
        title, link, description, queryset = select(self.scope, self.value)
        return {"title": title, "link": link, "description": description, "items": queryset}

    def title(self, obj):
        return obj["title"]

    def link(self, obj):
        return obj["link"]

    def description(self, obj):
        return obj["description"]

    def subtitle(self, obj):
        return obj["description"]

    def feed_url(self, obj):
        return self.request.path

    def items(self, obj):
        return obj["items"][:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.publication_date

    def item_updateddate(self, item):
        return item.last_published_at or item.publication_date

    def item_author_name(self, item):
        return ", ".join(item.byline_names) or None

    def item_categories(self, item):
        return [str(Kind(item.kind).label)]


class AtomStoryFeed(StoryFeed):
    feed_type = Atom1Feed


class PodcastFeedGenerator(Rss201rev2Feed):
    """RSS 2.0 with the iTunes podcast tags."""

    def rss_attributes(self):
        attrs = super().rss_attributes()
        attrs["xmlns:itunes"] = ITUNES_NS
        return attrs

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        handler.addQuickElement("itunes:author", self.feed["itunes_author"])
        handler.addQuickElement("itunes:summary", self.feed["description"])
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:type", "episodic")
        handler.addQuickElement("itunes:image", "", {"href": self.feed["itunes_image"]})
        handler.startElement("itunes:category", {"text": "News"})
        handler.addQuickElement("itunes:category", "", {"text": "Tech News"})
        handler.endElement("itunes:category")
        handler.startElement("itunes:owner", {})
        handler.addQuickElement("itunes:name", self.feed["itunes_author"])
        handler.addQuickElement("itunes:email", self.feed["itunes_email"])
        handler.endElement("itunes:owner")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:summary", item["description"])
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:episodeType", "full")
        if item.get("itunes_duration"):
            handler.addQuickElement("itunes:duration", str(item["itunes_duration"]))


class PodcastFeed(StoryFeed):
    """The radio segments that carry an uploaded audio file, as a podcast."""

    feed_type = PodcastFeedGenerator

    def __init__(self, request):
        super().__init__(request, "kind", Kind.RADIO_SEGMENT)

    def get_object(self, request, *args, **kwargs):
        obj = super().get_object(request)
        obj["title"] = _("Chuyển đổi số – Phát thanh")
        obj["description"] = _("Các chương trình phát thanh về chuyển đổi số doanh nghiệp của tỉnh.")
        obj["items"] = [
            story for story in obj["items"].filter(kind=Kind.RADIO_SEGMENT)[:FEED_SIZE] if self._audio(story)
        ]
        return obj

    def items(self, obj):
        return obj["items"]

    def feed_extra_kwargs(self, obj):
        site = Site.find_for_request(self.request)
        return {
            "itunes_author": site.site_name if site and site.site_name else obj["title"],
            "itunes_email": "chuyendoiso@example.gov.vn",
            "itunes_image": self.request.build_absolute_uri(static("stories/podcast.png")),
        }

    def _audio(self, story):
        if not hasattr(story, "_podcast_audio"):
            story._podcast_audio = story.first_audio()
        return story._podcast_audio

    def item_enclosures(self, item):
        audio = self._audio(item)
        document = audio["audio"]
        mime_type = mimetypes.guess_type(document.filename)[0] or "audio/mpeg"
        size = document.file_size or document.file.size
        return [Enclosure(self.request.build_absolute_uri(document.url), str(size), mime_type)]

    def item_extra_kwargs(self, item):
        duration = self._audio(item).get("duration")
        return {"itunes_duration": duration} if duration else {}


def feed_view(request, scope, value=None, atom=False):
    feed_class = AtomStoryFeed if atom else StoryFeed
    return feed_class(request, scope, value)(request)


def podcast_view(request):
    return PodcastFeed(request)(request)
