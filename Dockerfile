# The bot as `make run` runs it: the Telegram bot when TELEGRAM_BOT_TOKEN is set (pass it at run time, never at
# build time), otherwise the console chat (`docker run -it event-qa`). README "Deploying" has the commands.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

# The same two install steps as `make` (Makefile, $(VENV)/.installed), which CI runs: the pinned dependencies
# first, in a layer Docker keeps until requirements.txt changes, then the package alone. No dev extras.
COPY requirements.txt ./
RUN pip install -qq --no-cache-dir -r requirements.txt
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install -qq --no-cache-dir --no-deps .
COPY main.py ./

# What the bot knows: the FAQ, its regression questions and the articles, edited live by mounting a folder
# holding faq.yaml and corpus/ over /app/content (a folder, not single files: an atomic save replaces the
# file, and a bind-mounted file would keep showing the old one).
COPY faq.yaml faq_tests.yaml ./content/
COPY corpus ./content/corpus

# A numeric user (Kubernetes' runAsNonRoot can check it) owning only the data folder (0700): the question
# store, its salt and the index cache. Mount a volume there to keep them across containers.
RUN groupadd --gid 10001 bot \
    && useradd --uid 10001 --gid 10001 --no-create-home --no-log-init -l bot \
    && mkdir -m 0700 /app/data \
    && chown 10001:10001 /app/data
VOLUME ["/app/data"]
USER 10001:10001

ENV BOT_CORPUS_DIR=/app/content/corpus BOT_FAQ_FILE=/app/content/faq.yaml \
    BOT_DATA_DIR=/app/data BOT_CACHE_DIR=/app/data/cache BOT_LISTEN=0.0.0.0 PORT=8080
# The webhook (TELEGRAM_WEBHOOK_URL's path) and /healthz; polling serves /healthz there too.
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["python", "main.py", "health"]

# `docker stop` sends SIGTERM and kills 10 s later (compose: `stop_grace_period: 10s`). The bot answers
# what it holds for up to BOT_STOP_GRACE_SECONDS, then needs about a second to confirm and close. A
# longer grace needs a longer stop timeout too: `docker stop -t`, `docker run --stop-timeout`.
STOPSIGNAL SIGTERM
ENV BOT_STOP_GRACE_SECONDS=8
CMD ["sh", "-c", "if [ -n \"$TELEGRAM_BOT_TOKEN\" ]; then exec python main.py run; else exec python main.py chat; fi"]
