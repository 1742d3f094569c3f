"""The genre's phrasing the drafter recognises.

The pattern catalogue, the wordings of absence, acting, cadences, meetings and seals,
and the posts' titles.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Pattern:
    """One phrasing of the genre the drafter recognises.

    Attributes:
        name: Short name, shown in each candidate's ``how``.
        kind: The rule table it proposes (``meetings``, ``substitutions`` ...).
        variants: The wordings recognised (lower case, as written in texts).
        reads: What the drafter reads off the sentence.
        example: A sentence of the genre it matches.

    """

    name: str
    kind: str
    variants: tuple[str, ...]
    reads: str
    example: str


_ABSENT = ("vắng mặt", "đi công tác", "vắng", "không thể tham dự", "bận công tác")

_ACT = ("thay mặt", "được ủy quyền", "được uỷ quyền", "ủy quyền cho", "uỷ quyền cho", "ký thay")

_CADENCES: tuple[tuple[str, str], ...] = (
    # (wording, cadence) — longest first within each period so "06 tháng" is not read as "tháng"
    ("mỗi quý một lần", "quarterly"),
    ("một quý một lần", "quarterly"),
    ("quý một lần", "quarterly"),
    ("hằng quý", "quarterly"),
    ("hàng quý", "quarterly"),
    ("03 tháng một lần", "quarterly"),
    ("3 tháng một lần", "quarterly"),
    ("ba tháng một lần", "quarterly"),
    ("sáu tháng một lần", "half_yearly"),
    ("06 tháng một lần", "half_yearly"),
    ("6 tháng một lần", "half_yearly"),
    ("6 tháng/lần", "half_yearly"),
    ("06 tháng/lần", "half_yearly"),
    ("định kỳ 6 tháng", "half_yearly"),
    ("định kỳ 06 tháng", "half_yearly"),
    ("định kỳ sáu tháng", "half_yearly"),
    ("mỗi tháng một lần", "monthly"),
    ("một tháng một lần", "monthly"),
    ("hằng tháng", "monthly"),
    ("hàng tháng", "monthly"),
    ("mỗi năm một lần", "yearly"),
    ("một năm một lần", "yearly"),
    ("hằng năm", "yearly"),
    ("hàng năm", "yearly"),
)

_REGULAR = ("họp định kỳ", "họp thường kỳ", "họp thường lệ")

_EXTRA = ("họp đột xuất", "họp bất thường")

_NO_SEAL = ("không có con dấu riêng", "không sử dụng con dấu riêng", "không có con dấu")

_AGENCY_SEAL = "sử dụng con dấu của "

_ANSWER = ("chịu trách nhiệm trước ",)

_CONVENE = ("triệu tập và chủ trì", "triệu tập, chủ trì", "chủ trì và triệu tập")

PATTERNS: tuple[Pattern, ...] = (
    Pattern(
        "absent-acts",
        "substitutions",
        (
            *(
                f"{o} <A> {a}, <B> {b}"
                for o in ("khi", "trường hợp")
                for a in _ABSENT
                for b in _ACT
            ),
            "khi vắng mặt, <A> ủy quyền cho <B>",
        ),
        "principal <A> (and any post absent with it) and substitute <B>, posts named in the "
        "sentence; a bare 'Phó Trưởng ban' beside a standing deputy, with no definition, is a "
        "guess",
        "Khi Trưởng ban vắng mặt, Phó Trưởng ban Thường trực thay mặt Trưởng ban điều hành.",
    ),
    Pattern(
        "acts-when-absent",
        "substitutions",
        tuple(
            f"(<B>) {b} <A> điều hành / lãnh đạo / giải quyết ... khi <A> {a}"
            for b in ("thay mặt",)
            for a in ("vắng mặt", "đi công tác")
        ),
        "the other word order, in <B>'s article (or with <B> named first): the post acted "
        "for, named twice, is the principal",
        "Thay mặt Trưởng ban điều hành hoạt động của Ban Chỉ đạo khi Trưởng ban vắng mặt.",
    ),
    Pattern(
        "regular-meeting",
        "meetings",
        (
            *(f"<body> {r} <cadence>" for r in _REGULAR),
            *(c for c, _ in _CADENCES),
            "<body> họp định kỳ theo quý, 6 tháng, năm",
            "<body> họp định kỳ hoặc đột xuất",
        ),
        "the body (Ban Chỉ đạo, or the working group by its name) and every cadence stated",
        "Ban Chỉ đạo họp định kỳ mỗi quý một lần.",
    ),
    Pattern(
        "group-convened-by",
        "convening",
        ("<working group> họp định kỳ ... hoặc đột xuất theo yêu cầu của <lead>",),
        "extraordinary meetings of the working group, convened by its lead (Tổ trưởng)",
        "Tổ giúp việc họp định kỳ hằng tháng hoặc đột xuất theo yêu cầu của Tổ trưởng.",
    ),
    Pattern(
        "extraordinary-convened-by",
        "convening",
        tuple(
            f"ban chỉ đạo (có thể) {e} theo {v} của <posts>"
            for e in _EXTRA
            for v in ("triệu tập", "chỉ đạo", "yêu cầu")
        ),
        "the conveners: the posts named after 'của', up to 'hoặc theo đề nghị'",
        "Ban Chỉ đạo có thể họp đột xuất theo triệu tập của Trưởng ban.",
    ),
    Pattern(
        "expanded-meeting",
        "meetings",
        ("<posts> quyết định triệu tập cuộc họp mở rộng",),
        "an expanded meeting of the committee, and its conveners (a convening rule)",
        "Trưởng ban quyết định triệu tập cuộc họp mở rộng có sự tham gia của ...",
    ),
    Pattern(
        "post-named",
        "",
        (
            "Điều N. (Nhiệm vụ của) <A>",
            "Điều N. Nhiệm vụ và quyền hạn <A>, <B> (duties the posts share)",
            "<A> là <person>",
            "<A> đồng thời là <B>",
            "a clause of <A>'s article opening with <B>",
            "Cơ quan thường trực ..., thành viên của Tổ ..., tổ viên (anywhere)",
        ),
        "the posts the draft has: one per role, cited where the text first names it; an "
        "article whose title names several posts sets out duties all of them share",
        "1. Trưởng Ban là Bí thư Tỉnh ủy.",
    ),
    Pattern(
        "body-titles",
        "",
        (
            "Quy chế hoạt động của Ban Chỉ đạo / Ủy ban / Hội đồng / Tiểu ban ...",
            "Chủ tịch (Ủy ban / Hội đồng), Phó Chủ tịch thường trực, Phó Chủ tịch",
            "Trưởng Tiểu ban, Phó Trưởng Tiểu ban",
        ),
        "the word the regulation's title calls its body by (not a 'Căn cứ' line's) sets the "
        "posts' titles; a bare 'Chủ tịch' before 'UBND', 'tỉnh', 'Chính phủ' ... is another "
        "body's chair, and in a Tiểu ban's text 'Trưởng Ban Chỉ đạo' is the parent's head",
        "1. Chủ tịch Ủy ban là Thủ tướng Chính phủ.",
    ),
    Pattern(
        "every-deputy",
        "",
        (
            "các Phó Trưởng ban",
            "các Phó Trưởng ban khác",
            "Điều N. Phó Trưởng ban (its clause: Phó Trưởng ban Thường trực ...)",
        ),
        "where no definition says otherwise, 'các Phó Trưởng ban' is every deputy, the "
        "standing one too, and so is the bare title in a text whose deputies' article "
        "also sets out the standing deputy's duties; 'các Phó Trưởng ban khác' is the others",
        "Thực hiện các nhiệm vụ khác do Trưởng ban, các Phó Trưởng ban giao.",
    ),
    Pattern(
        "collective-term",
        "",
        ("<A> và <B> sau đây (được) gọi chung là <B>",),
        "a collective term: later mentions of <B> are read as <A> and <B>",
        "Phó Trưởng ban Thường trực và Phó Trưởng ban sau đây được gọi chung là Phó Trưởng ban.",
    ),
    Pattern(
        "reports-to",
        "reports",
        (
            "(định kỳ <cadence> / kịp thời) báo cáo <posts> về ...",
            "báo cáo <posts> xem xét, quyết định",
        ),
        "reporter (the post or working group whose article it is), recipients (posts named "
        "after 'báo cáo', up to 'về' / 'xem xét' / 'để'), cadences, periodic, ad hoc",
        "Định kỳ hằng quý báo cáo Trưởng ban, Phó Trưởng ban về tình hình hoạt động.",
    ),
    Pattern(
        "hears-reports",
        "reports",
        (
            "<A> (định kỳ hoặc đột xuất) làm việc với <B> để nghe báo cáo (tình hình)",
            "... để nghe báo cáo tình hình và chỉ đạo việc thực hiện ...",
        ),
        "<B> (posts, the working group) report to <A> (posts, or Ban Chỉ đạo); with 'và "
        "chỉ đạo', <A> also directs <B> (a direction); periodic and ad hoc as the sentence says",
        "Trưởng ban, Phó Trưởng ban định kỳ hoặc đột xuất làm việc với Ủy viên Ban Chỉ đạo, "
        "Tổ công tác để nghe báo cáo tình hình và chỉ đạo việc thực hiện chương trình.",
    ),
    Pattern(
        "submits-to",
        "reports",
        (
            "(xây dựng,) trình <posts> ban hành / xem xét / phê duyệt / quyết định",
            "(có trách nhiệm) xây dựng báo cáo hàng quý, 06 tháng và báo cáo năm ... trình <posts>",
            "tham mưu, trình Ban Chỉ đạo và đồng chí <post> ...",
        ),
        "a submission is a report: the submitter is the post or group whose article it is, or "
        "the one the sentence opens with; recipients are the posts after 'trình'; the "
        "cadences of a report named before 'trình' ('báo cáo 06 tháng', 'báo cáo năm')",
        "Xây dựng, trình Trưởng ban ban hành chương trình, kế hoạch công tác hằng năm.",
    ),
    Pattern(
        "directs",
        "directions",
        (
            "<A> có trách nhiệm (tổ chức,) chỉ đạo <B> thực hiện ...",
            "chỉ đạo hoạt động (của) <working group> (a post's article)",
        ),
        "<A> direct <B>: posts, the standing agency, the working group, all named",
        "Trưởng ban, Phó Trưởng ban có trách nhiệm tổ chức, chỉ đạo các Ủy viên Ban Chỉ đạo, "
        "Cơ quan thường trực, Tổ công tác thực hiện Quy chế này.",
    ),
    Pattern(
        "lead-assigns",
        "directions",
        (
            "Tổ trưởng ... được (quyền) trưng tập / triệu tập các thành viên của Tổ ...",
            "... các nhóm công tác do Tổ trưởng ... quyết định và phân công nhiệm vụ",
            "Tổ trưởng phân công nhiệm vụ cho các tổ viên / thành viên",
        ),
        "the working group's lead directs its members (a 'Thành viên Tổ ...' post, drafted "
        "where the text names them)",
        "Tổ trưởng Tổ công tác được trưng tập các thành viên của Tổ công tác.",
    ),
    Pattern(
        "chair-decides-attendance",
        "compositions",
        ("thành phần tham dự (cuộc họp) do người chủ trì (cuộc họp) quyết định",),
        "the chair decides who attends the meetings of the body the article is about (a guess "
        "where its title names both the Ban Chỉ đạo and the working group)",
        "Thành phần tham dự cuộc họp do người chủ trì cuộc họp quyết định.",
    ),
    Pattern(
        "tasked-by",
        "directions",
        (
            "(thực hiện các) nhiệm vụ (khác) do <posts> giao",
            "nhiệm vụ được <posts> giao",
            "theo (sự) phân công của <posts>",
            "theo chỉ đạo của <posts>",
        ),
        "subjects (the posts named) direct the object (the post or working group whose "
        "article it is)",
        "Thực hiện các nhiệm vụ khác do Trưởng ban, Phó Trưởng ban giao.",
    ),
    Pattern(
        "monitoring-annex",
        "monitoring",
        (
            "<n> | Thành viên <agency> | - Ngành X - Lĩnh vực Y - <agency> - Huyện A và TP B",
            "Các huyện: A, B",
            "a clause naming the annex ('... theo Phụ lục kèm theo') as the basis",
        ),
        "one member post per row and its targets: sectors (Ngành, Lĩnh vực), localities "
        "(Huyện, Thị xã, Thành phố, TP, Xã, Phường, Thị trấn, Thôn) and agencies (Sở, Văn "
        "phòng, Ban, ...); a row with a cell not read is a guess",
        "1.	Thành viên Sở Tư pháp	- Ngành Tư pháp - Huyện Thường Xuân",
    ),
    Pattern(
        "head-directs",
        "directions",
        (
            "chỉ đạo (, điều hành) toàn diện / chung ... của Ban Chỉ đạo",
            "phân công nhiệm vụ (cho) các thành viên Ban Chỉ đạo",
        ),
        "in the head's article: the head directs the committee; the head assigns tasks to "
        "every member post (a guess where the text also has standing members)",
        "Chỉ đạo toàn diện về tổ chức, chức năng, nhiệm vụ của Ban Chỉ đạo.",
    ),
    Pattern(
        "attends",
        "attendance",
        (
            "tham dự đầy đủ các cuộc họp (của) Ban Chỉ đạo / các phiên họp",
            "(trường hợp) không thể tham dự / vắng mặt phải báo cáo và được (sự) đồng ý",
            "ủy quyền cho người dự họp thay phải tham gia ý kiến bằng văn bản",
            "cử người dự thay",
        ),
        "the post (the article's, or the clause's opening) must attend; absence conditions "
        "(report to the chair, the chair's consent); whether a proxy may attend and on "
        "what terms",
        "Tham dự đầy đủ các cuộc họp Ban Chỉ đạo; trường hợp vắng mặt phải báo cáo.",
    ),
    Pattern(
        "no-seal",
        "seals",
        _NO_SEAL,
        "the committee has no seal of its own",
        "Ban Chỉ đạo không có con dấu riêng.",
    ),
    Pattern(
        "agency-seal",
        "seals",
        (
            "<posts> (được) sử dụng con dấu của <agency>",
            "<posts> sử dụng con dấu của cơ quan mình / cơ quan đang công tác",
            "<post> là <person> sử dụng con dấu của <agency>",
            "Ban Chỉ đạo sử dụng con dấu của <agency> khi <post> ký",
        ),
        "the posts (named before, or the signer after 'khi') and the agency (named after, up "
        "to the punctuation)",
        "Trưởng ban sử dụng con dấu của Ủy ban nhân dân tỉnh.",
    ),
    Pattern(
        "answers-to",
        "accountability",
        tuple(_ANSWER),
        "the subject (the post whose article it is) and whom it answers to (posts named next)",
        "Điều 4 (Phó Trưởng ban): Chịu trách nhiệm trước Trưởng ban về ...",
    ),
    Pattern(
        "convenes-and-chairs",
        "convening",
        _CONVENE,
        "the convener (the post whose article it is) and the kinds (định kỳ, đột xuất)",
        "Điều 3 (Trưởng ban): Triệu tập và chủ trì các cuộc họp định kỳ, đột xuất của Ban Chỉ đạo.",
    ),
)

# Post titles, longest first: (lower-case wording, role).
_TITLES: tuple[tuple[str, str], ...] = (
    ("tổ trưởng tổ công tác", "wg_lead"),
    ("tổ trưởng tổ giúp việc", "wg_lead"),
    ("lãnh đạo tổ công tác", "wg_lead"),
    ("lãnh đạo tổ giúp việc", "wg_lead"),
    ("tổ trưởng", "wg_lead"),
    ("phó trưởng ban thường trực", "standing_deputy"),
    ("phó trưởng ban", "deputy"),
    ("trưởng ban", "head"),
    ("ủy viên thường trực", "standing_member"),
    ("uỷ viên thường trực", "standing_member"),
    ("thành viên thường trực", "standing_member"),
    ("cơ quan thường trực", "standing_agency"),
    ("ủy viên", "member"),
    ("uỷ viên", "member"),
    ("thành viên ban chỉ đạo", "member"),
    ("thành viên của tổ giúp việc", "wg_member"),
    ("thành viên của tổ công tác", "wg_member"),
    ("thành viên tổ giúp việc", "wg_member"),
    ("thành viên tổ công tác", "wg_member"),
    ("tổ viên", "wg_member"),
)

# What follows a bare "Chủ tịch" / "Phó Chủ tịch" when it is not the committee's post.
_OTHER_CHAIRS = (
    " ubnd",
    " ủy ban nhân dân",
    " uỷ ban nhân dân",
    " hđnd",
    " hội đồng nhân dân",
    " nước",
    " quốc hội",
    " chính phủ",
    " mttq",
    " ủy ban mặt trận",
    " uỷ ban mặt trận",
    " tỉnh",
    " thành phố",
    " huyện",
    " quận",
    " thị xã",
    " xã",
    " phường",
    " thị trấn",
)
# Titles of the posts every body shares: its working group, standing agency, members.
_SHARED_TITLES = tuple(
    t
    for t in _TITLES
    if t[1] not in {"head", "deputy", "standing_deputy"} and "ban chỉ đạo" not in t[0]
)


def titles_for(body: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The post titles of a body, longest first: (wording, role, what may not follow).

    ``body`` is the word the regulation calls itself by, in lower case: ``ban chỉ đạo``
    (the genre's titles), ``ủy ban`` or ``hội đồng`` (Chủ tịch, Phó Chủ tịch thường trực,
    Phó Chủ tịch; bare ones not when a chair of another body follows: "Chủ tịch UBND
    tỉnh"), ``tiểu ban`` (Trưởng Tiểu ban, Phó Trưởng Tiểu ban; a "Trưởng Ban Chỉ đạo"
    there is the parent committee's, no post of the text's own).
    """
    own: tuple[tuple[str, str, tuple[str, ...]], ...]
    if body in {"ủy ban", "uỷ ban", "hội đồng"}:
        own = (
            (f"phó chủ tịch thường trực {body}", "standing_deputy", (" nhân dân",)),
            (f"phó chủ tịch {body}", "deputy", (" nhân dân",)),
            (f"chủ tịch {body}", "head", (" nhân dân",)),
            (f"ủy viên {body}", "member", (" nhân dân",)),
            (f"thành viên {body}", "member", (" nhân dân",)),
            ("phó chủ tịch thường trực", "standing_deputy", _OTHER_CHAIRS),
            ("phó chủ tịch", "deputy", _OTHER_CHAIRS),
            ("chủ tịch", "head", _OTHER_CHAIRS),
        )
    elif body == "tiểu ban":
        own = (
            ("phó trưởng tiểu ban", "deputy", ()),
            ("trưởng tiểu ban", "head", ()),
            ("thành viên tiểu ban", "member", ()),
        )
    else:
        return tuple((w, r, ()) for w, r in _TITLES)
    shared = tuple((w, r, ()) for w, r in _SHARED_TITLES)
    return tuple(sorted((*own, *shared), key=lambda t: -len(t[0])))


_UNITS = (
    ("thành phố", "district"),
    ("thị xã", "district"),
    ("huyện", "district"),
    ("quận", "district"),
    ("tỉnh", "province"),
    ("thị trấn", "commune"),
    ("phường", "commune"),
    ("xã", "commune"),
)
