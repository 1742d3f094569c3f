"""A regulation in the organisation vocabularies others already read: Popolo and W3C ORG.

Researchers who link committees to other data reach for two vocabularies:

* `Popolo <https://www.popoloproject.com/>`_ ([`to_popolo`][steering.standards.to_popolo]): plain
JSON with
  ``organizations``, ``posts`` and ``memberships``, as parliamentary-data tools read it.
* `W3C ORG <https://www.w3.org/TR/vocab-org/>`_
([`to_org_jsonld`][steering.standards.to_org_jsonld]): RDF in JSON-LD,
  read with rdflib, SPARQL or a graph database.

Both say only what the regulation says. Posts are seats, not people: no regulation
names a person, so Popolo gets no ``persons`` and a membership only where the
regulation names the office that holds a post ex officio ("Chủ tịch UBND tỉnh").
Dates are the regulation's own, as precise as its text ("2024-08" for a decision
dated "tháng 8 năm 2024"): they mark when the regulation that describes a post can
be in force, not when the committee was founded (an operating regulation does not
found its committee). No end date is given: a regulation does not know its
successor. Every element keeps the citation of the clause that states it.
Both functions are deterministic: same regulation, same output.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from steering.errors import SteeringError
from steering.regulation import EffectiveKind, PartialDate, Regulation
from steering.roles import COMMITTEE, Post, Role
from steering.rules import Citation
from steering.text import pair, word

__all__ = ["ORG_CONTEXT", "to_org_jsonld", "to_popolo"]

#: The default base of the IRIs [`to_org_jsonld`][steering.standards.to_org_jsonld] mints (a URN:
#: nothing to resolve).
DEFAULT_BASE = "urn:steering:"

#: The JSON-LD context of [`to_org_jsonld`][steering.standards.to_org_jsonld]: every prefix it
#: uses, inline (no fetch).
ORG_CONTEXT: dict[str, str] = {
    "org": "http://www.w3.org/ns/org#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "steering": "urn:steering:vocab#",
}


def _start(reg: Regulation) -> PartialDate | None:
    """The regulation's first day in force as its text gives it (partial; ``None``: unknown)."""
    eff = reg.identity.effective
    if eff.kind is EffectiveKind.ON_DATE and eff.date is not None:
        return eff.date
    return reg.identity.signed


def _cite_popolo(c: Citation) -> dict[str, Any]:
    return {"label": c.label("vi"), "label_en": c.label("en"), "quote": c.quote}


def _agency_id(reg: Regulation, agency: str) -> str:
    return f"{reg.id}/agency/{agency}"


def _holder_org(reg: Regulation, post: Post) -> str:
    """The organisation a post's holder belongs to, as the regulation names it.

    The standing agency is an organisation even where the regulation does not say
    which (Thanh Hóa: "Cơ quan Thường trực"), or names an official to act as it
    (Tùng Châu: "Công chức Văn hóa và Thông tin xã"): it then keeps the post's title.
    """
    if post.role is Role.STANDING_AGENCY:
        return post.agency or post.title
    return post.agency


def to_popolo(reg: Regulation) -> dict[str, Any]:
    """The regulation as Popolo JSON: organizations, posts and memberships.

    * ``organizations``: the committee (classification ``"steering_committee"``),
      each working group (its kind, ``parent_id`` the committee), the standing
      agency (``"standing_agency"``) and every agency the regulation names as a
      holder's (``"agency"``).
    * ``posts``: one per post, ``role`` the library's role id (``"head"``,
      ``"standing_deputy"`` ...), ``label`` the regulation's title,
      ``organization_id`` the committee or the post's working group,
      ``start_date`` the regulation's first day in force as its text gives it.
    * ``memberships``: one per post whose holder the regulation names ex officio
      (``label`` the office), ``on_behalf_of_id`` the holder's agency where named.
    * ``persons``: empty; the regulations name offices, not people.

    Every item carries ``citations`` (label and verbatim quote), an extension
    Popolo's schemas allow.

    Args:
        reg: The regulation.

    Returns:
        A JSON-ready dict; ids are ``"<regulation id>/<kind>/<id>"``.

    """
    first = _start(reg)
    # An unknown signing date gives no start_date at all, never an invented one.
    start = {"start_date": str(first)} if first is not None else {}
    organizations = _popolo_organizations(reg)
    committee_id = f"{reg.id}/committee"
    group_ids = {g.id: f"{reg.id}/group/{g.id}" for g in reg.working_groups}
    posts: list[dict[str, Any]] = []
    memberships: list[dict[str, Any]] = []
    for p in reg.posts:
        pid = f"{reg.id}/post/{p.id}"
        org_id = group_ids.get(p.group, committee_id)
        posts.append({
            "id": pid,
            "label": p.title,
            "other_label": [word(p.role, "en")],
            "role": p.role.value,
            "organization_id": org_id,
            **start,
            "citations": [_cite_popolo(p.citation)],
        })
        if p.holder is None or not (p.holder.office or p.holder.agency):
            continue
        membership: dict[str, Any] = {
            "id": f"{reg.id}/membership/{p.id}",
            "label": p.holder.office or p.holder.agency,
            "role": p.role.value,
            "organization_id": org_id,
            "post_id": pid,
            **start,
            "citations": [_cite_popolo(p.holder.citation)],
        }
        holder_org = _holder_org(reg, p)
        if holder_org:
            membership["on_behalf_of_id"] = _agency_id(reg, holder_org)
        memberships.append(membership)
    return {
        "persons": [],
        "organizations": organizations,
        "posts": posts,
        "memberships": memberships,
    }


def _popolo_organizations(reg: Regulation) -> list[dict[str, Any]]:
    """The committee, its working groups, then every agency named (sorted), empty keys left out."""
    committee_id = f"{reg.id}/committee"
    organizations: list[dict[str, Any]] = [{
        "id": committee_id,
        "name": reg.committee.name or reg.name_of(COMMITTEE),
        "classification": "steering_committee",
        "identifiers": [{"identifier": reg.identity.decision_number,
                         "scheme": "decision_number"}] if reg.identity.decision_number else [],
        "area": {"name": reg.identity.locality} if reg.identity.locality else None,
        "citations": [_cite_popolo(c) for c in (reg.identity.signed_citation,) if c],
    }]
    organizations.extend(
        {
            "id": f"{reg.id}/group/{g.id}",
            "name": g.name,
            "classification": g.kind.value,
            "parent_id": committee_id,
            "citations": [_cite_popolo(g.citation)],
        }
        for g in reg.working_groups
    )
    agencies: dict[str, dict[str, Any]] = {}
    for p in reg.posts:
        name = _holder_org(reg, p)
        if not name:
            continue
        aid = _agency_id(reg, name)
        entry = agencies.setdefault(aid, {
            "id": aid,
            "name": name,
            "classification": "agency",
            "citations": [],
        })
        if p.role is Role.STANDING_AGENCY:
            entry["classification"] = "standing_agency"
        cite = _cite_popolo(p.holder.citation if p.holder is not None else p.citation)
        if cite not in entry["citations"]:
            entry["citations"].append(cite)
    organizations.extend(agencies[k] for k in sorted(agencies))
    for org in organizations:
        for key in [k for k, v in org.items() if v in (None, [])]:
            del org[key]
    return organizations


# ----------------------------------------------------------------- W3C ORG


def _literal_date(d: PartialDate) -> dict[str, str]:
    """A partial date as a typed literal: xsd:date, xsd:gYearMonth or xsd:gYear."""
    kind = "date" if d.day is not None else "gYearMonth" if d.month is not None else "gYear"
    return {"@value": str(d), "@type": f"xsd:{kind}"}


class _Org:
    """Builds the JSON-LD graph of one regulation."""

    def __init__(self, reg: Regulation, base: str) -> None:
        self.reg = reg
        self.base = base
        self.root = f"{base}{quote(reg.id, safe='')}"
        self.posts = {p.id: p for p in reg.posts}
        self.groups = {g.id: g for g in reg.working_groups}
        self.bodies = {b.id: b for b in reg.bodies}
        self.graph: list[dict[str, Any]] = []

    def iri(self, node: str) -> str:
        """The IRI of a post, group, body or the committee of this regulation."""
        if node == COMMITTEE:
            return f"{self.root}/committee"
        if node in self.posts:
            return f"{self.root}/post/{node}"
        if node in self.groups:
            return f"{self.root}/group/{node}"
        return f"{self.root}/body/{node}"

    def cite(self, c: Citation) -> dict[str, Any]:
        node: dict[str, Any] = {
            "@type": "steering:Citation",
            "rdfs:label": [{"@value": c.label("vi"), "@language": "vi"},
                           {"@value": c.label("en"), "@language": "en"}],
            "dcterms:bibliographicCitation": {"@value": c.quote, "@language": "vi"},
            "dcterms:isPartOf": {"@id": self.root},
        }
        if c.article is not None:
            node["steering:article"] = c.article
        if c.clause is not None:
            node["steering:clause"] = c.clause
        if c.point:
            node["steering:point"] = c.point
        return node

    def label(self, text: str) -> dict[str, str]:
        return {"@value": text, "@language": "vi"}

    def build(self) -> dict[str, Any]:
        self.document()
        self.committee()
        self.roles()
        self.working_groups()
        self.bodies_()
        self.posts_()
        self.reporting()
        self.changes()
        return {"@context": dict(ORG_CONTEXT), "@graph": self.graph}

    def document(self) -> None:
        idn = self.reg.identity
        node: dict[str, Any] = {
            "@id": self.root,
            "@type": "dcterms:BibliographicResource",
            "dcterms:title": self.label(idn.title),
            "dcterms:spatial": self.label(idn.locality),
        }
        # An unknown signing date is left out, never invented.
        if idn.signed is not None:
            node["dcterms:issued"] = _literal_date(idn.signed)
        first = _start(self.reg)
        if first is not None:
            node["steering:inForceFrom"] = _literal_date(first)
        if idn.signed_citation is not None:
            node["dcterms:source"] = self.cite(idn.signed_citation)
        if idn.decision_number:
            node["dcterms:identifier"] = idn.decision_number
        if idn.issuer:
            node["dcterms:creator"] = self.label(idn.issuer)
        self.graph.append(node)

    def committee(self) -> None:
        self.graph.append({
            "@id": self.iri(COMMITTEE),
            "@type": ["org:Organization", "org:FormalOrganization"],
            "skos:prefLabel": self.label(self.reg.name_of(COMMITTEE)),
            "skos:notation": COMMITTEE,
            "dcterms:source": {"@id": self.root},
            "org:classification": {"@id": "steering:SteeringCommittee"},
        })

    def roles(self) -> None:
        for role in sorted({p.role for p in self.reg.posts}, key=lambda r: r.value):
            vi, en = pair(role)
            self.graph.append({
                "@id": f"steering:role/{role.value}",
                "@type": "org:Role",
                "skos:prefLabel": [{"@value": vi, "@language": "vi"},
                                   {"@value": en, "@language": "en"}],
                "skos:notation": role.value,
            })

    def working_groups(self) -> None:
        for g in self.reg.working_groups:
            self.graph.append({
                "@id": self.iri(g.id),
                "@type": ["org:Organization", "org:OrganizationalUnit"],
                "skos:prefLabel": self.label(g.name),
                "skos:notation": g.id,
                "org:unitOf": {"@id": self.iri(COMMITTEE)},
                "steering:kind": g.kind.value,
                "dcterms:source": self.cite(g.citation),
            })

    def bodies_(self) -> None:
        for b in self.reg.bodies:
            self.graph.append({
                "@id": self.iri(b.id),
                "@type": "org:Organization",
                "skos:prefLabel": self.label(b.name),
                "skos:notation": b.id,
                "steering:kind": b.kind.value,
            })

    def posts_(self) -> None:
        agencies: dict[str, str] = {}
        for p in self.reg.posts:
            post_iri = self.iri(p.id)
            in_iri = self.iri(p.group) if p.group in self.groups else self.iri(COMMITTEE)
            node: dict[str, Any] = {
                "@id": post_iri,
                "@type": "org:Post",
                "skos:prefLabel": self.label(p.title),
                "skos:notation": p.id,
                "org:postIn": {"@id": in_iri},
                "org:role": {"@id": f"steering:role/{p.role.value}"},
                "dcterms:source": self.cite(p.citation),
            }
            if p.plural:
                node["steering:plural"] = True
            self.graph.append(node)
            # The head's holder heads the committee (ORG: org:headOf, an agent's property);
            # a holder the regulation names ex officio holds the post.
            named = p.holder is not None and bool(p.holder.office or p.holder.agency)
            if p.role is Role.HEAD or named:
                agent: dict[str, Any] = {
                    "@id": f"{post_iri}/holder",
                    "@type": "foaf:Agent",
                    "org:holds": {"@id": post_iri},
                    "org:memberOf": {"@id": in_iri},
                }
                if p.holder is not None and p.holder.office:
                    agent["skos:prefLabel"] = self.label(p.holder.office)
                if p.holder is not None:
                    agent["dcterms:source"] = self.cite(p.holder.citation)
                if p.role is Role.HEAD:
                    agent["org:headOf"] = {"@id": self.iri(COMMITTEE)}
                self.graph.append(agent)
            org_name = _holder_org(self.reg, p)
            if org_name:
                agencies.setdefault(org_name, f"{self.root}/agency/{quote(org_name, safe='')}")
                if p.role is Role.STANDING_AGENCY:
                    # The standing agency is an organisation that holds the post.
                    self.graph.append({
                        "@id": agencies[org_name],
                        "@type": "org:Organization",
                        "org:holds": {"@id": post_iri},
                    })
                else:
                    self.graph.append({
                        "@id": f"{post_iri}/holder",
                        "steering:onBehalfOf": {"@id": agencies[org_name]},
                    })
        for name in sorted(agencies):
            self.graph.append({
                "@id": agencies[name],
                "@type": "org:Organization",
                "skos:prefLabel": self.label(name),
            })

    def reporting(self) -> None:
        """org:reportsTo from the regulation's accountability ("chịu trách nhiệm trước")."""
        graph = self.reg.authority()
        for node in (*self.posts, *self.groups):
            try:
                ruling = graph.accountable_to(node)
            except SteeringError:  # pragma: no cover - every post and group is a node
                continue
            if not ruling.decided:
                continue
            targets = [{"@id": self.iri(t)} for t in ruling.answer]
            self.graph.append({"@id": self.iri(node), "org:reportsTo": targets})
            for t in ruling.answer:
                # Each line keeps its clauses: a reified statement citing them.
                self.graph.append({
                    "@id": f"{self.iri(node)}/reportsTo/{quote(t, safe='')}",
                    "@type": "rdf:Statement",
                    "rdf:subject": {"@id": self.iri(node)},
                    "rdf:predicate": {"@id": "org:reportsTo"},
                    "rdf:object": {"@id": self.iri(t)},
                    "dcterms:source": [self.cite(c) for c in ruling.citations],
                })

    def changes(self) -> None:
        """org:ChangeEvent for each decision the regulation replaces ("thay thế")."""
        for r in self.reg.identity.replaces:
            if r.preset:
                old_doc = f"{self.base}{quote(r.preset, safe='')}"
            else:
                old_doc = f"{self.base}decision/{quote(r.number or r.title, safe='')}"
            old_committee = f"{old_doc}/committee"
            doc: dict[str, Any] = {"@id": old_doc, "@type": "dcterms:BibliographicResource"}
            if r.number:
                doc["dcterms:identifier"] = r.number
            if r.title:
                doc["dcterms:title"] = self.label(r.title)
            if r.date is not None:
                doc["dcterms:issued"] = _literal_date(r.date)
            self.graph.append(doc)
            self.graph.append({
                "@id": old_committee,
                "@type": "org:Organization",
                "dcterms:source": {"@id": old_doc},
            })
            event = f"{self.root}/change/{quote(r.number or r.preset or r.title, safe='')}"
            change: dict[str, Any] = {
                "@id": event,
                "@type": "org:ChangeEvent",
                "org:originalOrganization": {"@id": old_committee},
                "org:resultingOrganization": {"@id": self.iri(COMMITTEE)},
            }
            first = _start(self.reg)
            if first is not None:
                change["dcterms:date"] = _literal_date(first)
            change["dcterms:source"] = self.cite(r.citation)
            self.graph.append(change)
            self.graph.append({"@id": self.iri(COMMITTEE), "org:resultedFrom": {"@id": event}})
            self.graph.append({"@id": self.root, "dcterms:replaces": {"@id": old_doc}})


def to_org_jsonld(reg: Regulation, *, base: str = DEFAULT_BASE) -> dict[str, Any]:
    """The regulation in the W3C Organization Ontology (ORG), as JSON-LD.

    * The committee is an ``org:FormalOrganization``; each working group an
      ``org:OrganizationalUnit`` (``org:unitOf`` the committee); bodies the
      rules name (Tỉnh ủy, UBND ...) are ``org:Organization``.
    * Each post is an ``org:Post`` (``org:postIn``, ``org:role`` one of the
      library's roles as an ``org:Role``). The agent holding the head post
      is ``org:headOf`` the committee; an office the regulation names ex officio
      is an agent that ``org:holds`` its post; the standing agency is an
      organisation that holds the standing-agency post.
    * ``org:reportsTo`` links each post or group to whom it answers
      ([`accountable_to`][steering.authority.AuthorityGraph.accountable_to]), and a reified
      ``rdf:Statement`` per line keeps its clauses.
    * An ``org:ChangeEvent`` links the committee to the one constituted by each
      decision the regulation replaces ("thay thế Quyết định số ...").
    * Every element has ``dcterms:source``: a citation node with the label
      ("Điều 5 khoản 1") and the verbatim quote (``dcterms:bibliographicCitation``).

    The context is inline, so no parser fetches anything.

    Args:
        reg: The regulation.
        base: The prefix of the IRIs minted for the regulation's nodes
            (default ``"urn:steering:"``; pass an ``https://`` base to publish them).

    Returns:
        A JSON-LD document (``@context`` and ``@graph``), JSON-ready.

    """
    return _Org(reg, base).build()
