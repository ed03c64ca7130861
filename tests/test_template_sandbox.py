"""Organisation templates cannot escape: no Python objects in the data, a sandboxed Jinja
environment, a child process with a time and a memory limit, plain template problems, and
validation against the letter data's schema rather than a stored case (issue 7, "Templates").

Every template here is built with python-docx: a paragraph holding the Jinja text.
"""

from __future__ import annotations

import base64
import io
import signal
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from foi_core import cli
from foi_core.letters import (
    TemplateProblem,
    check_template,
    child,
    letter_paragraphs,
    missing_template_variables,
    render_letter,
)
from foi_core.letters.sandbox import ensure_plain, render_docx
from foi_core.letters.schema import CONTEXT_MODELS, Fields, ListOf, Shape, context_shape
from foi_core.letters.template_check import Source, check_sources
from foi_core.models import OrganisationProfile
from foi_core.settings import get_settings
from tests.conftest import EXAMPLES, example_case
from tests.docx_files import docx_with, tiny_png

ROOT = Path(__file__).resolve().parents[1]
PROFILE = OrganisationProfile()
SECRET = "SERVER-SECRET-7f3a9c"


LOGO_PROFILE = OrganisationProfile(logo_png_base64=base64.b64encode(tiny_png()).decode())


def make_template(path: Path, *paragraphs: str) -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def attempt(template: Path, profile: OrganisationProfile = LOGO_PROFILE) -> object:
    """The rendered letter's bytes, or the exception the render raised."""
    try:
        return render_letter(
            example_case("full-disclosure"), profile, template=template, draft=True
        ).data
    except Exception as error:  # the point of these tests is which exception, if any
        return error


def zip_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "\n".join(
            package.read(name).decode("utf-8", "replace") for name in package.namelist()
        )


@pytest.fixture
def short_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A 3-second limit, so a runaway template is stopped quickly."""
    monkeypatch.setenv("FOI_TEMPLATE_TIME_LIMIT", "3")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def small_memory(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A 300 MB memory limit (the time limit stays at its default)."""
    monkeypatch.setenv("FOI_TEMPLATE_MEMORY_LIMIT_MB", "300")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


# --- The logo object no longer hands the template the template engine -------------------------


def test_logo_payload_cannot_read_a_server_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    template = make_template(
        tmp_path / "payload.docx",
        "{% if logo %}{{ logo.tpl.replace_zipname('docProps/app.xml', '"
        + str(secret)
        + "') }}{% endif %}",
    )
    outcome = attempt(template)
    if isinstance(outcome, bytes):
        assert SECRET not in zip_text(outcome)
    assert isinstance(outcome, TemplateProblem), outcome
    assert "logo.tpl" in str(outcome)


@pytest.mark.parametrize(
    "payload",
    [
        "{% if logo %}{{ logo.tpl.write_xml('TARGET') }}{% endif %}",
        "{% if logo %}{{ logo.tpl.docx.save('TARGET') }}{% endif %}",
    ],
)
def test_logo_payloads_cannot_write_files(tmp_path: Path, payload: str) -> None:
    target = tmp_path / "written.xml"
    template = make_template(tmp_path / "payload.docx", payload.replace("TARGET", str(target)))
    outcome = attempt(template)
    assert not target.exists()
    assert isinstance(outcome, TemplateProblem), outcome


def test_the_logo_still_reaches_the_letter_as_an_image() -> None:
    rendered = render_letter(example_case("full-disclosure"), LOGO_PROFILE)
    with zipfile.ZipFile(io.BytesIO(rendered.data)) as package:
        images = [name for name in package.namelist() if name.startswith("word/media/")]
        assert len(images) == 1 and package.read(images[0]) == tiny_png()
    assert len(Document(io.BytesIO(rendered.data)).inline_shapes) == 1
    assert "logo" not in rendered.context


def test_a_non_plain_value_in_the_context_is_refused() -> None:
    class Gadget:
        pass

    template = docx_with("{{ x }}")
    with pytest.raises(ValueError, match="not plain data"):
        render_docx(template, "t.docx", {"x": [1, {"y": Gadget()}]})
    with pytest.raises(ValueError, match="not plain data"):
        ensure_plain({"ok": ["text", 1, 2.5, True, None], "bad": (1, 2)})
    ensure_plain({"ok": ["text", 1, 2.5, True, None, {"nested": []}]})
    looped: list = []
    looped.append(looped)
    with pytest.raises(ValueError, match="not plain data"):
        ensure_plain({"looped": looped})


# --- Runaway and hostile templates become plain template problems ----------------------------


@pytest.mark.parametrize(
    "jinja,words",
    [
        (
            "{% for a in range(99999) %}{% for b in range(99999) %}.{% endfor %}{% endfor %}",
            "range",
        ),
        ("{{ lipsum(200000) }}", "lipsum"),
        ("{{ range(9999999) }}", "range"),
        ("{% include '/etc/passwd' %}", "include"),
        ("{% extends 'base.docx' %}", "extends"),
        ("{% import 'macros' as m %}", "import"),
        ("{{ ''.__class__.__mro__ }}", "__class__"),
        ("{{ our_ref.__class__ }}", "__class__"),
        ("{{ 'x' * 100000000 }}", "too long"),
        ("{{ 2 ** 99999999 }}", "too large"),
        ("{{ request_text|safe }}", "safe"),
        ("{{ 1 / 0 }}", "fails when filled in"),
    ],
)
def test_hostile_templates_become_template_problems(tmp_path: Path, jinja: str, words: str) -> None:
    template = make_template(tmp_path / "hostile.docx", "Dear {{ requester.name }}", jinja)
    with pytest.raises(TemplateProblem) as raised:
        render_letter(example_case("full-disclosure"), PROFILE, template=template, draft=True)
    assert words in str(raised.value)
    assert "Traceback" not in str(raised.value)


def test_a_template_that_runs_too_long_is_stopped(tmp_path: Path, short_time: None) -> None:
    loops = "".join(f"{{% for {v} in range(1000) %}}" for v in "abc") + "{% endfor %}" * 3
    template = make_template(tmp_path / "slow.docx", loops)
    with pytest.raises(TemplateProblem) as raised:
        render_letter(example_case("full-disclosure"), PROFILE, template=template, draft=True)
    assert "took longer than 3 seconds" in str(raised.value)
    assert "loops" in str(raised.value)


def test_a_template_that_needs_too_much_memory_is_stopped(
    tmp_path: Path, small_memory: None
) -> None:
    template = make_template(tmp_path / "hog.docx", "{{ our_ref|center(2000000000) }}")
    with pytest.raises(TemplateProblem) as raised:
        render_letter(example_case("full-disclosure"), PROFILE, template=template, draft=True)
    assert "more than 300 MB of memory" in str(raised.value)


@pytest.mark.parametrize(
    "returncode,stdout,words",
    [
        (-9, b"", "stopped unexpectedly; it may have needed more than 1,024 MB"),
        (1, b"Traceback (most recent call last):", "stopped unexpectedly"),
        (-signal.SIGXCPU, b"", "took longer than 10 seconds"),
    ],
)
def test_a_child_that_dies_is_a_plain_template_problem(
    returncode: int, stdout: bytes, words: str
) -> None:
    finished = subprocess.CompletedProcess([], returncode, stdout, b"MemoryError")
    with pytest.raises(TemplateProblem) as raised:
        child._read_answer(finished, "t.docx", child.Limits(10, 1024))
    assert words in str(raised.value) and "Traceback" not in str(raised.value)


def test_a_broken_docx_is_a_template_problem(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as package:
        package.writestr("word/document.xml", "<not-ooxml")
    with pytest.raises(TemplateProblem, match="Word cannot open it"):
        render_letter(example_case("full-disclosure"), PROFILE, template=broken, draft=True)
    with pytest.raises(TemplateProblem, match="Word cannot open it"):
        check_template(broken)


# --- Validation against the schema, with no case -----------------------------------------------


def test_schema_check_finds_a_misspelt_attribute_in_a_loop_without_a_case(tmp_path: Path) -> None:
    template = make_template(
        tmp_path / "ours.docx",
        "{%p for c in claims %}",
        "{{ c.hedding }} {{ c.heading }}",
        "{%p endfor %}",
        "{{ organisation.motto }}",
    )
    with pytest.raises(TemplateProblem) as raised:
        check_template(template)
    problems = raised.value.problems
    assert len(problems) == 2
    assert "'claims[].hedding'" in problems[0]
    assert "did you mean 'claims[].heading'" in problems[0]
    assert "'organisation.motto'" in problems[1]
    # A case with no claims never runs the loop: checking against it used to pass.
    case = example_case("full-disclosure")
    assert case.claims == []
    assert any("hedding" in p for p in missing_template_variables(template, case, PROFILE))


def test_schema_check_follows_set_with_and_nested_loops(tmp_path: Path) -> None:
    template = make_template(
        tmp_path / "ours.docx",
        "{% set first = claims[0] %}{{ first.heading }}",
        "{% for c in claims %}{% for f in c.factors %}{{ f.style }}"
        "{{ loop.index }}{% endfor %}{% endfor %}",
        "{% with o = organisation %}{{ o.name }}{% endwith %}",
        "{{ (items|first).text }} {{ items|length }} {{ our_ref|upper }}",
        "{% if nickname is defined %}{{ nickname }}{% endif %}{{ cost.lines[0].totl }}",
    )
    with pytest.raises(TemplateProblem) as raised:
        check_template(template)
    assert len(raised.value.problems) == 1
    assert "'cost.lines[].totl'" in raised.value.problems[0]


@pytest.mark.parametrize("kind", ["response", "pit_extension", "reasoning_record"])
def test_built_in_templates_pass_the_check(kind: str) -> None:
    from foi_core.letters import DEFAULT_TEMPLATES
    from foi_core.letters.paths import TEMPLATES_DIR

    check_template(TEMPLATES_DIR / DEFAULT_TEMPLATES[kind], kind=kind)


def test_the_check_fills_the_template_in_with_a_logo(tmp_path: Path) -> None:
    """The old upload check rendered with no logo, so '{% if logo %}' hid whatever followed."""
    template = make_template(tmp_path / "t.docx", "{% if logo %}{{ 1 / 0 }}{% endif %}")
    with pytest.raises(TemplateProblem, match="fails when filled in"):
        check_template(template)


# --- Good templates still work -------------------------------------------------------------------


def test_a_good_organisation_template_renders_with_its_logo(tmp_path: Path) -> None:
    template = make_template(
        tmp_path / "good.docx",
        "{%p if organisation.has_logo %}",
        "{{ logo }}",
        "{%p endif %}",
        "{{ organisation.name }} – {{ our_ref }}",
        "{%p for a in answers %}",
        "{{ a.label }}: {{ a.answer }}",
        "{%p endfor %}",
    )
    check_template(template)
    case = example_case("full-disclosure")
    rendered = render_letter(case, LOGO_PROFILE, template=template)
    texts = [text for _style, text in letter_paragraphs(rendered.data)]
    assert texts == [
        "",
        f"{LOGO_PROFILE.name} – {case.request.our_ref}",
        f"Question 1: {case.request.item(1).answer}",
        f"Question 2: {case.request.item(2).answer}",
    ]
    assert len(Document(io.BytesIO(rendered.data)).inline_shapes) == 1
    assert "FOI-LOGO" not in zip_text(rendered.data)


# --- The command line --------------------------------------------------------------------------


@pytest.mark.parametrize("jinja", ["{{ range(9999999) }}", "{% include '/etc/passwd' %}"])
def test_cli_prints_one_line_and_exits_2_for_a_hostile_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], jinja: str
) -> None:
    template = make_template(tmp_path / "hostile.docx", jinja)
    out = tmp_path / "letter.docx"
    case = str(EXAMPLES / "full-disclosure.json")
    code = cli.main(["render", case, "-o", str(out), "--template", str(template)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: The template 'hostile.docx' cannot be used")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()


# --- Properties ---------------------------------------------------------------------------------

PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=3), children, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None)
@given(value=PLAIN, odd=st.sampled_from([(1, 2), b"x", Markup("<b>"), object(), {1: "a"}]))
def test_plain_data_passes_and_anything_else_anywhere_is_refused(value: object, odd: object):
    ensure_plain(value)
    with pytest.raises(ValueError, match="not plain data"):
        ensure_plain({"outer": [value, {"deep": odd}]})


def _schema_paths(shape: Shape, prefix: tuple[tuple[str, bool], ...] = ()):
    """Every path in the schema as (field name, is a list) pairs."""
    if isinstance(shape, Fields):
        for name, child in shape.fields.items():
            here = (*prefix, (name, isinstance(child, ListOf)))
            yield here
            inner = child.item if isinstance(child, ListOf) else child
            yield from _schema_paths(inner, here)


def _jinja_for(path: tuple[tuple[str, bool], ...], last: str) -> str:
    """A template reaching ``path`` (its last name replaced by ``last``), looping over lists."""
    opened, expression = [], ""
    for index, (name, is_list) in enumerate(path):
        name = last if index == len(path) - 1 else name
        expression = f"{expression}.{name}" if expression else name
        if is_list and index < len(path) - 1:
            opened.append(f"{{% for v{index} in {expression} %}}")
            expression = f"v{index}"
    return "".join(opened) + f"{{{{ {expression} }}}}" + "{% endfor %}" * len(opened)


@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_every_path_the_schema_offers_passes_and_a_misspelt_one_is_named(data) -> None:
    kind = data.draw(st.sampled_from(sorted(CONTEXT_MODELS)))
    path = data.draw(st.sampled_from(list(_schema_paths(context_shape(kind)))))
    good = _jinja_for(path, path[-1][0])
    found = check_sources([Source("the letter body", good)], kind)
    assert (found.problems, found.unknown) == ([], []), good
    wrong = path[-1][0] + "zz"
    found = check_sources([Source("the letter body", _jinja_for(path, wrong))], kind)
    label = "".join(
        f"{'.' if i else ''}{name}{'[]' if is_list else ''}"
        for i, (name, is_list) in enumerate(path[:-1])
    )
    expected = f"{label}.{wrong}" if label else wrong
    assert len(found.unknown) == 1 and f"'{expected}'" in found.unknown[0], found.unknown
