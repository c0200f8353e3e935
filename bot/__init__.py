"""Event Q&A bot: answers questions about one news event from a corpus of articles.

The engine (corpus, text, index, faq, answer) knows nothing of Telegram; ``bot.telegram``
translates Telegram updates into questions and answers into replies.
"""

__version__ = "0.1.0"
