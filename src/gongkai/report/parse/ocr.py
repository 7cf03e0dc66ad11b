"""OCR of scanned PDFs with Tesseract (``tesseract`` and its ``chi_sim`` data).

Each page is rasterised by PDFium at :data:`DPI`, straightened, and its
table rules found and erased (:mod:`.ocrimage`); Tesseract then reads the
page as one block of text (``--psm 6``, which keeps a table row on one
line) and gives each word with its box and confidence.  The words and the
rules become a :class:`PageContent` like a PDF's text layer, so the ruled
tables are rebuilt cell by cell exactly as for other PDFs.

On the whole page Tesseract runs a label of two lines and the numbers
beside it into garbled lines, and misreads or drops short numbers.  So the
cells of the ruled tables are read again, each on its own, stacked in
strip images (a few runs of Tesseract a page): the text cells with
``chi_sim`` (:func:`reread_labels`), the number cells with ``eng`` and
digits only, black on white and cut to their ink (:func:`recheck_numbers`),
and the cells still in doubt once more one by one.

Never a guess: a word that holds digits and is read with less than
:data:`MIN_CONFIDENCE`, or that mixes digits with letters (``3z6``), is
kept as unreadable (its digits and ``?``), which the table reader reports
as CELL-UNREADABLE.  The parser then also leaves null every value that
breaks the table's arithmetic (see ``parser._distrust``).
"""

import io
import os
import re
import shutil
import subprocess
from functools import cache

from ..model import ReportError
from .pdfgrid import cell_boxes
from .pdfpage import PageContent

DPI = 300
LANGUAGE = "chi_sim"
MIN_CONFIDENCE = 80
MAX_PAGES = 40
TIMEOUT = 180  # seconds per page
NOT_INSTALLED = (
    "无法进行 OCR：未安装 tesseract 或其中文简体语言包"
    "（Debian/Ubuntu：apt-get install tesseract-ocr tesseract-ocr-chi-sim）"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")
_ORDINAL = re.compile(r"\d[.、]")
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?(?:万元|元|%)?")


@cache
def languages() -> tuple[str, ...]:
    """The languages Tesseract has data for (none if it is not installed)."""
    if not shutil.which("tesseract"):
        return ()
    try:
        done = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    return tuple(done.stdout.split()[1:])


def available() -> bool:
    """True if ``tesseract`` runs and has the simplified Chinese data."""
    return LANGUAGE in languages()


def ocr_pages(pdf) -> list[PageContent]:
    """Return the content of every page of a ``pypdfium2`` document by OCR."""
    if not available():
        raise ReportError(NOT_INSTALLED)
    if len(pdf) > MAX_PAGES:
        raise ReportError(f"扫描件页数过多（超过 {MAX_PAGES} 页），未进行 OCR")
    pages = []
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            image = page.render(scale=DPI / 72, grayscale=True).to_pil()
        finally:
            page.close()
        pages.append(read_image(image, DPI))
    if not any(page.words for page in pages):
        raise ReportError("OCR 未能从扫描件中识别出文字（图像可能过于模糊）")
    return pages


def read_image(image, dpi: int = DPI) -> PageContent:
    """Words and rules of one page image, in points."""
    from .ocrimage import erase, find_rules, prepare

    image = prepare(image)
    horizontal, vertical = find_rules(image)
    clean = erase(image, horizontal, vertical)
    words = recognise(clean, walls=vertical)
    scale = 72 / dpi
    content = PageContent(image.width * scale, image.height * scale, source="ocr")
    content.horizontal = [(a * scale, b * scale, c * scale) for a, b, c in horizontal]
    content.vertical = [(a * scale, b * scale, c * scale) for a, b, c in vertical]
    if "eng" in languages():
        boxes = cell_boxes(content.horizontal, content.vertical)
        pixels = [[b / scale for b in x] for x in boxes]
        words = recheck_numbers(clean, words, pixels)
        words = reread_labels(clean, words, pixels)
    content.words = [_in_points(w, scale) for w in words]
    return content


def recognise(
    image, language: str = LANGUAGE, options=(), walls=(), psm: int = 6
) -> list[dict]:
    """Tesseract's words (pixels), joined where Chinese text was split
    (never across one of the vertical rules ``walls``)."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    command = ["tesseract", "stdin", "stdout", "-l", language, "--psm", str(psm)]
    command += [*options, "tsv"]
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        done = subprocess.run(
            command, input=buffer.getvalue(), capture_output=True, timeout=TIMEOUT,
            env=env, check=True,
        )  # fmt: skip
    except subprocess.TimeoutExpired as exc:
        raise ReportError("OCR 超时：扫描件的一页识别时间过长") from exc
    except (OSError, subprocess.CalledProcessError) as exc:
        raise ReportError(f"OCR 失败：{exc}") from exc
    words = _words(done.stdout.decode("utf-8", "replace"))
    return _join(_split_at_walls(words, walls), walls)


def _words(tsv: str) -> list[dict]:
    words = []
    for line in tsv.splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) != 12 or fields[0] != "5" or not fields[11].strip():
            continue
        left, top, width, height = (int(v) for v in fields[6:10])
        words.append(
            {
                "text": _trusted(fields[11].strip(), float(fields[10])),
                "x0": left, "x1": left + width, "top": top, "bottom": top + height,
                "line": tuple(fields[2:5]),
            }
        )  # fmt: skip
    return words


def _trusted(text: str, confidence: float) -> str:
    """The word, or its digits and ``?`` when they cannot be trusted: a
    number read with little confidence or mixed with letters (``3z6``), or a
    short Latin mark read with little confidence (``]`` for ``1``)."""
    if not _DIGIT.search(text):
        doubtful = confidence < MIN_CONFIDENCE and len(text) <= 2 and text.isascii()
        return "?" if doubtful else text
    if _ORDINAL.fullmatch(text):
        return text  # ``1.`` before a row label: a marker, not a value
    if confidence >= MIN_CONFIDENCE and _plain(text):
        return text
    return re.sub(r"\D", "", text) + "?"


def _plain(text: str) -> bool:
    """A number alone, or Chinese text with one number in it (``培训3场``)."""
    numbers = [m.group() for m in _NUMBER.finditer(text)]
    if "".join(numbers) == text:
        return True
    rest = _NUMBER.sub("", text)
    return bool(_CJK.search(text)) and not re.search(r"[A-Za-z]", rest)


def _join(words: list[dict], walls=()) -> list[dict]:
    """Join neighbouring words of one line unless a number is involved:
    Tesseract splits Chinese text into words of one or two characters."""
    out: list[dict] = []
    for word in words:
        last = out[-1] if out else None
        if (
            last is not None
            and last["line"] == word["line"]
            and word["x0"] - last["x1"] < 0.6 * (word["bottom"] - word["top"])
            and not _DIGIT.search(last["text"][-1] + word["text"][0])
            and "?" not in last["text"] + word["text"]
            and not _wall_between(last, word, walls)
        ):
            last["text"] += word["text"]
            last["x1"] = max(last["x1"], word["x1"])
            last["top"] = min(last["top"], word["top"])
            last["bottom"] = max(last["bottom"], word["bottom"])
        else:
            out.append(dict(word))
    return out


def _split_at_walls(words: list[dict], walls) -> list[dict]:
    """Cut a word across a vertical rule (Tesseract reads the text of two
    cells as one word when the erased rule leaves a gap like a space): its
    characters are shared out by width."""
    out = []
    for word in words:
        y = (word["top"] + word["bottom"]) / 2
        cuts = sorted(
            x
            for x, y0, y1 in walls
            if word["x0"] + 4 < x < word["x1"] - 4 and y0 <= y <= y1
        )
        out += _cut(word, cuts) if cuts and len(word["text"]) > 1 else [word]
    return out


def _cut(word: dict, cuts: list[float]) -> list[dict]:
    text, width = word["text"], word["x1"] - word["x0"]
    edges = [word["x0"], *cuts, word["x1"]]
    pieces, at = [], 0
    for left, right in zip(edges, edges[1:], strict=False):
        end = (
            len(text)
            if right == word["x1"]
            else round((right - word["x0"]) / width * len(text))
        )
        if end > at:
            pieces.append(dict(word, text=text[at:end], x0=left, x1=right))
        at = max(at, end)
    return pieces


def _wall_between(left: dict, right: dict, walls) -> bool:
    y = (left["top"] + left["bottom"] + right["top"] + right["bottom"]) / 4
    return any(
        left["x1"] - 4 <= x <= right["x0"] + 4 and y0 <= y <= y1 for x, y0, y1 in walls
    )


def _in_points(word: dict, scale: float) -> dict:
    return {
        "text": word["text"],
        "x0": word["x0"] * scale,
        "x1": word["x1"] * scale,
        "top": word["top"] * scale,
        "bottom": word["bottom"] * scale,
    }


# --- labels read cell by cell ---------------------------------------------------

INSET = 4  # pixels cut from each side of a cell: what is left of its rules


def reread_labels(image, words: list[dict], boxes) -> list[dict]:
    """Read the text cells of the tables again, each on its own (stacked in
    one strip image): on the whole page Tesseract runs a label of two lines
    and the numbers beside it, half a line lower, into garbled lines."""
    cells = _text_cells(image, words, boxes)
    if not cells:
        return words
    strip, spans = _strip([crop for _box, _inside, crop in cells])
    again = recognise(strip)
    replaced = set()
    out = []
    for (box, inside, _crop), (top, bottom) in zip(cells, spans, strict=True):
        read = [w for w in again if top <= (w["top"] + w["bottom"]) / 2 <= bottom]
        if not _CJK.search("".join(w["text"] for w in read)):
            continue  # keep the first reading
        replaced.update(id(w) for w in inside)
        dx, dy = box[0] + INSET - GAP, box[1] + INSET - (top + GAP // 2)
        out += [_moved(w, dx, dy) for w in read if not _STRAY.fullmatch(w["text"])]
    return [w for w in words if id(w) not in replaced] + out


def _text_cells(image, words: list[dict], boxes) -> list[tuple]:
    """``(box, words in it, image of it)`` for every cell with ink but no
    number: a label or a header however OCR read it (``4?`` for （七） outside
    the number cells that :func:`recheck_numbers` finds), or nothing."""
    numeric, _maybe = _number_boxes(words, boxes, _number_lines(words, boxes))
    first = {}  # the first cell of each row: its label
    for box in boxes:
        if box[0] < first.get(_band(box), (float("inf"),))[0]:
            first[_band(box)] = box
    skip = {id(box) for box in numeric} - {id(box) for box in first.values()}
    cells = []
    for box in boxes:
        inside = _inside(words, box)
        text = "".join(w["text"] for w in inside)
        if _NUMBER.fullmatch(text) or (id(box) in skip and _number_text(text)):
            continue
        x0, top, x1, bottom = (int(v) for v in box)
        crop = image.crop((x0 + INSET, top + INSET, x1 - INSET, bottom - INSET))
        if crop.width > 8 and crop.height > 8 and crop.getextrema()[0] < 160:
            cells.append((box, inside, crop))
    return cells


def _number_text(text: str) -> bool:
    return bool(text) and len(_CJK.findall(text)) < 2 and bool(_DIGIT.search(text))


def _moved(word: dict, dx: float, dy: float) -> dict:
    return dict(
        word,
        x0=word["x0"] + dx, x1=word["x1"] + dx,
        top=word["top"] + dy, bottom=word["bottom"] + dy,
    )  # fmt: skip


# --- numbers read twice ---------------------------------------------------------

_ONLY_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_NUMERIC = re.compile(r"[-\d.,?]+")
# Digits with one mark OCR made of a digit (``3 有 2`` for 32).
_NOISY = re.compile(r"[-\d.,? ]*\d[-\d.,? ]*[^\d\s]?[-\d.,? ]*")
GAP = 30  # pixels between two cells in the strip


def recheck_numbers(image, words: list[dict], boxes) -> list[dict]:
    """Read every number cell of a page again, with Tesseract's English model
    restricted to digits, all the cells stacked in one strip image (one run
    of Tesseract a page).  A cell keeps a number only if the second reading
    is confident and does not contradict a confident first one; where it
    is in doubt, the cells in doubt are read a third time in a strip of
    their own, and a confident third reading that repeats one of the two
    first settles it."""
    lines = _number_lines(words, boxes)
    numeric, maybe = _number_boxes(words, boxes, lines)
    found = {
        id(box): _number_cell(image, words, box, ("row", *_band(box)) in lines)
        for box in numeric + maybe
    }
    cells = [c for c in found.values() if c]
    words = _tidy_labels(words, [b for b in boxes if not found.get(id(b))])
    if not cells:
        return words
    texts = _read_cells(cells)
    kept = {id(b) for b in maybe}
    replaced, out = set(), []
    for (box, inside, _crop), text in zip(cells, texts, strict=True):
        if id(box) in kept and not _ONLY_NUMBER.fullmatch(text):
            continue  # a short label, or a number still unread: as it was
        replaced.update(id(w) for w in inside)
        if text:
            out.append(_cell_word(box, inside, text))
    return [w for w in words if id(w) not in replaced] + out


def _number_boxes(words: list[dict], boxes, lines) -> tuple[list, list]:
    """The cells of number columns and rows, and the cells of a row of
    numbers that OCR read as one to three characters of Chinese in a column
    of words (``了臣`` for 19; or a short label such as 规章)."""
    numeric, maybe = [], []
    for box in boxes:
        row = ("row", *_band(box)) in lines
        if ("column", *_span(box)) in lines or (
            row and ("words", *_span(box)) not in lines
        ):
            numeric.append(box)
        elif row and _SHORT.fullmatch("".join(w["text"] for w in _inside(words, box))):
            maybe.append(box)
    return numeric, maybe


_SHORT = re.compile(r"[^\d\s]{1,3}")


def _read_cells(cells) -> list[str]:
    """The text of each number cell after a second reading and, where in
    doubt, a third."""
    crops = [crop for _box, _inside, crop in cells]
    firsts = ["".join(w["text"] for w in inside) for _box, inside, _crop in cells]
    seconds = _read_digits(crops)
    texts = [_reconcile(a, b) for a, b in zip(firsts, seconds, strict=True)]
    doubtful = [i for i, text in enumerate(texts) if "?" in text]
    if doubtful:
        thirds = _read_each([crops[i] for i in doubtful])
        for i, third in zip(doubtful, thirds, strict=True):
            texts[i] = _settle(texts[i], firsts[i], seconds[i], third)
    return texts


def _read_digits(crops) -> list[list[dict]]:
    """Tesseract's words (digits only) in each of ``crops``, read in one strip."""
    strip, spans = _strip(crops)
    words = recognise(strip, "eng", ("-c", "tessedit_char_whitelist=0123456789.-"))
    return [
        [w for w in words if top <= (w["top"] + w["bottom"]) / 2 <= bottom]
        for top, bottom in spans
    ]


def _read_each(crops) -> list[list[dict]]:
    """Tesseract's words (digits only) in each of ``crops``, one line each."""
    options = ("-c", "tessedit_char_whitelist=0123456789.-")
    return [recognise(crop, "eng", options, psm=7) for crop in crops]


def _settle(text: str, first: str, second: list[dict], third: list[dict]) -> str:
    """A doubtful cell's text after a third reading: the third if it is
    confident and repeats the digits of one of the first two readings."""
    again = "".join(w["text"] for w in third)
    if not _ONLY_NUMBER.fullmatch(again):
        return text
    earlier = {re.sub(r"[^\d.-]", "", t) for t in (first, _text(second))}
    return again if again in earlier else text


def _text(words: list[dict]) -> str:
    return "".join(w["text"] for w in words)


_GARBLED = re.compile(r"[\d?]")
_STRAY = re.compile(r"\d{1,2}\??|\?")


def _tidy_labels(words: list[dict], boxes) -> list[dict]:
    """Label cells hold no number and no full stop: a digit OCR left on its
    own (an ordinal ``3.`` read as ``3?``) or a ``。`` it saw in a speck
    would be taken for a cell or for narrative text."""
    stray = set()
    for box in boxes:
        for word in _inside(words, box):
            if _STRAY.fullmatch(word["text"]):
                stray.add(id(word))
            elif "。" in word["text"]:
                word["text"] = word["text"].replace("。", "")
    return [w for w in words if id(w) not in stray and w["text"]]


def _span(box) -> tuple[int, int]:
    return round(box[0] / 8), round(box[2] / 8)


def _inside(words: list[dict], box) -> list[dict]:
    x0, top, x1, bottom = box
    return [
        w
        for w in words
        if x0 <= (w["x0"] + w["x1"]) / 2 <= x1
        and top <= (w["top"] + w["bottom"]) / 2 <= bottom
    ]


def _number_lines(words: list[dict], boxes) -> set:
    """Columns and rows of cells (one width and place, one height and place)
    most of whose cells hold numbers, and columns most of whose cells hold
    words (labels: never read as numbers)."""
    counts: dict[tuple, list[int]] = {}
    for box in boxes:
        text = "".join(w["text"] for w in _inside(words, box))
        if not text:
            continue
        for key in (("column", *_span(box)), ("row", *_band(box))):
            count = counts.setdefault(key, [0, 0, 0])
            # A row also counts the numbers OCR garbled (``4?``, ``?可本``).
            count[0] += bool(
                _NUMERIC.fullmatch(text) or (key[0] == "row" and _GARBLED.search(text))
            )
            count[1] += 1
            count[2] += len(_CJK.findall(text)) > 1
    out = set()
    for key, (numbers, cells, wordy) in counts.items():
        # A column's header is text; its other cells hold numbers.
        if numbers * 2 > cells or (key[0] == "column" and numbers * 2 >= cells - 1):
            out.add(key)
        if key[0] == "column" and wordy * 2 > cells:
            out.add(("words", *key[1:]))
    return out


def _band(box) -> tuple[int, int]:
    return round(box[1] / 8), round(box[3] / 8)


def _number_cell(image, words: list[dict], box, number_row: bool = False):
    """``(box, words in it, image of it)`` for a cell of a number column
    that holds a number, or one mark OCR took for a character; in a row of
    numbers, also a cell OCR read as Chinese (``可本`` for 250)."""
    from .ocrimage import for_digits

    x0, top, x1, bottom = box
    inside = _inside(words, box)
    text = "".join(w["text"] for w in inside)
    if (
        len(_CJK.findall(text)) > 1
        and not _NOISY.fullmatch(text)
        and not (number_row and len(text) <= 3)
    ):
        return None  # a header (其他, 总计) or a label
    inset = 6
    crop = image.crop(
        (int(x0) + inset, int(top) + inset, int(x1) - inset, int(bottom) - inset)
    )
    if crop.width < 8 or crop.height < 8 or crop.getextrema()[0] >= 160:
        return None  # an empty cell
    return box, inside, for_digits(crop)


def _strip(crops):
    from PIL import Image

    width = max(c.width for c in crops) + 2 * GAP
    height = sum(c.height + GAP for c in crops) + GAP
    strip = Image.new("L", (width, height), 255)
    spans, y = [], GAP
    for crop in crops:
        strip.paste(crop, (GAP, y))
        spans.append((y - GAP // 2, y + crop.height + GAP // 2))
        y += crop.height + GAP
    return strip, spans


def _reconcile(first: str, again: list[dict]) -> str:
    second = "".join(w["text"] for w in again)
    if not _ONLY_NUMBER.fullmatch(second) or "?" in second:
        if _ONLY_NUMBER.fullmatch(first):
            return first
        return (re.sub(r"\D", "", first) or re.sub(r"\D", "", second)) + "?"
    if _ONLY_NUMBER.fullmatch(first) and first != second:
        return second + "?"  # two confident readings disagree
    return second


def _cell_word(box, inside: list[dict], text: str) -> dict:
    if inside:
        x0 = min(w["x0"] for w in inside)
        x1 = max(w["x1"] for w in inside)
        top = min(w["top"] for w in inside)
        bottom = max(w["bottom"] for w in inside)
    else:
        x0, top, x1, bottom = box
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "line": ()}
