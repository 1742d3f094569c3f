"""The Popolo fields the standards tests check against, copied by hand from the schemas.

Source: github.com/popolo-project/popolo-spec, ``schemas/organization.json``,
``schemas/post.json`` and ``schemas/membership.json``.

* ``REQUIRED``: the properties marked ``"required": true`` in the draft-03 schemas
  (the earlier revision, where the id was spelled ``_id``; the current one spells it
  ``id``, which is what is checked).
* ``PROPERTIES``: every property the current revision defines; an item may carry
  others (the schemas do not forbid them), and the library adds only ``citations``.
* ``DATE_PATTERN``: the pattern of ``founding_date``, ``start_date`` and ``end_date``.
"""

from __future__ import annotations

REQUIRED: dict[str, frozenset[str]] = {
    "organization": frozenset({"id", "name"}),
    "post": frozenset({"id", "label", "role", "organization_id"}),
    "membership": frozenset({"id", "organization_id"}),
}

_COMMON = {"id", "contact_details", "links", "created_at", "updated_at", "sources"}

PROPERTIES: dict[str, frozenset[str]] = {
    "organization": frozenset(_COMMON | {
        "name", "other_names", "identifiers", "classification", "parent_id", "parent",
        "area_id", "area", "founding_date", "dissolution_date", "image", "memberships",
        "posts",
    }),
    "post": frozenset(_COMMON | {
        "label", "other_label", "role", "organization_id", "organization", "area_id",
        "area", "start_date", "end_date", "memberships",
    }),
    "membership": frozenset(_COMMON | {
        "label", "role", "member", "person_id", "person", "organization_id",
        "organization", "post_id", "post", "on_behalf_of_id", "on_behalf_of", "area_id",
        "area", "start_date", "end_date",
    }),
}

DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}){0,2}$"
