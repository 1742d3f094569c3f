"""Reading a regulation into facts keyed by meaning: keys, names, and making a fact."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from steering._text import fold, unique
from steering.compare._keys import (
    _CLASS_NAMES,
    _CLASS_ROLES,
    _unique_citations,
)
from steering.compare._model import (
    Aspect,
    Side,
)
from steering.regulation import Regulation
from steering.roles import COMMITTEE, GroupKind, Post, Role
from steering.rules import Citation
from steering.statements import Statement, Subject


@attrs.frozen(kw_only=True)
class _Fact:
    """One fact of one regulation: its aspect, key and subject, and what the regulation says."""

    aspect: Aspect
    key: str
    subject: Subject
    side: Side


class _Reader:
    """What the extractors read a regulation with: keys and names by meaning, and `fact`."""

    def __init__(self, reg: Regulation) -> None:
        self.reg = reg
        by_role: dict[Role, list[Post]] = {}
        for p in reg.posts:
            by_role.setdefault(p.role, []).append(p)
        self._by_role = by_role
        titles: dict[str, int] = {}
        for p in reg.posts:
            titles[fold(p.title)] = titles.get(fold(p.title), 0) + 1
        self._title_count = titles
        kinds: dict[GroupKind, int] = {}
        for g in reg.working_groups:
            kinds[g.kind] = kinds.get(g.kind, 0) + 1
        self._group_kinds = kinds
        roles = list(Role)
        rank: dict[str, tuple[int, int, int]] = {}
        for i, p in enumerate(reg.posts):
            rank[p.id] = (0, roles.index(p.role), i)
        for i, g in enumerate(reg.working_groups):
            rank[g.id] = (1, 0, i)
        for i, b in enumerate(reg.bodies):
            rank[b.id] = (2, 0, i)
        rank[COMMITTEE] = (3, 0, 0)
        self._rank = rank
        # Keys and names, each computed once (a regulation is immutable).
        self._keys: dict[str, str] = {}
        self._names: dict[str, str] = {}

    # -- keys and names ------------------------------------------------------

    def key(self, node: str) -> str:
        """A key for a post, group, body or the committee that means the same across regulations."""
        found = self._keys.get(node)
        if found is None:
            found = self._keys[node] = self._key(node)
        return found

    def _key(self, node: str) -> str:  # noqa: PLR0911 - one return per kind of node
        reg = self.reg
        if node == COMMITTEE:
            return COMMITTEE
        for p in reg.posts:
            if p.id == node:
                if len(self._by_role[p.role]) == 1 or p.role in _CLASS_ROLES:
                    return p.role.value
                return self.specific_key(node)
        for g in reg.working_groups:
            if g.id == node:
                if self._group_kinds[g.kind] == 1:
                    return g.kind.value
                return f"{g.kind.value}[{fold(g.name)}]"
        for b in reg.bodies:
            if b.id == node:
                return f"body[{fold(b.name)}]"
        for c in reg.collectives:
            if c.id == node:
                return f"collective[{fold(c.name)}]"
        return f"?{node}"

    def specific_key(self, node: str) -> str:
        """Like `key`, but one key per post even for members (annex rows)."""
        for p in self.reg.posts:
            if p.id == node:
                if len(self._by_role[p.role]) == 1:
                    return p.role.value
                return f"{p.role.value}[{fold(p.office or p.agency or p.title)}]"
        return self.key(node)

    def name(self, node: str) -> str:
        """The regulation's words for a node; a class of members is named as a class."""
        found = self._names.get(node)
        if found is None:
            found = self._names[node] = self._name(node)
        return found

    def _name(self, node: str) -> str:
        for p in self.reg.posts:
            if p.id == node and p.role in _CLASS_ROLES and len(self._by_role[p.role]) > 1:
                n = len(self._by_role[p.role])
                return f"{_CLASS_NAMES[p.role]} ({n})"
        return self.own_name(node)

    def own_name(self, node: str) -> str:
        """The regulation's words for one node, with the office where titles repeat."""
        reg = self.reg
        if node == COMMITTEE:
            return reg.committee.kind.word("vi")
        for p in reg.posts:
            if p.id == node:
                extra = p.office or p.agency
                if self._title_count[fold(p.title)] > 1 and extra:
                    return f"{p.title} ({extra})"
                return p.title
        try:
            return reg.name_of(node)
        except KeyError:
            return node

    def names(self, nodes: Iterable[str]) -> str:
        return ", ".join(unique(self.name(n) for n in self._by_key(nodes)))

    def keys(self, nodes: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted({self.key(n) for n in nodes}))

    def in_rank(self, item: tuple[str, tuple[Any, ...]]) -> tuple[Any, ...]:
        """Sort key for ``(fact key, (node, ...))`` pairs: the node's rank, then the key."""
        key, (node, *_) = item
        return (*self._rank.get(node, (9, 0, 0)), key)

    def _by_key(self, nodes: Iterable[str]) -> list[str]:
        """Nodes in the regulation's own order: posts by rank, then groups, bodies, committee."""
        return sorted(set(nodes), key=lambda n: (*self._rank.get(n, (9, 0, 0)), self.key(n), n))

    # -- facts -----------------------------------------------------------------

    def fact(  # noqa: PLR0917 - every fact has the same six parts, in one order
        self,
        aspect: Aspect,
        key: str,
        subject: Subject,
        value: tuple[str, ...],
        says: Statement,
        citations: Iterable[Citation],
    ) -> _Fact:
        """A fact: what the regulation says (typed) about ``subject``, and where."""
        full = f"{aspect.value}:{key}" if key else aspect.value
        return _Fact(
            aspect=aspect,
            key=full,
            subject=subject,
            side=Side(specified=True, value=value, says=says,
                      citations=_unique_citations(citations)),
        )

    def node_keys(self) -> set[str]:
        """The keys of every post, group and body of the regulation."""
        return {self.key(n) for n in self.reg.node_ids()}

    def subject(self, node: str) -> Subject:
        """A fact about ``node``: named as the regulation names it."""
        return Subject(self.name(node))
