"""Checking a .docx letter template against the letter data's schema, with no case needed.

Every Jinja part docxtpl fills in (body, headers, footers, footnotes, document properties) is
parsed, and its syntax tree walked: names, ``.attribute`` and ``[item]`` access, ``{% for %}``
loop variables, ``{% set %}``, ``{% with %}`` and macro arguments are followed through nested
models and list items (``foi_core.letters.schema``), so a misspelt ``c.harm.causal_chian`` inside
``{% for c in claims %}`` is found even when no case has a claim. ``{% include %}``,
``{% import %}`` and ``{% extends %}``, unknown filters and tests, and names starting with ``_``
are reported too. Paths are written as the data has them: ``claims[].harm.causal_chain``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from jinja2 import nodes
from jinja2.exceptions import TemplateSyntaxError

from .sandbox import LetterSandboxedEnvironment, letter_environment, open_template
from .schema import Fields, ListOf, Scalar, Shape, context_shape

T = TypeVar("T")
PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")


# --- The parts of a .docx that docxtpl fills in --------------------------------------------------


@dataclass(frozen=True)
class Source:
    where: str  # "the letter body", "a page header", "the document title", ...
    text: str  # Jinja source as docxtpl renders it (XML parts: one paragraph a line)

    def line(self, lineno: int | None) -> str:
        """The visible text of the paragraph on line ``lineno`` (shortened)."""
        lines = self.text.splitlines()
        if not lineno or not 0 < lineno <= len(lines):
            return ""
        return " ".join(re.sub(r"<[^>]+>", "", lines[lineno - 1]).split())[:120]

    def place(self, lineno: int | None) -> str:
        near = self.line(lineno)
        return f"in {self.where}, in the paragraph '{near}'" if near else f"in {self.where}"


def _paragraph_lines(xml: str) -> str:
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


def template_sources(data: bytes, name: str) -> list[Source]:
    """Every Jinja source docxtpl renders from the template (TemplateProblem if Word could not
    open the file)."""
    tpl = open_template(data, name)
    sources = [Source("the letter body", _paragraph_lines(tpl.patch_xml(tpl.get_xml())))]
    for uri, where in ((tpl.HEADER_URI, "a page header"), (tpl.FOOTER_URI, "a page footer")):
        for _key, part in tpl.get_headers_footers(uri):
            sources.append(Source(where, _paragraph_lines(tpl.patch_xml(tpl.get_part_xml(part)))))
    for part in tpl.docx.part.package.parts:
        if part.content_type.endswith("wordprocessingml.footnotes+xml"):
            xml = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
            sources.append(Source("the footnotes", _paragraph_lines(tpl.patch_xml(xml))))
    for prop in PROPERTIES:
        value = getattr(tpl.docx.core_properties, prop) or ""
        if "{" in value:
            sources.append(Source(f"the document's {prop} (File > Properties)", value))
    return sources


# --- The check ---------------------------------------------------------------------------------


@dataclass
class Findings:
    problems: list[str] = field(default_factory=list)  # mistakes that stop the template working
    unknown: list[str] = field(default_factory=list)  # names the letter data does not provide


def check_sources(sources: Sequence[Source], kind: str) -> Findings:
    """Syntax mistakes, forbidden tags and unknown names in the sources, in document order."""
    env = letter_environment()
    root = context_shape(kind)
    found = Findings()
    for source in sources:
        try:
            tree = env.parse(source.text)
        except TemplateSyntaxError as error:
            found.problems.append(
                f"a Jinja tag {source.place(error.lineno)} has a mistake: {error.message}"
            )
            continue
        except RecursionError:
            found.problems.append(f"the Jinja tags {source.place(None)} are nested too deeply")
            continue
        walker = _Walker(env, root, source, found)
        try:
            walker.statements(tree.body)
        except RecursionError:
            found.problems.append(f"the Jinja tags {source.place(None)} are nested too deeply")
    return found


Typed = tuple[Shape, str | None]  # a value's shape, and its path in the data ('claims[].harm')
UNKNOWN: Typed = (None, None)
_FORBIDDEN = {
    nodes.Include: "includes another file ({% include %})",
    nodes.Import: "imports another file ({% import %})",
    nodes.FromImport: "imports from another file ({% from ... import %})",
    nodes.Extends: "extends another file ({% extends %})",
}
NOT_AVAILABLE = ", which is not available"
_KEEPS_LIST = {"sort", "reverse", "list", "unique", "select", "reject", "selectattr", "rejectattr"}
_TAKES_ITEM = {"first", "last", "random", "min", "max"}
_GIVES = {
    **dict.fromkeys(("length", "count", "wordcount", "int"), Scalar(int)),
    **dict.fromkeys(
        (
            "string", "join", "upper", "lower", "title", "capitalize", "trim", "replace", "e",
            "escape", "striptags", "truncate", "wordwrap", "indent", "center", "format",
            "forceescape",
        ),
        Scalar(str),
    ),
    "float": Scalar(float),
}  # fmt: skip
_METHODS: dict[type, set[str]] = {
    kind: {name for name in dir(kind) if not name.startswith("_")}
    for kind in (str, int, float, bool, list, dict)
}


class _Walker:
    """Walks one source's syntax tree, following each value's shape through the schema."""

    def __init__(
        self, env: LetterSandboxedEnvironment, root: Fields, source: Source, found: Findings
    ):
        self.env, self.root, self.source, self.found = env, root, source, found
        self.scopes: list[dict[str, Typed]] = [{}]
        self.lenient = 0  # inside '|default' or 'is defined': a missing name is allowed
        self.reported: set[str] = set()
        self.guarded: set[str] = set()  # paths tested with 'is defined' around this point
        self.captured: list[str] | None = None  # collects the paths such a test names

    # -- reporting

    def _unknown(
        self, path: str, lineno: int | None, choices: Sequence[str] = (), hint: str = ""
    ) -> None:
        if self.lenient and self.captured is not None:
            self.captured.append(path)
        if self.lenient or path in self.reported or path in self.guarded:
            return
        self.reported.add(path)
        head, _, last = path.rpartition(".")
        if last.startswith("_"):
            self.found.problems.append(
                f"the template uses '{path}' {self.source.place(lineno)}: names starting with _ "
                "are never available to templates"
            )
            return
        close = difflib.get_close_matches(last, list(choices), n=1)
        if close:
            hint = f"did you mean '{head + '.' if head else ''}{close[0]}'?"
        hint = f"; {hint}" if hint else ""
        self.found.unknown.append(
            f"the template uses '{path}' {self.source.place(lineno)}, which the letter data "
            f"does not provide{hint}"
        )

    def _problem(self, text: str, lineno: int | None, tail: str) -> None:
        message = f"the template {text} {self.source.place(lineno)}{tail}"
        if message not in self.found.problems:
            self.found.problems.append(message)

    # -- scopes

    def _lookup(self, name: str, lineno: int | None) -> Typed:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        if name in self.root.fields:
            return self.root.fields[name], name
        if name in self.env.globals:
            return UNKNOWN
        self._unknown(name, lineno, [*self.root.fields, *self.env.globals])
        return UNKNOWN

    def _bind(self, target: nodes.Node, typed: Typed) -> None:
        if isinstance(target, nodes.Name):
            self.scopes[-1][target.name] = typed
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self._bind(item, UNKNOWN)

    def _scoped(self, body: Sequence[nodes.Node], names: dict[str, Typed]) -> None:
        self.scopes.append(dict(names))
        try:
            self.statements(body)
        finally:
            self.scopes.pop()

    # -- statements

    def statements(self, body: Sequence[nodes.Node]) -> None:
        for node in body:
            self.statement(node)

    def statement(self, node: nodes.Node) -> None:
        forbidden = next((text for kind, text in _FORBIDDEN.items() if isinstance(node, kind)), "")
        if forbidden:
            tail = ", which is not allowed: keep the whole letter in one document"
            self._problem(forbidden, node.lineno, tail)
        elif isinstance(node, nodes.For):
            self._for(node)
        elif isinstance(node, nodes.Assign):
            self._bind(node.target, self.expr(node.node))
        elif isinstance(node, nodes.AssignBlock):
            if node.filter is not None:
                self.expr(node.filter)
            self.statements(node.body)
            self._bind(node.target, (Scalar(str), None))
        elif isinstance(node, nodes.With):
            names: dict[str, Typed] = {}
            for target, value in zip(node.targets, node.values, strict=False):
                typed = self.expr(value)
                if isinstance(target, nodes.Name):
                    names[target.name] = typed
            self._scoped(node.body, names)
        elif isinstance(node, nodes.Macro | nodes.CallBlock):
            self._macro(node)
        elif isinstance(node, nodes.If):
            self._guarded(node.test, lambda: self.statements(node.body))
            for branch in node.elif_:
                self.statement(branch)
            self.statements(node.else_)
        else:  # Output, FilterBlock, Block, Scope, autoescape blocks ...
            for child in node.iter_child_nodes():
                if isinstance(child, nodes.Expr):
                    self.expr(child)
                else:
                    self.statement(child)

    def _guarded(self, test: nodes.Expr, then: Callable[[], T]) -> T:
        """Walk ``test``, then ``then`` with the paths that ``test`` proves defined allowed."""
        parts, tests = [test], []
        while parts:
            part = parts.pop()
            if isinstance(part, nodes.And):
                parts += [part.left, part.right]
            else:
                tests.append(part)
        proves = all(isinstance(t, nodes.Test) and t.name == "defined" for t in tests)
        self.captured = [] if proves else None
        try:
            self.expr(test)
            proved = set(self.captured or ())
        finally:
            self.captured = None
        saved = self.guarded
        self.guarded = saved | proved
        try:
            return then()
        finally:
            self.guarded = saved

    def _for(self, node: nodes.For) -> None:
        shape, path = self.expr(node.iter)
        if isinstance(shape, ListOf):
            item: Typed = (shape.item, f"{path}[]" if path else None)
        elif isinstance(shape, Fields):
            item = (Scalar(str), None)  # looping over a mapping gives its keys
        else:
            item = UNKNOWN
        self.scopes.append({"loop": UNKNOWN})
        try:
            self._bind(node.target, item)
            if node.test is not None:
                self.expr(node.test)
            self.statements(node.body)
        finally:
            self.scopes.pop()
        self._scoped(node.else_, {})

    def _macro(self, node: nodes.Macro | nodes.CallBlock) -> None:
        if isinstance(node, nodes.CallBlock):
            self.expr(node.call)
        for default in node.defaults:
            self.expr(default)
        names = {arg.name: UNKNOWN for arg in node.args}
        names.update(dict.fromkeys(("varargs", "kwargs", "caller"), UNKNOWN))
        if isinstance(node, nodes.Macro):
            self.scopes[-1][node.name] = UNKNOWN
        self._scoped(node.body, names)

    # -- expressions

    def expr(self, node: nodes.Node) -> Typed:
        if isinstance(node, nodes.Name):
            return self._lookup(node.name, node.lineno)
        if isinstance(node, nodes.Const):
            value = node.value
            return (Scalar(type(value)), None) if isinstance(value, str | int | float) else UNKNOWN
        if isinstance(node, nodes.Getattr):
            return self._attribute(self.expr(node.node), node.attr, node.lineno)
        if isinstance(node, nodes.Getitem):
            return self._item(node)
        if isinstance(node, nodes.Filter):
            return self._filter(node)
        if isinstance(node, nodes.Test):
            return self._test(node)
        if isinstance(node, nodes.Call):
            return self._call(node)
        if isinstance(node, nodes.CondExpr):
            first = self._guarded(node.test, lambda: self.expr(node.expr1))
            second = self.expr(node.expr2) if node.expr2 is not None else UNKNOWN
            return first if first == second else UNKNOWN
        for child in node.iter_child_nodes():
            self.expr(child)
        if isinstance(node, nodes.Concat):
            return Scalar(str), None
        if isinstance(node, nodes.Compare | nodes.Not):
            return Scalar(bool), None
        return UNKNOWN

    def _attribute(self, base: Typed, name: str, lineno: int | None) -> Typed:
        shape, path = base
        label = f"{path}.{name}" if path else name
        if isinstance(shape, Fields):
            if name in shape.fields:
                return shape.fields[name], label
            if name in _METHODS[dict]:
                return UNKNOWN
            self._unknown(label, lineno, list(shape.fields))
            return UNKNOWN
        if name.startswith("_"):
            self._unknown(label, lineno)
        elif isinstance(shape, ListOf) and path is not None and name not in _METHODS[list]:
            self._unknown(label, lineno, hint=f"'{path}' is a list: go through it with a loop")
        elif (
            isinstance(shape, Scalar)
            and path is not None
            and name not in _METHODS.get(shape.kind, set())
        ):
            self._unknown(label, lineno)
        return UNKNOWN

    def _item(self, node: nodes.Getitem) -> Typed:
        base = self.expr(node.node)
        key = node.arg
        if isinstance(key, nodes.Const) and isinstance(key.value, str):
            return self._attribute(base, key.value, node.lineno)
        self.expr(key)
        shape, path = base
        if isinstance(key, nodes.Slice):
            return base if isinstance(shape, ListOf) else UNKNOWN
        if isinstance(shape, ListOf):
            return shape.item, f"{path}[]" if path else None
        return UNKNOWN

    def _arguments(self, node: nodes.Filter | nodes.Test | nodes.Call) -> None:
        for arg in node.args:
            self.expr(arg)
        for keyword in node.kwargs:
            self.expr(keyword.value)
        for extra in (node.dyn_args, node.dyn_kwargs):
            if extra is not None:
                self.expr(extra)

    def _filter(self, node: nodes.Filter) -> Typed:
        lenient = node.name in ("default", "d")
        self.lenient += lenient
        try:
            base = self.expr(node.node) if node.node is not None else UNKNOWN
        finally:
            self.lenient -= lenient
        self._arguments(node)
        if node.name not in self.env.filters:
            self._problem(f"uses the filter '|{node.name}'", node.lineno, NOT_AVAILABLE)
            return UNKNOWN
        shape, path = base
        if lenient:
            return base
        if node.name in _KEEPS_LIST:
            return base if isinstance(shape, ListOf) else UNKNOWN
        if node.name in _TAKES_ITEM and isinstance(shape, ListOf):
            return shape.item, f"{path}[]" if path else None
        return _GIVES.get(node.name), None

    def _test(self, node: nodes.Test) -> Typed:
        lenient = node.name in ("defined", "undefined")
        self.lenient += lenient
        try:
            self.expr(node.node)
        finally:
            self.lenient -= lenient
        self._arguments(node)
        if node.name not in self.env.tests:
            self._problem(f"uses the test 'is {node.name}'", node.lineno, NOT_AVAILABLE)
        return Scalar(bool), None

    def _call(self, node: nodes.Call) -> Typed:
        callee = node.node
        self._arguments(node)
        if (
            isinstance(callee, nodes.Name)
            and callee.name == "range"
            and not any(callee.name in scope for scope in self.scopes)
        ):
            return ListOf(Scalar(int)), None
        self.expr(callee)
        return UNKNOWN
