"""A synthetic national registry of steering committees, as TOML texts in the file format.

Two structures:

- ``"2025"``: 34 provinces and 3,321 communes (two-level local government
  from 1 July 2025);
- ``"pre2025"``: 63 provinces, 705 district-level units and 10,599 communes.

Each committee gets a realistic size: provinces 30-40 posts, district-level
units 20-30, communes 15-22; a head, a standing deputy and 2-4 deputies with
2-3 levels of substitution; members; a working group; accountability; seal
rules; quarterly and half-yearly meetings; monthly, quarterly and annual
report rules with deadlines; and a monitoring annex that assigns every
subordinate locality to exactly one member (provinces over their districts or,
after 2025, their communes; districts over their communes).

Everything is deterministic (``random.Random(seed)``) and generated as text,
so a benchmark can push it through the real loader (``steering.loads``).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["STRUCTURES", "Committee", "committees", "toml_for"]

#: Number of units per level, by structure.
STRUCTURES: dict[str, dict[str, int]] = {
    "2025": {"province": 34, "commune": 3_321},
    "pre2025": {"province": 63, "district": 705, "commune": 10_599},
}

_SYLLABLES = (
    "An", "Bình", "Châu", "Đông", "Giang", "Hà", "Hải", "Hòa", "Hưng", "Khánh", "Lâm", "Long",
    "Minh", "Nam", "Ninh", "Phú", "Phúc", "Quang", "Sơn", "Tân", "Thạch", "Thanh", "Thành",
    "Thuận", "Tiên", "Trung", "Tùng", "Vĩnh", "Xuân", "Yên", "Đức", "Lộc", "Mỹ", "Nghĩa", "Cát",
)
_SECTORS = (
    "Giáo dục",
    "Y tế",
    "Nông nghiệp",
    "Tài chính",
    "Giao thông",
    "Công thương",
    "Tư pháp",
    "Văn hóa",
    "Tài nguyên và Môi trường",
    "Nội vụ",
    "Xây dựng",
    "Lao động",
)
_UNIT = {"province": "tỉnh", "district": "huyện", "commune": "xã"}


@dataclass(frozen=True)
class Committee:
    """One synthetic committee: id, level, name, and the localities its annex covers."""

    id: str
    level: str
    name: str
    children: tuple[str, ...]
    seed: int


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_SYLLABLES)} {rng.choice(_SYLLABLES)}"


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` split into ``parts`` positive sizes that vary around the mean."""
    base = [1] * parts
    for _ in range(total - parts):
        base[rng.randrange(parts)] += 1
    return base


def committees(structure: str, seed: int = 2025) -> list[Committee]:
    """Every committee of a structure, provinces first, in a fixed order."""
    counts = STRUCTURES[structure]
    rng = random.Random(seed)
    provinces = [f"p{i:02d}" for i in range(counts["province"])]
    out: list[Committee] = []
    if "district" in counts:
        per_province = _split(counts["district"], len(provinces), rng)
        districts = [
            (p, f"{p}d{j:03d}") for p, n in zip(provinces, per_province, strict=True)
            for j in range(n)
        ]
        per_district = _split(counts["commune"], len(districts), rng)
        for p in provinces:
            kids = tuple(d for pp, d in districts if pp == p)
            out.append(Committee(p, "province", _name(rng), kids, rng.randrange(2**31)))
        for (_, d), n in zip(districts, per_district, strict=True):
            kids = tuple(f"{d}c{k:03d}" for k in range(n))
            out.append(Committee(d, "district", _name(rng), kids, rng.randrange(2**31)))
            out.extend(
                Committee(c, "commune", _name(rng), (), rng.randrange(2**31)) for c in kids
            )
    else:
        per_province = _split(counts["commune"], len(provinces), rng)
        for p, n in zip(provinces, per_province, strict=True):
            kids = tuple(f"{p}c{k:03d}" for k in range(n))
            out.append(Committee(p, "province", _name(rng), kids, rng.randrange(2**31)))
            out.extend(
                Committee(c, "commune", _name(rng), (), rng.randrange(2**31)) for c in kids
            )
    return out


def _cite(article: int, clause: int | None, quote: str) -> str:
    c = f", clause = {clause}" if clause is not None else ""
    return f'{{ document = "regulation", article = {article}{c}, quote = "{quote}" }}'


_SIZES = {"province": (30, 40), "district": (20, 30), "commune": (15, 22)}


def toml_for(c: Committee) -> str:  # noqa: PLR0915 - one template, top to bottom
    """The committee's regulation as TOML text (valid: loads and validates clean)."""
    rng = random.Random(c.seed)
    unit = _UNIT[c.level]
    lo, hi = _SIZES[c.level]
    n_posts = rng.randint(lo, hi)
    n_dep = rng.randint(2, 4)
    n_wg = rng.randint(2, 4)
    n_mem = n_posts - 2 - n_dep - 1 - n_wg - 1  # head, sd, deps, sm, wg lead + members, sa
    n_mem = max(n_mem, 1)
    lines: list[str] = [
        "format = 1",
        f'id = "{c.id}"',
        "",
        "[identity]",
        f'title = "Quy chế hoạt động của Ban Chỉ đạo chuyển đổi số {unit} {c.name}"',
        f'decision_number = "{rng.randint(1, 999)}/QĐ-BCĐ"',
        f'issuer = "Ban Chỉ đạo chuyển đổi số {unit} {c.name}"',
        f'signed = "2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"',
        'signed_citation = { document = "decision", quote = "ngày ký" }',
        f'level = "{c.level}"',
        f'locality = "{c.name}"',
        "",
        "[identity.effective]",
        'kind = "on_signing"',
        "",
        "[committee]",
        f'name = "Ban Chỉ đạo chuyển đổi số {unit} {c.name}"',
        'standing_agency = "standing_agency"',
        "",
    ]

    def post(pid: str, role: str, title: str, article: int, group: str = "") -> None:
        lines.extend(
            [
                "[[posts]]",
                f'id = "{pid}"',
                f'role = "{role}"',
                f'title = "{title}"',
                *([f'group = "{group}"'] if group else []),
                f"citation = {_cite(article, None, title)}",
                "",
            ]
        )

    post("head", "head", f"Trưởng ban (Chủ tịch UBND {unit})", 4)
    post("standing_deputy", "standing_deputy", "Phó Trưởng ban Thường trực", 5)
    deputies = [f"deputy_{i}" for i in range(n_dep)]
    for d in deputies:
        post(d, "deputy", f"Phó Trưởng ban ({rng.choice(_SECTORS)})", 6)
    post("standing_member", "standing_member", "Ủy viên thường trực", 7)
    members = [f"member_{i}" for i in range(n_mem)]
    for m in members:
        post(m, "member", f"Ủy viên ({rng.choice(_SECTORS)})", 8)
    post("wg_lead", "wg_lead", "Tổ trưởng Tổ giúp việc", 10, "to_giup_viec")
    for i in range(n_wg - 1):
        post(f"wg_member_{i}", "wg_member", "Tổ viên Tổ giúp việc", 10, "to_giup_viec")
    post("standing_agency", "standing_agency", "Cơ quan thường trực", 9)
    lines.extend(
        [
            "[[working_groups]]",
            'id = "to_giup_viec"',
            'name = "Tổ giúp việc Ban Chỉ đạo"',
            'lead = "wg_lead"',
            f"citation = {_cite(10, None, 'Tổ giúp việc')}",
            "",
        ]
    )

    def table(name: str, **fields: str) -> None:
        lines.append(f"[[{name}]]")
        lines.extend(f"{k} = {v}" for k, v in fields.items())
        lines.append("")

    def arr(ids: list[str]) -> str:
        return "[" + ", ".join(f'"{i}"' for i in ids) + "]"

    # Substitution: 2-3 levels for the head, one for the standing deputy.
    levels = rng.randint(2, 3)
    table("substitutions", principal='"head"', rank="1", substitutes='["standing_deputy"]',
          citation=_cite(5, 1, "Khi Trưởng ban vắng mặt, Phó Trưởng ban Thường trực thay mặt"))
    first = deputies[:1] if levels == 3 else deputies
    table("substitutions", principal='"head"', rank="2", substitutes=arr(first),
          also_absent='["standing_deputy"]',
          citation=_cite(6, 1, "Khi Trưởng ban, Phó Trưởng ban Thường trực vắng mặt"))
    if levels == 3:
        table("substitutions", principal='"head"', rank="3", substitutes=arr(deputies[1:]),
              also_absent=arr(["standing_deputy", deputies[0]]),
              citation=_cite(6, 2, "Khi các Phó Trưởng ban khác vắng mặt"))
    table("substitutions", principal='"standing_deputy"', rank="1", substitutes=arr(deputies),
          also_absent='["head"]', citation=_cite(6, 1, "thay mặt Phó Trưởng ban Thường trực"))

    # Accountability: everyone answers upward; the committee answers to nobody here.
    table("accountability", subject='"standing_deputy"', to='["head"]',
          citation=_cite(5, 2, "chịu trách nhiệm trước Trưởng ban"))
    for d in deputies:
        table("accountability", subject=f'"{d}"', to='["head", "standing_deputy"]',
              citation=_cite(6, 2, "chịu trách nhiệm trước Trưởng ban"))
    for m in ["standing_member", *members]:
        table("accountability", subject=f'"{m}"', to='["head"]',
              citation=_cite(8, 2, "chịu trách nhiệm trước Trưởng ban"))
    table("accountability", subject='"wg_lead"', to='["standing_member"]',
          citation=_cite(10, 1, "chịu trách nhiệm trước Ủy viên thường trực"))

    # Seals: the committee has none of its own; leaders use their agencies' seals.
    table("seals", posts='["committee"]', seal='{ kind = "none" }',
          citation=_cite(13, 1, "Ban Chỉ đạo không sử dụng con dấu riêng"))
    table("seals", posts='["head", "standing_deputy"]',
          seal=f'{{ kind = "agency", agency = "UBND {unit} {c.name}" }}',
          citation=_cite(13, 2, f"sử dụng con dấu của UBND {unit}"))
    table("seals", posts=arr(["standing_member", *deputies]), seal='{ kind = "own_agency" }',
          citation=_cite(13, 3, "sử dụng con dấu của cơ quan mình"))

    # Meetings and convening.
    table("meetings", body='"committee"', cadences='["quarterly"]',
          citation=_cite(11, 1, "Ban Chỉ đạo họp định kỳ một quý một lần"))
    table("meetings", body='"to_giup_viec"', cadences='["monthly"]' if c.level == "province"
          else '["half_yearly"]', citation=_cite(11, 3, "Tổ giúp việc họp định kỳ"))
    table("convening", body='"committee"', meeting='"regular"', conveners='["head"]',
          chairs="true", citation=_cite(4, 3, "Triệu tập và chủ trì các cuộc họp định kỳ"))
    table("convening", body='"committee"', meeting='"extraordinary"',
          conveners=arr(["head", "standing_deputy", *deputies]),
          on_proposal_of='["standing_member"]',
          citation=_cite(11, 1, "họp đột xuất theo triệu tập của Trưởng ban"))

    # Reports with deadlines.
    table("reports", id='"monthly"', reporters='["standing_agency"]', recipients='["head"]',
          periodic="true", cadences='["monthly"]', deadline="{ day = 20 }",
          citation=_cite(12, 1, "báo cáo định kỳ hàng tháng trước ngày 20"))
    table("reports", id='"quarterly"', reporters=arr(members[:3] or ["standing_member"]),
          recipients='["head", "standing_deputy"]', periodic="true", cadences='["quarterly"]',
          deadline="{ day = 18 }", citation=_cite(12, 2, "báo cáo quý trước ngày 18"))
    table("reports", id='"annual"', reporters='["to_giup_viec"]', recipients='["committee"]',
          periodic="true", cadences='["yearly"]', deadline="{ day = 15, month_offset = 0 }",
          citation=_cite(12, 3, "báo cáo năm trước ngày 15 tháng 12"))

    # Monitoring annex: every subordinate locality to exactly one member.
    if c.children:
        lines.extend(["[monitoring]", f"basis = {_cite(8, 3, 'phân công theo dõi địa bàn')}",
                      ""])
        sub_unit = "huyện" if c.level == "province" and c.children[0][3:4] == "d" else "xã"
        owners: dict[str, list[str]] = {m: [] for m in members}
        for k in c.children:
            owners[rng.choice(members)].append(k)
        for m, kids in owners.items():
            targets = ", ".join(
                f'{{ text = "{sub_unit} {k}", kind = "locality", name = "{k}", '
                f'unit = "{sub_unit}" }}'
                for k in kids
            )
            sector = rng.choice(_SECTORS)
            lines.extend(
                [
                    "[[monitoring.assignments]]",
                    f'post = "{m}"',
                    f'targets = [{{ text = "{sector}", kind = "sector", name = "{sector}" }}'
                    + (f", {targets}]" if targets else "]"),
                    'citation = { document = "annex", quote = "Phụ lục phân công" }',
                    "",
                ]
            )
    return "\n".join(lines) + "\n"


def texts(structure: str, seed: int = 2025) -> Iterator[tuple[str, str]]:
    """``(file name, TOML text)`` for every committee of a structure."""
    for c in committees(structure, seed):
        yield f"{c.id}.toml", toml_for(c)
