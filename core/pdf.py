"""PDF documents (handbook, results, certificates, reports) from HTML templates.

WeasyPrint renders with the DejaVu fonts shipped in site/static/fonts, which cover every
Vietnamese letter and tone mark, so the output never depends on the machine's fonts.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string

FONT_DIR = Path(settings.BASE_DIR) / "site" / "static" / "fonts"


def _face(file: str, extra: str = "") -> str:
    return f'@font-face {{ font-family: "DX Sans"; {extra} src: url("{(FONT_DIR / file).as_uri()}"); }}'


FONT_CSS = "\n".join(
    [
        _face("DejaVuSans.ttf"),
        _face("DejaVuSans-Bold.ttf", "font-weight: bold;"),
        _face("DejaVuSans-Oblique.ttf", "font-style: italic;"),
        'html { font-family: "DX Sans", sans-serif; }',
    ]
)


def render_pdf(
    template_name: str,
    context: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
    base_url: str | None = None,
) -> bytes:
    """Render a Django template to PDF bytes. Images and links resolve against base_url
    (default: the request's absolute URL, or the project folder)."""
    from weasyprint import CSS, HTML

    html = render_to_string(template_name, context or {}, request=request)
    if base_url is None:
        base_url = request.build_absolute_uri("/") if request is not None else str(settings.BASE_DIR)
    return HTML(string=html, base_url=base_url).write_pdf(stylesheets=[CSS(string=FONT_CSS)])
