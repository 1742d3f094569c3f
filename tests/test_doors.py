"""One answer from every door (issue #17, item 1).

Every query the command line asks (acting, seal, accountable, convene,
monitor) is asked of every preset, for every post, body and target it has,
through the Python API, the CLI (``--json``) and, where the 'web' extra is
installed, the web API; all three give the same machine form.

The rule for "absent": "who acts for X" presumes X is away, so with no
``absent`` given, ``acting_for(post)``, ``steering acting REG post`` and
``GET .../acting-for?post=`` all take the post asked about as the one absent.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import steering
from steering.cli import main, ruling_json

Ask = Callable[[Any], Any]
# (preset, CLI arguments, web endpoint and query, the Python question)
Case = tuple[str, list[str], tuple[str, dict[str, str]], Ask]


def _q(method: str, *args: Any, **kwargs: Any) -> Ask:
    """The question ``graph.method(*args, **kwargs)``."""
    return lambda g: getattr(g, method)(*args, **kwargs)


def _cases() -> Iterator[Case]:
    for pid in steering.presets.names():
        reg = steering.presets.load(pid)
        for post in reg.posts:
            pi = post.id
            yield (pid, ["acting", pid, pi], ("acting-for", {"post": pi}),
                   _q("acting_for", pi))
            yield (pid, ["seal", pid, pi], ("seal-for", {"post": pi}),
                   _q("seal_for", pi))
            yield (pid, ["accountable", pid, pi], ("accountable-to", {"post": pi}),
                   _q("accountable_to", pi))
            yield (pid, ["accountable", pid, pi, "--transitive"],
                   ("accountable-to", {"post": pi, "transitive": "true"}),
                   _q("accountable_to", pi, transitive=True))
        for body in ("committee", *(w.id for w in reg.working_groups)):
            for kind in ("regular", "extraordinary", "expanded"):
                yield (pid, ["convene", pid, kind, "--body", body],
                       ("conveners", {"kind": kind, "body": body}),
                       _q("conveners", kind, body=body))
        if reg.monitoring is not None:
            targets = sorted({t.name for a in reg.monitoring.assignments for t in a.targets})
            for t in targets:
                yield (pid, ["monitor", pid, t], ("monitor-of", {"locality_or_sector": t}),
                       _q("monitor_of", t))


CASES = list(_cases())


def _python(pid: str, ask: Ask, lang: str) -> dict[str, Any]:
    reg = steering.presets.load(pid)
    parsed: dict[str, Any] = json.loads(json.dumps(ruling_json(ask(reg.authority()), reg, lang)))
    return parsed


def _cli(argv: list[str], lang: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    main(["--json", "--lang", lang, *argv])
    out, err = capsys.readouterr()
    assert not err, err
    parsed: dict[str, Any] = json.loads(out)
    return parsed


def test_every_preset_has_questions_of_every_kind() -> None:
    kinds = {(c[0], c[1][0]) for c in CASES}
    for pid in steering.presets.names():
        assert {k for p, k in kinds if p == pid} >= {"acting", "seal", "accountable", "convene"}
    assert any(k == "monitor" for _, k in kinds)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_python_and_cli_give_the_same_answer(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    for pid, argv, _, ask in CASES:
        assert _cli(argv, lang, capsys) == _python(pid, ask, lang), argv


def test_the_web_api_gives_the_same_answer() -> None:
    pytest.importorskip("litestar", reason="the 'web' extra is not installed")
    pytest.importorskip("httpx", reason="httpx not installed (dependency group 'test')")
    from litestar.testing import TestClient

    from steering.web import create_app

    with TestClient(create_app()) as client:
        for pid, argv, (endpoint, params), ask in CASES:
            r = client.get(f"/regulations/{pid}/{endpoint}", params={**params, "lang": "en"})
            assert r.status_code == 200, (argv, r.text)
            assert r.json() == _python(pid, ask, "en"), argv


def test_acting_for_with_absent_omitted_takes_the_post_as_absent() -> None:
    # Đắk Nông 2021 Điều 5 khoản 1: "Phó Trưởng ban Thường trực ... thay mặt Trưởng ban
    # ... khi Trưởng ban vắng mặt": asked who acts for the head, the standing deputy does.
    g = steering.presets.load("dak-nong-2021").authority()
    assert g.acting_for("head").answer == ("standing_deputy",)
    assert g.acting_for("head") == g.acting_for("head", absent={"head"})
    # Nobody absent, said so explicitly: the head acts in person.
    assert g.acting_for("head", absent=()).answer == ("head",)


def test_every_result_type_has_a_json_form_like_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    """`to_dict()` is the form of ``--json``; ``json.dumps`` takes it as it is (issue #17)."""
    import datetime as dt

    from steering import compare

    reg = steering.presets.load("dak-nong-2021")
    ruling = reg.authority().acting_for("head")
    assert json.loads(json.dumps(ruling.to_dict())) == {
        k: v for k, v in _cli(["acting", "dak-nong-2021", "head"], "vi", capsys).items()
        if k != "names"
    }
    assert json.loads(ruling.to_json("en"))["explanation"] == ruling.explain("en")
    occs = reg.calendar(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    main(["--json", "calendar", "dak-nong-2021", "--from", "2026-01-01"])
    cal = json.loads(capsys.readouterr().out)
    assert cal["occurrences"] == [json.loads(o.to_json()) for o in occs]
    other = steering.presets.load("tung-chau-2023")
    result = compare(reg, other)
    main(["--json", "compare", "dak-nong-2021", "tung-chau-2023"])
    assert json.loads(capsys.readouterr().out) == json.loads(result.to_json())
    assert result[0] == next(iter(result))  # a Comparison indexes like the sequence it is


def test_json_leaves_out_fields_of_other_questions() -> None:
    """An acting_for answer carries no seal, lines or proxy fields; a seal answer no 'absent'."""
    g = steering.presets.load("dak-nong-2021").authority()
    acting = g.acting_for("head").to_dict()
    for other in ("seal", "signing_form", "lines", "allowed", "conditions", "targets",
                  "delegation", "on_proposal_of", "documents"):
        assert other not in acting
    assert {"absent", "chain", "answer", "citations", "explanation"} <= set(acting)
    seal = g.seal_for("deputy_tttt").to_dict()
    assert "absent" not in seal
    assert "seal" in seal
    # A field of the question itself stays even when empty: proxy's 'allowed' may be null.
    assert "allowed" in g.proxy("member").to_dict()


def test_a_role_id_names_every_post_of_the_role_in_python_too() -> None:
    # Thanh Hóa 2024 names each member agency's post (member_so_tttt ...); Đắk Nông has one
    # post "member" (Điều 3: "các Ủy viên"): the post id wins over the role id.
    th = steering.presets.load("thanh-hoa-2024")
    members = th.posts_for("member")
    assert len(members) == 24
    assert all(th.post(p).role.value == "member" for p in members)
    assert steering.presets.load("dak-nong-2021").posts_for("member") == ("member",)
    assert th.posts_for("head") == ("head",)
    with pytest.raises(steering.UnknownPostError) as err:
        th.authority().accountable_to("member")
    assert err.value.role_posts == members
    assert "is a role id" in str(err.value)
    with pytest.raises(steering.UnknownPostError):
        th.posts_for("chairman")
