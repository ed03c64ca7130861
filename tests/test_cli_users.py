"""``python -m foi_core users``: grant, revoke, list (its JSON shape exactly), and bad input ending
in one plain line with exit code 2."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from foi_core.cli import main
from foi_core.settings import get_settings
from foi_core.storage import Store
from tests.test_cli import assert_one_line_error, run_cli


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.delenv("FOI_ADMINS", raising=False)
    get_settings.cache_clear()
    yield f"sqlite:///{tmp_path / 'people.db'}"
    get_settings.cache_clear()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_grant_revoke_and_list_as_json(
    database: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = ("--database", database)
    assert _run(capsys, "users", "grant", "B.Approver@Force.Police.UK", "Approver", *db) == (
        0,
        "granted approver to b.approver@force.police.uk\n",
        "",
    )
    _run(capsys, "users", "grant", "b.approver@force.police.uk", "officer", "--name", "B A", *db)
    _run(capsys, "users", "grant", "a.officer@force.police.uk", "officer", *db)
    code, out, _ = _run(capsys, "users", "grant", "a.officer@force.police.uk", "officer", *db)
    assert code == 0 and "already holds officer" in out
    monkeypatch.setenv("FOI_ADMINS", "chief@force.police.uk")
    get_settings.cache_clear()
    code, out, err = _run(capsys, "users", "list", "--format", "json", *db)
    assert code == 0 and not err
    assert json.loads(out) == [
        {"email": "a.officer@force.police.uk", "name": "", "roles": ["officer"]},
        {"email": "b.approver@force.police.uk", "name": "B A", "roles": ["approver", "officer"]},
        {"email": "chief@force.police.uk", "name": "", "roles": ["admin"]},
    ]
    assert _run(capsys, "users", "revoke", "a.officer@force.police.uk", "officer", *db)[0] == 0
    code, out, _ = _run(capsys, "users", "list", *db)
    assert code == 0 and "a.officer@force.police.uk" in out and "no role" in out
    assert "(FOI_ADMINS)" in out
    events = Store(database).audit()
    assert [e.action for e in events].count("role_granted") == 3
    assert {e.actor for e in events} == {"cli"}


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("grant", "not-an-address", "officer"), "is not an e-mail address"),
        (("grant", "a@force.police.uk", "chief"), "is not a role"),
        (("revoke", "a@force.police.uk", "superuser"), "is not a role"),
        (("list", "--format", "xml"), "invalid choice"),
    ],
)
def test_bad_input_is_one_plain_line_and_exit_2(
    database: str, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], words: str
) -> None:
    code, out, err = _run(capsys, "users", *argv, "--database", database)
    assert code == 2 and not out
    assert len(err.strip().splitlines()) == 1 and words in err and err.startswith("error: ")


def test_revoking_the_last_admin_is_refused(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "users", "grant", "ada@force.police.uk", "admin", "--database", database)
    code, _, err = _run(
        capsys, "users", "revoke", "ada@force.police.uk", "admin", "--database", database
    )
    assert code == 2 and "last admin" in err and len(err.strip().splitlines()) == 1


def test_the_real_command_ends_a_bad_role_in_one_line(tmp_path: Path) -> None:
    result = run_cli("users", "grant", "a@force.police.uk", "chief", db=tmp_path / "foi.db")
    assert "the roles are officer, approver" in assert_one_line_error(result)
