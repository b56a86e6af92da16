"""Generated media for the demo and the tests: flat illustrations drawn with Pillow and a
short WAV tone written with the `wave` module (both under CC0, made by this project)."""

import io
import math
import struct
import wave

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

LICENCE = "Minh họa tạo tự động cho nội dung mẫu, CC0 1.0."
FONT_PATHS = [
    "site/static/fonts/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
]


def _font(size):
    from django.conf import settings

    for path in FONT_PATHS:
        candidate = settings.BASE_DIR / path if not path.startswith("/") else path
        try:
            return ImageFont.truetype(str(candidate), size)
        except OSError:
            continue
    return ImageFont.load_default()


def illustration_bytes(text, colour=(11, 79, 138), size=(1600, 900)):
    """A JPEG: a coloured background, simple shapes and the caption text."""
    width, height = size
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    light = tuple(min(255, c + 60) for c in colour)
    draw.ellipse((width * 0.55, height * 0.1, width * 0.95, height * 0.8), fill=light)
    draw.rectangle((width * 0.08, height * 0.62, width * 0.5, height * 0.66), fill=(255, 255, 255))
    for i in range(5):
        bar_height = height * (0.1 + 0.08 * i)
        x = width * (0.6 + 0.06 * i)
        draw.rectangle((x, height * 0.85 - bar_height, x + width * 0.04, height * 0.85), fill=(255, 255, 255))
    font = _font(int(height / 14))
    words, lines, line = text.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) > width * 0.48 and line:
            lines.append(line)
            line = word
        else:
            line = trial
    lines.append(line)
    y = height * 0.15
    for line in lines[:5]:
        draw.text((width * 0.08, y), line, font=font, fill=(255, 255, 255))
        y += height / 11
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82)
    return out.getvalue()


def make_image(title, colour=(11, 79, 138), slug="minh-hoa"):
    """A Wagtail image (idempotent by title) with its focal point on the drawing's centre."""
    Image_ = get_image_model()
    existing = Image_.objects.filter(title=title).first()
    if existing:
        return existing
    data = illustration_bytes(title, colour)
    image = Image_(title=title, file=ImageFile(io.BytesIO(data), name=f"{slug}.jpg"))
    if hasattr(image, "description"):
        image.description = title
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 1200, 420, 500, 500
    image.save()
    return image


def wav_bytes(seconds=4, frequency=440, rate=8000):
    """A mono 8-bit WAV tone that fades in and out."""
    frames = bytearray()
    total = int(seconds * rate)
    for n in range(total):
        envelope = min(1.0, n / (rate * 0.3), (total - n) / (rate * 0.3))
        sample = int(128 + 60 * envelope * math.sin(2 * math.pi * frequency * n / rate))
        frames += struct.pack("B", sample)
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(1)
        wav.setframerate(rate)
        wav.writeframes(bytes(frames))
    return out.getvalue()


def make_audio(title, seconds=4, slug="ban-tin"):
    """A Wagtail document holding a generated WAV clip (idempotent by title)."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    data = wav_bytes(seconds)
    document = Document(title=title, file=SimpleUploadedFile(f"{slug}.wav", data, content_type="audio/wav"))
    document.file_size = len(data)
    document.save()
    return document
