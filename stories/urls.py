"""The newsroom's plain views (under the language prefix): feeds, widget, sitemap, robots.txt."""

from django.urls import path

from . import feeds, views

urlpatterns = [
    path("feeds/stories/", feeds.feed_view, {"scope": "all"}, name="stories_feed"),
    path("feeds/stories/atom/", feeds.feed_view, {"scope": "all", "atom": True}, name="stories_feed_atom"),
    path("feeds/stories/podcast/", feeds.podcast_view, name="stories_podcast"),
    path("feeds/stories/<str:scope>/<str:value>/", feeds.feed_view, name="stories_feed_scoped"),
    path(
        "feeds/stories/<str:scope>/<str:value>/atom/",
        feeds.feed_view,
        {"atom": True},
        name="stories_feed_scoped_atom",
    ),
    path("widgets/stories/", views.stories_widget, name="stories_widget"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
