"""Configuration from the environment (prefix ``FOI_``), e.g. ``FOI_DATABASE_URL``.

Values come from environment variables, then from a ``.env`` file at the repository root, then
from the defaults below. ``get_settings()`` reads them once per process.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_PATH = REPO_ROOT / "data" / "foi.db"


def default_database_url() -> str:
    """An SQLite file under ``data/`` at the repository root (the folder is made when needed)."""
    return f"sqlite:///{DEFAULT_DATABASE_PATH}"


def is_embedded_database(url: str) -> bool:
    """True when ``url`` is the embedded default store (``data/foi.db``), however it is written.

    Only this database may have its folder made, and only it gets the demo cases by default.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return False
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return False
    if parsed.database == ":memory:" or parsed.database.startswith("file:"):
        return False
    return Path(parsed.database).expanduser().resolve() == DEFAULT_DATABASE_PATH.resolve()


class Settings(BaseSettings):
    """Settings for the engine and the app; every field can be set as ``FOI_<NAME>``."""

    model_config = SettingsConfigDict(
        env_prefix="FOI_",
        env_file=REPO_ROOT / ".env",
        env_file_encoding="utf-8",
        extra="ignore",
    )

    database_url: str = Field(
        default_factory=default_database_url,
        description="Any SQLAlchemy URL; PostgreSQL as postgresql+psycopg://user:pw@host/db.",
    )
    load_demo_cases: bool | None = Field(
        default=None,
        description=(
            "Load examples/*.json as demo cases when the store is empty: by default (unset) only "
            "on the embedded default database, never on one FOI_DATABASE_URL names; true loads "
            "them on any empty database (e.g. for a demonstration), false never."
        ),
    )
    actor: str = Field(
        default="officer",
        description=(
            "With sign-in off: the local user's name, recorded in the history and audit log "
            "(with sign-in on, each person's name and e-mail address are recorded instead)."
        ),
    )
    admins: str = Field(
        default="",
        description=(
            "E-mail addresses (comma-separated) of the first admins: they hold the admin role "
            "whenever they sign in, and grant everyone else's roles on the People page."
        ),
    )
    require_approval: bool | None = Field(
        default=None,
        description=(
            "Whether a response must be approved by a second person before its letter is "
            "issued: by default (unset) yes with sign-in on and no with sign-in off."
        ),
    )
    roles_from_identity_provider: bool = Field(
        default=False,
        description=(
            "Also grant the roles the identity provider sends in the ID token's 'roles' claim "
            "(e.g. Microsoft Entra ID app roles named officer, approver, reviewer, trainer, "
            "trainee, admin), on top of those granted on the People page."
        ),
    )
    templates_dir: Path = Field(default=REPO_ROOT / "templates")
    examples_dir: Path = Field(default=REPO_ROOT / "examples")
    template_time_limit: float = Field(
        default=10.0, gt=0, description="Seconds an organisation's letter template may run."
    )
    template_memory_limit_mb: int = Field(
        default=1024, ge=128, description="Memory (MB) for filling in an organisation's template."
    )
    knowledge_overlay_dir: Path | None = Field(
        default=None,
        description=(
            "A folder of the organisation's own wording merged over the built-in legal knowledge "
            "(same layout: exemptions/*.yaml, factors.yaml, guidance.yaml, rules.yaml); unset "
            "uses the built-in knowledge only."
        ),
    )

    @field_validator("knowledge_overlay_dir", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    def admin_emails(self) -> frozenset[str]:
        """The first admins' addresses, lower-cased (``admins``)."""
        return frozenset(
            part.strip().lower()
            for part in self.admins.replace(";", ",").split(",")
            if part.strip()
        )

    def wants_demo_cases(self) -> bool:
        """Whether an empty store gets the demo cases (see ``load_demo_cases``)."""
        if self.load_demo_cases is None:
            return is_embedded_database(self.database_url)
        return self.load_demo_cases


class SettingsError(ValueError):
    """A setting in the environment or .env cannot be used; the message names it."""


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings for this process (call ``get_settings.cache_clear()`` to re-read them).

    Raises SettingsError naming each bad ``FOI_`` variable, its value and what it should be.
    """
    try:
        return Settings()
    except ValidationError as error:
        problems = [
            f"FOI_{str(problem['loc'][0]).upper()} is {problem.get('input')!r}: "
            f"{problem['msg'][:1].lower()}{problem['msg'][1:]}"
            for problem in error.errors(include_url=False)
        ]
        raise SettingsError(
            f"A setting cannot be used: {'; '.join(problems)}. Correct it in the environment or "
            "in the .env file."
        ) from None
