import io

from core.pdf import render_pdf


def test_pdf_keeps_vietnamese_diacritics(tmp_path, settings):
    from pypdf import PdfReader

    template_dir = tmp_path / "templates"
    template_dir.mkdir()
    (template_dir / "sample.html").write_text(
        "<h1>Chuyển đổi số – Đắk Nông</h1><p>Doanh nghiệp nhỏ và vừa</p>", encoding="utf-8"
    )
    # A new list (not the shared one mutated in place): the fixture restores it afterwards and
    # Django's setting_changed signal resets the template engines both ways.
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [template_dir, *settings.TEMPLATES[0]["DIRS"]]}]
    pdf = render_pdf("sample.html")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Chuyển đổi số – Đắk Nông" in text
    assert "Doanh nghiệp nhỏ và vừa" in text
