"""Factories for the newsroom, shared by the tests and the demo content."""

import factory
from django.utils import timezone

from core.pages import PageFactory

from .choices import Desk, Kind
from .models import DeskIndexPage, Journalist, NewsroomPage, StoryPage

DESK_TITLES = {
    Desk.NEWSPAPER: ("Báo Đắk Nông", "dak-nong-newspaper", "bao"),
    Desk.RADIO: ("Phát thanh – Truyền hình", "radio-and-television", "phat-thanh-truyen-hinh"),
    Desk.PORTAL: ("Cổng thông tin điện tử", "web-portal", "cong-thong-tin"),
}


class JournalistFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Journalist
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Phóng viên {n}")
    desk = Desk.NEWSPAPER


class NewsroomPageFactory(PageFactory):
    class Meta:
        model = NewsroomPage

    title = "Tin tức chuyển đổi số"
    slug = "tin-tuc"
    show_in_menus = True


class DeskIndexPageFactory(PageFactory):
    class Meta:
        model = DeskIndexPage

    title = factory.LazyAttribute(lambda o: DESK_TITLES[o.desk][0])
    slug = factory.LazyAttribute(lambda o: DESK_TITLES[o.desk][2])
    desk = Desk.NEWSPAPER


class StoryPageFactory(PageFactory):
    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"Doanh nghiệp chuyển đổi số {n}")
    slug = factory.Sequence(lambda n: f"bai-viet-{n}")
    standfirst = "Doanh nghiệp trên địa bàn tỉnh đẩy mạnh ứng dụng công nghệ số."
    kind = Kind.ARTICLE
    publication_date = factory.LazyFunction(timezone.now)
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Nội dung bài viết.</p>")])

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        page = super()._create(model_class, *args, parent=parent, **kwargs)
        if page.live:
            page.get_latest_revision().publish(log_action=False)
        return page


def make_newsroom(home):
    """The newsroom front and the three desk index pages under `home`, in home's locale. Idempotent."""
    newsroom = NewsroomPage.objects.child_of(home).first()
    if newsroom is None:
        newsroom = NewsroomPageFactory(
            parent=home,
            locale=home.locale,
            intro="Tin bài về chuyển đổi số doanh nghiệp của Báo, Đài Phát thanh – Truyền hình và Cổng thông tin tỉnh.",
            search_description="Tin bài, câu chuyện thành công và chương trình phát thanh về chuyển đổi số.",
        )
    desks = {}
    for desk in Desk:
        page = DeskIndexPage.objects.child_of(newsroom).filter(desk=desk).first()
        if page is None:
            page = DeskIndexPageFactory(parent=newsroom, desk=desk, locale=home.locale)
        desks[desk.value] = page
    return newsroom, desks
