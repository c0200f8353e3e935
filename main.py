"""Entry point: ``python main.py COMMAND`` (ask, chat, check, eval, report, run, health, bench); see ``--help``."""

import sys

from bot.cli import main

if __name__ == "__main__":
    sys.exit(main())
