import pytest

from bot.query import _phrasal_verbs_read
from bot.spelling import Speller
from bot.text import is_mostly_foreign, stem, terms, words


@pytest.mark.parametrize("text, expected", [
    ("Nearly 8,000 people", ["nearly", "8000", "people"]),
    ("coup d’etat", ["coup", "d'etat"]),
    ("Nazarbayev’s first name", ["nazarbayev", "first", "name"]),
    ("Kassym-Jomart Tokayev", ["kassym", "jomart", "tokayev"]),
    ("2.5 percent", ["2.5", "percent"]),
])
def test_words(text, expected):
    assert words(text) == expected


def test_terms_drop_stop_words_and_stem():
    assert terms("How many people were arrested?") == ["peopl", "arrest"]


@pytest.mark.parametrize("typo, fixed", [("peple", "people"), ("tokaev", "tokayev"), ("kazakstan", "kazakhstan"),
                                         ("protestrs", "protesters")])
def test_speller_fixes_one_edit_typos(typo, fixed):
    speller = Speller.from_words(["people", "tokayev", "kazakhstan", "protesters", "troops"])
    assert speller.correct(typo) == fixed


@pytest.mark.parametrize("word", ["football", "restaurant", "troops", "abc", "tanks", "mayor", "protestors"])
def test_speller_leaves_unrelated_known_short_or_real_english_words(word):
    speller = Speller.from_words(["people", "tokayev", "troops", "talks", "major", "protesters"])
    assert speller.correct(word) is None


def test_cyrillic_question_is_foreign():
    assert is_mostly_foreign("Сколько человек погибло?")
    assert not is_mostly_foreign("How many died in Almaty?")


def test_a_plural_noun_does_not_stem_like_the_verb_it_spells():
    assert stem("lives") == stem("life") != stem("live")


def test_an_officer_is_not_an_office():
    assert stem("officers") == stem("officer") != stem("office") == stem("offices")
    assert stem("Грузии".lower()) == stem("грузия") != stem("груз")  # Georgia is no cargo


def test_an_acronym_in_the_plural_stems_as_the_acronym():
    assert stem("vpns") == stem("vpn") == "vpn" and stem("atms") == stem("atm")
    assert stem("sms") == "sms"  # three letters: an acronym of its own, not a plural


def test_phrasal_verbs_and_idioms_are_read_as_the_word_news_writes():
    assert _phrasal_verbs_read("how many soldiers lost their lives".split()) == ["how", "many", "soldiers", "died"]
    assert _phrasal_verbs_read("what set off the riots".split()) == ["what", "triggered", "the", "riots"]


def test_chat_fillers_are_no_words_of_the_question():
    assert terms("what's the body count from the whole thing, actually?") == terms("what's the body count?")
