import io

from django.template import engines

from core.pdf import render_pdf


def test_pdf_keeps_vietnamese_diacritics(tmp_path, settings):
    from pypdf import PdfReader

    template_dir = tmp_path / "templates"
    template_dir.mkdir()
    (template_dir / "sample.html").write_text(
        "<h1>Chuyển đổi số – Đắk Nông</h1><p>Doanh nghiệp nhỏ và vừa</p>", encoding="utf-8"
    )
    settings.TEMPLATES[0]["DIRS"] = [template_dir, *settings.TEMPLATES[0]["DIRS"]]
    engines._engines = {}
    engines.__dict__.pop("templates", None)
    pdf = render_pdf("sample.html")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Chuyển đổi số – Đắk Nông" in text
    assert "Doanh nghiệp nhỏ và vừa" in text
