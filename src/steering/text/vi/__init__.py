"""Vietnamese: every reason, statement, word and label, in the regulations' own words.

One catalogue (`SAY`) with an entry per kind of reason a ruling carries
([`steering.reasons`][steering.reasons], in `_rulings`) and per kind of statement a
comparison holds ([`steering.statements`][steering.statements], in `_compared`); the
words of the vocabularies and the labels of the doors are in `_words`. Changing a word
is changing one line; adding a language is adding one package like this one.
"""

from steering.text.vi import _compared, _rulings  # noqa: F401 - each registers its entries
from steering.text.vi._words import LABELS, SAY, WORDS

__all__ = ["LABELS", "SAY", "WORDS"]
