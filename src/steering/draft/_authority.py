"""Candidate rules about authority.

Who acts for an absent post, which seal a post uses, to whom a post answers.
"""

from __future__ import annotations

import re

from steering.draft._catalogue import (
    _ABSENT,
    _ACT,
    _AGENCY_SEAL,
    _ANSWER,
    _NO_SEAL,
)
from steering.draft._reports import _Reports
from steering.sources import SourceUnit


class _Authority(_Reports):
    """Candidate rules about authority: who acts for an absent post, seals, to whom a post."""

    def substitution(self, unit: SourceUnit, sentence: str, low: str) -> None:
        absent = next((a for a in _ABSENT if a in low), None)
        act = next((a for a in _ACT if a in low), None)
        if absent is None or act is None:
            return
        if low.find(absent) > low.find(act):
            self.acts_when_absent(unit, sentence)
            return
        if not low.startswith(("khi ", "trường hợp ", "trong trường hợp ")):
            return
        cut = low.find(absent)
        before = [m for m in self.mentions(sentence) if m[0] < cut]
        after = [m for m in self.mentions(sentence) if m[0] > cut]
        if not before and "ủy quyền cho" in low:  # "Khi vắng mặt, <A> ủy quyền cho <B>"
            act_at = low.find("ủy quyền cho")
            before = [m for m in after if m[0] < act_at][:1]
            after = [m for m in after if m[0] > act_at]
        if not before or not after:
            self.add("substitutions", {}, unit, sentence, "guess:absent-acts: a post not named")
            return
        principal, substitute = before[0][1], after[0][1]
        pid, sid = self.post_id(principal), self.post_id(substitute)
        fields: dict[str, object] = {"principal": principal, "substitutes": [substitute], "rank": 1}
        also = list(dict.fromkeys(m[1] for m in before[1:] if m[1] != principal))
        if also:
            fields["also_absent"] = also
        if pid is None or sid is None or pid == sid or self.ambiguous([substitute]):
            self.add(
                "substitutions",
                fields,
                unit,
                sentence,
                "guess:absent-acts: a post has no article of its own",
            )
            return
        self.add("substitutions", fields, unit, sentence, "pattern:absent-acts")
        # "Khi Trưởng ban, Phó Trưởng ban Thường trực vắng mặt, Phó Trưởng ban thay mặt
        # Trưởng ban, Phó Trưởng ban Thường trực ...": the substitute acts for each of them.
        act_at = low.find(act)
        acted_for = re.split(r" (?:điều hành|lãnh đạo|chỉ đạo|giải quyết|ký)\b", sentence[act_at:])[
            0
        ]
        named = {m[1] for m in self.mentions(acted_for)}
        absent_roles = {m[1] for m in before}
        if len(named) > 1 and named == absent_roles and all(self.post_id(r) for r in named):
            for other in dict.fromkeys(m[1] for m in before[1:]):
                if other in {principal, substitute}:
                    continue
                rest = [r for r in dict.fromkeys(m[1] for m in before) if r != other]
                more: dict[str, object] = {
                    "principal": other,
                    "substitutes": [substitute],
                    "rank": 1,
                    "also_absent": rest,
                }
                self.add("substitutions", more, unit, sentence, "pattern:absent-acts")

    def acts_when_absent(self, unit: SourceUnit, sentence: str) -> None:
        """'(<B>) thay mặt <A> điều hành ... khi <A> vắng mặt', in <B>'s article."""
        m = re.match(
            r"([^;]{0,200}?)thay mặt ([^;]{1,200}?) (?:điều hành|lãnh đạo|chỉ đạo|giải quyết)"
            r"[^;]{0,400}? khi ([^;]{1,200}?) "
            r"(?:vắng mặt|đi công tác)",
            sentence,
            re.IGNORECASE,
        )
        if m is None or unit.article is None:
            return
        acted_for = [r for _, r, _ in self.mentions(m.group(2))]
        absent = [r for _, r, _ in self.mentions(m.group(3))]
        lead = self.mentions(m.group(1))
        substitute = lead[0][1] if lead else self.article_role.get(unit.article)
        if len(acted_for) != 1 or absent != acted_for or substitute is None:
            return
        fields: dict[str, object] = {
            "principal": acted_for[0],
            "substitutes": [substitute],
            "rank": 1,
        }
        if (
            self.post_id(acted_for[0])
            and self.post_id(substitute)
            and substitute != acted_for[0]
            and not self.ambiguous([substitute])
        ):
            self.add("substitutions", fields, unit, sentence, "pattern:acts-when-absent")
        else:
            self.add("substitutions", fields, unit, sentence, "guess:acts-when-absent: whose post")

    def seal(self, unit: SourceUnit, sentence: str, low: str) -> None:
        if any(w in low for w in _NO_SEAL):
            if low.startswith(f"{self.body} "):
                self.add(
                    "seals",
                    {"posts": ["committee"], "seal": {"kind": "none"}},
                    unit,
                    sentence,
                    "pattern:no-seal",
                )
            else:
                self.add(
                    "seals",
                    {"posts": ["committee"], "seal": {"kind": "none"}},
                    unit,
                    sentence,
                    "guess:no-seal: the sentence does not start with the committee",
                )
            return
        at = low.find(_AGENCY_SEAL)
        if at == -1:
            return
        agency = re.split(r"[.;,(]| để | khi | trong ", sentence[at + len(_AGENCY_SEAL) :])[0]
        agency = agency.strip()
        # "Ban Chỉ đạo sử dụng con dấu của Tỉnh ủy khi Trưởng Ban ký": the signer's seal.
        signer = re.match(
            r"[^.;]{0,200}? khi ([^.;]{1,200}?) ký\b", sentence[at + len(_AGENCY_SEAL) :]
        )
        if low.startswith(f"{self.body} ") and signer:
            roles, clean = self.parties(signer.group(1), unit)
        else:
            who = re.sub(r"(?i)^trong quá trình làm việc, ", "", sentence[:at])
            who = re.sub(r"\s+được(?: quyền)?(?: ký và)?\s*$", "", who)
            roles, clean = self.parties(who, unit)
            # "Trưởng ban là Chủ tịch UBND tỉnh", "Giám đốc Sở ... là Phó Trưởng ban": the
            # post is the side of 'là' that is a title.
            for side in who.split(" là ", 1) if not clean and " là " in who else ():
                if self.parties(side, unit)[1]:
                    roles, clean = self.parties(side, unit)
        own = re.fullmatch(
            r"(?:cơ quan|đơn vị|cơ quan, đơn vị)(?: nơi)? (?:mình|mình công tác|đang công tác)",
            agency,
        )
        seal: dict[str, object] = (
            {"kind": "own_agency"} if own else {"kind": "agency", "agency": agency}
        )
        fields: dict[str, object] = {"seal": seal}
        if clean and agency and "committee" not in roles:
            fields = {"posts": roles, **fields}
            self.add("seals", fields, unit, sentence, "pattern:agency-seal")
        else:
            self.add("seals", fields, unit, sentence, "guess:agency-seal: which post is not clear")

    def accountability(self, unit: SourceUnit, sentence: str, low: str) -> None:
        at = low.find(_ANSWER[0])
        if at == -1 or unit.article is None:
            return
        # "Tổ trưởng Tổ giúp việc chịu trách nhiệm trước ...": the sentence names its subject.
        named, clean = self.parties(re.sub(r"^(?:Các|Những) ", "", sentence[:at]), unit)
        own = named[0] if clean and len(named) == 1 and named[0] != "committee" else None
        subject = own or self.article_role.get(unit.article) or self.unit_subject(unit)
        tail = sentence[at + len(_ANSWER[0]) :]
        tail = re.split(r" về | trong | đối với |[.;(]", tail)[0]
        to = self.roles_in(tail, unit)
        titles = "|".join(re.escape(m[2]) for m in self.mentions(tail)) or "$^"
        rest = re.sub(titles, "", tail).strip(" ,-–")
        rest = re.sub(r"\b(?:và|các|Ban Chỉ đạo|Chỉ đạo)\b", "", rest, flags=re.IGNORECASE)
        rest = rest.strip(" ,-–")
        fields: dict[str, object] = {"subject": subject or "", "to": to}
        if (
            subject
            and to
            and not rest
            and all(self.post_id(t) for t in to)
            and subject not in to
            and not self.ambiguous(to)
        ):
            self.add("accountability", fields, unit, sentence, "pattern:answers-to")
        else:
            why = "the article is not one post's" if not subject else f"answers to {tail[:40]!r}"
            self.add("accountability", fields, unit, sentence, f"guess:answers-to: {why}")
