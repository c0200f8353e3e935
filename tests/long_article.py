"""An article whose one long sentence (about 1,400 characters) holds its answer in the middle.

For the tests that a very long source sentence is shortened around its highlight, never through it.
"""

from __future__ import annotations

_TOWNS = ["Arlen", "Belmor", "Castor", "Dunmere", "Elston", "Farrow", "Glenby", "Harwick", "Ivel", "Jarrow",
          "Kelby", "Lorne", "Marden", "Norley", "Oxley", "Penrith", "Quarry", "Rodley", "Selby", "Tarland"]
_CLAUSES = [f"volunteers in {town} cleared mud from the streets and schools" for town in _TOWNS]

LONG_ARTICLE = ("Flood in the valley\n\nAfter three days of heavy rain, " + ", ".join(_CLAUSES[:10])
                + ", while the reservoir dam released 4,500 cubic metres of water into the river on Tuesday, and "
                + ", ".join(_CLAUSES[10:]) + ".\n\nThe regional governor said the dam was safe.\n")
QUESTION = "When did the dam release water?"
ANSWER = "Tuesday"
