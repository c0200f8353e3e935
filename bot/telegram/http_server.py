"""The bot's HTTP server: ``/healthz`` always, and in webhook mode the webhook's path.

It is tornado's ``HTTPServer``, the server python-telegram-bot's own webhook runs on (its
``webhooks`` extra), with our handlers: a mature HTTP/1.1 implementation (keep-alive, body limits,
slow clients) on the bot's own event loop, so an update goes straight to the scheduler. Requests
are not logged (the path, and for a wrong request the headers, are not ours to print).
"""

from __future__ import annotations

import errno
import re
import socket

import tornado.web
from tornado.httpserver import HTTPServer

from bot.settings import SettingsError
from bot.telegram.health import PATH, Health, HealthHandler
from bot.telegram.webhook import Endpoint, UpdateHandler

MAX_BODY = 1 << 20  # bytes: an update is a few kB; Telegram's largest are far below this
IDLE_TIMEOUT = 75.0  # seconds a kept-alive connection may stay idle
BODY_TIMEOUT = 10.0  # seconds to send a body: a slow client holds nothing for long


class HttpServer:
    """Listens on ``listen:port``; ``endpoint`` (webhook mode) is served at ``path``."""

    def __init__(self, listen: str, port: int, health: Health, endpoint: Endpoint | None = None,
                 path: str = "/") -> None:
        self.listen, self.port = listen, port
        routes: list = [(re.escape(PATH), HealthHandler, {"health": health})]
        if endpoint is not None:
            routes.append((re.escape(path.rstrip("/")) + "/?", UpdateHandler, {"endpoint": endpoint}))
        app = tornado.web.Application(routes, log_function=lambda handler: None)
        self._server = HTTPServer(app, max_body_size=MAX_BODY, idle_connection_timeout=IDLE_TIMEOUT,
                                  body_timeout=BODY_TIMEOUT)

    def start(self) -> None:
        """Listen now (on the running event loop); a port taken (PORT) or an address that is not this machine's
        (BOT_LISTEN) is one line naming the variable."""
        try:
            self._server.listen(self.port, address=self.listen)
        except OSError as exc:
            not_ours = isinstance(exc, socket.gaierror) or exc.errno == errno.EADDRNOTAVAIL
            raise SettingsError("BOT_LISTEN" if not_ours else "PORT",
                                f"cannot listen on {self.listen}:{self.port} ({exc.strerror or exc})") from None

    def stop_listening(self) -> None:
        """Take no new connections (requests on open ones still get answers: 503 once stopping)."""
        self._server.stop()

    async def close(self) -> None:
        """Close every connection."""
        self._server.stop()
        await self._server.close_all_connections()
