"""From update to job: which chat's queue, what counts as a question, flood control and its notices."""

import asyncio
from collections import Counter
from types import SimpleNamespace

import pytest
from telegram import Update, User

from bot.telegram.intake import BUTTON_SLOW_DOWN, SLOW_DOWN, Intake, addressed, route
from bot.telegram.limits import FloodControl
from bot.telegram.scheduler import Scheduler

ME = User(4242, "Event QA", is_bot=True, username="event_qa_test_bot")
ALICE = {"id": 77, "is_bot": False, "first_name": "Alice"}
_ids = iter(range(1, 10_000))


def msg(chat: int, text: str, **extra) -> Update:
    chat_type = "private" if chat > 0 else "supergroup"
    return Update.de_json({"update_id": next(_ids), "message": {
        "message_id": 1, "date": 1, "text": text, "chat": {"id": chat, "type": chat_type}, "from": ALICE, **extra}},
        None)


def button(chat: int | None = 5) -> Update:
    query = {"id": "q1", "from": ALICE, "chat_instance": "ci", "data": "vote:up"}
    if chat is not None:
        query["message"] = {"message_id": 3, "date": 1, "chat": {"id": chat, "type": "private"}}
    return Update.de_json({"update_id": next(_ids), "callback_query": query}, None)


def inline() -> Update:
    return Update.de_json({"update_id": next(_ids), "inline_query": {"id": "i1", "from": ALICE, "query": "csto",
                                                                     "offset": ""}}, None)


@pytest.mark.parametrize("update, expected", [
    (msg(5, "how many died"), True), (msg(-9, "how many died"), False), (msg(-9, "/ask how many died"), True),
    (msg(-9, "/ask@event_qa_test_bot x"), True), (msg(-9, "/start@other_bot"), False),
    (msg(-9, "hey @Event_QA_Test_Bot what happened"), True),
    (msg(-9, "and then?", reply_to_message={"message_id": 2, "date": 1, "chat": {"id": -9, "type": "supergroup"},
                                            "from": {"id": 4242, "is_bot": True, "first_name": "Event QA"}}), True),
    (button(), True), (inline(), True)])
def test_what_asks_the_bot_something(update, expected):
    assert addressed(update, ME) is expected


def test_routes_by_chat_and_counts_only_questions():
    assert route(msg(5, "hi"), ME) == route(msg(5, "hi"), ME)
    assert route(msg(5, "hi"), ME).asker == 77
    assert route(msg(-9, "chatter"), ME).asker is None  # group talk that is not for the bot
    assert route(msg(-9, "/ask x"), ME).in_group and not route(msg(5, "x"), ME).in_group
    assert route(inline(), ME).asker is None  # inline queries come with every keystroke
    assert route(button(chat=None), ME).chat == ("user", 77)


class FakeApp:
    def __init__(self) -> None:
        self.bot = SimpleNamespace(bot=ME)
        self.bot_data = SimpleNamespace(counters=Counter())
        self.processed: list[int] = []

    async def process_update(self, update) -> None:
        self.processed.append(update.update_id)


class NoticeBot:
    """What the notices call on the bot, recorded instead of sent."""

    defaults = None

    def __init__(self) -> None:
        self.notices: list[str] = []

    async def send_message(self, chat_id, text, **_):
        self.notices.append(text)

    async def answer_callback_query(self, callback_query_id, text=None, **_):
        self.notices.append(text)


def intake_run(updates: list[Update], limit: int = 3):
    """Feed ``updates`` through an Intake whose flood limit is ``limit``; notices are recorded, not sent."""
    bot = NoticeBot()

    async def scenario():
        app = FakeApp()
        scheduler = Scheduler()
        intake = Intake(app, scheduler, FloodControl(limit=limit))
        for update in updates:
            for part in (update.message, update.callback_query):
                if part is not None:
                    part.set_bot(bot)
            intake.accept(update)
        await scheduler.drain(1)
        return app

    app = asyncio.run(scenario())
    return app.processed, bot.notices, app.bot_data.counters


def test_over_the_limit_one_slow_down_and_the_rest_dropped_and_counted():
    updates = [msg(5, f"question {i}") for i in range(6)]
    processed, notices, counters = intake_run(updates)
    assert processed == [u.update_id for u in updates[:3]]
    assert notices == [SLOW_DOWN] and counters["flood_dropped"] == 3


def test_a_button_over_the_limit_is_still_answered():
    processed, notices, counters = intake_run([msg(5, "a"), msg(5, "b"), button(), button()], limit=2)
    assert len(processed) == 2 and notices == [BUTTON_SLOW_DOWN, BUTTON_SLOW_DOWN]


def test_group_chatter_is_handled_but_never_counted():
    updates = [msg(-9, f"chatter {i}") for i in range(10)]
    processed, notices, counters = intake_run(updates)
    assert len(processed) == 10 and notices == [] and not counters
