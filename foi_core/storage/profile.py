"""The organisation profile: one row, read with defaults, saved with an audit event (a part of
``Store``, a mixin)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import ValidationError

from foi_core.models import OrganisationProfile, explain_errors

from .documents import describe_changes, diff_documents
from .errors import StorageError
from .tables import PROFILE_ROW_ID, ProfileRow, _utcnow

if TYPE_CHECKING:
    from .store import Store


class ProfileStore:
    """The Store's organisation profile (a mixin of ``Store``)."""

    def load_profile(self: Store) -> OrganisationProfile:
        """The saved organisation profile, or the defaults when none has been saved."""
        with self._reading() as session:
            row = session.get(ProfileRow, PROFILE_ROW_ID)
            if row is None:
                return OrganisationProfile()
            try:
                return OrganisationProfile.model_validate(row.document)
            except ValidationError as error:
                details = "; ".join(f"{p.field}: {p.message}" for p in explain_errors(error))
                raise StorageError(
                    f"The saved organisation profile cannot be read: {details}"
                ) from None

    def save_profile(self: Store, profile: OrganisationProfile, actor: str | None = None) -> None:
        """Save the organisation profile (with an audit event listing what changed)."""
        actor = self._actor(actor)
        document = profile.model_dump(mode="json")
        at = _utcnow()
        with self._writing() as session:
            row = session.get(ProfileRow, PROFILE_ROW_ID, with_for_update=True)
            before = (
                row.document if row is not None else OrganisationProfile().model_dump(mode="json")
            )
            if row is None:
                row = ProfileRow(id=PROFILE_ROW_ID)
                session.add(row)
            row.document = document
            row.updated_at = at
            row.updated_by = actor
            changes = diff_documents(before, document, model=OrganisationProfile)
            self._write_audit(
                session,
                case_id=None,
                at=at,
                actor=actor,
                action="profile_saved",
                summary=describe_changes(changes).replace("Changed", "Changed profile", 1),
                case_version=None,
                changes=changes,
            )
