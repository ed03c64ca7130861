"""People: who uses the tool and the roles they hold; admins grant and take away roles."""

import streamlit as st

from foi_core.people import ROLE_LABELS, NotAllowed, PeopleError, Role
from foi_core.people.directory import directory, grant_roles, revoke_roles
from foi_core.plain import join_words, plain_time
from foi_core.settings import get_settings
from ui import FieldProblems, flash, get_store, md_escape, show_flash
from ui.people import require_admin

admin = require_admin()
st.title("People")
show_flash()
store = get_store()
ss = st.session_state

with st.expander("The roles, and the two-person rules", icon=":material/info:"):
    st.markdown(
        "A person may hold several roles. Each role lets them:\n\n"
        + "\n".join(f"- **{ROLE_LABELS[role]}**" for role in Role)
        + "\n\n**Two-person rules.** Nobody approves a response they drafted or edited: an "
        "approver signs off someone else's work. An internal review is carried out by a "
        "reviewer who neither drafted, edited nor approved the original response. Trainees "
        "see training scenarios only, never live cases. Only admins change the settings, the "
        "letter templates and people's roles.\n\n"
        "The addresses in the FOI_ADMINS setting are admins whenever they sign in; that role "
        "cannot be taken away here. Everyone who signs in is listed, with no role until an "
        "admin grants one."
    )

# --- Who is here ----------------------------------------------------------------------------------

people = directory(store)
if people:
    st.dataframe(
        [
            {
                "E-mail address": record.email,
                "Name": record.name,
                "Roles": join_words([role.value for role in record.roles]) or "no role yet",
                "Last signed in": plain_time(record.last_seen) if record.last_seen else "not yet",
                "Admin by FOI_ADMINS": "yes" if record.fixed_admin else "",
            }
            for record in people
        ],
        hide_index=True,
        width="stretch",
    )
else:
    st.info(
        "Nobody has signed in or been given a role yet. Grant roles below, by e-mail address.",
        icon=":material/group:",
    )

# --- Grant ----------------------------------------------------------------------------------------

st.subheader("Grant roles", anchor=False)
st.caption(
    "Use the address the person signs in with (their work e-mail). They do not need to have "
    "signed in yet; the roles count from their next page load."
)
grant_problems = FieldProblems()
with st.form("people.grant", enter_to_submit=False):
    st.text_input(
        "E-mail address", key="people.grant.email", placeholder="a.officer@force.police.uk"
    )
    grant_problems.slot("email")
    st.text_input("Name (optional: shown until they first sign in)", key="people.grant.name")
    st.multiselect(
        "Roles to grant", list(Role), format_func=ROLE_LABELS.get, key="people.grant.roles"
    )
    grant_problems.slot("roles")
    granting = st.form_submit_button("Grant roles", type="primary")

if granting:
    email, roles = ss["people.grant.email"], ss["people.grant.roles"]
    try:
        granted = grant_roles(store, admin, email, roles, name=ss["people.grant.name"])
    except NotAllowed as refused:
        st.error(md_escape(str(refused)), icon=":material/lock:")
    except PeopleError as problem:
        grant_problems.add("roles" if "role" in str(problem) else "email", str(problem))
    else:
        for key in ("people.grant.email", "people.grant.name", "people.grant.roles"):
            del ss[key]
        shown = email.strip().lower()
        flash(
            f"Granted {join_words([role.value for role in granted])} to {shown}."
            if granted
            else f"{shown} already held every role chosen."
        )
        st.rerun()

# --- Take away ------------------------------------------------------------------------------------

fixed = get_settings().admin_emails()
holders = {  # FOI_ADMINS' admin role is not the store's to take away
    record.email: record
    for record in people
    if record.roles and not (record.fixed_admin and record.roles == (Role.ADMIN,))
}
st.subheader("Take roles away", anchor=False)
if not holders:
    st.caption("Nobody holds a role that can be taken away here.")
else:
    revoke_problems = FieldProblems()
    who = st.selectbox(
        "Person",
        list(holders),
        index=None,
        placeholder="Choose someone",
        format_func=lambda email: (
            f"{holders[email].name} ({email})" if holders[email].name else email
        ),
        key="people.revoke.email",
    )
    held = store.roles_of(who) if who else frozenset()
    st.multiselect(
        "Roles to take away",
        sorted(held, key=list(Role).index),
        format_func=ROLE_LABELS.get,
        key="people.revoke.roles",
        disabled=not who,
    )
    revoke_problems.slot("roles")
    if who in fixed:
        st.caption("Their admin role comes from the FOI_ADMINS setting and stays.")
    if st.button("Take roles away", key="people.revoke", disabled=not who):
        try:
            taken = revoke_roles(store, admin, who, ss.get("people.revoke.roles", []))
        except NotAllowed as refused:
            st.error(md_escape(str(refused)), icon=":material/lock:")
        except PeopleError as problem:
            revoke_problems.add("roles", str(problem))
        else:
            del ss["people.revoke.roles"]
            flash(f"Took {join_words([role.value for role in taken])} away from {who}.")
            st.rerun()
