"""Candidate rules about meetings.

Regular, extraordinary and expanded meetings, who convenes, who attends and who
decides who attends.
"""

from __future__ import annotations

import re

from steering.draft._candidates import (
    _sentences,
)
from steering.draft._catalogue import (
    _CADENCES,
    _CONVENE,
    _EXTRA,
    _REGULAR,
)
from steering.draft._posts import _Posts
from steering.sources import SourceUnit


class _Meetings(_Posts):
    """Candidate rules about meetings: regular, extraordinary and expanded meetings, who."""

    def extraordinary(self, unit: SourceUnit, sentence: str, low: str) -> None:
        """'Ban Chỉ đạo (có thể) họp đột xuất theo triệu tập/chỉ đạo của <posts>'."""
        word = next((w for w in (*_EXTRA, "hoặc đột xuất") if w in low), None)
        if word is None or not low.startswith(self.body):
            return
        m = re.search(r"theo (?:triệu tập|chỉ đạo|yêu cầu|quyết định) của ", low[low.find(word) :])
        if m is None:
            return
        start = low.find(word) + m.end()
        tail = re.split(r" hoặc theo | theo đề nghị|[.;(]", sentence[start:])[0]
        conveners = self.roles_in(tail, unit)
        fields: dict[str, object] = {
            "body": "committee",
            "meeting": "extraordinary",
            "conveners": conveners,
        }
        why = None if self.all_posts(conveners) else f"convened by {tail[:40]!r}"
        self.propose(
            "convening", fields, unit, sentence, pattern="extraordinary-convened-by", why=why
        )

    def group_extraordinary(self, unit: SourceUnit, sentence: str, low: str, body: str) -> None:
        """'Tổ công tác họp định kỳ ... và/hoặc (đột xuất) theo yêu cầu của <lead>'."""
        m = re.search(r"theo (?:yêu cầu|triệu tập|chỉ đạo) của ", low)
        if m is None:
            return
        tail = re.split(r"[.;(]", sentence[m.end() :])[0]
        conveners = self.roles_in(tail, unit)
        fields: dict[str, object] = {
            "body": body,
            "meeting": "extraordinary",
            "conveners": conveners,
        }
        if conveners == ["wg_lead"] and self.post_id("wg_lead"):
            self.add("convening", fields, unit, sentence, "pattern:group-convened-by")
        else:
            self.add(
                "convening",
                fields,
                unit,
                sentence,
                f"guess:group-convened-by: convened by {tail[:40]!r}",
            )

    def expanded(self, unit: SourceUnit, sentence: str, low: str) -> None:
        """'<posts> quyết định triệu tập cuộc họp mở rộng ...'."""
        at = low.find("triệu tập cuộc họp mở rộng")
        if at == -1:
            return
        conveners = self.roles_in(sentence[:at], unit)
        self.add(
            "meetings",
            {"body": "committee", "kind": "expanded"},
            unit,
            sentence,
            "pattern:expanded-meeting",
        )
        fields: dict[str, object] = {
            "body": "committee",
            "meeting": "expanded",
            "conveners": conveners,
        }
        why = None if self.all_posts(conveners) else "who convenes"
        self.propose("convening", fields, unit, sentence, pattern="expanded-meeting", why=why)

    def attendance(self, unit: SourceUnit) -> None:
        """A duty to attend, with its conditions for absence and for a proxy.

        'Tham dự đầy đủ các cuộc họp ...; (trường hợp) không thể tham dự / vắng mặt phải
        báo cáo và được (sự) đồng ý của người chủ trì; ủy quyền / cử người dự (họp) thay'.
        """
        sentences = _sentences(unit.text, heading=unit.kind == "article")
        low = " ".join(sentences).lower()
        start = next((x for x in sentences if "tham dự đầy đủ" in x.lower()), None)
        if start is None or unit.article is None:
            return
        post = self.article_role.get(unit.article) or self.unit_subject(unit)
        absence: list[str] = []
        absent_at = max(low.find("không thể tham dự"), low.find("vắng mặt"))
        if absent_at != -1 and "phải báo cáo" in low[absent_at:]:
            absence.append("report_to_chair")
        if absent_at != -1 and re.search(r"(?:sự )?đồng ý", low[absent_at:]):
            absence.append("chair_consent")
        fields: dict[str, object] = {
            "posts": [post or ""],
            "body": "committee",
            "must_attend": True,
            "absence_conditions": absence,
        }
        proxy = re.search(r"ủy quyền cho người dự|dự họp thay|dự thay", low)
        if proxy:
            fields["proxy_allowed"] = True
            must = low.find("phải báo cáo", absent_at) if absent_at != -1 else -1
            if absent_at < proxy.start() < must:
                # "không thể tham dự hoặc ủy quyền cho người dự họp thay phải báo cáo và
                # được sự đồng ý": the same conditions for both.
                fields["proxy_conditions"] = list(absence)
            elif "ý kiến bằng văn bản" in low[proxy.start() :]:
                fields["proxy_conditions"] = ["written_opinion"]
        if post and (self.body in start.lower() or "các phiên họp" in start.lower()):
            self.add("attendance", fields, unit, start, "pattern:attends")
        else:
            self.add("attendance", fields, unit, start, "guess:attends: whose duty is not clear")

    def meeting(self, unit: SourceUnit, sentence: str, low: str) -> None:
        regular = next((r for r in _REGULAR if r in low), None)
        if regular is None:
            return
        cadences: list[str] = []
        rest = low[low.find(regular) :]
        for wording, cadence in _CADENCES:
            at = rest.find(wording)
            if at != -1 and cadence not in cadences:
                cadences.append(cadence)
                rest = rest[:at] + " " * len(wording) + rest[at + len(wording) :]
        item = r"(?:quý|tháng|năm|0?6 tháng|sáu tháng)"
        listed = re.match(rf"\s*theo ({item}(?:,\s*{item})*)", rest[len(regular) :])
        if listed:
            names = {"quý": "quarterly", "tháng": "monthly", "năm": "yearly"}
            for item in re.split(r",\s*", listed.group(1)):
                cadence = "half_yearly" if item.endswith(" tháng") else names[item]
                if cadence not in cadences:
                    cadences.append(cadence)
        subject = low[: low.find(regular)].strip()
        if not cadences and not re.match(
            r"\s*(?:hoặc|và) (?:đột xuất|bất thường)", rest[len(regular) :]
        ):
            return
        body = self.body_of(subject)
        fields: dict[str, object] = {
            "body": body or "committee",
            "kind": "regular",
            "cadences": cadences,
        }
        if body is not None:
            self.add("meetings", fields, unit, sentence, "pattern:regular-meeting")
            if body != "committee":
                self.group_extraordinary(unit, sentence, low, body)
        else:
            self.add(
                "meetings",
                fields,
                unit,
                sentence,
                f"guess:regular-meeting: the body is {subject[:40]!r}, not the Ban Chỉ đạo",
            )

    def convening(self, unit: SourceUnit, sentence: str, low: str) -> None:
        verb = next((v for v in _CONVENE if v in low), None)
        if verb is None or unit.article is None:
            return
        convener = self.article_role.get(unit.article)
        words = (
            ("định kỳ", "regular"),
            ("đột xuất", "extraordinary"),
            ("bất thường", "extraordinary"),
            ("thường kỳ", "regular"),
        )
        # In the order the sentence names them.
        kinds = list(
            dict.fromkeys(
                k for _, w, k in sorted((low.find(w), w, k) for w, k in words if w in low)
            )
        )
        if convener is None or not kinds or self.body not in low[low.find(verb) :]:
            self.add(
                "convening",
                {},
                unit,
                sentence,
                "guess:convenes-and-chairs: who or which meetings is not clear",
            )
            return
        for kind in kinds:
            self.add(
                "convening",
                {"body": "committee", "meeting": kind, "conveners": [convener], "chairs": True},
                unit,
                sentence,
                "pattern:convenes-and-chairs",
            )

    def composition(self, unit: SourceUnit, sentence: str, low: str) -> None:
        """'Thành phần tham dự (cuộc họp) do người chủ trì (cuộc họp) quyết định'."""
        if not re.match(
            r"thành phần (?:tham dự|tham gia|dự họp)(?: các| cuộc| phiên)?(?: họp)? do người "
            r"chủ trì(?: cuộc họp| phiên họp)? quyết định",
            low,
        ):
            return
        title = next(
            (
                u.text.split("\n", 1)[0].lower()
                for u in self.units
                if u.kind == "article" and u.document == unit.document and u.article == unit.article
            ),
            "",
        )
        group = re.search(r"tổ giúp việc|tổ công tác", title)
        committee = self.body in title
        if group and not committee and self.group is not None:
            body = self.group[0]
        elif group or not (committee or "cuộc họp" in title):
            # "Điều 9. Các cuộc họp của Ban Chỉ đạo và Tổ giúp việc": which body's meetings.
            self.add(
                "compositions",
                {"body": "committee", "decided_by": "chair"},
                unit,
                sentence,
                "guess:chair-decides-attendance: whose meetings the clause is about",
            )
            return
        else:
            body = "committee"
        fields: dict[str, object] = {"body": body, "decided_by": "chair"}
        self.add("compositions", fields, unit, sentence, "pattern:chair-decides-attendance")
