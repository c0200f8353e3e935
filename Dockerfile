# Runs the bot the way `make run` does; pass TELEGRAM_BOT_TOKEN at run time, never at build time.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install --no-cache-dir .
COPY main.py faq.yaml ./
COPY corpus ./corpus
RUN useradd --create-home botuser && chown -R botuser /app
USER botuser
CMD ["python", "main.py", "run"]
