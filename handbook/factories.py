"""Factories for handbook pages, shared by the tests and the demo content."""

import datetime

import factory
from wagtail.models import Page

from .models import DBIGuidePage, FAQPage, HandbookChapterPage, HandbookIndexPage


class _PageFactory(factory.django.DjangoModelFactory):
    """Creates a live page (with a published revision) as a child of `parent`."""

    class Meta:
        abstract = True

    live = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or Page.get_first_root_node()
        sectors = kwargs.pop("sectors", None)
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        if sectors:
            page.sectors.set(sectors)
            page.save()
        page.save_revision(log_action=False).publish(log_action=False)
        return page


class HandbookIndexPageFactory(_PageFactory):
    class Meta:
        model = HandbookIndexPage

    title = "Cẩm nang chuyển đổi số"
    slug = factory.Sequence(lambda n: f"cam-nang-{n}")
    intro = "Kiến thức chuyển đổi số cho doanh nghiệp nhỏ và vừa."


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


def heading(text, level="2"):
    return ("heading", {"text": text, "level": level})


def callout(text, title="", kind="tip"):
    return ("callout", {"kind": kind, "title": title, "text": f"<p>{text}</p>"})


class HandbookChapterPageFactory(_PageFactory):
    class Meta:
        model = HandbookChapterPage

    title = factory.Sequence(lambda n: f"Chương {n}: Chuyển đổi số")
    slug = factory.Sequence(lambda n: f"chuong-{n}")
    intro = "Những điều doanh nghiệp cần biết."
    body = factory.LazyFunction(
        lambda: [
            heading("Vì sao cần chuyển đổi số"),
            paragraph("Chuyển đổi số giúp doanh nghiệp bán hàng tốt hơn và quản lý chặt chẽ hơn."),
            heading("Bước đầu tiên", "3"),
            paragraph("Bắt đầu bằng hóa đơn điện tử và sổ bán hàng trên điện thoại."),
        ]
    )
    last_reviewed = datetime.date(2026, 3, 1)
    pillar_codes = factory.LazyFunction(list)
    audience_sizes = factory.LazyFunction(list)


class FAQPageFactory(_PageFactory):
    class Meta:
        model = FAQPage

    title = "Hỏi đáp về chuyển đổi số"
    slug = factory.Sequence(lambda n: f"hoi-dap-{n}")
    body = factory.LazyFunction(
        lambda: [
            (
                "section",
                {
                    "heading": "Bộ chỉ số DBI",
                    "items": [
                        {"question": "DBI là gì?", "answer": "<p>Bộ chỉ số đánh giá mức độ chuyển đổi số.</p>"},
                        {"question": "Ai được tự đánh giá?", "answer": "<p>Mọi doanh nghiệp & hợp tác xã.</p>"},
                    ],
                },
            )
        ]
    )


class DBIGuidePageFactory(_PageFactory):
    class Meta:
        model = DBIGuidePage

    title = "Hướng dẫn bộ chỉ số DBI"
    slug = "huong-dan-dbi"
    framework_code = "DBI-1970-SME"
