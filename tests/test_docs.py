"""The documentation cannot drift from the code.

* docs/cli.md documents every command of ``python -m foi_core`` with every option (and every
  choice an option offers), and its examples and the README's command lines parse.
* docs/architecture.md: every path in its module map exists; every top-level module or package of
  foi_core/ and ui/ and every page is in the map; every signature, import and name in the
  Contracts section's ``python`` blocks exists, with the parameter names the code has.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import inspect
import re
import shlex
import typing
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from foi_core.cli import CliError, build_parser

ROOT = Path(__file__).resolve().parent.parent
CLI_DOC = ROOT / "docs" / "cli.md"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
README = ROOT / "README.md"


# --- docs/cli.md ---------------------------------------------------------------------------------


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (subparsers,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(subparsers.choices)


def _documented_words(action: argparse.Action) -> list[str]:
    """What the page must show for one argument: its option strings or its placeholder, and every
    choice it offers."""
    if action.option_strings:
        words = list(action.option_strings)
    else:
        words = [str(action.metavar or action.dest)]
    return words + [str(choice) for choice in action.choices or ()]


def _sections(text: str) -> dict[str, str]:
    """The ``## `name` `` sections of a Markdown page, by name."""
    parts = re.split(r"^## `([^`]+)`\s*$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _parse(argv: list[str]) -> argparse.Namespace:
    try:
        return build_parser().parse_args(argv)
    except CliError as error:
        raise AssertionError(f"{shlex.join(argv)!r} does not parse: {error}") from None


def _console_commands(section: str) -> list[list[str]]:
    """The ``$ python -m foi_core ...`` lines of a page section, as argument lists."""
    commands = []
    for line in section.splitlines():
        if line.startswith("$ python -m foi_core "):
            words = shlex.split(line.removeprefix("$ python -m foi_core "), comments=True)
            commands.append(words[: words.index(">")] if ">" in words else words)
    return commands


COMMANDS = sorted(_subcommands())


def test_the_cli_page_has_one_section_per_command() -> None:
    assert sorted(_sections(CLI_DOC.read_text(encoding="utf-8"))) == COMMANDS


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_of_a_command_is_documented(name: str) -> None:
    section = _sections(CLI_DOC.read_text(encoding="utf-8")).get(name)
    assert section is not None, f"docs/cli.md has no section '## `{name}`'"
    actions = [a for a in _subcommands()[name]._actions if not isinstance(a, argparse._HelpAction)]
    missing = [
        word for action in actions for word in _documented_words(action) if word not in section
    ]
    assert not missing, f"docs/cli.md, section {name}, does not mention {missing}"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_an_example_that_parses(name: str) -> None:
    section = _sections(CLI_DOC.read_text(encoding="utf-8"))[name]
    examples = _console_commands(section)
    assert examples, f"docs/cli.md, section {name}, has no '$ python -m foi_core {name}' example"
    for argv in examples:
        assert _parse(argv).command == name


def _readme_commands() -> list[list[str]]:
    """The README's command lines, each twice: without its optional [parts] and with all."""
    commands = []
    for line in README.read_text(encoding="utf-8").splitlines():
        _, found, rest = line.partition(".venv/bin/python -m foi_core ")
        if not found or not line.startswith(".venv/"):
            continue
        rest = rest.split("#")[0]
        commands.append(shlex.split(re.sub(r"\[[^\]]*\]", "", rest)))
        commands.append(shlex.split(rest.replace("[", "").replace("]", "")))
    return commands


def test_the_readme_command_lines_parse() -> None:
    commands = _readme_commands()
    assert {argv[0] for argv in commands} == set(COMMANDS), "the README shows every command"
    for argv in commands:
        _parse(argv)


# --- docs/architecture.md: the module map -------------------------------------------------------


def _module_map() -> list[str]:
    """The paths in the architecture's module map (the first code block), folders ending in /."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    block = re.search(r"^```\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    assert block, "docs/architecture.md has no module map (a plain ``` block)"
    paths: list[str] = []
    parents: list[tuple[int, str]] = []  # (indent, folder) of the folders the line is in
    for line in block.group(1).splitlines():
        indent = len(line) - len(line.lstrip())
        if not line.strip() or indent >= 16:  # a description carried over to the next line
            continue
        names = re.split(r"\s{2,}", line.strip())[0]
        while parents and parents[-1][0] >= indent:
            parents.pop()
        prefix = parents[-1][1] if parents else ""
        for name in names.split(", "):
            paths.append(prefix + name)
        if names.endswith("/"):
            parents.append((indent, prefix + names))
    return paths


MAP = _module_map()


@pytest.mark.parametrize("path", MAP)
def test_every_path_in_the_module_map_exists(path: str) -> None:
    assert (ROOT / path).exists(), f"docs/architecture.md maps {path}, which does not exist"


def _parts_to_map() -> list[str]:
    parts = []
    for package in ("foi_core", "ui"):
        for child in sorted((ROOT / package).iterdir()):
            if child.suffix == ".py" and child.name != "__init__.py":
                parts.append(f"{package}/{child.name}")
            elif (child / "__init__.py").exists():
                parts.append(f"{package}/{child.name}/")
    parts += [f"pages/{page.name}" for page in sorted((ROOT / "pages").glob("*.py"))]
    return parts


@pytest.mark.parametrize("path", _parts_to_map())
def test_every_module_and_page_is_in_the_module_map(path: str) -> None:
    assert path in MAP, f"docs/architecture.md's module map does not name {path}"


def test_every_page_in_the_menu_has_a_file_and_every_page_file_is_in_the_menu() -> None:
    from ui.nav import PAGES

    files = {page.file for page in PAGES}
    assert files == {f"pages/{page.name}" for page in (ROOT / "pages").glob("*.py")}


# --- docs/architecture.md: the contracts ---------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One statement of a ``python`` block in the Contracts section."""

    heading: str  # the ### heading it is under, e.g. "foi_core.merge and foi_core.history"
    text: str


def _contract_lines() -> list[Line]:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    contracts = re.search(r"^## Contracts.*?$(.*?)(?=^## )", text, flags=re.MULTILINE | re.DOTALL)
    assert contracts, "docs/architecture.md has no '## Contracts' section"
    lines = []
    for heading, body in re.findall(
        r"^### (.*?)$(.*?)(?=^### |\Z)", contracts.group(1), flags=re.MULTILINE | re.DOTALL
    ):
        for block in re.findall(r"^```python\n(.*?)^```", body, flags=re.MULTILINE | re.DOTALL):
            for raw in block.splitlines():
                code = raw.split("  #")[0].split(" # ")[0].strip()
                for statement in re.split(r"; | / ", code):
                    if statement:
                        lines.append(Line(heading.strip(), statement))
    return lines


_IMPORT = re.compile(r"^from ([\w.]+) import (.+)$")
_CALL = re.compile(r"^(?:(\w+) = )?([\w.]+)\((.*)\)(?:\s*->\s*(.+))?$")
_ATTRIBUTE = re.compile(r"^([\w.]+): \S")
_BARE = re.compile(r"^(\w+)\.(\w+)$")


def _heading_modules(heading: str) -> list[ModuleType]:
    return [importlib.import_module(name) for name in re.findall(r"foi_core[\w.]*", heading)]


class Scope:
    """Resolves the names a contract block uses: its modules, its imports and its variables."""

    def __init__(self, heading: str) -> None:
        self.modules = _heading_modules(heading)
        self.names: dict[str, object] = {}

    def lookup(self, dotted: str) -> object:
        first, *rest = dotted.split(".")
        found = self._first(first)
        for part in rest:
            found = _attribute(found, part)
        return found

    def _first(self, name: str) -> object:
        if name in self.names:
            return self.names[name]
        for module in self.modules:
            if hasattr(module, name):
                return getattr(module, name)
            if module.__name__.rsplit(".", 1)[-1] == name:
                return module
        try:
            return importlib.import_module(f"foi_core.{name}")  # e.g. history.restore(...)
        except ImportError:
            pass
        raise AssertionError(f"'{name}' is not in {[m.__name__ for m in self.modules]}")


def _attribute(owner: object, name: str) -> object:
    if hasattr(owner, name):
        return getattr(owner, name)
    if isinstance(owner, type):
        fields = set(getattr(owner, "model_fields", {}))
        if dataclasses.is_dataclass(owner):
            fields |= {field.name for field in dataclasses.fields(owner)}
        hints = _hints(owner)
        if name in fields or name in hints:
            return hints.get(name, object)
    raise AssertionError(f"{getattr(owner, '__name__', owner)} has no '{name}'")


def _hints(owner: object) -> dict[str, object]:
    try:
        return typing.get_type_hints(owner)
    except (NameError, TypeError):  # an annotation only a type checker can resolve
        return {}


def _returned_class(function: object, documented: str | None, scope: Scope) -> object:
    """The class a constructor or function returns, for `x = f(...)` lines: as annotated, else
    as documented (`-> MergedSave`)."""
    if isinstance(function, type):
        return function
    returned = _hints(function).get("return")
    if not isinstance(returned, type) and documented and documented.isidentifier():
        returned = scope.lookup(documented)
    return returned if isinstance(returned, type) else None


def _split_arguments(text: str) -> list[str]:
    """Top-level comma-separated parts (brackets and quotes respected)."""
    parts, depth, current, quote = [], 0, "", ""
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
            continue
        current += char
    return [p for p in [*parts, current.strip()] if p]


def _documented_parameters(arguments: str) -> list[str | None]:
    """Parameter names as documented; None where the documentation shows a value, not a name."""
    names: list[str | None] = []
    for part in _split_arguments(arguments):
        if part == "*":
            continue
        match = re.match(r"^(\*{0,2}\w+)\s*(?::.*|=.*)?$", part)
        names.append(match.group(1) if match else None)
    return names


def _real_parameters(function: object) -> list[str]:
    signature = inspect.signature(function)
    names = []
    for parameter in signature.parameters.values():
        if parameter.kind is parameter.VAR_POSITIONAL:
            names.append(f"*{parameter.name}")
        elif parameter.kind is parameter.VAR_KEYWORD:
            names.append(f"**{parameter.name}")
        elif parameter.name not in ("self", "cls"):
            names.append(parameter.name)
    return names


def _check_block(lines: list[Line]) -> list[tuple[Line, str | None]]:
    """Each line with the problem found in it (None when it matches the code). A block is
    walked in order, so variables (``store = Store(...)``) are known to later lines."""
    results = []
    scopes: dict[str, Scope] = {}
    for line in lines:
        try:
            if line.heading not in scopes:
                scopes[line.heading] = Scope(line.heading)
            _check_line(line.text, scopes[line.heading])
        except Exception as problem:
            results.append((line, f"{type(problem).__name__}: {problem}"))
        else:
            results.append((line, None))
    return results


def _check_line(text: str, scope: Scope) -> None:
    if match := _IMPORT.match(text):
        module = importlib.import_module(match.group(1))
        for name in match.group(2).split(","):
            scope.names[name.strip()] = _attribute(module, name.strip())
        return
    if match := _CALL.match(text):
        variable, dotted, arguments, returns = match.groups()
        function = scope.lookup(dotted)
        if variable:  # known to later lines even when this one is wrong
            scope.names[variable] = _returned_class(function, returns, scope)
        documented = _documented_parameters(arguments)
        real = _real_parameters(function)
        same = len(documented) == len(real) and all(
            doc is None or doc == name for doc, name in zip(documented, real, strict=True)
        )
        assert same, f"{dotted} takes ({', '.join(real)}), the documentation says ({arguments})"
        return
    if match := _ATTRIBUTE.match(text):
        owner = scope.lookup(match.group(1))
        if isinstance(owner, type):  # "Finding: rule_id, severity (...), message": its fields
            for part in _split_arguments(text.split(": ", 1)[1]):
                if field := re.match(r"^(\w+)(?: \(.*\))?$", part):
                    _attribute(owner, field.group(1))
    elif match := _BARE.match(text):
        scope.lookup(text)


CONTRACT_LINES = _contract_lines()
CHECKED = [
    pytest.param(line, problem, id=f"{line.heading.split()[0]}: {line.text[:60]}")
    for line, problem in _check_block(CONTRACT_LINES)
]


def test_the_contracts_section_is_read() -> None:
    texts = [line.text for line in CONTRACT_LINES]
    assert any(t.startswith("render_letter(") for t in texts)
    assert any(t.startswith("from foi_core.knowledge import") for t in texts)
    assert len(CHECKED) > 40


@pytest.mark.parametrize(("line", "problem"), CHECKED)
def test_the_contracts_name_what_exists(line: Line, problem: str | None) -> None:
    assert problem is None, f"docs/architecture.md ({line.heading}): {line.text}\n{problem}"


def test_the_step_keys_are_the_engines() -> None:
    from foi_core.steps import STEP_KEYS

    text = ARCHITECTURE.read_text(encoding="utf-8")
    section = re.search(r"^### Step keys\n(.*?)\n", text, flags=re.MULTILINE)
    assert section, "docs/architecture.md has no '### Step keys' section"
    assert tuple(re.findall(r"`(\w+)`", section.group(1))) == STEP_KEYS
