"""Drawing the demo catalogue's pictures with Pillow: gradients and a motif per product kind.

No name is drawn into a picture: the page says it in text, in the buyer's language, and a picture
cropped for a card or a banner would cut it off. Nothing is downloaded and no font file is needed
(Pillow's built-in scalable font for the logos' initials), so a fresh machine can seed the demo
offline. Every function returns JPEG (or PNG for logos) bytes.
"""

import math
import random
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

# (dark, light, accent, ink) per sector: porcelain blue, indigo and soga brown, chilli and turmeric,
# rattan and moss, court green and shuttle white.
PALETTES = {
    "crafts": ((22, 52, 96), (164, 196, 226), (232, 240, 250), (255, 255, 255)),
    "fashion": ((52, 32, 74), (176, 112, 64), (240, 214, 168), (255, 250, 240)),
    "processed-food": ((128, 34, 20), (238, 156, 48), (255, 230, 170), (255, 252, 244)),
    "furniture": ((58, 70, 38), (196, 160, 104), (246, 226, 186), (255, 252, 244)),
    "sports": ((10, 84, 78), (120, 200, 160), (236, 248, 226), (255, 255, 255)),
    "services": ((40, 40, 40), (150, 150, 160), (240, 240, 240), (255, 255, 255)),
}

SUPERSAMPLE = 2  # motifs are drawn at twice the size and scaled down, so their curves are smooth


def _font(size):
    return ImageFont.load_default(size=size)


def _gradient(size, top, bottom, angle=0):
    width, height = size
    ramp = Image.linear_gradient("L")
    if angle:
        ramp = ramp.rotate(angle, expand=True, fillcolor=128).resize((256, 256))
    return ImageOps.colorize(ramp.resize((width, height)), top, bottom)


def _blend(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _texture(canvas, colour, seed, kind="dots"):
    """A faint all-over pattern so a background reads as a surface, not a flat fill."""
    layer = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    width, height = canvas.size
    rng = random.Random(seed)
    step = 48
    if kind == "dots":
        for y in range(0, height + step, step):
            for x in range((y // step % 2) * step // 2, width + step, step):
                draw.ellipse((x - 3, y - 3, x + 3, y + 3), fill=(*colour, 40))
    else:
        for offset in range(-height, width, 36):
            draw.line((offset, height, offset + height, 0), fill=(*colour, 28), width=6)
    for _ in range(6):
        x, y, r = rng.randrange(width), rng.randrange(height), rng.randrange(120, 320)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*colour, 16))
    canvas.alpha_composite(layer)


# --- Motifs: each draws into a square RGBA layer of side `s` ---------------------------------------


def _vase(draw, s, dark, light, accent, rng):
    cx = s / 2
    points_left, points_right = [], []
    neck, belly = s * 0.09, s * (0.22 + rng.random() * 0.06)
    for i in range(41):
        t = i / 40
        y = s * 0.12 + t * s * 0.76
        width = neck + (belly - neck) * math.sin(math.pi * min(1, t * 1.25)) ** 1.6
        if t < 0.08:
            width = neck * 1.4
        points_left.append((cx - width, y))
        points_right.append((cx + width, y))
    draw.polygon(points_left + points_right[::-1], fill=accent)
    draw.ellipse((cx - neck * 1.4, s * 0.1, cx + neck * 1.4, s * 0.15), fill=_blend(accent, dark, 0.25))
    for k in range(5):  # a painted lotus band
        angle = -math.pi / 2 + (k - 2) * 0.42
        px, py = cx + math.cos(angle) * s * 0.12, s * 0.6 + math.sin(angle) * s * 0.12 + s * 0.12
        draw.ellipse((px - s * 0.05, py - s * 0.11, px + s * 0.05, py + s * 0.02), fill=dark)
    draw.line((cx - belly * 0.9, s * 0.74, cx + belly * 0.9, s * 0.74), fill=light, width=max(2, s // 90))


def _mask(draw, s, dark, light, accent, rng):
    cx, cy = s / 2, s * 0.54
    draw.ellipse((cx - s * 0.26, cy - s * 0.34, cx + s * 0.26, cy + s * 0.36), fill=accent)
    for side in (-1, 1):
        ex = cx + side * s * 0.1
        draw.ellipse((ex - s * 0.06, cy - s * 0.1, ex + s * 0.06, cy - s * 0.04), fill=dark)
        draw.arc(
            (ex - s * 0.09, cy - s * 0.2, ex + s * 0.09, cy - s * 0.06), 200, 340, fill=dark, width=s // 60
        )
    draw.polygon(
        [(cx, cy - s * 0.05), (cx - s * 0.04, cy + s * 0.1), (cx + s * 0.04, cy + s * 0.1)], fill=light
    )
    draw.arc((cx - s * 0.12, cy + s * 0.06, cx + s * 0.12, cy + s * 0.2), 20, 160, fill=dark, width=s // 45)
    draw.ellipse((cx - s * 0.04, cy + s * 0.2, cx + s * 0.04, cy + s * 0.25), fill=(190, 40, 40))
    for k in range(7):  # the crown of a Panji character
        x = cx - s * 0.24 + k * s * 0.08
        draw.polygon(
            [(x - s * 0.04, cy - s * 0.28), (x, cy - s * 0.44), (x + s * 0.04, cy - s * 0.28)], fill=light
        )


def _batik(draw, s, dark, light, accent, rng):
    step = s / 5
    for row in range(6):
        for col in range(6):
            x, y = col * step, row * step
            for dx, dy in ((0.5, 0.18), (0.5, 0.82), (0.18, 0.5), (0.82, 0.5)):  # a kawung flower
                px, py = x + dx * step, y + dy * step
                draw.ellipse(
                    (px - step * 0.2, py - step * 0.2, px + step * 0.2, py + step * 0.2), fill=accent
                )
            draw.ellipse(
                (x + step * 0.44, y + step * 0.44, x + step * 0.56, y + step * 0.56), fill=dark, outline=light
            )
    draw.rectangle((0, 0, s - 1, s - 1), outline=light, width=s // 40)


def _weave(draw, s, dark, light, accent, rng):
    top, bottom = s * 0.3, s * 0.86
    left, right = s * 0.16, s * 0.84
    draw.polygon(
        [(left, top), (right, top), (right - s * 0.06, bottom), (left + s * 0.06, bottom)], fill=light
    )
    strip = s * 0.05
    for i, y in enumerate(range(int(top), int(bottom), int(strip))):
        for j, x in enumerate(range(int(left), int(right), int(strip))):
            if (i + j) % 2 == 0:
                draw.rectangle((x + 2, y + 2, x + strip - 2, y + strip - 2), fill=accent)
    draw.rounded_rectangle(
        (left - s * 0.02, top - s * 0.04, right + s * 0.02, top + s * 0.02), s // 60, fill=dark
    )
    draw.arc((s * 0.34, s * 0.12, s * 0.66, s * 0.42), 180, 360, fill=dark, width=s // 30)


def _pouch(draw, s, dark, light, accent, rng):
    left, right, top, bottom = s * 0.24, s * 0.76, s * 0.14, s * 0.88
    draw.rounded_rectangle((left, top, right, bottom), s // 30, fill=accent)
    draw.rectangle((left, top, right, top + s * 0.06), fill=dark)
    draw.rounded_rectangle((s * 0.32, s * 0.42, s * 0.68, s * 0.74), s // 20, fill=light)
    for _ in range(9):  # chips seen through the window
        x, y = s * (0.36 + rng.random() * 0.26), s * (0.46 + rng.random() * 0.22)
        draw.ellipse(
            (x - s * 0.04, y - s * 0.025, x + s * 0.04, y + s * 0.025), fill=(222, 176, 96), outline=dark
        )
    draw.rectangle((left, s * 0.27, right, s * 0.34), fill=dark)


def _jar(draw, s, dark, light, accent, rng):
    draw.rounded_rectangle((s * 0.28, s * 0.3, s * 0.72, s * 0.86), s // 14, fill=(170, 40, 30))
    draw.rounded_rectangle((s * 0.3, s * 0.18, s * 0.7, s * 0.3), s // 50, fill=dark)
    draw.rectangle((s * 0.28, s * 0.46, s * 0.72, s * 0.7), fill=accent)
    for k in range(3):  # chillies on the label
        x = s * (0.38 + k * 0.1)
        draw.ellipse((x - s * 0.025, s * 0.5, x + s * 0.025, s * 0.66), fill=(200, 30, 30))
        draw.line((x, s * 0.5, x + s * 0.02, s * 0.47), fill=(60, 120, 40), width=s // 90)


def _bag(draw, s, dark, light, accent, rng):
    draw.polygon(
        [(s * 0.3, s * 0.16), (s * 0.7, s * 0.16), (s * 0.74, s * 0.86), (s * 0.26, s * 0.86)], fill=dark
    )
    draw.rectangle((s * 0.3, s * 0.16, s * 0.7, s * 0.22), fill=_blend(dark, (0, 0, 0), 0.3))
    draw.ellipse((s * 0.46, s * 0.3, s * 0.54, s * 0.38), outline=accent, width=s // 120)
    draw.rectangle((s * 0.33, s * 0.46, s * 0.67, s * 0.64), fill=accent)
    for _ in range(7):  # roasted beans
        x, y = s * (0.12 + rng.random() * 0.76), s * (0.84 + rng.random() * 0.1)
        draw.ellipse((x - s * 0.035, y - s * 0.024, x + s * 0.035, y + s * 0.024), fill=(92, 52, 28))
        draw.line((x - s * 0.025, y, x + s * 0.025, y), fill=(40, 20, 10), width=max(1, s // 200))


def _shoe(draw, s, dark, light, accent, rng):
    outline = [
        (s * 0.1, s * 0.66),
        (s * 0.14, s * 0.5),
        (s * 0.3, s * 0.42),
        (s * 0.46, s * 0.36),
        (s * 0.52, s * 0.44),
        (s * 0.74, s * 0.5),
        (s * 0.9, s * 0.6),
        (s * 0.9, s * 0.7),
        (s * 0.1, s * 0.72),
    ]
    draw.polygon(outline, fill=(112, 62, 30))
    draw.rectangle((s * 0.1, s * 0.7, s * 0.9, s * 0.76), fill=dark)
    for k in range(4):  # eyelets and laces
        x = s * (0.5 + k * 0.04)
        draw.ellipse((x - s * 0.01, s * 0.46, x + s * 0.01, s * 0.48), fill=accent)
    draw.line((s * 0.14, s * 0.62, s * 0.86, s * 0.64), fill=accent, width=max(1, s // 160))


def _racket(draw, s, dark, light, accent, rng):
    head = (s * 0.3, s * 0.08, s * 0.7, s * 0.56)
    draw.ellipse(head, outline=dark, width=s // 40)
    for k in range(1, 12):
        x = head[0] + (head[2] - head[0]) * k / 12
        draw.line((x, head[1] + s * 0.02, x, head[3] - s * 0.02), fill=light, width=max(1, s // 300))
        y = head[1] + (head[3] - head[1]) * k / 12
        draw.line((head[0] + s * 0.02, y, head[2] - s * 0.02, y), fill=light, width=max(1, s // 300))
    draw.line((s * 0.5, s * 0.56, s * 0.5, s * 0.9), fill=dark, width=s // 40)
    draw.rounded_rectangle((s * 0.47, s * 0.72, s * 0.53, s * 0.92), s // 80, fill=accent)


def _shuttle(draw, s, dark, light, accent, rng):
    for offset in (-0.16, 0.16):
        cx = s * (0.5 + offset)
        draw.polygon(
            [
                (cx - s * 0.16, s * 0.18),
                (cx + s * 0.16, s * 0.18),
                (cx + s * 0.05, s * 0.66),
                (cx - s * 0.05, s * 0.66),
            ],
            fill=accent,
        )
        for k in range(7):
            x = cx - s * 0.15 + k * s * 0.05
            draw.line((x, s * 0.18, cx + (x - cx) * 0.3, s * 0.66), fill=light, width=max(1, s // 250))
        draw.pieslice((cx - s * 0.06, s * 0.6, cx + s * 0.06, s * 0.76), 0, 180, fill=(230, 216, 190))
        draw.rectangle((cx - s * 0.06, s * 0.62, cx + s * 0.06, s * 0.67), fill=dark)


def _planter(draw, s, dark, light, accent, rng):
    for scale, cx in ((0.7, 0.28), (1.0, 0.56), (0.55, 0.82)):
        w, h = s * 0.2 * scale, s * 0.34 * scale
        base = s * 0.84
        draw.polygon(
            [
                (s * cx - w, base - h),
                (s * cx + w, base - h),
                (s * cx + w * 0.7, base),
                (s * cx - w * 0.7, base),
            ],
            fill=(186, 98, 60),
        )
        draw.rectangle(
            (s * cx - w * 1.08, base - h - s * 0.03, s * cx + w * 1.08, base - h), fill=(160, 80, 48)
        )
        for k in range(3):  # leaves
            angle = math.pi * (1.2 + k * 0.3)
            x2, y2 = s * cx + math.cos(angle) * h * 0.8, base - h + math.sin(angle) * h * 0.9
            draw.line((s * cx, base - h, x2, y2), fill=(60, 110, 50), width=s // 50)
            draw.ellipse((x2 - s * 0.03, y2 - s * 0.03, x2 + s * 0.03, y2 + s * 0.03), fill=(70, 130, 60))


def _chair(draw, s, dark, light, accent, rng):
    draw.ellipse((s * 0.18, s * 0.06, s * 0.82, s * 0.64), fill=light)
    for k in range(15):  # the fan of a peacock chair
        angle = math.pi * (1.05 + k * 0.9 / 14)
        draw.line(
            (s * 0.5, s * 0.6, s * 0.5 + math.cos(angle) * s * 0.3, s * 0.35 + math.sin(angle) * s * 0.28),
            fill=dark,
            width=max(2, s // 150),
        )
    draw.ellipse((s * 0.3, s * 0.52, s * 0.7, s * 0.66), fill=accent, outline=dark, width=s // 150)
    draw.polygon(
        [(s * 0.36, s * 0.62), (s * 0.64, s * 0.62), (s * 0.72, s * 0.9), (s * 0.28, s * 0.9)],
        fill=light,
        outline=dark,
    )


def _tin(draw, s, dark, light, accent, rng):
    draw.rectangle((s * 0.2, s * 0.4, s * 0.8, s * 0.78), fill=dark)
    draw.ellipse((s * 0.2, s * 0.7, s * 0.8, s * 0.86), fill=dark)
    draw.ellipse((s * 0.2, s * 0.32, s * 0.8, s * 0.48), fill=_blend(dark, accent, 0.4))
    draw.rectangle((s * 0.2, s * 0.5, s * 0.8, s * 0.64), fill=accent)
    for k in range(6):  # a tile border, Kayutangan style
        x = s * (0.24 + k * 0.1)
        draw.regular_polygon((x, s * 0.57, s * 0.03), 4, rotation=45, fill=dark)


def _shirt(draw, s, dark, light, accent, rng):
    body = [
        (s * 0.3, s * 0.2),
        (s * 0.42, s * 0.16),
        (s * 0.5, s * 0.22),
        (s * 0.58, s * 0.16),
        (s * 0.7, s * 0.2),
        (s * 0.9, s * 0.38),
        (s * 0.8, s * 0.48),
        (s * 0.72, s * 0.42),
        (s * 0.72, s * 0.88),
        (s * 0.28, s * 0.88),
        (s * 0.28, s * 0.42),
        (s * 0.2, s * 0.48),
        (s * 0.1, s * 0.38),
    ]
    draw.polygon(body, fill=accent)
    for row in range(8):
        for col in range(6):
            x, y = s * (0.32 + col * 0.075), s * (0.28 + row * 0.075)
            draw.regular_polygon((x, y, s * 0.022), 4, rotation=45, fill=dark)
    draw.line((s * 0.5, s * 0.22, s * 0.5, s * 0.88), fill=light, width=max(2, s // 120))


MOTIFS = {
    "vase": _vase,
    "mask": _mask,
    "batik": _batik,
    "weave": _weave,
    "pouch": _pouch,
    "jar": _jar,
    "bag": _bag,
    "shoe": _shoe,
    "racket": _racket,
    "shuttle": _shuttle,
    "planter": _planter,
    "chair": _chair,
    "tin": _tin,
    "shirt": _shirt,
}


def _motif_layer(motif, side, palette, seed):
    dark, light, accent, _ink = palette
    big = side * SUPERSAMPLE
    layer = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    MOTIFS[motif](ImageDraw.Draw(layer), big, dark, light, accent, random.Random(seed))
    layer = layer.resize((side, side), Image.Resampling.LANCZOS)
    shadow = Image.new("RGBA", layer.size, (0, 0, 0, 0))
    shadow.putalpha(layer.getchannel("A").point(lambda a: a * 0.35))
    return layer, shadow.filter(ImageFilter.GaussianBlur(side // 40))


def _to_jpeg(canvas):
    buffer = BytesIO()
    canvas.convert("RGB").save(buffer, "JPEG", quality=84, optimize=True, progressive=True)
    return buffer.getvalue()


def product_image(motif, sector, seed, variant=0):
    """A 1200×900 product picture; variant 1 is a close-up: the motif large, over a patterned ground."""
    palette = PALETTES[sector]
    dark, light, accent, _ink = palette
    size = (1200, 900)
    if variant == 0:
        canvas = _gradient(size, light, _blend(light, accent, 0.75)).convert("RGBA")
        _texture(canvas, dark, seed, "dots")
        layer, shadow = _motif_layer(motif, 600, palette, seed)
        canvas.alpha_composite(shadow, (320, 170))
        canvas.alpha_composite(layer, (300, 150))
    else:
        canvas = _gradient(size, dark, _blend(dark, light, 0.45), angle=35).convert("RGBA")
        _texture(canvas, accent, seed + 1, "lines")
        layer, shadow = _motif_layer(motif, 820, palette, seed + 7)
        canvas.alpha_composite(shadow, (210, 60))
        canvas.alpha_composite(layer, (190, 40))
    return _to_jpeg(canvas)


def cover_image(motif, sector, seed):
    """A 1600×900 cover: the maker's motif repeated as a frieze across the middle."""
    palette = PALETTES[sector]
    dark, light, accent, _ink = palette
    canvas = _gradient((1600, 900), dark, _blend(dark, light, 0.6), angle=20).convert("RGBA")
    _texture(canvas, accent, seed, "lines")
    for k, side in enumerate((420, 300, 360)):
        layer, shadow = _motif_layer(motif, side, palette, seed + k)
        x, y = 260 + k * 400, 450 - side // 2 + (k % 2) * 60
        canvas.alpha_composite(shadow, (x + 14, y + 14))
        canvas.alpha_composite(layer, (x, y))
    return _to_jpeg(canvas)


def logo_image(name, sector):
    """A 400×400 round monogram: the initials of the brand's first two words."""
    palette = PALETTES[sector]
    dark, light, accent, ink = palette
    big = 400 * SUPERSAMPLE
    canvas = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((8, 8, big - 8, big - 8), fill=dark)
    draw.ellipse((48, 48, big - 48, big - 48), outline=light, width=10)
    initials = "".join(word[0] for word in name.split()[:2]).upper()
    font = _font(big // 3)
    draw.text((big / 2, big / 2), initials, font=font, fill=ink, anchor="mm")
    canvas = canvas.resize((400, 400), Image.Resampling.LANCZOS)
    buffer = BytesIO()
    canvas.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def hero_image(motifs, seed=1):
    """A 1600×900 home-page banner: a row of the catalogue's motifs over an evening gradient."""
    dark, light = (18, 38, 70), (212, 120, 70)
    canvas = _gradient((1600, 900), dark, light).convert("RGBA")
    _texture(canvas, (255, 255, 255), seed, "dots")
    for k, (motif, sector) in enumerate(motifs[:6]):
        layer, shadow = _motif_layer(motif, 340, PALETTES[sector], seed + k)
        x, y = 40 + k * 255, 220 + (k % 2) * 120
        canvas.alpha_composite(shadow, (x + 12, y + 12))
        canvas.alpha_composite(layer, (x, y))
    return _to_jpeg(canvas)
