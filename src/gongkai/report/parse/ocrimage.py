"""Page images of scanned reports: straighten them, find the table rules,
and erase the rules before OCR (characters touching rule lines are what
OCR misreads most).

Pillow only.  A rule is a run of dark pixels far longer than any stroke
of a character: shrinking the image by ``RUN`` pixels along one axis
(averaging boxes) leaves dark only where a whole box was dark, which is
where rules run.  Positions come back in pixels of the image given.
"""

from PIL import Image, ImageDraw, ImageFilter

DARK = 160  # grey level below which a pixel is ink
RUN = 40  # pixels (about 3.4 mm at 300 dpi): longer than a character's stroke
MIN_BOXES = 3  # a rule spans at least this many boxes (about 1 cm)
ANGLES = [a / 4 for a in range(-12, 13)]  # degrees tried when straightening


def prepare(image: Image.Image) -> Image.Image:
    """Grey, denoised and straightened."""
    image = image.convert("L").filter(ImageFilter.MedianFilter(3))
    angle = skew(image)
    if angle:
        image = image.rotate(angle, resample=Image.BILINEAR, fillcolor=255)
    return image


def skew(image: Image.Image) -> float:
    """The rotation (degrees) that makes text lines and rules horizontal:
    the one whose row profile has the sharpest peaks."""
    small = image.resize((image.width // 4, image.height // 4), Image.BOX)
    best, score = 0.0, -1.0
    for angle in ANGLES:
        turned = small.rotate(angle, resample=Image.BILINEAR, fillcolor=255)
        rows = turned.resize((1, turned.height), Image.BOX).tobytes()
        mean = sum(rows) / len(rows)
        spread = sum((r - mean) ** 2 for r in rows)
        if spread > score + 1e-9:
            best, score = angle, spread
    return best


def find_rules(image: Image.Image):
    """Return ``(horizontal, vertical)`` rules: ``(y, x0, x1)`` and
    ``(x, y0, y1)`` in pixels."""
    ink = image.point(lambda p: 0 if p < DARK else 255)
    horizontal = _runs(ink)
    vertical = _runs(ink.transpose(Image.Transpose.TRANSPOSE))
    return horizontal, vertical


def _runs(ink: Image.Image) -> list[tuple[float, float, float]]:
    """Rules along rows of ``ink``: boxes of RUN pixels that are all dark,
    MIN_BOXES in a row; neighbouring rows of one rule joined; the ends then
    found to the pixel."""
    width = ink.width // RUN
    boxes = ink.resize((width, ink.height), Image.BOX).tobytes()
    found: list[list[float]] = []  # [first row, last row, x0, x1]
    for y in range(ink.height):
        row = boxes[y * width : (y + 1) * width]
        for x0, x1 in _dark_spans(row):
            _join_row(found, y, x0 * RUN, x1 * RUN)
    return [_refine(ink, a, b, x0, x1) for a, b, x0, x1 in found]


def _refine(ink: Image.Image, first: int, last: int, x0: int, x1: int):
    """The rule's middle row and its true ends (dark pixels beyond the boxes)."""
    y = (first + last) // 2
    left = ink.crop((max(0, x0 - RUN), y, x0, y + 1)).tobytes()
    right = ink.crop((x1, y, min(ink.width, x1 + RUN), y + 1)).tobytes()
    x0 -= len(left) - len(left.rstrip(b"\x00"))
    x1 += len(right) - len(right.lstrip(b"\x00"))
    return ((first + last) / 2, float(x0), float(x1))


def _dark_spans(row: bytes):
    x = 0
    while x < len(row):
        if row[x] < 64:
            start = x
            while x < len(row) and row[x] < 64:
                x += 1
            if x - start >= MIN_BOXES:
                yield start, x
        else:
            x += 1


def _join_row(found: list, y: int, x0: int, x1: int) -> None:
    for rule in reversed(found[-12:]):
        if rule[1] >= y - 1 and rule[2] < x1 and x0 < rule[3]:
            rule[1] = y
            rule[2], rule[3] = min(rule[2], x0), max(rule[3], x1)
            return
    found.append([y, y, x0, x1])


def erase(image: Image.Image, horizontal, vertical, width: int = 4) -> Image.Image:
    """A copy of ``image`` with the rules painted white (box ends widened
    by a box, as rules are found to the nearest box)."""
    clean = image.copy()
    draw = ImageDraw.Draw(clean)
    for y, x0, x1 in horizontal:
        draw.rectangle((x0 - RUN, y - width, x1 + RUN, y + width), fill=255)
    for x, y0, y1 in vertical:
        draw.rectangle((x - width, y0 - RUN, x + width, y1 + RUN), fill=255)
    return clean


def for_digits(crop: Image.Image, margin: int = 12) -> Image.Image:
    """A cell's image as Tesseract reads digits best: black on white
    (threshold by Otsu's method) and cut to its ink with a white margin."""
    level = otsu(crop)
    ink = crop.point(lambda p: 0 if p <= level else 255)
    box = ink.point(lambda p: 255 - p).getbbox()
    if box is None:
        return ink
    x0, top, x1, bottom = box
    out = Image.new("L", (x1 - x0 + 2 * margin, bottom - top + 2 * margin), 255)
    out.paste(ink.crop(box), (margin, margin))
    return out


def otsu(image: Image.Image) -> int:
    """The grey level that best splits ``image`` into ink and paper."""
    counts = image.histogram()[:256]
    total, weighted = sum(counts), sum(i * n for i, n in enumerate(counts))
    best, level, below, below_weighted = -1.0, DARK, 0, 0
    for grey, n in enumerate(counts):
        below += n
        below_weighted += grey * n
        if below in (0, total):
            continue
        dark = below_weighted / below
        light = (weighted - below_weighted) / (total - below)
        spread = below * (total - below) * (dark - light) ** 2
        if spread > best:
            best, level = spread, grey
    return level
