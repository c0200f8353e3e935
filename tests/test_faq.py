import pytest

from bot.answer import answer
from bot.candidates import judged
from bot.confidence import shipped_model as model
from bot.errors import InputError
from bot.faq import parse_faq
from bot.knowledge import build
from bot.query import analyze

GOOD = """
synonyms:
  perished: [drowned]
entries:
  - id: evacuated
    questions:
      - How many residents were evacuated?
      - How many people had to leave their homes?
    answer: About 300 residents were evacuated by boat.
    source: About 300 residents were evacuated by boat.
  - questions: ["Who is the mayor?"]
    answer: Ana Kovac is the mayor.
"""


def problems(exc: InputError) -> list[str]:
    return [str(p) for p in exc.problems]


def test_good_faq_loads_and_answers(tiny_corpus, write_faq):
    kb = build(tiny_corpus, write_faq(GOOD))
    got = answer(kb, "how many residents were evacuated")
    assert (got.kind, got.source) == ("faq", "About 300 residents were evacuated by boat.")
    assert got.document == "Flood hits river town"


def test_entry_without_source_gets_one_chosen_and_noted(tiny_corpus, write_faq):
    kb = build(tiny_corpus, write_faq(GOOD))
    mayor = next(e for e in kb.faq.entries if "mayor" in e.questions[0])
    assert "Mayor Ana Kovac" in mayor.source and not mayor.source_given
    assert any("has no source; using" in str(n) for n in kb.notes)


def best_sentence(kb, question: str) -> str | None:
    """The sentence the engine judges most likely to answer, confident or not."""
    found = judged(kb.engine, analyze(question, kb.engine, kb.synonyms), question, model())
    return kb.corpus.sentences[found[0].sentence_id].text if found else None


def test_operator_synonyms_apply_to_questions(tiny_corpus, write_faq):
    assert best_sentence(build(tiny_corpus, None), "how many drowned in the flood") is not None
    without, kb = build(tiny_corpus, None), build(tiny_corpus, write_faq(GOOD))
    assert "drowned" not in (best_sentence(without, "how many perished") or "")
    assert "drowned" in best_sentence(kb, "how many perished")


def test_missing_faq_file_is_named(tmp_path):
    with pytest.raises(InputError, match="nofaq.yaml: FAQ file not found"):
        parse_faq(tmp_path / "nofaq.yaml")


def test_unclosed_bracket_is_reported_where_it_opens(write_faq):
    path = write_faq("entries:\n  - questions: [a, b\n    answer: x\n")
    with pytest.raises(InputError) as info:
        parse_faq(path)
    assert problems(info.value) == [f"{path}:2: a '[' opened on line 2 is never closed with ']'"]


@pytest.mark.parametrize("text, line, message", [
    ("- just a list\n", 1, "must be a mapping"),
    ("entries: 5\n", 1, "'entries' must be a list"),
    ("entries:\n  - questions: [Why]\n", 2, "needs 'answer'"),
    ("entries:\n  - answer: yes\n", 2, "needs 'questions'"),
    ("entries:\n  - questions: [Why]\n    answer: yes\n    anwser: typo\n", 4, "unknown key 'anwser'"),
    ("entres: []\n", 1, "unknown key 'entres'"),
    ("synonyms: [a, b]\nentries: []\n", 1, "'synonyms' must map"),
])
def test_wrong_shape_is_reported_with_line(write_faq, text, line, message):
    path = write_faq(text)
    with pytest.raises(InputError) as info:
        parse_faq(path)
    assert any(p.startswith(f"{path}:{line}:") and message in p for p in problems(info.value)), problems(info.value)


def test_source_not_in_any_article_is_an_error_at_its_line(tiny_corpus, write_faq):
    path = write_faq("entries:\n  - questions: [q]\n    answer: a\n    source: Nothing like this is written.\n")
    with pytest.raises(InputError) as info:
        build(tiny_corpus, path, strict=True)
    assert problems(info.value) == [f"{path}:4: source is not verbatim text of any article"]


def test_source_found_only_in_a_title_is_an_error_because_replies_never_quote_titles(tiny_corpus, write_faq):
    path = write_faq("entries:\n  - questions: [q]\n    answer: a\n    source: Flood hits river town\n")
    with pytest.raises(InputError) as info:
        build(tiny_corpus, path, strict=True)
    assert problems(info.value) == [f"{path}:4: source is only in a title, standfirst, caption or credit, which "
                                    "replies never quote: copy it from the body"]


def test_outside_check_an_entry_with_a_missing_source_is_left_out_with_a_warning(tiny_corpus, write_faq):
    path = write_faq(GOOD + "  - questions: [q]\n    answer: a\n    source: Nothing like this is written.\n")
    kb = build(tiny_corpus, path)
    assert len(kb.faq.entries) == 2
    assert [str(w) for w in kb.warnings] == [f"{path}:15: warning: source is not verbatim text of any article; "
                                             "entry left out"]


def test_source_with_retyped_quotes_gets_a_hint(tiny_corpus, write_faq):
    path = write_faq("entries:\n  - questions: [q]\n    answer: a\n    source: about 300 RESIDENTS were evacuated\n")
    with pytest.raises(InputError, match="only in quotes, dashes, case or spacing"):
        build(tiny_corpus, path, strict=True)


def test_yaml_tags_are_not_executed(write_faq):
    path = write_faq("entries: !!python/object/apply:os.system ['echo hi']\n")
    with pytest.raises(InputError, match="YAML tags .* are not allowed"):
        parse_faq(path)


@pytest.mark.parametrize("question", ["How many people died, killed?", "people died killed dead", "died killed"])
def test_a_phrasing_word_two_question_words_match_counts_once(seed_kb, question):
    """"died" and "killed" both match a phrasing's one "died": it is covered once, so no likeness passes 1."""
    match = seed_kb.faq.match(analyze(question, seed_kb.engine, seed_kb.synonyms))
    assert match is not None and 0.0 < match.similarity <= 1.0
