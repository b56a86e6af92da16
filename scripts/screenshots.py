"""Screenshots of the chart pages for docs/screenshots/ (issue 16), from a running dev server
with the demo content:

    DATABASE_URL=sqlite:////tmp/vicharts.sqlite3 .venv/bin/python manage.py runserver 8716 &
    DATABASE_URL=sqlite:////tmp/vicharts.sqlite3 .venv/bin/python scripts/screenshots.py http://127.0.0.1:8716

Playwright drives Debian's /usr/bin/chromium (headless, no sandbox). Pages are cut at
MAX_HEIGHT so the PNGs stay small."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from playwright.sync_api import sync_playwright  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
WIDTHS = {"360": {"width": 360, "height": 740}, "1280": {"width": 1280, "height": 900}}
MAX_HEIGHT = 2400


def urls():
    from assessment_forms.models import AssessmentPage, Submission
    from assessment_forms.services import public_year
    from assessment_forms.views import resume_url
    from dashboard.models import DashboardPage
    from honors.models import RankingEntry, RankingsPage

    assessment = AssessmentPage.objects.live().filter(locale__language_code="vi").first()
    year = public_year()
    # A verified result with a previous year, so the page shows its comparison and change.
    submission = (
        Submission.objects.verified().filter(year=year, enterprise__publish_dbi_consent=True).order_by("pk").first()
    )
    rankings = RankingsPage.objects.live().filter(locale__language_code="vi").first()
    entry = RankingEntry.objects.filter(year=year, consent=True, rank__isnull=False).order_by("rank").first()
    dashboard = DashboardPage.objects.live().filter(locale__language_code="vi").first()
    return {
        "ket-qua-dbi": resume_url(assessment, submission, "result"),
        "ho-so-doanh-nghiep": rankings.profile_url(entry.enterprise_id),
        "xep-hang": rankings.url,
        "bang-so-lieu": dashboard.url,
    }


def shrink(path):
    """A 128-colour palette: a fifth of the size, no visible loss on flat web pages."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def main(base):
    OUT.mkdir(parents=True, exist_ok=True)
    targets = urls()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--headless"])
        for width, viewport in WIDTHS.items():
            context = browser.new_context(
                viewport=viewport, locale="vi-VN", is_mobile=width == "360", has_touch=width == "360"
            )
            page = context.new_page()
            for name, path in targets.items():
                page.goto(base.rstrip("/") + path, wait_until="networkidle")
                height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
                target = OUT / f"{name}-{width}.png"
                page.screenshot(
                    path=str(target),
                    full_page=True,
                    clip={"x": 0, "y": 0, "width": viewport["width"], "height": height},
                )
                shrink(target)
                overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
                print(f"{target.relative_to(ROOT)} {target.stat().st_size // 1024} KB overflow={overflow}")
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8716")
