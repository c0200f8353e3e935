"""``python main.py health``: asks the running bot's ``/healthz`` whether it serves (the Docker HEALTHCHECK).

It reads the same settings as the bot (``PORT``, ``BOT_LISTEN``, the webhook URL), so the check and
the server agree on where to look. Exit 0 when the bot answers 200, 1 otherwise, with one line
saying why. With nothing to ask (no token: the console chat; polling without a port) it exits 0.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request

from bot.settings import Settings

TIMEOUT = 3.0  # seconds: under the HEALTHCHECK's own timeout
ANY_ADDRESS = ("0.0.0.0", "::", "")


def health_url(settings: Settings) -> str | None:
    """Where the bot's /healthz is, from this machine; None when it has none."""
    port = settings.http_port
    if not settings.token or port is None:
        return None
    host = "127.0.0.1" if settings.listen in ANY_ADDRESS else settings.listen
    return f"http://{f'[{host}]' if ':' in host else host}:{port}/healthz"


def check(settings: Settings, timeout: float = TIMEOUT) -> int:
    """Print what /healthz says; 0 when it says the bot serves."""
    url = health_url(settings)
    if url is None:
        print("nothing to check: " + ("no TELEGRAM_BOT_TOKEN (the console chat)" if not settings.token
                                      else "polling without PORT serves no /healthz"))
        return 0
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - our own address
            print(response.read().decode("utf-8", errors="replace"))
            return 0
    except urllib.error.HTTPError as exc:
        print(f"{url}: {exc.code} {exc.read().decode('utf-8', errors='replace')}", file=sys.stderr)
    except (OSError, ValueError) as exc:
        print(f"{url}: cannot reach the bot ({getattr(exc, 'reason', exc)})", file=sys.stderr)
    return 1
