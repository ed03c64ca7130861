"""The rules the knowledge data must follow beyond the shape of one entry.

Each check raises ``KnowledgeError`` naming the file and the entry that breaks it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from foi_core.knowledge.schema import CORE_HARM_PROMPT_IDS, Exemption, IrrelevantFactor
from foi_core.knowledge.yamlio import KnowledgeError

LEGISLATION_URL = "https://www.legislation.gov.uk/ukpga/2000/36/section/"
OVERLAY_PREFIX = "overlay "
_SECTION_PATTERN = re.compile(r"^s(\d+[A-Z]?)")


def check_exemption(exemption: Exemption, where: str) -> None:
    """The statutory shape of one entry: section and source match the citation, a procedural
    refusal or an absolute exemption has no public interest test, a qualified one has factors,
    a prejudice-type one has the core harm prompts."""

    def fail(message: str) -> None:
        raise KnowledgeError(f"{where}, citation {exemption.citation!r}: {message}")

    section_match = _SECTION_PATTERN.match(exemption.citation)
    if not section_match or section_match.group(1) != exemption.section:
        fail(f"section {exemption.section!r} does not match the citation")
    if exemption.source_url != LEGISLATION_URL + exemption.section:
        fail(f"source_url should be {LEGISLATION_URL}{exemption.section}")
    ncnd_section = _SECTION_PATTERN.match(exemption.ncnd_provision or "")
    if exemption.ncnd_provision and (
        not ncnd_section or ncnd_section.group(1) != exemption.section
    ):
        fail(f"ncnd_provision {exemption.ncnd_provision} is not in section {exemption.section}")
    if exemption.kind == "procedural":
        if exemption.test != "procedural":
            fail("a procedural refusal must have test 'procedural'")
        if exemption.absolute or exemption.pit_required:
            fail("a procedural refusal is neither absolute nor subject to a public interest test")
    else:
        if exemption.test == "procedural":
            fail("test 'procedural' is only for kind 'procedural'")
        if exemption.absolute and exemption.pit_required:
            fail("an absolute exemption cannot have pit_required true")
        if not exemption.absolute and not exemption.pit_required:
            fail("a qualified exemption must have pit_required true")
        if exemption.qualified:
            if len(exemption.factors_for) < 2 or len(exemption.factors_against) < 2:
                fail("a qualified exemption needs at least 2 factors for and 2 against")
            if exemption.ncnd_provision and not any(f.ncnd for f in exemption.all_factors):
                fail("a qualified exemption with an NCND provision needs factors marked ncnd")
    if exemption.needs_harm_test:
        have = {p.id for p in exemption.harm_prompts}
        missing = [pid for pid in CORE_HARM_PROMPT_IDS if pid not in have]
        if missing:
            fail(f"harm_prompts lack {missing}")
    prompt_ids = [p.id for p in exemption.harm_prompts]
    if len(prompt_ids) != len(set(prompt_ids)):
        fail("harm prompt ids are not unique")
    record_ids = [p.id for p in exemption.record_prompts]
    if len(record_ids) != len(set(record_ids)):
        fail("record prompt ids are not unique")
    for alias in exemption.aliases:
        alias_section = _SECTION_PATTERN.match(alias)
        if alias == exemption.citation:
            fail(f"alias {alias!r} is the citation itself")
        if not alias_section or alias_section.group(1) != exemption.section:
            fail(f"alias {alias} is not in section {exemption.section}")
    if not exemption.keywords:
        fail("needs at least one keyword")


def check_unique(values: list[str], what: str, where: str) -> None:
    """No value twice, e.g. glossary terms."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise KnowledgeError(f"{where}: duplicate {what} {value!r}")
        seen.add(value)


def check_phrases(factor: IrrelevantFactor, where: str) -> None:
    """An irrelevant factor's phrases are lowercase, valid regular expressions."""
    for phrase in factor.phrases:
        if phrase != phrase.lower():
            raise KnowledgeError(f"{where}, id {factor.id!r}: phrase {phrase!r} is not lowercase")
        try:
            re.compile(phrase)
        except re.error as error:
            raise KnowledgeError(
                f"{where}, id {factor.id!r}: phrase {phrase!r} is not a valid pattern: {error}"
            ) from None


def check_factor_ids(owners: Iterable[tuple[str, str, str]]) -> None:
    """Every library factor id is used once. ``owners`` gives (factor id, owner, where) in
    catalogue order, owner being 'factors.yaml' or a citation; the error names the overlay's
    entry when the overlay made the clash."""
    first: dict[str, tuple[str, str]] = {}
    for factor_id, owner, where in owners:
        if factor_id not in first:
            first[factor_id] = (owner, where)
            continue
        other_owner, other_where = first[factor_id]
        if other_where.startswith(OVERLAY_PREFIX) and not where.startswith(OVERLAY_PREFIX):
            owner, where, other_owner = other_owner, other_where, owner
        if owner == "factors.yaml":
            if other_owner == "factors.yaml":
                raise KnowledgeError(f"{where}: duplicate factor id {factor_id!r}")
            raise KnowledgeError(
                f"{where}, id {factor_id!r}: factor id is not unique (also used in {other_owner})"
            )
        raise KnowledgeError(
            f"{where}, citation {owner!r}: factor id {factor_id!r} is not unique "
            f"(also used in {other_owner})"
        )


def check_citations_unique(exemptions: Iterable[tuple[Exemption, str]]) -> None:
    """No citation or alias names two entries, and no alias is an NCND provision (which stands
    for the entries it protects)."""
    named: dict[str, str] = {}
    provisions = {e.ncnd_provision for e, _ in exemptions if e.ncnd_provision}
    for exemption, where in exemptions:
        for alias in exemption.aliases:
            if alias in provisions:
                raise KnowledgeError(
                    f"{where}, citation {exemption.citation!r}: alias {alias!r} is an NCND "
                    "provision"
                )
        for cited in (exemption.citation, *exemption.aliases):
            if cited in named and named[cited] != exemption.citation:
                raise KnowledgeError(
                    f"{where}, citation {exemption.citation!r}: {cited!r} also names "
                    f"{named[cited]!r}"
                )
            named[cited] = exemption.citation
