"""The Telegram layer: translates updates into questions for the engine and answers into messages.

``context`` holds what handlers share (typed ``bot_data``), ``handlers`` the update handlers, and
``app`` builds the python-telegram-bot Application and runs it. Nothing here is imported by the
engine or by the CLI commands that do not talk to Telegram.
"""
