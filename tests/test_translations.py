"""The English catalogue (``src/gongkai/locale/en``): complete, consistent
with its Chinese source strings, compiled, and used by real pages.

Every user-facing string is a Chinese source string; English comes only
from ``django.po``.  Regenerate it with ``make messages``, translate the new
entries, and compile (``make messages`` does both steps except translating).
"""

import gettext
import io
import os
import re
import shutil
import tokenize
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

import pytest
from lxml import html

from gongkai.organisations.demo import build_demo_world

PACKAGE = Path(settings.LOCALE_PATHS[0]).parent
PO = PACKAGE / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")

# %(name)s, %(n)d, %s ... (python-format); "%%" is a literal percent sign.
PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?([sdifreExXgGoc%])")
HAN = re.compile(r"[\u4e00-\u9fff]")


# --- a small .po reader (standard library only) -----------------------------


def _unquote(s: str) -> str:
    return (
        s[1:-1]
        .replace(r"\\", "\x00")
        .replace(r"\n", "\n")
        .replace(r"\t", "\t")
        .replace(r"\"", '"')
        .replace("\x00", "\\")
    )


def read_po(path: Path) -> tuple[dict, list[dict]]:
    """Return (header fields, entries); obsolete (``#~``) entries are skipped.

    An entry is a dict with ``flags``, ``msgctxt``, ``msgid``,
    ``msgid_plural``, ``msgstr`` and ``msgstr_plural`` (a list), ``line``.
    """
    entries: list[dict] = []
    entry: dict | None = None
    field = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            if not line:
                entry, field = None, None
            continue
        if entry is None:
            entry = {
                "flags": set(),
                "msgctxt": None,
                "msgid": "",
                "line": number,
                "msgid_plural": None,
                "msgstr": "",
                "msgstr_plural": [],
            }
            entries.append(entry)
        if line.startswith("#,"):
            entry["flags"].update(f.strip() for f in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if field == "msgstr_plural":
                entry["msgstr_plural"][-1] += _unquote(line)
            else:
                entry[field] += _unquote(line)
        else:
            keyword, _, value = line.partition(" ")
            if keyword.startswith("msgstr["):
                field = "msgstr_plural"
                entry["msgstr_plural"].append(_unquote(value))
            else:
                field = keyword
                entry[field] = _unquote(value)
    header_entry = next(e for e in entries if e["msgid"] == "" and not e["msgctxt"])
    entries.remove(header_entry)
    header = dict(
        line.split(": ", 1) for line in header_entry["msgstr"].splitlines() if line
    )
    header["_fuzzy"] = "fuzzy" in header_entry["flags"]
    return header, entries


def placeholders(text: str) -> list[str]:
    return sorted(
        f"%({name}){conv}" if name else f"%{conv}"
        for name, conv in PLACEHOLDER.findall(text)
        if conv != "%"
    )


def translations(entry: dict) -> list[tuple[str, str]]:
    """(source, translation) pairs: one, or one per plural form."""
    if entry["msgid_plural"] is None:
        return [(entry["msgid"], entry["msgstr"])]
    forms = entry["msgstr_plural"]
    return [(entry["msgid"], forms[0])] + [
        (entry["msgid_plural"], f) for f in forms[1:]
    ]


def describe(entry: dict) -> str:
    return f"django.po:{entry['line']} {entry['msgid'][:50]!r}"


@pytest.fixture(autouse=True)
def chinese_after_each_test():
    """A request in English leaves English active in this thread (the
    LocaleMiddleware does not switch back): restore the default, so that
    tests run after these in the same worker see Chinese messages."""
    yield
    translation.deactivate()


@pytest.fixture(scope="module")
def catalogue():
    return read_po(PO)


# --- the catalogue itself ---------------------------------------------------


def test_header_declares_english_and_its_plural_forms(catalogue):
    header, _ = catalogue
    assert header["Language"] == "en"
    assert header["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert header["Content-Type"] == "text/plain; charset=UTF-8"
    assert not header["_fuzzy"]


def test_the_catalogue_is_not_empty(catalogue):
    _, entries = catalogue
    assert len(entries) > 1000


def test_every_entry_is_translated_and_none_is_fuzzy(catalogue):
    _, entries = catalogue
    fuzzy = [describe(e) for e in entries if "fuzzy" in e["flags"]]
    empty = [
        describe(e)
        for e in entries
        if not all(dst.strip() for _, dst in translations(e))
    ]
    assert not fuzzy, f"fuzzy entries: {fuzzy}"
    assert not empty, f"untranslated entries: {empty}"


def test_plural_entries_have_both_english_forms(catalogue):
    _, entries = catalogue
    wrong = [
        describe(e)
        for e in entries
        if e["msgid_plural"] is not None and len(e["msgstr_plural"]) != 2
    ]
    assert not wrong


def test_placeholders_match_between_source_and_translation(catalogue):
    _, entries = catalogue
    wrong = [
        (describe(e), src, dst)
        for e in entries
        for src, dst in translations(e)
        if placeholders(src) != placeholders(dst)
    ]
    assert not wrong, wrong


def test_python_format_flags_are_kept(catalogue):
    """Every source with a named placeholder is flagged python-format, so
    that ``msgfmt --check`` and ``compilemessages`` verify the translation."""
    _, entries = catalogue
    missing = [
        describe(e)
        for e in entries
        if re.search(r"%\(\w+\)[sd]", e["msgid"]) and "python-format" not in e["flags"]
    ]
    assert not missing


def test_translations_are_english(catalogue):
    """No translation is left in Chinese.  Chinese may appear only where it
    is quoted: titles of laws and documents, examples of Chinese input, and
    the Chinese language's own name."""
    _, entries = catalogue
    left = []
    for e in entries:
        for _src, dst in translations(e):
            latin = re.sub(r"[^A-Za-z]", "", dst)
            if HAN.search(dst) and len(latin) < 2:
                left.append(describe(e))
    assert not left, left


def test_the_compiled_catalogue_matches_the_po_file(catalogue):
    _, entries = catalogue
    with MO.open("rb") as f:
        mo = gettext.GNUTranslations(f)
    stale = []
    for e in entries:
        key = e["msgid"] if e["msgctxt"] is None else f"{e['msgctxt']}\x04{e['msgid']}"
        if e["msgid_plural"] is None:
            if mo._catalog.get(key) != e["msgstr"]:
                stale.append(describe(e))
        else:
            for n, form in enumerate(e["msgstr_plural"]):
                if mo._catalog.get((key, n)) != form:
                    stale.append(describe(e))
    assert not stale, f"django.mo is out of date, run compilemessages: {stale[:10]}"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext")
def test_every_source_string_is_in_the_catalogue(tmp_path, catalogue):
    """Run ``makemessages`` on a copy of the sources: no string may be
    missing from the committed catalogue (``make messages`` adds them)."""
    _, entries = catalogue
    source = tmp_path / "gongkai"
    shutil.copytree(
        PACKAGE,
        source,
        ignore=shutil.ignore_patterns("__pycache__", "static", "tests", "*.mo"),
    )
    (source / "locale" / "en" / "LC_MESSAGES" / "django.po").unlink()
    cwd = os.getcwd()
    os.chdir(source)
    try:
        with override_settings(LOCALE_PATHS=[source / "locale"]):
            call_command(
                "makemessages",
                locale=["en"],
                extensions=["html", "txt", "py"],
                ignore_patterns=["tests/*", "*/static/*"],
                verbosity=0,
            )
    finally:
        os.chdir(cwd)
    _, fresh = read_po(source / "locale" / "en" / "LC_MESSAGES" / "django.po")
    known = {(e["msgctxt"], e["msgid"]) for e in entries}
    assert len(fresh) > 1000
    missing = [e["msgid"] for e in fresh if (e["msgctxt"], e["msgid"]) not in known]
    assert not missing, (
        "strings missing from the English catalogue; run `make messages` "
        f"and translate them: {missing}"
    )


# --- pages in both languages -------------------------------------------------


def page_text(response) -> str:
    return " ".join(html.fromstring(response.content).text_content().split())


def html_lang(response) -> str:
    return html.fromstring(response.content).get("lang")


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.django_db
def test_home_page_is_chinese_by_default(client):
    page = client.get("/")
    assert page.status_code == 200
    assert html_lang(page) == "zh-CN"
    text = page_text(page)
    assert "各机关政府信息公开专栏" in text
    assert "检索全部机关的主动公开信息" in text
    assert "跳到正文" in text


@pytest.mark.django_db
def test_home_page_in_english_with_the_language_cookie(english):
    page = english.get("/")
    assert page.status_code == 200
    assert html_lang(page) == "en"
    text = page_text(page)
    assert "Government information disclosure columns of all agencies" in text
    assert "Search the proactively disclosed information of all agencies" in text
    assert "Skip to main content" in text
    assert "各机关政府信息公开专栏" not in text


@pytest.mark.django_db
def test_home_page_in_english_with_accept_language(client):
    page = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
    assert html_lang(page) == "en"
    assert "Government information disclosure columns of all agencies" in page_text(
        page
    )


@pytest.mark.django_db
def test_login_page_in_both_languages(client):
    url = reverse("login")
    chinese = page_text(client.get(url, headers={"accept-language": "zh-CN"}))
    assert "工作人员登录" in chinese
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(url)
    assert page.status_code == 200
    text = page_text(page)
    assert "Staff login" in text
    assert "工作人员登录" not in text


@pytest.mark.django_db
def test_agency_column_in_both_languages(client):
    township = build_demo_world().township
    url = reverse("portal:agency_column", args=[township.pk])

    def nav(response):
        doc = html.fromstring(response.content)
        return [
            a.text_content().strip() for a in doc.xpath("//nav[@class='column-nav']//a")
        ]

    chinese = client.get(url)
    assert chinese.status_code == 200
    assert nav(chinese)[0] == "政府信息公开指南"

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(url)
    assert page.status_code == 200
    assert nav(page) == [
        "Guide to government information disclosure",
        "Government information disclosure rules",
        "Content proactively disclosed by law",
        "OGI annual reports",
        "Disclosure on request (apply online)",
    ]
    # The agency's own name stays as it is: data are not translated.
    assert township.name in page_text(page) or township.full_name in page_text(page)


@pytest.mark.django_db
def test_the_language_switcher_sets_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert html_lang(client.get("/")) == "en"


# --- strings makemessages can see -------------------------------------------

_GETTEXT_NAMES = {
    "_",
    "gettext",
    "gettext_lazy",
    "ngettext",
    "pgettext",
    "gettext_noop",
}


def _gettext_in_fstrings(path: Path) -> list[int]:
    """Lines where a gettext call sits inside an f-string's braces: xgettext
    does not look there, so ``makemessages`` would drop the string."""
    depth, lines = 0, []
    source = path.read_text(encoding="utf-8")
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.FSTRING_START:
            depth += 1
        elif token.type == tokenize.FSTRING_END:
            depth -= 1
        elif depth and token.type == tokenize.NAME and token.string in _GETTEXT_NAMES:
            lines.append(token.start[0])
    return lines


def test_no_translated_string_hides_inside_an_f_string():
    found = {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := _gettext_in_fstrings(path))
    }
    assert found == {}


def test_the_f_string_check_finds_a_hidden_call(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('x = f"<p>{gettext(\'首页\')}</p>"\ny = gettext("末页")\n')
    assert _gettext_in_fstrings(sample) == [1]
