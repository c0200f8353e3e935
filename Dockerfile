# Runs the way `make run` does: the bot when TELEGRAM_BOT_TOKEN is set (pass it at run time, never at
# build time), otherwise the console chat (`docker run -it event-qa`).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install --no-cache-dir .
COPY main.py faq.yaml faq_tests.yaml ./
COPY corpus ./corpus
# data/ holds the question store (0700): mount a volume there to keep it across containers.
RUN useradd --create-home botuser && mkdir -m 0700 /app/data && chown -R botuser /app
USER botuser
# `docker stop` sends SIGTERM and kills 10 s later (compose: `stop_grace_period: 10s`). The bot answers
# what it holds for up to BOT_STOP_GRACE_SECONDS, then needs about a second to confirm and close. A
# longer grace needs a longer stop timeout too: `docker stop -t`, `docker run --stop-timeout`.
STOPSIGNAL SIGTERM
ENV BOT_STOP_GRACE_SECONDS=8
CMD ["sh", "-c", "if [ -n \"$TELEGRAM_BOT_TOKEN\" ]; then exec python main.py run; else exec python main.py chat; fi"]
