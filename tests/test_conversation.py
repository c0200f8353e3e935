"""Follow-ups: what a message is understood as, given the exchange before it, and how it is answered."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest

from bot import followup
from bot.answer import Kind, answer_in_context, next_turn
from bot.contexts import MemoryContexts
from bot.conversation import Turn, focus_of, resolve
from bot.dialogues import load_conversations
from bot.knowledge import build
from bot.query import analyze

from conftest import ROOT

TUNE_CORPUS = ROOT / "eval" / "bank" / "tune" / "corpus"


@pytest.fixture(scope="module")
def tune_kb():
    return build(TUNE_CORPUS, ROOT / "faq.yaml", entries=False)


@pytest.mark.parametrize(("previous", "people", "message", "understood"), [
    ("How many people died in the unrest in Kazakhstan?", (), "and in Almaty?",
     "How many people died in the unrest in Almaty?"),
    ("How old is Nazarbayev?", ("Nazarbayev",), "and Tokayev?", "How old is Tokayev?"),
    ("How many people died in Kazakhstan?", (), "same for Almaty?", "How many people died in Almaty?"),
    ("What sentence did the prosecution want for Suleimenov?", ("Suleimenov",), "and for the others?",
     "What sentence did the prosecution want for the others?"),  # not "The Others", someone's name
    ("What sentence did the prosecution want for Suleimenov?", ("Suleimenov",), "and for the other two?",
     "What sentence did the prosecution want for the other two?"),  # not "the other Two"
    ("What was inflation in Sri Lanka in June?", (), "and in May?", "What was inflation in Sri Lanka in May?"),
    ("How many people were detained in 2022?", (), "and in 2023?", "How many people were detained in 2023?"),
    ("When did Nazarbayev give up the chairmanship of Nur Otan?", ("Nazarbayev",), "to whom?",
     "To whom did Nazarbayev give up the chairmanship of Nur Otan?"),
    ("Who ordered the security forces to shoot?", ("Tokayev",), "why?",
     "Why did Tokayev order the security forces to shoot?"),
    ("How many people died in Almaty?", (), "why?", "Why did people die in Almaty?"),
    ("Who ordered the troops to shoot?", (), "why?", "Why (ordered the troops to shoot)?"),  # nobody answered
    ("Why (ordered the troops to shoot)?", (), "when was this", "When (ordered the troops to shoot)?"),
    ("Which airline cancelled its flights?", (), "until when?", "Until when did the airline cancel its flights?"),
    ("What time did Daulet leave his flat on 5 January?", ("Daulet",), "why?",
     "Why did Daulet leave his flat on 5 January?"),
    ("How many people were killed in the unrest?", (), "why?", "Why were people killed in the unrest?"),
    ("How many people were detained in Aktobe?", (), "why so many?", "Why were people detained in Aktobe?"),
    ("When did the protests begin?", (), "where?", "Where did the protests begin?"),
    ("Who was named to lead the investigation?", ("Fadi Sawan",), "when?",
     "When was Fadi Sawan named to lead the investigation?"),
    ("Who is Karim Massimov?", ("Karim Massimov",), "what is he accused of?", "what is Karim Massimov accused of?"),
    ("Who is Dauren Bekov?", ("Dauren Bekov",), "what does he want?", "what does Dauren Bekov want?"),
    ("What slogan did the protesters shout?", (), "what does it mean?",
     "what does it mean (slogan the protesters shout)?"),
    ("When was the internet cut?", (), "and when was it restored?", "when was it restored (the internet cut)?"),
    ("In which town did the unrest begin?", (), "when?", "When did the unrest begin?"),
    ("What was Karim Massimov arrested for?", ("Karim Massimov",), "when?", "When was Karim Massimov arrested?"),
    ("Who did Blinken talk to in Kazakhstan?", (), "when was that?", "When did Blinken talk in Kazakhstan?"),
    ("Where did the crowd break in?", (), "when?", "When did the crowd break in?"),
    ("For how long was most of Kazakhstan without internet?", (), "why?",
     "Why was most of Kazakhstan without internet?"),
    ("What's the phone number of the British embassy?", (), "who runs it?",
     "who runs it (the phone number of the British embassy)?"),
])
def test_english_follow_ups_are_rewritten_as_self_contained_questions(previous, people, message, understood):
    got = resolve(message, Turn(previous, people, person_asked=bool(people)))
    assert got.inherited and got.text == understood


@pytest.mark.parametrize(("previous", "people", "places", "message", "understood"), [
    ("How many troops did Kazakhstan send?", (), ("Kazakhstan",), "what about Russia?",
     "How many troops did Russia send?"),
    ("Сколько человек погибло во время беспорядков в Казахстане?", (), ("Казахстане",), "а в Алматы?",
     "Сколько человек погибло во время беспорядков в Алматы?"),
    ("Сколько лет Назарбаеву?", ("Назарбаеву",), (), "а Токаеву?", "Сколько лет Токаеву?"),
    ("Сколько человек погибло в Казахстане?", (), ("Казахстане",), "то же самое для Алматы?",
     "Сколько человек погибло в Алматы?"),
    ("Когда начались протесты?", (), (), "а где?", "Где начались протесты?"),
    ("Кто попросил ОДКБ о помощи?", ("Tokayev",), (), "когда?", "Когда Tokayev попросил ОДКБ о помощи?"),
    ("Кто такой Даурен Беков?", ("Dauren Bekov",), (), "сколько ему лет?", "сколько ему (Dauren Bekov) лет?"),
    ("Наразылықтар қашан басталды?", (), (), "қайда?", "Наразылықтар қайда басталды?"),
    ("Какой была инфляция на Шри-Ланке в июне?", (), ("Шри-Ланке",), "а в мае?",
     "Какой была инфляция на Шри-Ланке в мае?"),
    ("Что Блинкен сказал про российских военных?", ("Блинкен",), (), "а Москва что ответила?",
     "Москва что ответила (Блинкен сказал про российских военных)?"),
    ("Когда Токаев объявил амнистию?", ("Токаев",), (), "а подписал когда?",
     "подписал когда (Токаев объявил амнистию)?"),
    ("Бейруттағы жарылыстан қанша адам қаза тапты?", (), ("Бейруттағы",), "ал Триполиде ше?",
     "Триполиде жарылыстан қанша адам қаза тапты?"),
])
def test_places_and_people_are_swapped_in_any_of_the_three_languages(previous, people, places, message, understood):
    got = resolve(message, Turn(previous, people, places, person_asked=bool(people)))
    assert got.inherited and got.text == understood


@pytest.mark.parametrize("message", [
    "How many people were detained in Kazakhstan?", "Who is Dauren Bekov?", "What does Elbasy mean?",
    "а скольких сотрудников осудили?",
    "And how many people were detained in Kazakhstan?", "thx", "Сколько человек задержали в Казахстане?",
    "Кто возглавляет Совет коллективной безопасности ОДКБ?", "",
    "Did the CSTO withdraw its troops in January?", "how much did the company lose on its shares?",
])
def test_a_self_contained_message_never_inherits(message):
    previous = Turn("Who is Vikram Ruzakhunov?", ("Vikram Ruzakhunov",), ("Kyrgyzstan",), True)
    got = resolve(message, previous)
    assert not got.inherited and got.text == message.strip()


def test_nothing_is_inherited_without_a_previous_exchange():
    assert resolve("why?", None) == resolve("why?", None) and not resolve("why?", None).inherited


@pytest.mark.parametrize(("previous", "people", "message", "understood"), [
    ("Who is Vikram Ruzakhunov?", ("Vikram Ruzakhunov",), "what happened to him after Bishkek protested?",
     "what happened to Vikram Ruzakhunov after Bishkek protested?"),
    ("What does KNB stand for?", (), "who heads it now?", "who heads KNB now?"),
    ("Who is Aliya Zhaksybekova?", ("Aliya Zhaksybekova",), "how much did her turnover fall?",
     "how much did Aliya Zhaksybekova's turnover fall?"),
    ("Who is Aliya Zhaksybekova?", ("Aliya Zhaksybekova",), "what did they tell her?",
     "what did they tell Aliya Zhaksybekova?"),
    ("Which volcano grounded flights in 2010?", (), "how high did its ash go?",
     "how high did its ash go (volcano grounded flights in 2010)?"),
    ("What share of the world's uranium does Kazatomprom produce?", (), "what happened to its shares in January?",
     "what happened to its shares in January (share of the world's uranium Kazatomprom produce)?"),
])
def test_pronouns_take_the_name_they_stand_for(previous, people, message, understood):
    got = resolve(message, Turn(previous, people, person_asked=bool(people)))
    assert got.inherited and got.text == understood


def test_after_a_who_question_he_or_she_is_the_person_answered():
    answered = ["Angela Merkel", "Malu Dreyer"]
    turn = focus_of("Who came to Schuld with Angela Merkel?", ["Angela Merkel"], [], answered, [])
    assert turn.people[0] == "Malu Dreyer"
    about = focus_of("Who is Karim Massimov?", ["Karim Massimov"], [], ["Karim Massimov", "Tokayev"], [])
    assert about.people[0] == "Karim Massimov"


@pytest.mark.parametrize(("people", "message", "understood"), [
    (("Suleimenov",), "what did he say in his defence?", "what did Suleimenov say in his defence?"),
    (("Saule Amanzholova",), "where did she find him?", "where did Saule Amanzholova find him?"),
    (("Saule Amanzholova", "Daniyar"), "where did she find him?", "where did Saule Amanzholova find Daniyar?"),
])
def test_a_person_is_named_once_and_he_is_never_she(people, message, understood):
    assert resolve(message, Turn("What happened?", people, person_asked=True)).text == understood


@pytest.mark.parametrize("question", ["Who is Arman?", "Кто такой Арман?", "Арман кім?"])
def test_the_name_a_who_is_question_asks_about_is_a_person_even_unknown_to_the_articles(question):
    assert focus_of(question, [], [], [], []).people[0] in ("Arman", "Арман")


def test_a_relative_described_by_the_question_is_whom_she_means():
    turn = focus_of("Where does the narrator's mother live?", [], [], [], [])
    assert resolve("how old is she?", turn).text == "how old is the narrator's mother?"


def test_his_name_asks_who_the_person_the_last_question_described_is_even_when_the_answer_named_him():
    turn = focus_of("What did the airport spokesman say about reopening?", [], [], ["Dmitry Peskov"], [])
    assert resolve("what's his name?", turn).text == "Who is the airport spokesman?"
    assert resolve("what's his name?", Turn("What did Peskov say?", ("Peskov",))).text != "Who is Peskov?"


def test_after_a_who_question_answered_by_no_one_she_is_not_the_person_the_question_described():
    turn = focus_of("Who texted the narrator about snipers?", [], [], [], [])
    got = resolve("where does she live?", turn).text
    assert "narrator live" not in got and got.endswith("(texted the narrator about snipers)?")


@pytest.mark.parametrize(("message", "understood"), [
    ("over what period?", "over what period (countries colour revolutions)?"),
    ("за какой период?", "за какой период (countries colour revolutions)?"),
])
def test_a_question_word_with_one_word_of_its_own_asks_about_the_last_exchange(message, understood):
    got = resolve(message, Turn("Which countries had colour revolutions?"))
    assert got.inherited and got.text == understood


def test_a_short_question_naming_its_subject_stands_alone():
    assert not resolve("who is Tokayev?", Turn("Which countries had colour revolutions?")).inherited


def test_there_is_the_place_in_focus_but_not_an_existential_there():
    turn = Turn("Where were the most violent clashes?", places=("Almaty",))
    assert resolve("how many died there?", turn).text == "how many died in Almaty?"
    assert "in Almaty" not in resolve("were there any arrests?", turn).text


def test_after_a_place_question_there_is_the_place_answered_not_the_place_asked_about():
    turn = focus_of("What's the largest city in Kazakhstan?", [], ["Kazakhstan"], [], ["Almaty"])
    assert turn.places[0] == "Almaty"
    plain = focus_of("How many people were detained in Kazakhstan?", [], ["Kazakhstan"], [], ["Almaty"])
    assert plain.places[0] == "Kazakhstan"


def test_a_cyrillic_acronym_is_no_one_he_could_mean(tune_kb):
    assert not next_turn(tune_kb, "Кто руководил миссией ОДКБ в Казахстане?", answer_in_context(
        tune_kb, "Кто руководил миссией ОДКБ в Казахстане?", None)[0]).people[:1] == ("ОДКБ",)


def test_a_russian_he_before_any_name_leans_on_the_person_in_focus():
    previous = Turn("Кто такой Луис Карраско?", ("Луис Карраско",), (), True)
    got = resolve("сколько лет он проработал в порту?", previous)
    assert got.inherited and "Луис Карраско" in got.text


def test_their_in_russian_leans_on_the_question_before_even_beside_a_verb_of_saying():
    got = resolve("что сказал их лидер после голосования?", Turn("Какая доля членов профсоюза поддержала соглашение?"))
    assert got.inherited and "профсоюза" in got.text


def test_a_lead_with_a_pronoun_asks_about_it_and_names_nothing_new():
    got = resolve("а это далеко от Алматы?", Turn("Где толпа снесла памятник Назарбаеву?", ("Назарбаеву",)))
    assert got.inherited and got.text.startswith("это далеко от Алматы") and "Назарбаеву" in got.text


def test_it_is_an_acronym_only_when_the_question_was_about_the_acronym_alone():
    got = resolve("and when did it end?", Turn("When did the CSTO withdrawal begin?"))
    assert "CSTO end" not in got.text and "withdrawal" in got.text


def test_a_he_nobody_was_named_for_is_declined_not_guessed(tune_kb):
    got, _, _ = answer_in_context(tune_kb, "who appointed him?", None)
    assert got.kind == "none" and got.reason == "vague"
    after_none = answer_in_context(tune_kb, "а кто его назначил?", Turn("Кто ведёт расследование взрыва в Бейруте?"))[0]
    assert after_none.reason == "vague"
    named, _, _ = answer_in_context(tune_kb, "Did Tokayev say he would resign?", None)
    assert named.reason != "vague"


def test_who_said_that_quotes_the_attribution_of_the_last_answer(tune_kb):
    first, _, turn = answer_in_context(tune_kb, "When was Almaty airport due to reopen?", None)
    assert "the airport operator said" in first.source and turn.source_path
    got, _, _ = answer_in_context(tune_kb, "who said so?", turn)
    assert got.kind == "passage" and got.source == first.source
    russian, _, _ = answer_in_context(tune_kb, "кто это сказал?", turn)
    assert russian.source == first.source
    toll, _, turn = answer_in_context(tune_kb, "How many people died in the Beirut blast?", None)
    assert "according to the health ministry" in toll.source
    assert answer_in_context(tune_kb, "who reported that?", turn)[0].source == toll.source


def test_a_turn_survives_the_store_as_json():
    turn = Turn("Who is Dauren Bekov?", ("Dauren Bekov",), ("Almaty",), True, "corpus/a.txt", 120)
    assert Turn.from_json(turn.to_json()) == turn
    assert Turn.from_json('{"q": "Why?"}') == Turn("Why?")  # saved before turns kept their source
    assert Turn.from_json(None) is None and Turn.from_json("{not json") is None and Turn.from_json('{"x": 1}') is None


def test_memory_contexts_expire_and_stay_bounded():
    memory = MemoryContexts(limit=2)
    memory.save_context("a", "A", expires_at=10.0)
    assert memory.load_context("a", now=5.0) == "A" and memory.load_context("a", now=10.0) is None
    memory.save_context("b", "B", 10.0)
    memory.save_context("c", "C", 10.0)
    assert memory.load_context("a", 5.0) is None and memory.load_context("c", 5.0) == "C"


def test_a_follow_up_is_answered_from_the_previous_exchange(tune_kb):
    first, _, turn = answer_in_context(tune_kb, "How many people died in the Beirut blast?", None)
    assert "killed more than 200 people" in first.source
    got, resolution, _ = answer_in_context(tune_kb, "and how many were injured?", turn)
    assert got.question == "and how many were injured?"  # as asked; recorded so
    assert resolution.text == "how many were injured (people died in the Beirut blast)?"
    assert "injured over 6,000" in got.source
    alone, resolution, _ = answer_in_context(tune_kb, "and how many people were left homeless?", turn)
    assert not resolution.inherited and "300,000 people were left homeless" in alone.source


def test_a_bare_follow_up_is_looked_for_where_the_last_answer_was():
    kb = build(ROOT / "eval" / "bank" / "tune2" / "corpus", ROOT / "faq.yaml", entries=False)
    first, _, turn = answer_in_context(kb, "How many residents of a home for people with disabilities drowned?", None)
    assert "In the town of Sinzig, twelve residents" in first.source
    where, resolution, _ = answer_in_context(kb, "where was that?", turn)
    assert resolution.inherited and where.kind == "passage" and where.source == first.source
    why, _, _ = answer_in_context(kb, "and how much will the government pay?", turn)
    assert why.source != first.source  # words of its own: looked for everywhere, as a question


def test_the_next_turn_keeps_who_is_in_focus(tune_kb):
    got, _, turn = answer_in_context(tune_kb, "Who is Vikram Ruzakhunov?", None)
    assert turn.people[0] == "Vikram Ruzakhunov" and turn.person_asked
    assert next_turn(tune_kb, "Who is Vikram Ruzakhunov?", got).people == turn.people
    russian = answer_in_context(tune_kb, "Кто такой Даурен Беков?", None)[2]
    assert "Даурен Беков" in russian.people and russian.person_asked


def test_context_handling_adds_under_a_millisecond_a_question(tune_kb):
    """Reading a message against its context and keeping the next one (resolve, the names in focus, the JSON
    the store keeps), over the tune conversations; the answering itself is not counted."""
    conversations = load_conversations(ROOT / "eval" / "bank" / "tune" / "conversations.yaml")
    conversations += load_conversations(ROOT / "eval" / "conversations" / "own_tune.yaml")
    turns = []
    for c in conversations:
        first, _, turn = answer_in_context(tune_kb, c.turns[0], None)
        turns.append((c.turns[1], turn, first))
    costs = []
    for message, turn, first in turns * 3:
        started = time.perf_counter()
        previous = Turn.from_json(turn.to_json())
        resolution = resolve(message, previous)
        next_turn(tune_kb, resolution.text, first).to_json()
        costs.append((time.perf_counter() - started) * 1000)
    assert statistics.median(costs) < 1.0, statistics.median(costs)


def test_conversation_files_name_their_bad_line(tmp_path: Path):
    from bot.errors import InputError

    path = tmp_path / "c.yaml"
    path.write_text("conversations:\n  - turns: [only one]\n    expect: none\n", encoding="utf-8")
    with pytest.raises(InputError, match=":2: each conversation needs 'turns'"):
        load_conversations(path)


def test_after_who_holds_a_title_he_is_the_one_bearing_it(seed_kb):
    got, _, turn = answer_in_context(seed_kb, "Who is the Russian president?", None)
    assert "Russian President Vladimir Putin" in got.source and turn.people[0] == "Vladimir Putin"


@pytest.mark.parametrize("previous, person, message, understood", [
    ("What did Kremlin spokesman Dmitry Peskov say about the troops?", "Dmitry Peskov", "what about the US?",
     "What did the US say about the troops?"),
    ("What did Russian President Vladimir Putin say?", "Vladimir Putin", "and Tokayev?", "What did Tokayev say?"),
])
def test_a_person_swapped_for_another_takes_the_old_ones_title_along(previous, person, message, understood):
    got = resolve(message, Turn(previous, (person,), person_asked=True))
    assert got.text.lower() == understood.lower() and got.inherited


def test_what_about_his_x_asks_about_the_x_of_the_person_before():
    got = resolve("what about his wife?", Turn("Who is Timur Kulibayev?", ("Timur Kulibayev",), person_asked=True))
    assert got.inherited and got.text == "Who is Timur Kulibayev's wife?"


def test_his_after_a_question_about_someone_described_but_not_named_means_that_person():
    turn = focus_of("What did the airport spokesman say about reopening?", [], [], [], [])
    got = resolve("what's his name?", turn)
    assert got.inherited and got.text == "Who is the airport spokesman?"


def test_a_follow_ups_own_word_may_be_a_synonym_but_its_own_name_must_be_there(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Foreign troops go home\n\nThe last of the foreign soldiers left the country on "
                                    "19 January.\n\nRussian paratroopers made up most of the force, officials said.\n",
                                    encoding="utf-8")
    kb = build(tmp_path, None)
    left, russian = (next(i for i, s in enumerate(kb.corpus.sentences) if w in s.text) for w in ("left", "Russia"))
    leave = analyze("when did they leave (the soldiers)?", kb.engine, kb.synonyms, light=frozenset({"the", "soldiers"}))
    assert followup.says_what_is_new(kb, leave, frozenset({"the", "soldiers"}), left)  # "left" says "leave"
    light = frozenset({"how", "many", "soldiers", "did", "send"})
    russia = analyze("How many soldiers did Russia send?", kb.engine, kb.synonyms, light=light)
    assert not followup.says_what_is_new(kb, russia, light, russian)  # "Russian" is not "Russia"


def test_he_is_the_surest_name_of_the_answer_not_two_capitalised_words():
    kb = build(ROOT / "eval" / "bank" / "tune11" / "corpus", ROOT / "faq.yaml", entries=False)
    got, _, turn = answer_in_context(kb, "Who commands the Paris fire brigade?", None)
    assert "General Jean-Claude Gallet" in got.source and "Notre-Dame" in got.source
    assert turn.people[0] == "Jean-Claude Gallet"
    _, resolution, _ = answer_in_context(kb, "what did he say about the cathedral's structure?", turn)
    assert resolution.text == "what did Jean-Claude Gallet say about the cathedral's structure?"


def test_what_date_exactly_is_not_answered_by_an_faq_answer_that_gives_no_date(seed_kb):
    first, _, turn = answer_in_context(seed_kb, "When will the CSTO troops leave?", None)
    assert first.kind == Kind.FAQ and "soon" in first.text  # the article says "soon", no date
    got, _, _ = answer_in_context(seed_kb, "what date exactly?", turn)
    assert got.kind != Kind.FAQ
    assert answer_in_context(seed_kb, "какого числа выведут войска ОДКБ?", None)[0].kind != Kind.FAQ
