"""The Telegram layer: translates updates into questions for the engine and answers into messages.

``context`` holds what handlers share (typed ``bot_data``), ``handlers`` the users' update handlers,
``feedback`` the recording of questions and the vote buttons, ``admin`` the admins' commands and
messages, ``recording`` the store's worker thread, and ``app`` builds the python-telegram-bot
Application and runs it. Updates come in through ``runner``: from ``poller`` (getUpdates) or, in
webhook mode, from ``webhook`` on ``http_server`` (which also serves ``health``'s /healthz), then
``intake`` and ``scheduler``. Nothing here is imported by the engine or by the CLI commands that do not
talk to Telegram.
"""
