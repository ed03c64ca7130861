"""User text in letters comes out literally: escaping, newlines, tabs, long text, Jinja and XML
look-alikes, and a hypothesis property over every text field of the case and the profile.

The one documented alteration (foi_core.letters.text): characters XML 1.0 cannot hold are
removed, and Windows or old Mac line endings are stored as line breaks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from case_factory import correct_case
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foi_core.letters import (
    document_text,
    printable,
    render_letter,
    render_pit_extension_letter,
    render_reasoning_record,
)
from foi_core.models import Case, OrganisationProfile, PITExtension, clean_text
from foi_core.personal_data import mask_requester

Setter = Callable[[Case, OrganisationProfile, str], None]


def _claim(case: Case, claim_id: str):
    return case.claim(claim_id)


def _set(path: str) -> Setter:
    """A setter for a dotted path below the case ('request.searches') or profile ('profile.x')."""

    def setter(case: Case, profile: OrganisationProfile, value: str) -> None:
        parts = path.split(".")
        target: object = profile if parts[0] == "profile" else case
        for part in parts[1:-1] if parts[0] == "profile" else parts[:-1]:
            if part.startswith("item"):
                target = target.item(int(part.removeprefix("item")))  # type: ignore[attr-defined]
            elif part.startswith("claim:"):
                target = _claim(target, part.removeprefix("claim:"))  # type: ignore[arg-type]
            elif part.startswith("factor"):
                target = target.factors[int(part.removeprefix("factor"))]  # type: ignore[attr-defined]
            elif part.startswith("line"):
                target = target.lines[int(part.removeprefix("line"))]  # type: ignore[attr-defined]
            elif part.startswith("agg"):
                target = target.aggregate_balances[0]  # type: ignore[attr-defined]
            else:
                target = getattr(target, part)
        setattr(target, parts[-1], value)

    return setter


def _set_prompt_answer(case: Case, profile: OrganisationProfile, value: str) -> None:
    case.claim("anpr-s31").harm.prompt_answers = {"interest": value}


# Field -> the documents it must appear in: L (response letter), R (record), P (PIT letter).
# The record leaves the requester out (foi_core.personal_data), so their details are L and P.
FIELDS: dict[str, tuple[Setter, str]] = {
    "our_ref": (_set("request.our_ref"), "LRP"),
    "their_ref": (_set("request.their_ref"), "LRP"),
    "request searches": (_set("request.searches"), "LR"),
    "request text": (_set("request.text"), "R"),
    "item text": (_set("request.item2.text"), "LRP"),
    "item answer": (_set("request.item1.answer"), "LR"),
    "where to find": (_set("request.item4.where_to_find"), "LR"),
    "item searches": (_set("request.item8.searches"), "LR"),
    "item notes": (_set("request.item1.notes"), "R"),
    "requester name": (_set("requester.name"), "LP"),
    "requester contact": (_set("requester.contact"), "LP"),
    "requester address": (_set("requester.address"), "LP"),
    "harm interest": (_set("claim:anpr-s31.harm.interest"), "LR"),
    "harm causal chain": (_set("claim:anpr-s31.harm.causal_chain"), "LR"),
    "harm mosaic": (_set("claim:anpr-s31.harm.mosaic"), "LR"),
    "harm precedent": (_set("claim:anpr-s31.harm.precedent"), "LR"),
    "harm evidence": (_set("claim:company-s31.harm.evidence"), "R"),
    "harm prompt answer": (_set_prompt_answer, "R"),
    "factor text": (_set("claim:anpr-s31.pit.factor0.text"), "LR"),
    "factor rationale": (_set("claim:company-s30.pit.factor1.rationale"), "R"),
    "balance reasoning": (_set("claim:advice-s36.pit.balance.reasoning"), "LR"),
    "balance decided by": (_set("claim:advice-s36.pit.balance.decided_by"), "R"),
    "qp name": (_set("claim:advice-s36.qp_opinion.name"), "LR"),
    "qp role": (_set("claim:advice-s36.qp_opinion.role"), "LR"),
    "qp limb": (_set("claim:advice-s36.qp_opinion.limb"), "LR"),
    "qp reasons": (_set("claim:advice-s36.qp_opinion.reasons"), "LR"),
    "legitimate interest": (
        _set("claim:company-s40.legitimate_interests.legitimate_interest"),
        "LR",
    ),
    "necessity": (_set("claim:company-s40.legitimate_interests.necessity"), "LR"),
    "balancing": (_set("claim:company-s40.legitimate_interests.balancing"), "LR"),
    "claim notes": (_set("claim:crime-s21.notes"), "R"),
    "combined reasoning": (_set("agg.reasoning"), "LR"),
    "combined decided by": (_set("agg.decided_by"), "R"),
    "cost line": (_set("cost_estimate.line0.description"), "LR"),
    "cost method": (_set("cost_estimate.method"), "LR"),
    "s16 advice": (_set("cost_estimate.s16_advice"), "LR"),
    "overall harm": (_set("overall_harm"), "LR"),
    "decision maker": (_set("decision_maker"), "R"),
    "case title": (_set("title"), "R"),
    "extension reason": (_set("pit_extension.reason"), "PR"),
    "extension decided by": (_set("pit_extension.decision_maker"), "R"),
    **{
        f"profile {name}": (_set(f"profile.{name}"), "LP")
        for name in (
            "name",
            "unit",
            "address",
            "email",
            "phone",
            "website",
            "review_procedure",
            "ico_details",
            "signatory_name",
            "signatory_role",
        )
    },
    "profile copyright": (_set("profile.copyright_notice"), "L"),
}
REQUIRED = {"our_ref", "item text", "factor text"}  # the model refuses these empty or blank


def base_case() -> Case:
    case = correct_case()
    case.pit_extension = PITExtension(estimated_date=dt.date(2024, 3, 4))
    return case


def documents(case: Case, profile: OrganisationProfile) -> dict[str, str]:
    """The text of each document; the checker is skipped (this is about text, not law)."""
    return {
        "L": document_text(render_letter(case, profile, findings=()).data),
        "R": document_text(render_reasoning_record(case, profile, findings=()).data),
        "P": document_text(render_pit_extension_letter(case, profile).data),
    }


def assert_verbatim(values: dict[str, str]) -> None:
    case, profile = base_case(), OrganisationProfile()
    for field, value in values.items():
        FIELDS[field][0](case, profile, value)
    texts = documents(case, profile)
    for field, value in values.items():
        held = clean_text(value)  # what the case holds
        if not printable(held).strip():
            continue  # blank text: a letter leaves the paragraph out
        for kind in FIELDS[field][1]:
            # The record masks the requester's details wherever they were typed into the text.
            shown = mask_requester(held, case.requester) if kind == "R" else held
            assert printable(shown) in texts[kind], f"{field} not found verbatim in {kind}"


NASTY = [
    "Tom & Jerry <Ltd> \"quoted\" 'single' ’curly’",
    "{{ 7*7 }} {% if true %}yes{% endif %} {# note #} {_{ x }_} {%p if x %}",
    "<w:p><w:r><w:t>injected</w:t></w:r></w:p> ]]> <![CDATA[ x ]]> &amp; &#x41;",
    "line one\nline two\n\nafter a blank line",
    "tab\there\t\tand two",
    "  leading and trailing spaces  ",
    "Emoji 🚓👮‍♀️ Welsh ŵŷ âêîôû RTL مرحبا بالعالم עברית",
    "£450 — 18 hours · 20 working days",
    "x" * 20_000,
]


@pytest.mark.parametrize("value", NASTY, ids=range(len(NASTY)))
def test_awkward_text_comes_out_literally_in_every_field(value: str) -> None:
    assert_verbatim(dict.fromkeys(FIELDS, value))


def test_control_characters_are_the_only_thing_removed() -> None:
    raw = "a\x01b\x07c\x0bd\x0ce\x1bf\ufffeg\uffffh\r\ni\rj\x85k"  # no NUL: the model refuses it
    assert printable(raw) == "abcdefgh\ni\nj\x85k"
    assert_verbatim(dict.fromkeys(FIELDS, raw))


def test_jinja_looking_text_is_not_evaluated() -> None:
    case, profile = base_case(), OrganisationProfile()
    case.request.item(1).answer = "{{ 7*7 }}"
    text = document_text(render_letter(case, profile, findings=()).data)
    assert "{{ 7*7 }}" in text and "49" not in text


# Any text a case holds: the model refuses NUL (and lone surrogates) and removes other controls.
text_values = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"))
required_values = text_values.filter(lambda s: clean_text(s).strip())


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.fixed_dictionaries(
        {field: (required_values if field in REQUIRED else text_values) for field in FIELDS}
    )
)
def test_any_text_in_any_field_is_found_verbatim(values: dict[str, str]) -> None:
    assert_verbatim(values)
