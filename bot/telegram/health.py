"""``GET /healthz``: whether this process serves, and which knowledge base it serves.

503 while starting (the knowledge base is loaded, but Telegram is not reached or the webhook not set
yet) and once stopping (a load balancer then sends its traffic elsewhere while this process drains);
200 in between, with the base in service: articles, FAQ entries, when it was last (re)loaded. A
Docker HEALTHCHECK (``python main.py health``) and a load balancer read it.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from enum import StrEnum

import tornado.web

from bot.holder import KnowledgeBaseHolder

log = logging.getLogger(__name__)

PATH = "/healthz"


class State(StrEnum):
    """Where the process is in its life."""

    STARTING = "starting"
    READY = "ready"
    STOPPING = "stopping"


class Health:
    """The state /healthz reports; the runner moves it along."""

    def __init__(self, holder: KnowledgeBaseHolder, mode: str) -> None:
        self.holder, self.mode = holder, mode
        self.state = State.STARTING

    def report(self) -> tuple[int, dict]:
        """The HTTP status and the JSON body of /healthz."""
        if self.state is not State.READY:
            return 503, {"status": str(self.state), "mode": self.mode}
        kb = self.holder.current
        loaded = datetime.fromtimestamp(self.holder.loaded_at, UTC).isoformat(timespec="seconds")
        return 200, {"status": "ok", "mode": self.mode, "articles": len(kb.corpus.documents),
                     "faq_entries": len(kb.faq.entries) if kb.faq else 0, "loaded_at": loaded}


class QuietHandler(tornado.web.RequestHandler):
    """A handler whose errors are logged without the request: tornado's own log lines print its headers
    (the webhook's secret among them); an HTTP error we answered on purpose (404, 405) is not logged."""

    def log_exception(self, typ, value, tb) -> None:
        if isinstance(value, tornado.web.HTTPError):
            return
        log.error("%s %s failed (%s)", self.request.method, type(self).__name__, typ.__name__ if typ else "error",
                  exc_info=(typ, value, tb))


class HealthHandler(QuietHandler):
    """Answers GET /healthz from a ``Health``."""

    SUPPORTED_METHODS = ("GET", "HEAD")

    def initialize(self, health: Health) -> None:
        self.health = health

    def get(self) -> None:
        status, body = self.health.report()
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(body))

    head = get
