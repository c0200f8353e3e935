"""The catalogues: every key in every language, the same placeholders and tags, plural forms, the language chosen."""

from __future__ import annotations

import gettext
import io
import re

import pytest

from bot.i18n import (
    PLURAL,
    Language,
    Msg,
    Texts,
    catalogue_path,
    choose,
    mo_bytes,
    parse_po,
    texts_for,
    translations,
)

from telegram_html import assert_valid_telegram_html

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_TAG = re.compile(r"</?\w+[^>]*>")


def entries(language: Language) -> dict[str, tuple[str, ...]]:
    path = catalogue_path(language)
    _, found = parse_po(path.read_text(encoding="utf-8"), str(path))
    keys = [e.key for e in found]
    assert len(keys) == len(set(keys)), f"{path}: a key appears twice"
    return {e.key: e.forms for e in found}


@pytest.mark.parametrize("language", list(Language))
def test_every_key_is_in_every_language_and_no_other(language):
    assert set(entries(language)) == {m.value for m in Msg}


@pytest.mark.parametrize("language", list(Language))
def test_no_text_is_empty(language):
    assert all(form.strip() for forms in entries(language).values() for form in forms)


@pytest.mark.parametrize("language", [Language.RU, Language.KK])
def test_translations_keep_the_placeholders_and_tags_of_english(language):
    english, other = entries(Language.EN), entries(language)
    for key, forms in other.items():
        for form in forms:
            assert set(_PLACEHOLDER.findall(form)) == set(_PLACEHOLDER.findall(english[key][0])), (language, key)
            assert _TAG.findall(form) == _TAG.findall(english[key][0]), (language, key)


@pytest.mark.parametrize("language", [Language.RU, Language.KK])
def test_translations_are_translated(language):
    english, other = entries(Language.EN), entries(language)
    assert not [key for key in other if other[key] == english[key]]
    assert all(re.search("[\u0400-\u04ff]", forms[0]) for key, forms in other.items() if key != "stats.votes")


def test_plural_forms_agree_with_the_number():
    assert [Texts(Language.RU).count(Msg.HELP_MORE, n) for n in (1, 3, 5, 11, 21, 22)] == [
        "… и ещё 1 статья", "… и ещё 3 статьи", "… и ещё 5 статей", "… и ещё 11 статей", "… и ещё 21 статья",
        "… и ещё 22 статьи"]
    assert Texts(Language.KK).count(Msg.HELP_MORE, 5) == "… және тағы 5 мақала"
    assert Texts(Language.EN).count(Msg.HELP_MORE, 1) == "… and 1 more"
    for language in Language:
        assert all(len(entries(language)[key.value]) >= 1 for key in PLURAL)


def test_compiled_catalogue_reads_back_what_the_po_file_says():
    header, found = parse_po('msgid ""\nmsgstr "Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
                             '# a comment\nmsgid "a.key"\nmsgstr "first "\n"second"\n\n'
                             'msgid "b"\nmsgid_plural "b"\nmsgstr[0] "one {count}"\nmsgstr[1] "many {count}"\n')
    compiled = gettext.GNUTranslations(io.BytesIO(mo_bytes(header, found)))
    assert compiled.gettext("a.key") == "first second"
    assert compiled.ngettext("b", "b", 1) == "one {count}" and compiled.ngettext("b", "b", 2) == "many {count}"
    assert compiled.gettext("missing") == "missing"


def test_a_malformed_catalogue_line_is_named():
    with pytest.raises(ValueError, match="ru.po:3:"):
        parse_po('msgid "a"\nmsgstr "b"\nmsgstr oops\n', "ru.po")


@pytest.mark.parametrize("language", list(Language))
def test_every_text_with_markup_is_valid_telegram_html(language):
    tr = Texts(language)
    for key in Msg:
        text = tr.count(key, 2) if key in PLURAL else tr(key)
        if "<" in text:
            assert_valid_telegram_html(text.format(count=2, event="x", serving="y", articles=1, entries=2))
    assert translations(language).info()["language"] == language.value


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("ru", "", Language.RU), ("ru-RU", "How many died?", Language.RU), ("kk", "", Language.KK),
    ("en", "", Language.EN), (None, "", Language.EN), ("de", "Wie viele?", Language.EN), ("uk", "", Language.EN),
    (None, "Сколько человек погибло?", Language.RU), ("en", "Сколько человек погибло?", Language.RU),
    (None, "Қанша адам қаза тапты?", Language.KK), ("kk", "Сколько человек погибло?", Language.KK),
])
def test_the_language_follows_telegram_then_the_message(code, text, expected):
    assert choose(code, text) == expected
    assert texts_for(code, text).language == expected
