"""Settings: the organisation profile used in letters, and the letter templates."""

import base64
from pathlib import Path

import streamlit as st
from pydantic import ValidationError

from foi_core.actions.setup import UPLOADED, keep_template, save_profile, template_file_name
from foi_core.models import OrganisationProfile
from foi_core.settings import get_settings
from ui import FieldProblems, field_key, flash, get_store, md_escape, show_flash
from ui.people import require_admin

admin = require_admin()
st.title("Settings")
show_flash()
store = get_store()
profile = store.load_profile()
ss = st.session_state

# --- Organisation profile --------------------------------------------------------------------

st.subheader("Organisation profile", anchor=False)
st.caption(
    "This text goes into every letter. It belongs to your organisation, so change it here "
    "rather than in the templates."
)

TEXT_FIELDS = {
    "name": ("Organisation name", False),
    "unit": ("Unit or team", False),
    "address": ("Postal address", True),
    "email": ("Email", False),
    "phone": ("Telephone", False),
    "website": ("Website", False),
    "signatory_name": ("Name of the person who signs letters", False),
    "signatory_role": ("Their role", False),
    "review_procedure": ("How to ask for an internal review", True),
    "ico_details": ("How to complain to the Information Commissioner", True),
    "copyright_notice": ("Copyright and re-use notice", True),
}
# Any further text field added to the profile later is shown too, labelled from its name.
for name, info in OrganisationProfile.model_fields.items():
    if name not in TEXT_FIELDS and info.annotation is str and name != "logo_png_base64":
        TEXT_FIELDS[name] = (name.replace("_", " ").capitalize(), False)

problems = FieldProblems()
with st.form("profile", enter_to_submit=False):
    short = [name for name, (_, long) in TEXT_FIELDS.items() if not long]
    columns = st.columns(2)
    for index, name in enumerate(short):
        with columns[index % 2]:
            st.text_input(
                TEXT_FIELDS[name][0], value=getattr(profile, name), key=field_key(f"profile.{name}")
            )
            problems.slot(name)
    for name, (label, long) in TEXT_FIELDS.items():
        if long:
            st.text_area(label, value=getattr(profile, name), key=field_key(f"profile.{name}"))
            problems.slot(name)
    st.checkbox(
        "We are a government department (this changes how some exemptions, such as s35, apply)",
        value=profile.is_government_department,
        key=field_key("profile.is_government_department"),
    )
    st.file_uploader(
        "Logo for the letterhead (PNG, optional)", type=["png"], key="settings.logo_upload"
    )
    problems.slot("logo_png_base64")
    remove_logo = st.checkbox(
        "Remove the current logo",
        key=field_key("profile.remove_logo"),
        disabled=not profile.logo_png_base64,
    )
    save = st.form_submit_button("Save the profile", type="primary")

if profile.logo_png_base64:
    st.image(base64.b64decode(profile.logo_png_base64), caption="Current logo", width=160)

if save:
    data = profile.model_dump()
    for name in TEXT_FIELDS:
        data[name] = ss[field_key(f"profile.{name}")]
    data["is_government_department"] = ss[field_key("profile.is_government_department")]
    upload = ss.get("settings.logo_upload")
    if upload is not None:
        content = upload.getvalue()
        if not content.startswith(b"\x89PNG\r\n\x1a\n"):
            problems.add("logo_png_base64", "That file is not a PNG image.")
        else:
            data["logo_png_base64"] = base64.b64encode(content).decode("ascii")
    elif ss[field_key("profile.remove_logo")]:
        data["logo_png_base64"] = ""
    if not data["name"].strip():
        problems.add("name", "Letters need the organisation's name.")
    if not problems:
        try:
            new_profile = OrganisationProfile.model_validate(data)
        except ValidationError as error:
            problems.show_error(error)
        else:
            save_profile(store, new_profile, admin)
            for key in [k for k in ss if str(k).startswith(field_key("profile."))]:
                del ss[key]
            flash("Organisation profile saved.")
            st.rerun()

# --- Templates --------------------------------------------------------------------------------

st.subheader("Letter templates", anchor=False)
templates_dir = Path(get_settings().templates_dir)
uploaded_dir = templates_dir / UPLOADED
templates = sorted(templates_dir.glob("*.docx")) + sorted(uploaded_dir.glob("*.docx"))
if templates:
    for path in templates:
        where = "your organisation's" if path.parent == uploaded_dir else "built in"
        st.markdown(f"- {md_escape(path.name)} ({where})")
else:
    st.caption("No templates found yet.")

st.markdown("**Use your own template**")
st.caption(
    "Start from a built-in template, change the wording and layout in Word, keep the "
    "{{ placeholders }}, and upload it here. Before it is kept, every placeholder and loop is "
    "checked against the data a letter provides, and it is filled in once with sample data; "
    "no case is needed."
)
template_upload = st.file_uploader("Template (.docx)", type=["docx"], key="settings.template")


if template_upload is not None and st.button("Check and keep this template", key="settings.keep"):
    problems = keep_template(templates_dir, template_upload.name, template_upload.getvalue(), admin)
    if problems:
        st.error(
            "**The template was not kept.**\n\n"
            + "\n".join(f"- {md_escape(problem)}" for problem in problems)
            + "\n\nOpen it in Word, fix it (compare its placeholders with a built-in "
            "template), save it as .docx and upload it again.",
            icon=":material/error:",
        )
    else:
        flash(f"Template {template_file_name(template_upload.name)} kept.")
        st.rerun()
