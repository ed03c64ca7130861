"""AppTest of the paragraph picker alone (ui.paragraphs), run through a small script."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import ok, texts


def _picker_script(kind: str = "harm") -> None:
    import datetime as dt

    import streamlit as st

    from foi_core.models import Case, ClaimMode, ExemptionClaim, Request, RequestItem
    from ui.paragraphs import paragraph_picker

    item = RequestItem(number=1, text="Where are the ANPR cameras on the A1?")
    claim = ExemptionClaim(id="c1", citation="s31(1)(a)", items=[1], mode=ClaimMode.WITHHOLD)
    case = Case(
        request=Request(our_ref="P/1", received=dt.date(2026, 3, 2), items=[item]),
        claims=[claim],
    )
    st.session_state.setdefault("target", "Our own opening words.")
    paragraph_picker(case, claim, kind, "target")
    st.text_area("Causal chain", key="target")


def picker(kind: str = "harm") -> AppTest:
    return ok(AppTest.from_function(_picker_script, args=(kind,), default_timeout=30).run())


def test_the_picker_lists_fitting_paragraphs_with_their_review_date_theme_from_the_request():
    at = picker()
    assert at.selectbox[0].value == "anpr"  # the theme the request names comes first
    shown = texts(at)
    assert "Last reviewed 1 October 2026" in shown
    assert "Publishing where fixed number plate cameras are placed" in shown
    assert "area or road named in the request; what the cameras are used for" in shown
    labels = [b.label for b in at.button]
    assert labels and set(labels) == {"Insert this paragraph"}


def test_insert_adds_the_paragraph_to_the_text_box_keeping_what_was_there():
    at = picker()
    at.button[0].click().run()
    ok(at)
    value = at.text_area(key="target").value
    assert value.startswith("Our own opening words.\n\nPublishing where fixed number plate")
    assert "[[area or road named in the request]]" in value  # still to tailor


def test_every_theme_shows_other_paragraphs_and_kinds_filter():
    at = picker()
    at.selectbox[0].select("").run()
    assert "Details of" in texts(at)  # IT security's harm paragraph for s31(1)(a)
    against = picker("factor_against")
    assert "There is a strong public interest in not helping offenders" in texts(against)
    assert "Publishing where fixed number plate" not in texts(against)
