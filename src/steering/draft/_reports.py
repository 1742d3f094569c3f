"""Candidate rules about reports and directions.

Who reports or submits to whom, who directs whom.
"""

from __future__ import annotations

import re

from steering.draft._catalogue import (
    _CADENCES,
)
from steering.draft._meetings import _Meetings
from steering.sources import SourceUnit


class _Reports(_Meetings):
    """Candidate rules about reports and directions: who reports or submits to whom, who."""

    def report(self, unit: SourceUnit, sentence: str, low: str) -> None:
        """'(Định kỳ / Kịp thời) báo cáo <posts> (về ...)' in a post's or group's article."""
        at = low.find("báo cáo ")
        if at == -1 or unit.article is None or low[at + 8 :].startswith(("định kỳ", "kết quả")):
            return
        # "Tổ giúp việc báo cáo Trưởng Ban ...": the sentence's own subject comes first.
        opener = self.opener(sentence) if self.opener(sentence[:at]) else None
        reporters = [opener] if opener else self.owners(unit)
        tail = re.split(
            r" về | xem xét| quyết định| để | theo | tình hình| kết quả| định kỳ| (?:hằng|hàng) "
            r"|, trước ngày|[.;:(]",
            sentence[at + 8 :],
        )[0]
        recipients = self.roles_in(tail, unit)
        if not recipients and tail.strip().lower() == self.body:
            recipients = ["committee"]
        rest = re.sub("|".join(re.escape(m[2]) for m in self.mentions(tail)) or "$^", "", tail)
        rest = re.sub(r"\b(?:và|các|Ban Chỉ đạo|Chỉ đạo)\b", "", rest, flags=re.IGNORECASE)
        cadences = [c for w, c in _CADENCES if w in low]
        fields: dict[str, object] = {
            "id": self.report_id(unit),
            "reporters": reporters or [""],
            "recipients": recipients,
        }
        if cadences or "định kỳ" in low:
            fields["periodic"] = True
        if cadences:
            fields["cadences"] = list(dict.fromkeys(cadences))
        if "kịp thời" in low or "đột xuất" in low:
            fields["ad_hoc"] = True
        decided = (
            reporters
            and recipients
            and not rest.strip(" ,-–")
            and all(r == "committee" or self.post_id(r) for r in recipients)
            and not set(reporters) & set(recipients)
            and not self.ambiguous(recipients)
        )
        why = "whose report is not clear" if not reporters else f"reports to {tail[:40]!r}"
        self.propose(
            "reports", fields, unit, sentence, pattern="reports-to", why=None if decided else why
        )

    def hearing(self, unit: SourceUnit, sentence: str, low: str) -> bool:
        """'<A> (định kỳ hoặc đột xuất) làm việc với <B> để nghe báo cáo ... và chỉ đạo ...'.

        <B> reports to <A>; with 'và chỉ đạo', <A> directs <B>.
        """
        m = re.search(r" làm việc với ([^.;]{1,200}?) để nghe báo cáo", sentence, re.IGNORECASE)
        if m is None:
            return False
        cut = re.search(r" (?:định kỳ|thường xuyên|hoặc|có trách nhiệm)\b", sentence[: m.start()])
        hosts, hosts_clean = self.parties(sentence[: cut.start() if cut else m.start()], unit)
        guests, guests_clean = self.parties(m.group(1), unit)
        clean = hosts_clean and guests_clean and not set(hosts) & set(guests)
        before = low[: m.start()]
        fields: dict[str, object] = {
            "id": self.report_id(unit),
            "reporters": guests,
            "recipients": hosts,
        }
        if "định kỳ" in before:
            fields["periodic"] = True
        if "đột xuất" in before:
            fields["ad_hoc"] = True
        how = "pattern:hears-reports" if clean else "guess:hears-reports: who is not clear"
        self.add("reports", fields, unit, sentence, how)
        if re.match(r"[^.;]{0,40}? và chỉ đạo", low[m.end() :]):
            how = "pattern:hears-reports" if clean else "guess:hears-reports: who is not clear"
            self.add("directions", {"subjects": hosts, "objects": guests}, unit, sentence, how)
        return True

    def submits(self, unit: SourceUnit, sentence: str, low: str) -> bool:
        """'(Xây dựng,) trình <posts> ban hành / xem xét / phê duyệt ...'.

        Also 'có trách nhiệm xây dựng báo cáo 06 tháng và báo cáo năm ... trước khi
        trình <posts>', the report's cadences read from it. The submitter is the post or
        working group whose article it is, or the one the sentence opens with.
        """
        m = re.search(
            r"(?<!\w)(?<!quá )trình ([^.;]{1,1000}?)"
            r"(?= ban hành| xem xét| phê duyệt| quyết định|[.;]|$)",
            sentence,
            re.IGNORECASE,
        )
        if m is None or unit.article is None:
            return False
        recipients, clean = self.parties(m.group(1), unit)
        if not recipients:
            return False
        opener = self.opener(sentence)
        reporters = [opener] if opener else self.owners(unit)
        fields: dict[str, object] = {
            "id": self.report_id(unit),
            "reporters": reporters or [""],
            "recipients": recipients,
        }
        # The report's cadences, where the sentence names a report before 'trình'
        # ("xây dựng báo cáo hàng quý, 06 tháng và báo cáo năm").
        built = low[: m.start()]
        if "báo cáo" in built:
            said = built[built.find("báo cáo") :]
            cadences = [
                c
                for w, c in (
                    (r"(?:hằng|hàng) tháng", "monthly"),
                    (r"(?:hằng|hàng|mỗi) quý", "quarterly"),
                    (r"\b0?6 tháng|sáu tháng", "half_yearly"),
                    (r"báo cáo năm|(?:hằng|hàng) năm", "yearly"),
                )
                if re.search(w, said)
            ]
            if cadences:
                fields["periodic"] = True
                fields["cadences"] = cadences
        if reporters and clean and not set(reporters) & set(recipients):
            self.add("reports", fields, unit, sentence, "pattern:submits-to")
        else:
            why = "whose submission is not clear" if not reporters else "to whom is not clear"
            self.add("reports", fields, unit, sentence, f"guess:submits-to: {why}")
        return True

    def orders(self, unit: SourceUnit, sentence: str, low: str) -> None:
        """'<A> có trách nhiệm (tổ chức,) chỉ đạo <B> thực hiện ...'.

        And, in a post's article, 'Chỉ đạo hoạt động (của) <the working group>'.
        """
        m = re.search(r" có trách nhiệm (?:tổ chức, )?chỉ đạo ([^.;]{1,200}?) thực hiện", sentence)
        if m is not None:
            subjects, s_clean = self.parties(sentence[: m.start()], unit)
            objects, o_clean = self.parties(m.group(1), unit)
            fields: dict[str, object] = {"subjects": subjects, "objects": objects}
            if s_clean and o_clean and not set(subjects) & set(objects):
                self.add("directions", fields, unit, sentence, "pattern:directs")
            else:
                self.add("directions", fields, unit, sentence, "guess:directs: who is not clear")
            return
        post = self.article_role.get(unit.article) if unit.article is not None else None
        if (
            post
            and self.group is not None
            and re.fullmatch(r"chỉ đạo hoạt động (?:của )?(?:tổ giúp việc|tổ công tác)[.;]?", low)
        ):
            fields = {"subjects": [post], "objects": [self.group[0]]}
            self.add("directions", fields, unit, sentence, "pattern:directs")

    def leads_group(self, unit: SourceUnit, sentence: str, low: str) -> None:
        """The working group's lead over its members.

        'Tổ trưởng ... được (quyền) trưng tập / triệu tập các thành viên của Tổ', '...
        do Tổ trưởng quyết định và phân công nhiệm vụ', 'Tổ trưởng phân công nhiệm vụ
        cho các tổ viên'.
        """
        if self.group is None:
            return
        forms = (
            r"tổ trưởng[^.;]{0,30}? được (?:quyền )?(?:trưng|trung|triệu) tập "
            r"(?:các )?(?:thành viên|tổ viên)",
            r"do tổ trưởng[^.;]{0,30}? quyết định và phân công nhiệm vụ",
            r"tổ trưởng[^.;]{0,30}? phân công nhiệm vụ cho (?:các )?(?:thành viên|tổ viên)",
        )
        if not any(re.search(f, low) for f in forms):
            return
        fields: dict[str, object] = {"subjects": ["wg_lead"], "objects": ["wg_member"]}
        if self.post_id("wg_lead") and self.post_id("wg_member"):
            self.add("directions", fields, unit, sentence, "pattern:lead-assigns")
        else:
            self.add("directions", fields, unit, sentence, "guess:lead-assigns: the group's posts")

    def head_directs(self, unit: SourceUnit, sentence: str, low: str) -> None:
        """The head's general direction and assignment of tasks, in the head's article.

        'Chỉ đạo (, điều hành) toàn diện ... của Ban Chỉ đạo' and 'phân công nhiệm vụ
        các thành viên Ban Chỉ đạo'.
        """
        if unit.article is None or self.article_role.get(unit.article) != "head":
            return
        if re.match(r"(?:lãnh đạo, )?chỉ đạo(?:, điều hành)? (?:toàn diện|chung)", low) and (
            self.body in low
        ):
            self.add(
                "directions",
                {"subjects": ["head"], "objects": ["committee"]},
                unit,
                sentence,
                "pattern:head-directs",
            )
        if re.match(rf"phân công nhiệm vụ (?:cho )?(?:các )?thành viên {self.body}", low):
            members = [r for r in ("standing_deputy", "deputy", "member") if r in self.posts]
            fields: dict[str, object] = {"subjects": ["head"], "objects": members}
            how = "pattern:head-directs"
            if self.standing_members or "member" not in members:
                how = "guess:head-directs: which posts 'các thành viên' covers"
            self.add("directions", fields, unit, sentence, how)

    def direction(self, unit: SourceUnit, sentence: str, low: str) -> None:
        """'(nhiệm vụ) do / được <posts> giao', 'theo (sự) phân công / chỉ đạo của <posts>'."""
        if unit.article is None:
            return
        self.head_directs(unit, sentence, low)
        m = re.search(
            r"(?:nhiệm vụ[^.;]{0,80}? (?:do|được) )|(?:theo (?:sự )?(?:phân công|chỉ đạo) của )",
            low,
        )
        if m is None:
            return
        tail = sentence[m.end() :]
        end = re.search(
            r" giao\b| phân công\b|[.;:(]| về | trong | để | và (?!(?:các )?(?:phó |trưởng |ủy viên"
            r"|uỷ viên|thành viên|tổ trưởng|cơ quan))",
            tail,
            re.IGNORECASE,
        )
        tail = tail[: end.start()] if end else tail
        subjects = self.roles_in(tail, unit)
        if not subjects:  # "nhiệm vụ được giao": nobody named, nothing to propose
            return
        rest = re.sub("|".join(re.escape(x[2]) for x in self.mentions(tail)) or "$^", "", tail)
        rest = re.sub(r"\b(?:và|hoặc|các|Ban Chỉ đạo|Chỉ đạo)\b", "", rest, flags=re.IGNORECASE)
        opener = self.opener(sentence)
        objects = [opener] if opener else self.owners(unit)
        # "tạo điều kiện cho những cán bộ này hoàn thành nhiệm vụ được ... giao": the task
        # is the staff's, not the article's post's.
        if re.search(
            r"(?:cho|để) (?:những |các )?(?:cán bộ|chuyên gia|công chức)", low[: m.start()]
        ):
            objects = []
        fields: dict[str, object] = {"subjects": subjects, "objects": objects or [""]}
        decided = (
            objects
            and not rest.strip(" ,-–")
            and self.all_posts(subjects)
            and not set(objects) & set(subjects)
        )
        why = "whose task is not clear" if not objects else f"tasked by {tail[:40]!r}"
        self.propose(
            "directions", fields, unit, sentence, pattern="tasked-by", why=None if decided else why
        )
