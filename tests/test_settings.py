"""Settings are read from the environment once; malformed values name their variable."""

import logging
from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError, api_base_url


def test_unset_environment_gives_the_documented_defaults():
    settings = Settings.from_env({})
    assert settings == Settings()
    assert (settings.corpus_dir, settings.faq_file, settings.reload_seconds) == (Path("corpus"), Path("faq.yaml"), 2.0)
    assert settings.log_level == logging.INFO and settings.cache_dir == Path(".cache")


def test_values_are_parsed():
    settings = Settings.from_env({"LOG_LEVEL": "debug", "BOT_RELOAD_SECONDS": "0.5", "BOT_CACHE_DIR": "off",
                                  "BOT_CORPUS_DIR": "articles", "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/"})
    assert settings.log_level == logging.DEBUG and settings.reload_seconds == 0.5
    assert settings.cache_dir is None and settings.corpus_dir == Path("articles")
    assert settings.api_base_url == "http://127.0.0.1:8081/bot"


@pytest.mark.parametrize("variable, value", [("BOT_RELOAD_SECONDS", "abc"), ("BOT_RELOAD_SECONDS", "nan"),
                                             ("BOT_RELOAD_SECONDS", "-2"), ("LOG_LEVEL", "LOUD")])
def test_malformed_value_is_an_error_naming_the_variable(variable, value):
    with pytest.raises(SettingsError) as info:
        Settings.from_env({variable: value})
    assert str(info.value).startswith(f"{variable}: ") and value in str(info.value)


def test_token_errors_never_echo_the_token():
    with pytest.raises(SettingsError, match="TELEGRAM_BOT_TOKEN: not set"):
        Settings.from_env({}).checked_token()
    with pytest.raises(SettingsError, match="TELEGRAM_BOT_TOKEN: malformed") as info:
        Settings.from_env({"TELEGRAM_BOT_TOKEN": "12:secret-looking"}).checked_token()
    assert "secret-looking" not in str(info.value)
    assert "secret" not in repr(Settings(token="123:secret"))


def test_base_url_accepts_a_bare_server_address():
    assert api_base_url("http://127.0.0.1:8081") == "http://127.0.0.1:8081/bot"
    assert api_base_url("http://127.0.0.1:8081/bot/") == "http://127.0.0.1:8081/bot"
    assert api_base_url("https://example.org/custom/bot{token}") == "https://example.org/custom/bot{token}"
    assert api_base_url(None) is None


def test_operator_settings_are_parsed():
    settings = Settings.from_env({"BOT_DATA_DIR": "/var/lib/qa", "ADMIN_IDS": "123, 456 789",
                                  "BOT_RETENTION_DAYS": "30", "BOT_MAX_QUESTIONS": "5000"})
    assert settings.data_dir == Path("/var/lib/qa") and settings.admin_ids == (123, 456, 789)
    assert (settings.retention_days, settings.max_questions) == (30.0, 5000)
    assert Settings.from_env({"BOT_DATA_DIR": "off"}).data_dir is None
    defaults = Settings.from_env({})
    assert (defaults.data_dir, defaults.admin_ids, defaults.retention_days) == (Path("data"), (), 90.0)
    assert "123" not in repr(settings)


@pytest.mark.parametrize("variable, value", [("ADMIN_IDS", "123,abc"), ("ADMIN_IDS", "-5"), ("BOT_RETENTION_DAYS", "0"),
                                             ("BOT_RETENTION_DAYS", "week"), ("BOT_MAX_QUESTIONS", "1.5"),
                                             ("BOT_MAX_QUESTIONS", "0")])
def test_malformed_operator_setting_names_its_variable(variable, value):
    with pytest.raises(SettingsError) as info:
        Settings.from_env({variable: value})
    assert str(info.value).startswith(f"{variable}: ")
