"""A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests of the real python-telegram-bot stack.

It implements what the bot uses: getMe, getUpdates (long poll honouring ``offset``, ``limit`` and
``timeout``), setWebhook, deleteWebhook and getWebhookInfo (``webhook`` is what was set), sendMessage,
editMessageReplyMarkup, answerInlineQuery, answerCallbackQuery, setMyCommands (with its ``scope``).
In webhook mode tests post updates to the bot themselves: ``update`` numbers and times one without
queueing it. Parameters arrive form-encoded with JSON-encoded values (as
python-telegram-bot sends them) or as JSON. Tests push updates (``push``, or ``push_raw`` for one the
library cannot parse), script failures (``fail_next``: an HTTP status; ``drop_next``: the connection
closed without an answer; ``set_latency``) and wait on what the bot sent. Every push and every sent
message is timed (``pushed_at``, ``sent[i]["at"]``, ``time.monotonic()``) for latency figures.
"""

from __future__ import annotations

import itertools
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

BOT_ID = 4242
BOT_USERNAME = "event_qa_test_bot"
_JSON_FIELDS = {"reply_markup", "results", "commands", "entities", "link_preview_options", "reply_parameters",
                "allowed_updates", "button", "scope"}
RECHECK = 0.05  # seconds between checks of a wait_for predicate when the API sees no traffic
_INT_FIELDS = {"chat_id", "offset", "limit", "timeout", "reply_to_message_id", "cache_time", "message_id"}


class _Server(ThreadingHTTPServer):
    request_queue_size = 512  # the bot opens many connections at once in a burst
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # a dropped connection is on purpose
        pass


class FakeBotApi:
    """The server and its recorded traffic; all methods are thread-safe."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[tuple[str, dict]] = []
        self.sent: list[dict] = []
        self.wrong_token_requests = 0
        self._updates: list[dict] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._failures: dict[str, list[tuple[int, dict]]] = {}
        self._drops: dict[str, int] = {}
        self._outages: dict[str, tuple[int, float]] = {}
        self._latency: dict[str, float] = {}
        self.pushed_at: dict[int, float] = {}
        self.webhook: dict = {}  # the last setWebhook's parameters; {} when none or deleted
        self._cond = threading.Condition()
        self._closing = False
        self._server = _Server(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeBotApi:
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        self._server.shutdown()
        self._server.server_close()

    # --- what tests do -----------------------------------------------------------------------------

    def push(self, kind: str, payload: dict) -> int:
        """Queue an update (``message``, ``edited_message``, ``callback_query``, ``inline_query``)."""
        return self.push_raw({kind: payload})

    def push_raw(self, body: dict) -> int:
        """Queue an update made of ``body`` as is (it may be one the library cannot parse)."""
        update = self.update_raw(body)
        with self._cond:
            self._updates.append(update)
            self._cond.notify_all()
        return update["update_id"]

    def update(self, kind: str, payload: dict) -> dict:
        """A new update (numbered and timed like a pushed one) for a test to post to a webhook itself."""
        return self.update_raw({kind: payload})

    def update_raw(self, body: dict) -> dict:
        with self._cond:
            update_id = next(self._update_ids)
            self.pushed_at[update_id] = time.monotonic()
            return {"update_id": update_id, **body}

    def clear_failures(self, method: str) -> None:
        """Forget the failures ``fail_next`` scripted for ``method`` and not used yet."""
        with self._cond:
            self._failures.pop(method, None)

    def fail_next(self, method: str, status: int, body: dict | None = None, times: int = 1) -> None:
        """The next ``times`` calls of ``method`` get this HTTP status and body instead of success."""
        body = body or {"ok": False, "error_code": status, "description": f"Error {status}"}
        with self._cond:
            self._failures.setdefault(method, []).extend([(status, body)] * times)

    def fail_for(self, method: str, status: int, seconds: float) -> None:
        """Every call of ``method`` in the next ``seconds`` gets this HTTP status (a 5xx outage)."""
        with self._cond:
            self._outages[method] = (status, time.monotonic() + seconds)

    def drop_next(self, method: str, times: int = 1) -> None:
        """The next ``times`` calls of ``method`` see their connection closed with no response (not handled)."""
        with self._cond:
            self._drops[method] = self._drops.get(method, 0) + times

    def set_latency(self, method: str, seconds: float) -> None:
        """Every call of ``method`` is answered ``seconds`` late (0 to stop)."""
        with self._cond:
            self._latency[method] = seconds

    def pending(self) -> int:
        """Updates not confirmed by the bot yet."""
        with self._cond:
            return len(self._updates)

    def wait_for(self, predicate, timeout: float = 10.0):
        """Wait until ``predicate(self)`` is truthy; returns its value or raises AssertionError."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                value = predicate(self)
                if value:
                    return value
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError("timed out waiting for the bot")
                self._cond.wait(min(left, RECHECK))  # a predicate may also look at the bot's log file

    def wait_acknowledged(self, update_id: int, timeout: float = 10.0) -> None:
        """Wait until the bot has confirmed ``update_id`` (a later getUpdates asks for a higher offset)."""
        self.wait_for(lambda a: any(int(p.get("offset") or 0) > update_id for p in a.calls_of("getUpdates")),
                      timeout)

    def calls_of(self, method: str) -> list[dict]:
        with self._cond:
            return [params for name, params in self.calls if name == method]

    def sent_to(self, chat_id: int) -> list[dict]:
        with self._cond:
            return [m for m in self.sent if m["chat_id"] == chat_id]

    # --- the HTTP side -----------------------------------------------------------------------------

    def _handler_class(self):
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                method = self.path.rpartition("/")[2]
                if api._take_drop(method):
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                delay = api._latency.get(method, 0.0)
                if delay:
                    time.sleep(delay)
                status, payload = api._dispatch(self.path, self.headers.get("Content-Type", ""), body)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the bot went away mid long-poll (it was stopped): nothing to answer

            do_GET = do_POST

        return Handler

    def _take_drop(self, method: str) -> bool:
        with self._cond:
            if self._drops.get(method, 0) > 0:
                self._drops[method] -= 1
                return True
            return False

    def _params(self, content_type: str, body: bytes) -> dict:
        if not body:
            return {}
        if "json" in content_type:
            return json.loads(body)
        params = {}
        for key, value in parse_qsl(body.decode(), keep_blank_values=True):
            if key in _JSON_FIELDS:
                value = json.loads(value)
            elif key in _INT_FIELDS:
                value = int(value)
            elif value in ("true", "false"):
                value = value == "true"
            params[key] = value
        return params

    def _dispatch(self, path: str, content_type: str, body: bytes) -> tuple[int, dict]:
        prefix, _, method = path.rpartition("/")
        if prefix != f"/bot{self.token}":
            with self._cond:
                self.wrong_token_requests += 1
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        params = self._params(content_type, body)
        with self._cond:
            self.calls.append((method, params))
            self._cond.notify_all()
            failures = self._failures.get(method)
            if failures:
                return failures.pop(0)
            status, until = self._outages.get(method, (0, 0.0))
            if time.monotonic() < until:
                return status, {"ok": False, "error_code": status, "description": f"Error {status}"}
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._get_updates(params)}
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}
        return 200, {"ok": True, "result": handler(params)}

    def _get_updates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 5.0)
        deadline = time.monotonic() + timeout
        with self._cond:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and not self._closing:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            return list(self._updates[: int(params.get("limit") or 100)])

    def _m_getMe(self, params: dict) -> dict:  # noqa: N802
        return {"id": BOT_ID, "is_bot": True, "first_name": "Event QA", "username": BOT_USERNAME,
                "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": True}

    def _m_deleteWebhook(self, params: dict) -> bool:  # noqa: N802
        with self._cond:
            self.webhook = {}
        return True

    def _m_setWebhook(self, params: dict) -> bool:  # noqa: N802
        with self._cond:
            self.webhook = dict(params)
        return True

    def _m_getWebhookInfo(self, params: dict) -> dict:  # noqa: N802
        with self._cond:
            return {"url": self.webhook.get("url", ""), "has_custom_certificate": False, "pending_update_count": 0,
                    "allowed_updates": self.webhook.get("allowed_updates", [])}

    def _m_setMyCommands(self, params: dict) -> bool:  # noqa: N802
        return True

    def _m_answerCallbackQuery(self, params: dict) -> bool:  # noqa: N802
        return True

    def _m_editMessageReplyMarkup(self, params: dict) -> bool:  # noqa: N802
        return True

    def _m_answerInlineQuery(self, params: dict) -> bool:  # noqa: N802
        return True

    def _m_close(self, params: dict) -> bool:
        return True

    def _m_sendMessage(self, params: dict) -> dict:  # noqa: N802
        with self._cond:
            message_id = next(self._message_ids)
            record = dict(params, message_id=message_id, at=time.monotonic())
            self.sent.append(record)
            self._cond.notify_all()
        chat_id = params["chat_id"]
        return {"message_id": message_id, "date": int(time.time()), "text": params.get("text", ""),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
                "from": self._m_getMe({})}


# --- update builders -------------------------------------------------------------------------------

_msg_ids = itertools.count(1)
_callback_ids = itertools.count(1)
USER = {"id": 918273645, "is_bot": False, "first_name": "Alice", "last_name": "Zebrowski", "username": "alice_user"}
OTHER_USER = {"id": 918273646, "is_bot": False, "first_name": "Bruno", "username": "bruno_user"}
ADMIN = {"id": 5550001, "is_bot": False, "first_name": "Ada", "last_name": "Operator", "username": "ada_admin"}


def user(user_id: int) -> dict:
    """A user with USER's names and the given id (in a private chat, the chat's id is the user's)."""
    return dict(USER, id=user_id)


def message(chat_id: int, text: str | None = None, reply_to: dict | None = None, sender: dict | None = None,
            **extra) -> dict:
    """A message in a private chat (``chat_id`` > 0, from that chat's user) or a group (from USER or ``sender``)."""
    chat = {"id": chat_id, "type": "private", "first_name": USER["first_name"], "last_name": USER["last_name"],
            "username": USER["username"]} if chat_id > 0 else {
        "id": chat_id, "type": "supergroup", "title": "Test group"}
    sender = sender or (user(chat_id) if chat_id > 0 else USER)
    msg = {"message_id": next(_msg_ids), "date": int(time.time()), "chat": chat, "from": sender, **extra}
    if text is not None:
        msg["text"] = text
        if text.startswith("/"):
            command = text.split()[0]
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    if reply_to is not None:
        msg["reply_to_message"] = reply_to
    return msg


def bot_message(chat_id: int, text: str = "earlier answer") -> dict:
    """A message the bot sent earlier, to reply to."""
    return {"message_id": next(_msg_ids), "date": int(time.time()), "text": text,
            "chat": {"id": chat_id, "type": "supergroup", "title": "Test group"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Event QA", "username": BOT_USERNAME}}


def sticker(chat_id: int) -> dict:
    return message(chat_id, sticker={"file_id": "s1", "file_unique_id": "u1", "type": "regular", "width": 512,
                                     "height": 512, "is_animated": False, "is_video": False})


def button_press(chat_id: int, data: str, sender: dict = USER, message_id: int | None = None) -> dict:
    """A press on a button (callback_data ``data``) under a bot message in ``chat_id``."""
    pressed = dict(bot_message(chat_id), chat={"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"})
    if message_id is not None:
        pressed["message_id"] = message_id
    return {"id": f"cb{next(_callback_ids)}", "from": sender, "chat_instance": "ci", "data": data, "message": pressed}
