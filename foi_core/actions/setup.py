"""Admin actions: saving the organisation profile and keeping an organisation's letter template.

Only admins may take them (``foi_core.people.can_manage``): each raises ``NotAllowed`` with the
reason for anyone else, whatever the page shows.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from foi_core.models import OrganisationProfile
from foi_core.people import Person, can_manage

if TYPE_CHECKING:
    from foi_core.storage import Store

UPLOADED = "uploaded"  # the folder under the templates folder that holds an organisation's own


def save_profile(store: Store, profile: OrganisationProfile, person: Person) -> None:
    """Save the organisation profile, recorded under the admin who saved it."""
    can_manage(person).enforce()
    store.save_profile(profile, actor=person.recorded_as)


def template_file_name(name: str) -> str:
    """A safe file name for an uploaded template (letters, digits, ``_.-``)."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", Path(name).name).strip("-.")


def keep_template(templates_dir: Path, name: str, content: bytes, person: Person) -> list[str]:
    """Check an uploaded template and, when it passes, keep it in ``templates_dir/uploaded``.

    Returns what is wrong with it in plain words ([] when it was kept)."""
    from foi_core import letters

    can_manage(person).enforce()
    safe_name = template_file_name(name)
    if not content.startswith(b"PK"):
        return ["That file is not a Word document (.docx). Save it as .docx and try again."]
    if not safe_name.lower().endswith(".docx"):
        return ["The file name must end in .docx."]
    with tempfile.TemporaryDirectory(prefix="foi-template-") as folder:
        trial = Path(folder) / safe_name
        trial.write_bytes(content)
        try:
            letters.check_template(trial)
        except letters.TemplateProblem as problem:
            return list(problem.problems)
    uploaded = Path(templates_dir) / UPLOADED
    uploaded.mkdir(parents=True, exist_ok=True)
    (uploaded / safe_name).write_bytes(content)
    return []
