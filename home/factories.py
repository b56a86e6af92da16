"""Factories for pages, shared by the tests and the demo content."""

import factory
from wagtail.models import Page, Site

from core.pages import PageFactory, ensure_locales

from .models import HomePage, StandardPage


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Trang chủ"
    slug = "trang-chu"
    intro = "Cổng thông tin chuyển đổi số doanh nghiệp."


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Trang nội dung {n}")
    intro = "Giới thiệu ngắn."


def make_site_home(**fields):
    """The Vietnamese home page as the default site's root, replacing Wagtail's welcome page,
    plus its English translation. Idempotent."""
    vi, en = ensure_locales()
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, locale=vi).first()
    if home is None:
        home = HomePageFactory(parent=root, locale=vi, **fields)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        if type(old_root.specific) is Page and not old_root.get_children().exists():
            old_root.delete()
    return home
