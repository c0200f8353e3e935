from pathlib import Path

import pytest

from bot.corpus import Corpus, is_furniture, load_corpus, parse_article, split_sentences
from bot.errors import InputError

from conftest import SEED_CORPUS


@pytest.fixture(scope="module")
def seed():
    return load_corpus(SEED_CORPUS)


def texts(corpus: Corpus) -> list[str]:
    return [s.text for s in corpus.sentences]


def test_seed_title_is_first_line(seed):
    assert seed.documents[0].title.startswith("Kazakh leader declares")


def test_every_seed_sentence_is_verbatim_in_the_file(seed):
    raw = Path(seed.documents[0].path).read_text(encoding="utf-8")
    for s in seed.sentences:
        assert raw[s.start:s.start + len(s.text)] == s.text


def test_photo_credit_is_not_part_of_any_sentence(seed):
    assert not any("Handout via Reuters" in t for t in texts(seed))
    assert any(t.endswith("'bandits and terrorists'") for t in texts(seed))


def test_glued_embed_marker_is_cut_from_the_sentence(seed):
    sentence = next(t for t in texts(seed) if t.startswith("He also defended"))
    assert sentence.endswith("lack of information.")
    assert not any("INTERACTIVE" in t for t in texts(seed))


def test_closing_source_line_is_metadata_not_a_sentence(seed):
    assert not any(t.startswith("Source:") for t in texts(seed))
    assert seed.documents[0].source == "Al Jazeera and news agencies"


def test_heading_is_context_not_a_sentence(seed):
    assert "Days of unrest" not in texts(seed)
    almaty = next(p for p in seed.passages if "Almaty" in seed.sentences[p.sentence_ids[0]].text)
    assert almaty.heading == "Days of unrest"


def test_sentences_keep_their_position(seed):
    s = next(s for s in seed.sentences if s.text.startswith("It became clear"))
    assert (s.doc_id, s.position) == (0, 1)
    assert seed.sentences[s.index - 1].paragraph == s.paragraph


@pytest.mark.parametrize("text, expected", [
    ("Nearly 8,000 people were arrested. Troops numbered 2,030 in all.",
     ["Nearly 8,000 people were arrested.", "Troops numbered 2,030 in all."]),
    ("He called it a coup d’etat. Others disagreed.", ["He called it a coup d’etat.", "Others disagreed."]),
    ("“It is over. We won,” he said. Then he left.", ["“It is over.", "We won,” he said.", "Then he left."]),
    ("“We won,” Tokayev told the CSTO, at his request.", ["“We won,” Tokayev told the CSTO, at his request."]),
    ("Unrest broke out … It became clear.", ["Unrest broke out …", "It became clear."]),
    ("They waited … and then left.", ["They waited … and then left."]),
    ("Mr. Smith met Dr. Jones in the U.S. on Jan. 5. It rained.",
     ["Mr. Smith met Dr. Jones in the U.S. on Jan. 5.", "It rained."]),
    ("Prices rose 2.5 percent. Is it over? Yes!", ["Prices rose 2.5 percent.", "Is it over?", "Yes!"]),
    ("Clashes began.[10] Tokayev spoke.[11][12] He said “no.”[4]",  # an encyclopedia's citation marks
     ["Clashes began.", "Tokayev spoke.", "He said “no.”"]),
])
def test_sentence_splitting(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_bare_article_without_header_loads(tiny_corpus):
    corpus = load_corpus(tiny_corpus)
    assert corpus.documents[0].title == "Flood hits river town"
    assert "Cleanup" not in texts(corpus)
    assert corpus.documents[0].source == "Example News"
    assert "About 300 residents were evacuated by boat." in texts(corpus)


def test_optional_header_gives_url_and_date(tmp_path):
    corpus = Corpus()
    text = ("Source: Example Wire\nURL: https://example.org/a\nDate: 2022-01-10\n\n"
            "Title here\n\nBody sentence one. Two.\n")
    parse_article(corpus, tmp_path / "a.txt", text)
    doc = corpus.documents[0]
    assert (doc.title, doc.url, doc.date, doc.source) == ("Title here", "https://example.org/a", "2022-01-10",
                                                          "Example Wire")
    assert texts(corpus) == ["Title here", "Body sentence one.", "Two."]


def test_missing_corpus_directory_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="corpus directory not found"):
        load_corpus(tmp_path / "nope")


def test_empty_corpus_directory_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no \\*.txt articles"):
        load_corpus(tmp_path)


def test_non_utf8_file_is_named_with_its_line(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"Title\n\nGood line.\nBad \xff byte.\n")
    with pytest.raises(InputError) as info:
        load_corpus(tmp_path)
    assert "bad.txt:4:" in str(info.value)


@pytest.mark.parametrize("dateline", [
    "ALMATY, Jan 13 (Reuters) - ", "BEIRUT (AP) — ", "NUR-SULTAN, Jan. 7 - ", "ALMATY, Kazakhstan (AP) — ",
    "MOSCOW, Russia, Jan. 6 (AFP) - ",
])
def test_wire_dateline_is_not_part_of_the_first_sentence(tmp_path, dateline):
    corpus = Corpus()
    parse_article(corpus, tmp_path / "a.txt", f"Title here\n\n{dateline}Police said 12 officers died. More later.\n")
    assert texts(corpus)[1:] == ["Police said 12 officers died.", "More later."]


def test_a_transcripts_questions_frame_its_answers_and_are_never_quoted(tmp_path):
    corpus = Corpus()
    parse_article(corpus, tmp_path / "a.txt", "Title here\n\nQ: The police say they are looking into it. Do you "
                  "believe them?\n\nA: I do not. Nineteen clients told us they were beaten.\n")
    assert texts(corpus)[1:] == ["I do not.", "Nineteen clients told us they were beaten."]
    assert corpus.passages[-1].heading.startswith("Q: The police say")


def test_a_broadcasts_speaker_labels_are_not_part_of_what_they_say(tmp_path):
    corpus = Corpus()
    parse_article(corpus, tmp_path / "a.txt", "Evening news\n\nANCHOR: Good evening. Almaty is burning.\n\n"
                  "REPORTER (ALMATY): The akimat was set on fire at noon.\n\nCORRECTION: the fire began at one.\n")
    told = [s.text for s in corpus.sentences if s.quotable]
    assert "Good evening." in told and "The akimat was set on fire at noon." in told
    assert not any("CORRECTION" in t for t in told)  # a correction's label still marks what it withdraws
    box = Corpus()
    parse_article(box, tmp_path / "b.txt", "Markets\n\nThe tenge fell.\n\nGDP: 4.1 percent\nCPI: 8.4 percent\n")
    assert "GDP: 4.1 percent" in [s.text for s in box.sentences]  # a box's labels are kept


def test_a_fact_checks_claims_and_a_figure_on_its_own_line_frame_what_follows(tmp_path):
    corpus = Corpus()
    parse_article(corpus, tmp_path / "a.txt", 'Title here\n\nClaim: "20,000 bandits attacked," he said.\n\n'
                  "Nobody has shown the data.\n\nVerdict: Unproven.\n\n238\n\nThe final official death toll.\n")
    assert texts(corpus)[1:] == ["Nobody has shown the data.", "Verdict: Unproven.", "The final official death toll."]
    assert [p.heading for p in corpus.passages[1:]] == ['Claim: "20,000 bandits attacked," he said.'] * 2 + ["238"]


def test_a_box_of_labelled_figures_or_a_bulleted_list_is_a_sentence_a_line(tmp_path):
    corpus = Corpus()
    parse_article(corpus, tmp_path / "a.txt", "Title here\n\nMarkets moved.\n\nTenge: 436.2 per dollar (Jan. 10)\n"
                  "Brent crude: $81.75 per barrel\n\nYou should:\n\n- stay indoors during curfew hours\n"
                  "- carry your passport at all times\n")
    assert texts(corpus)[2:] == ["Tenge: 436.2 per dollar (Jan. 10)", "Brent crude: $81.75 per barrel", "You should:",
                                 "stay indoors during curfew hours", "carry your passport at all times"]


def test_a_first_sentence_naming_two_places_keeps_its_start(tmp_path):
    corpus = Corpus()
    parse_article(corpus, tmp_path / "a.txt", "Title here\n\nNATO, Russia and China met on Monday. More later.\n")
    assert texts(corpus)[1] == "NATO, Russia and China met on Monday."


WEB_PAGE = """Kazakhstan says 164 killed in unrest

By Olzhas Auyezov and Mariya Gordeyeva

January 9, 2022 4:35 PM GMT Updated 3 years ago

ALMATY, Jan 9 (Reuters) - Kazakhstan said on Sunday 164 people had been killed in a week of unrest.

Advertisement · Scroll to continue

Read more:
Kazakh president says foreign-trained terrorists behind unrest

The figure was up from a previous toll of 44. It was not clear whether it included only civilians.

People gather near a burning police car in Almaty, January 5, 2022. REUTERS/Pavel Mikheyev

Almost 6,000 people have been detained, the president's office said.

Reporting by Olzhas Auyezov; Writing by Tom Balmforth; Editing by Frances Kerry

Our Standards: The Thomson Reuters Trust Principles.
"""


def test_a_web_pages_furniture_helps_matching_but_is_never_quoted(tmp_path):
    corpus = Corpus()
    parse_article(corpus, tmp_path / "a.txt", WEB_PAGE)
    quotable = [s.text for s in corpus.sentences if s.quotable]
    assert quotable == ["Kazakhstan said on Sunday 164 people had been killed in a week of unrest.",
                        "The figure was up from a previous toll of 44.",
                        "It was not clear whether it included only civilians.",
                        "Almost 6,000 people have been detained, the president's office said."]
    assert any(s.text.startswith("Reporting by") for s in corpus.sentences)  # kept for matching, not quoted


def test_the_claim_a_correction_withdraws_is_not_quoted_and_what_it_puts_right_is(tmp_path):
    corpus = Corpus()
    parse_article(corpus, tmp_path / "a.txt", "Live: unrest in Almaty\n\n"
                  "14:20 — Correction: an earlier entry said the emergency would last a week. It runs until 19 "
                  "January.\n\nAn earlier version of this story misstated the toll. It is 225.\n\n"
                  "The correction desk said the curfew stays.\n")
    assert [s.text for s in corpus.sentences if s.quotable] == [
        "It runs until 19 January.", "It is 225.", "The correction desk said the curfew stays."]


@pytest.mark.parametrize("paragraph", [
    "By Sarah Smith in Almaty", "Updated 12:41 GMT, 6 January 2022", "Published January 6, 2022 10:15 am",
    "(Additional reporting by Dana Kaliyeva; Editing by Tom Reinholt)", "See also: Kazakhstan timeline",
])
def test_bylines_timestamps_and_credit_lines_are_furniture(paragraph):
    assert is_furniture(paragraph)


@pytest.mark.parametrize("paragraph", [
    "By January 10 the protests had ended.", "Updated figures showed 225 people had died by January 15.",
    "January 5, 2022 was the day the government resigned, the ministry said at 10:00 in a statement.",
])
def test_story_sentences_that_start_like_furniture_are_not(paragraph):
    assert not is_furniture(paragraph)


@pytest.mark.parametrize("paragraph, caption", [
    ("Troops patrol Almaty, January 7, 2022. REUTERS/Pavel Mikheyev", True),
    ("Protesters in Aktobe. AP Photo/Vladimir Tretyakov", True),
    ("A burnt car in Almaty. Alexander Bogdanov/AFP via Getty Images", True),
    ("Smoke rises over the akimat (Photo: Vladimir Tretyakov)", True),
    ("Russia would send 3,000 troops, the defence ministry told AFP.", False),
    ("Tokayev called them terrorists, according to TASS.", False),
])
def test_a_photo_credit_makes_a_caption_and_an_agency_named_in_a_story_does_not(tmp_path, paragraph, caption):
    corpus = Corpus()
    parse_article(corpus, tmp_path / "a.txt", f"Title here\n\nThe story begins here. It goes on.\n\n{paragraph}\n")
    assert all(s.quotable != caption for s in corpus.sentences[3:])


def test_a_photo_essays_captions_are_its_story_and_their_credits_are_cut(tmp_path):
    captions = "\n\n".join(f"{n}. Crowds gather in square {n} on {n} January. Photo: Daniyar Mussin / AFP"
                           for n in range(1, 5))
    corpus = Corpus()
    parse_article(corpus, tmp_path / "a.txt", f"January in pictures\n\nThe pictures below.\n\n{captions}\n")
    told = [s.text for s in corpus.sentences if s.quotable]
    assert "Crowds gather in square 3 on 3 January." in told
    assert not any("Photo" in t or "AFP" in t for t in told)


def test_a_list_marker_is_not_a_sentence_and_is_left_out_of_the_next_one():
    for text, first in (("1. Ill-treatment was widespread. Of 112 people, 78 said so.", "Ill-treatment was"),
                        ("– The Prosecutor General should reopen all cases.", "The Prosecutor General should"),
                        ("2021 was a hard year. Prices rose.", "2021 was a hard year.")):
        spans = split_sentences(text)
        assert text[spans[0][0]:spans[0][1]].startswith(first)


def test_the_lists_under_see_also_and_references_headings_are_never_quoted(tmp_path):
    corpus = Corpus()
    parse_article(corpus, tmp_path / "a.txt", "2022 Kazakh unrest\n\n"
                  "The unrest began on 2 January in Zhanaozen.\n\nSee also\n\n"
                  "2011 Zhanaozen massacre\nCollective Security Treaty Organization\n\nReferences\n\n"
                  "Interior ministry statement, 10 January 2022.\n\nAftermath\n\n"
                  "The troops left on 19 January.\n")
    assert [s.text for s in corpus.sentences if s.quotable] == [
        "The unrest began on 2 January in Zhanaozen.", "The troops left on 19 January."]
