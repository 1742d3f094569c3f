"""Errors raised by steering.

Every error the library raises derives from [`SteeringError`][steering.errors.SteeringError].
Leaves also
derive from the builtin a caller would naturally catch (``KeyError`` for an
unknown id, ``ValueError`` for a bad file or argument).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "ArgumentTypeError",
    "HolidayDataWarning",
    "PresetNotFoundError",
    "Problem",
    "QueryError",
    "RegulationFileError",
    "SteeringError",
    "SteeringWarning",
    "UnknownFactError",
    "UnknownIdError",
    "UnknownPostError",
]


class SteeringError(Exception):
    """Base of every error steering raises."""


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with a regulation file or model.

    Attributes:
        path: Where in the regulation the problem is, e.g. ``posts[3].role``;
            empty for the file as a whole.
        message: What is wrong, naming what was found and what is allowed.
        file: The file the regulation came from, or ``"<string>"``.

    """

    path: str
    message: str
    file: str = "<string>"

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {self.message}"


class RegulationFileError(SteeringError, ValueError):
    """A regulation file could not be loaded; lists every problem found.

    Attributes:
        file: The file name (or ``"<string>"``).
        problems: Every problem found, in file order.

    """

    def __init__(self, file: str, problems: Sequence[Problem]) -> None:
        self.file = file
        self.problems: tuple[Problem, ...] = tuple(problems)
        n = len(self.problems)
        head = f"{file}: {n} problem{'s' if n != 1 else ''} in regulation"
        body = "\n".join(f"  - {p.path or '(file)'}: {p.message}" for p in self.problems)
        super().__init__(f"{head}\n{body}" if body else head)


class UnknownIdError(SteeringError, KeyError):
    """An id names nothing in the regulation; the message lists the valid ids."""

    def __init__(self, kind: str, found: str, allowed: Iterable[str]) -> None:
        self.kind = kind
        self.found = found
        self.allowed: tuple[str, ...] = tuple(allowed)
        self.message = (
            f"unknown {kind} id {found!r}; valid {kind} ids are: {', '.join(self.allowed)}"
        )
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class UnknownPostError(UnknownIdError):
    """A post id names no post of the regulation.

    Attributes:
        role_posts: When the id is a role id ("member"), the posts of that role, so a
            caller can ask for each (post ids differ between regulations; see
            [`Regulation.posts_for`][steering.regulation.Regulation.posts_for]).

    """

    def __init__(self, found: str, allowed: Iterable[str], role_posts: Iterable[str] = ()) -> None:
        super().__init__("post", found, allowed)
        self.role_posts: tuple[str, ...] = tuple(role_posts)
        if self.role_posts:
            self.message = (
                f"{found!r} is a role id, not a post id; the posts with that role here are: "
                f"{', '.join(self.role_posts)} (ask for each; Regulation.posts_for gives them)"
            )
            self.args = (self.message,)


class PresetNotFoundError(UnknownIdError):
    """No shipped preset has this id."""

    def __init__(self, found: str, allowed: Iterable[str]) -> None:
        super().__init__("preset", found, allowed)


class QueryError(SteeringError, ValueError):
    """A question was asked with arguments the library cannot accept."""


class ArgumentTypeError(QueryError, TypeError):
    """An argument of the wrong type: both a `QueryError` and a ``TypeError``.

    Every public function refuses a wrong type with this error (catch
    ``SteeringError`` for every refusal, ``TypeError`` for wrong types only).
    """


class UnknownFactError(SteeringError, LookupError):
    """A question whose answer rests on a fact the regulation file declares unknown.

    A file that knows nothing of its signing date (``unknown = ["signed"]``) loads
    and answers everything else; asking for the day it came into force raises this,
    never an invented date.
    """


class SteeringWarning(UserWarning):
    """Base of every warning steering issues."""


class HolidayDataWarning(SteeringWarning):
    """The `holidays` package and the cited days off disagree in a way the data does not explain.

    steering follows the cited list (``steering/data/public_holidays.toml``); the
    warning names the year and the days added or dropped so the data can be
    updated with the instrument that explains the change.
    """
