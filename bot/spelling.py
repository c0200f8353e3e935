"""Spelling correction of question words against the corpus vocabulary (symmetric deletes, distance 1).

Only words the corpus does not know are corrected, only to a word one edit away (insertion,
deletion, substitution or swap) that starts with the same letter, and only for words of four
letters or more: ``peple`` -> ``people``, ``tokaev`` -> ``tokayev``, ``kazakstan`` -> ``kazakhstan``,
while an unrelated word such as ``football`` stays unknown and keeps counting against confidence.
A word that is itself common English (``tanks``, ``mayor``) is never "corrected" into a corpus word
(``talks``, ``major``), unless the corpus word is a hundred times commoner in English (``minster`` ->
``minister``): pyspellchecker's English word frequencies say which words are real. They are
loaded on the first candidate correction, or up front with ``load_english`` (the bot does it at
start, so that no user's first typo waits for it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

MIN_LENGTH = 4
COMMON_ENGLISH = 100  # pyspellchecker frequency from which a word is taken to be spelt as meant
_english = None


def load_english():
    """pyspellchecker's English word frequencies, loaded once (~0.3 s, so only when needed or asked)."""
    global _english
    if _english is None:
        from spellchecker import SpellChecker

        _english = SpellChecker(language="en", distance=1).word_frequency
    return _english


def is_common_english(word: str) -> bool:
    """True for a correctly spelt, reasonably common English word."""
    english = load_english()
    return word in english and english[word] >= COMMON_ENGLISH


MUCH_COMMONER = 100  # "minster" (106) for "minister" (18,798): a real word, but almost surely a typo


def _much_commoner(fix: str, word: str) -> bool:
    """A rare real word next to a far commoner one the articles use: the typo is likelier than the word."""
    english = load_english()
    return english[fix] >= MUCH_COMMONER * english[word] if fix in english and word in english else False


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _within_one(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance of at most one."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


class Speller:
    """Maps an unknown word to the most frequent corpus word within one edit, or to nothing."""

    def __init__(self, frequencies: dict[str, int], min_length: int = MIN_LENGTH,
                 real_word: Callable[[str], bool] = is_common_english) -> None:
        """``real_word``: a word it says is spelt as meant is left alone (common English words by default)."""
        self.frequencies = frequencies
        self.min_length = min_length
        self.real_word = real_word
        self._by_delete: dict[str, list[str]] = {}
        for word in frequencies:
            if len(word) >= min_length - 1 and word.isalpha():
                for key in _deletes(word) | {word}:
                    self._by_delete.setdefault(key, []).append(word)

    def correct(self, word: str) -> str | None:
        """The correction of ``word``, or None when it is known, too short or has no close match."""
        if word in self.frequencies or len(word) < self.min_length or not word.isalpha():
            return None
        seen: set[str] = set()
        for key in _deletes(word) | {word}:
            seen.update(self._by_delete.get(key, ()))
        best = [w for w in seen if w[0] == word[0] and _within_one(word, w)]
        if not best:
            return None
        fix = max(best, key=lambda w: (self.frequencies[w], w))
        if self.real_word(word) and not (self.real_word is is_common_english and _much_commoner(fix, word)):
            return None
        return fix

    @classmethod
    def from_words(cls, words: Iterable[str], min_length: int = MIN_LENGTH,
                   real_word: Callable[[str], bool] = is_common_english) -> Speller:
        freq: dict[str, int] = {}
        for w in words:
            freq[w] = freq.get(w, 0) + 1
        return cls(freq, min_length, real_word)


def never(word: str) -> bool:
    """No word is known to be spelt as meant (Russian and Kazakh: no word list to ask)."""
    return False
