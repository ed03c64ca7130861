"""Balance: the conclusion of each public interest test (optionally a combined balance), with a
plain summary of the weights; the s36 opinion, s40 legitimate interests and s12 estimate where
they apply; and the s10(3) extension record."""

import datetime as dt

import streamlit as st
from pydantic import ValidationError

from foi_core.deadlines import DeadlineError, case_deadlines, describe_date, pit_extension_date
from foi_core.models import (
    MAX_HOURLY_RATE,
    MAX_LIMIT_POUNDS,
    MAX_MINUTES_EACH,
    MAX_RECORDS,
    AggregateBalance,
    Balance,
    ClaimMode,
    Conclusion,
    CostActivity,
    CostEstimate,
    CostLine,
    ExemptionClaim,
    ExtensionStatus,
    LegitimateInterests,
    Outcome,
    PITExtension,
    PublicInterestTest,
    QualifiedPersonOpinion,
    explain_errors,
)
from foi_core.workflow import apply_step_edit, claims_needing_qp_opinion
from ui import FieldProblems, case_page, date_field, field_key, save_case, today
from ui.reasoning import (
    COST_ACTIVITY_LABELS,
    aggregatable,
    catalogue,
    claim_title,
    cost_totals,
    items_text,
    next_step_link,
    parse_date,
    pit_claims,
    provision_relied_on,
    shared_items,
    weights_summary,
    weights_table,
)

loaded = case_page("balance")
case = loaded.case
ss = st.session_state
cat = catalogue()
CONCLUSIONS = [Conclusion.MAINTAIN, Conclusion.DISCLOSE]


def save(edited, summary: str, message: str = "Saved.") -> None:
    save_case(apply_step_edit(case, edited, "balance"), summary, message=message)


def conclusion_label(value: Conclusion, ncnd: bool) -> str:
    if ncnd:
        return (
            "Maintain the exclusion: neither confirm nor deny"
            if value is Conclusion.MAINTAIN
            else "Confirm or deny whether the information is held"
        )
    return (
        "Maintain the exemption: withhold"
        if value is Conclusion.MAINTAIN
        else "Disclose: the public interest in maintaining the exemption does not outweigh it"
    )


def decision_fields(prefix: str, saved: Balance | AggregateBalance | None, ncnd: bool) -> None:
    """Conclusion, reasoning, decided by, decided on (inside a form)."""
    st.radio(
        "Conclusion",
        CONCLUSIONS,
        index=CONCLUSIONS.index(saved.conclusion) if saved else None,
        format_func=lambda value: conclusion_label(value, ncnd),
        key=field_key(f"{prefix}.conclusion"),
    )
    problems.slot(f"{prefix}.conclusion")
    st.text_area(
        "Reasoning",
        value=saved.reasoning if saved else "",
        help="How you weighed the factors: this is the reason the letter gives (s17(3)).",
        key=field_key(f"{prefix}.reasoning"),
    )
    problems.slot(f"{prefix}.reasoning")
    left, right = st.columns(2)
    with left:
        st.text_input(
            "Decided by (name or role)",
            value=(saved.decided_by if saved else "") or case.decision_maker,
            key=field_key(f"{prefix}.decided_by"),
        )
        problems.slot(f"{prefix}.decided_by")
    with right:
        date_field("Decided on", saved and saved.decided_on, f"{prefix}.decided_on")
        problems.slot(f"{prefix}.decided_on")


def read_decision(prefix: str) -> dict | None:
    """The decision typed in, or None after showing what is missing by the fields."""
    values = {
        "conclusion": ss.get(field_key(f"{prefix}.conclusion")),
        "reasoning": (ss.get(field_key(f"{prefix}.reasoning")) or "").strip(),
        "decided_by": (ss.get(field_key(f"{prefix}.decided_by")) or "").strip(),
        "decided_on": parse_date(ss.get(field_key(f"{prefix}.decided_on"))),
    }
    ok = True
    if values["conclusion"] is None:
        problems.add(f"{prefix}.conclusion", "Choose a conclusion.")
        ok = False
    if not values["reasoning"]:
        problems.add(
            f"{prefix}.reasoning",
            "Explain how you weighed the factors; the letter must give the reasons.",
        )
        ok = False
    if values["decided_on"] is not None and values["decided_on"] > today():
        problems.add(f"{prefix}.decided_on", "The decision date cannot be in the future.")
        ok = False
    return values if ok else None


problems = FieldProblems()
qualified = pit_claims(case, cat)
qp_claims = claims_needing_qp_opinion(case, cat)
s40_claims = [
    claim
    for claim in case.claims
    if (exemption := cat.get(claim.citation)) is not None and exemption.section == "40"
]
cost_applies = bool(case.items_with(Outcome.COST_LIMIT)) or any(
    (exemption := cat.get(claim.citation)) is not None and exemption.section == "12"
    for claim in case.claims
)

if not (qualified or qp_claims or s40_claims or cost_applies):
    st.info(
        "Nothing to balance: no qualified exemption, s36 opinion, s40 record or cost estimate "
        "applies to this case.",
        icon=":material/info:",
    )
    next_step_link("balance", case)
    st.stop()

# --- The conclusion of each public interest test ------------------------------------------------

if qualified:
    st.markdown("### Conclusions")
for claim in qualified:
    exemption = cat.get(claim.citation)
    ncnd = claim.mode is ClaimMode.NCND
    pit = claim.pit or PublicInterestTest()
    with st.container(border=True):
        st.markdown(f"#### {claim_title(claim, exemption)}")
        st.caption(weights_summary(claim.pit, ncnd))
        if pit.factors:
            st.dataframe(weights_table(pit), hide_index=True, width="stretch")
        with st.form(f"balance-{claim.id}", enter_to_submit=False):
            decision_fields(f"balance.{claim.id}", pit.balance, ncnd)
            submitted = st.form_submit_button("Save the conclusion", type="primary")
        if submitted and (values := read_decision(f"balance.{claim.id}")) is not None:
            try:
                balance = Balance(**values)
            except ValidationError as error:
                problems.show_error(error)
            else:
                edited = case.model_copy(deep=True)
                edited.claim(claim.id).pit = PublicInterestTest(
                    factors=pit.factors, balance=balance
                )
                save(edited, f"Conclusion saved for {claim.citation}")

# --- Combined balance across qualified claims (DBT v IC [2025] UKSC 27) --------------------------

combinable = aggregatable(case, cat)
if len(combinable) >= 2 or case.aggregate_balances:
    st.markdown("### Combined balance (optional)")
    st.markdown(
        "Where the same information engages more than one qualified exemption, the public "
        "interests in maintaining those exemptions may be weighed **together** against the "
        "public interest in disclosure (*Department for Business and Trade v Information "
        "Commissioner* [2025] UKSC 27). Each exemption's own test must still be shown above: "
        "record its factors and conclusion first, then the combined balance here."
    )
    titles = {claim.id: claim_title(claim, cat.get(claim.citation)) for claim in case.claims}
    for aggregate in case.aggregate_balances:
        with st.container(border=True):
            names = "; ".join(titles.get(cid, cid) for cid in aggregate.claim_ids)
            st.markdown(f"**Combined:** {names}")
            st.caption(
                f"Covers {items_text(aggregate.items)}. Conclusion: "
                f"{conclusion_label(aggregate.conclusion, False).split(':')[0].lower()}."
            )
            st.text(aggregate.reasoning)
            if st.button("Remove this combined balance", key=f"remove-agg-{aggregate.id}"):
                edited = case.model_copy(deep=True)
                edited.aggregate_balances = [
                    a for a in case.aggregate_balances if a.id != aggregate.id
                ]
                save(edited, "Combined balance removed")
    if len(combinable) >= 2:
        with (
            st.expander("Record a combined balance"),
            st.form("aggregate", enter_to_submit=False),
        ):
            st.multiselect(
                "Claims weighed together (at least two)",
                [claim.id for claim in combinable],
                format_func=titles.__getitem__,
                key=field_key("agg.claim_ids"),
            )
            problems.slot("aggregate.claim_ids")
            st.multiselect(
                "Items covered (leave empty for every item the chosen claims share)",
                sorted({n for claim in combinable for n in claim.items}),
                format_func=lambda n: f"Item {n}",
                key=field_key("agg.items"),
            )
            problems.slot("aggregate.items")
            decision_fields("agg", None, False)
            agg_submitted = st.form_submit_button("Save the combined balance", type="primary")
        if agg_submitted:
            chosen = [case.claim(cid) for cid in ss.get(field_key("agg.claim_ids")) or []]
            common = shared_items(chosen)
            items = sorted(ss.get(field_key("agg.items")) or []) or common
            values = read_decision("agg")
            uncovered = [n for n in items if n not in common]
            if uncovered:
                problems.add(
                    "aggregate.items",
                    f"Not every chosen claim covers {items_text(uncovered)}: a combined balance "
                    "is only for information that all the exemptions apply to.",
                )
            elif len(chosen) >= 2 and not common:
                problems.add("aggregate.items", "The chosen claims share no items.")
            if values is not None and not uncovered:
                try:
                    aggregate = AggregateBalance(
                        claim_ids=[claim.id for claim in chosen], items=items, **values
                    )
                except ValidationError as error:
                    for problem in explain_errors(error):
                        problems.add(f"aggregate.{problem.field}", problem.message)
                else:
                    if not problems:
                        edited = case.model_copy(deep=True)
                        edited.aggregate_balances = [*case.aggregate_balances, aggregate]
                        save(edited, "Combined balance saved")

# --- s36: the qualified person's opinion ---------------------------------------------------------

if qp_claims:
    st.markdown("### Qualified person's opinion (s36)")
    st.caption(
        "Section 36 is engaged only by the reasonable opinion of the qualified person, given "
        "before the response is issued. Record who gave it, when, the limb relied on and why."
    )
for claim in qp_claims:
    opinion = claim.qp_opinion or QualifiedPersonOpinion()
    prefix = f"qp.{claim.id}"
    with st.form(f"qp-{claim.id}", enter_to_submit=False):
        st.markdown(f"**{claim_title(claim, cat.get(claim.citation))}**")
        left, right = st.columns(2)
        with left:
            st.text_input("Name", value=opinion.name, key=field_key(f"{prefix}.name"))
            problems.slot(f"{prefix}.name")
            st.text_input("Role", value=opinion.role, key=field_key(f"{prefix}.role"))
        with right:
            date_field("Date of the opinion", opinion.opinion_date, f"{prefix}.opinion_date")
            problems.slot(f"{prefix}.opinion_date")
            st.text_input(
                "Limb relied on",
                value=opinion.limb or claim.citation,
                key=field_key(f"{prefix}.limb"),
            )
        st.text_area(
            "Reasons for the opinion", value=opinion.reasons, key=field_key(f"{prefix}.reasons")
        )
        qp_submitted = st.form_submit_button("Save the opinion")
    if qp_submitted:
        name = (ss.get(field_key(f"{prefix}.name")) or "").strip()
        opinion_date = parse_date(ss.get(field_key(f"{prefix}.opinion_date")))
        if not name:
            problems.add(f"{prefix}.name", "Enter the qualified person's name.")
        if opinion_date is not None and case.response_date and opinion_date > case.response_date:
            problems.add(
                f"{prefix}.opinion_date",
                "The opinion must be given before the response is issued.",
            )
        if not problems:
            edited = case.model_copy(deep=True)
            edited.claim(claim.id).qp_opinion = QualifiedPersonOpinion(
                name=name,
                role=(ss.get(field_key(f"{prefix}.role")) or "").strip(),
                opinion_date=opinion_date,
                limb=(ss.get(field_key(f"{prefix}.limb")) or "").strip(),
                reasons=(ss.get(field_key(f"{prefix}.reasons")) or "").strip(),
            )
            save(edited, f"Qualified person's opinion saved for {claim.citation}")

# --- s40(2): legitimate interests ----------------------------------------------------------------

LAWFUL_CHOICES = [None, True, False]


def lawful_labels(claim: ExemptionClaim) -> dict[bool | None, str]:
    """The legitimate interests results, worded for the claim: about disclosing under its own
    citation, or (for NCND) about confirming or denying under its NCND provision, e.g. s40(5B)."""
    if claim.mode is ClaimMode.NCND:
        provision = provision_relied_on(claim, cat.get(claim.citation))
        return {
            None: "Not decided yet",
            True: f"Confirming or denying would be lawful ({provision} does not apply)",
            False: (
                "Confirming or denying would not be lawful "
                f"(neither confirm nor deny under {provision})"
            ),
        }
    return {
        None: "Not decided yet",
        True: f"Disclosure would be lawful ({claim.citation} does not apply)",
        False: f"Disclosure would not be lawful (withhold under {claim.citation})",
    }


def li_form(claim: ExemptionClaim) -> None:
    record = claim.legitimate_interests or LegitimateInterests()
    prefix = f"li.{claim.id}"
    ncnd = claim.mode is ClaimMode.NCND
    # For NCND the questions are asked of confirming or denying that the information is held.
    act = "confirming or denying" if ncnd else "disclosure"
    labels = lawful_labels(claim)
    with st.form(f"li-{claim.id}", enter_to_submit=False):
        st.markdown(f"**{claim_title(claim, cat.get(claim.citation))}**")
        if ncnd:
            provision = provision_relied_on(claim, cat.get(claim.citation))
            st.caption(
                "For neither confirm nor deny, ask these questions of confirming or denying "
                f"that the information is held ({provision}), not of disclosing it."
            )
        st.text_area(
            f"1. Legitimate interest: what legitimate interest is there in {act}?",
            value=record.legitimate_interest,
            key=field_key(f"{prefix}.legitimate_interest"),
        )
        st.text_area(
            f"2. Necessity: is {act} to the world necessary to meet that interest, or "
            "would something less intrusive do?",
            value=record.necessity,
            key=field_key(f"{prefix}.necessity"),
        )
        st.text_area(
            "3. Balancing: does the interest override the rights and freedoms of the people "
            "the information is about?",
            value=record.balancing,
            key=field_key(f"{prefix}.balancing"),
        )
        st.radio(
            "Result",
            LAWFUL_CHOICES,
            index=LAWFUL_CHOICES.index(record.disclosure_lawful),
            format_func=labels.__getitem__,
            key=field_key(f"{prefix}.lawful"),
        )
        li_submitted = st.form_submit_button("Save the legitimate interests record")
    if li_submitted:
        edited = case.model_copy(deep=True)
        edited.claim(claim.id).legitimate_interests = LegitimateInterests(
            legitimate_interest=(ss.get(field_key(f"{prefix}.legitimate_interest")) or "").strip(),
            necessity=(ss.get(field_key(f"{prefix}.necessity")) or "").strip(),
            balancing=(ss.get(field_key(f"{prefix}.balancing")) or "").strip(),
            disclosure_lawful=ss.get(field_key(f"{prefix}.lawful")),
        )
        save(edited, f"Legitimate interests saved for {claim.citation}")


if s40_claims:
    st.markdown("### Personal data: legitimate interests (s40(2))")
    st.caption(
        "Disclosing personal data is lawful only if it passes the legitimate interests test "
        "(Article 6(1)(f) UK GDPR): a legitimate interest, necessity, then the balance against "
        "the rights of the people the data is about."
    )
for claim in s40_claims:
    li_form(claim)

# --- s12: the cost estimate --------------------------------------------------------------------

ACTIVITIES = list(CostActivity)


@st.fragment
def cost_editor() -> None:
    """The estimate line by line, outside a form so the totals update as figures change."""
    estimate = case.cost_estimate or CostEstimate()
    rows_key = field_key("cost.rows")
    if rows_key not in ss:
        ss[rows_key] = max(1, len(estimate.lines))
    line_problems = FieldProblems()
    rows: list[dict] = []
    for index in range(ss[rows_key]):
        saved = estimate.lines[index] if index < len(estimate.lines) else None
        prefix = f"cost.{index}"
        cols = st.columns([3, 4, 2, 2, 1.4], vertical_alignment="bottom")
        with cols[0]:
            activity = st.selectbox(
                f"Activity (line {index + 1})",
                ACTIVITIES,
                index=ACTIVITIES.index(saved.activity) if saved else None,
                format_func=COST_ACTIVITY_LABELS.__getitem__,
                placeholder="Choose",
                key=field_key(f"{prefix}.activity"),
            )
        with cols[1]:
            description = st.text_input(
                "What is done",
                value=saved.description if saved else "",
                key=field_key(f"{prefix}.description"),
            )
        with cols[2]:
            records = st.number_input(
                "Records",
                min_value=0,
                max_value=MAX_RECORDS,
                step=1,
                value=saved.records if saved else 0,
                key=field_key(f"{prefix}.records"),
            )
        with cols[3]:
            minutes = st.number_input(
                "Minutes each",
                min_value=0.0,
                max_value=float(MAX_MINUTES_EACH),
                step=0.5,
                value=float(saved.minutes_each) if saved else 0.0,
                key=field_key(f"{prefix}.minutes"),
            )
        with cols[4]:
            remove = st.checkbox("Remove", key=field_key(f"{prefix}.remove"))
        line_problems.slot(f"cost.lines.{index}")
        rows.append(
            {
                "index": index,
                "activity": activity,
                "description": (description or "").strip(),
                "records": int(records or 0),
                "minutes_each": float(minutes or 0),
                "remove": remove,
            }
        )
    if st.button("Add a line", icon=":material/add:", key=field_key("cost.add_line")):
        ss[rows_key] += 1
        st.rerun(scope="fragment")

    left, right = st.columns(2)
    with left:
        rate = st.number_input(
            "Hourly rate (£)",
            min_value=0.01,
            max_value=MAX_HOURLY_RATE,
            value=float(estimate.hourly_rate),
            key=field_key("cost.rate"),
        )
    with right:
        limit = st.number_input(
            "Appropriate limit (£)",
            min_value=0.01,
            max_value=MAX_LIMIT_POUNDS,
            value=float(estimate.limit_pounds),
            help="£450 for police forces and other authorities; £600 for central government.",
            key=field_key("cost.limit"),
        )
    counted = [
        CostLine(
            activity=row["activity"],
            description=row["description"],
            records=row["records"],
            minutes_each=row["minutes_each"],
        )
        for row in rows
        if row["activity"] is not None and not row["remove"]
    ]
    live = CostEstimate(lines=counted, hourly_rate=rate, limit_pounds=limit)
    total_text = cost_totals(live)
    if live.exceeds_limit:
        st.info(total_text + " Section 12 can be relied on.", icon=":material/payments:")
    else:
        st.warning(
            total_text + " Within the limit, the request cannot be refused under s12.",
            icon=":material/payments:",
        )
    method = st.text_area(
        "How the estimate was made (sampling, systems searched)",
        value=estimate.method,
        key=field_key("cost.method"),
    )
    advice = st.text_area(
        "Advice on narrowing the request (s16)",
        value=estimate.s16_advice,
        help="Say what could be provided within the limit and how the request could be refined.",
        key=field_key("cost.advice"),
    )
    if st.button("Save the cost estimate", type="primary", key=field_key("cost.save")):
        for row in rows:
            has_figures = row["description"] or row["records"] or row["minutes_each"]
            if row["activity"] is None and has_figures and not row["remove"]:
                line_problems.add(
                    f"cost.lines.{row['index']}",
                    "Choose an activity. Only determining whether it is held, locating, "
                    "retrieving and extracting can be counted (Fees Regulations, reg 4(3)).",
                )
        if not line_problems:
            edited = case.model_copy(deep=True)
            edited.cost_estimate = CostEstimate(
                lines=counted,
                hourly_rate=rate,
                limit_pounds=limit,
                method=(method or "").strip(),
                s16_advice=(advice or "").strip(),
            )
            save(edited, "Cost estimate saved")


if cost_applies:
    st.markdown("### Cost estimate (s12)")
    st.caption(
        "Count only time spent determining whether the information is held, locating, "
        "retrieving and extracting it. Redaction and considering exemptions do not count."
    )
    with st.container(border=True):
        cost_editor()

# --- s10(3): extending the time to consider the public interest ---------------------------------

STATUSES = list(ExtensionStatus)
STATUS_LABELS = {
    ExtensionStatus.PLANNED: "Planned",
    ExtensionStatus.NOTIFIED: "Requester told (s17(2) notice sent)",
    ExtensionStatus.COMPLETED: "Decision made",
}

if qualified:
    st.markdown("### Extra time to consider the public interest (s10(3))")
    st.caption(
        "The refusal notice saying which exemption applies is still due within 20 working days, "
        "with an estimate of when the public interest decision will be made (s17(2)). The ICO "
        "expects no more than 20 further working days."
    )
    extension = case.pit_extension
    try:
        deadlines = case_deadlines(case)
        default_date = deadlines.default_extension_due or (
            pit_extension_date(deadlines.due) if deadlines.due else None
        )
    except DeadlineError:
        deadlines, default_date = None, None
    if deadlines is not None and deadlines.due is not None:
        st.caption(f"The response is due {describe_date(deadlines.due)}.")
    with st.form("pit-extension", enter_to_submit=False):
        record = st.checkbox(
            "Record an extension for this case",
            value=extension is not None,
            key=field_key("ext.record"),
        )
        left, right = st.columns(2)
        with left:
            date_field(
                "Estimated decision date",
                extension.estimated_date if extension else default_date,
                "ext.estimated_date",
                help="Defaults to 20 further working days after the due date.",
            )
            problems.slot("ext.estimated_date")
            st.text_input(
                "Decision maker",
                value=extension.decision_maker if extension else case.decision_maker,
                key=field_key("ext.decision_maker"),
            )
        with right:
            st.selectbox(
                "Status",
                STATUSES,
                index=STATUSES.index(extension.status) if extension else 0,
                format_func=STATUS_LABELS.__getitem__,
                key=field_key("ext.status"),
            )
            date_field("Requester told on", extension and extension.notified_on, "ext.notified_on")
        st.text_area(
            "Why more time is needed",
            value=extension.reason if extension else "",
            key=field_key("ext.reason"),
        )
        ext_submitted = st.form_submit_button("Save the extension record")
    if ext_submitted:
        edited = case.model_copy(deep=True)
        if not ss.get(field_key("ext.record")):
            edited.pit_extension = None
            save(edited, "Extension record removed", message="Extension record removed.")
        else:
            estimated: dt.date | None = parse_date(ss.get(field_key("ext.estimated_date")))
            if estimated is None:
                problems.add("ext.estimated_date", "Enter the estimated decision date.")
            elif deadlines is not None and deadlines.due and estimated <= deadlines.due:
                problems.add(
                    "ext.estimated_date",
                    f"The estimated date must be after the due date "
                    f"({describe_date(deadlines.due)}).",
                )
            if not problems:
                status = ss.get(field_key("ext.status")) or ExtensionStatus.PLANNED
                edited.pit_extension = PITExtension(
                    estimated_date=estimated,
                    decision_maker=(ss.get(field_key("ext.decision_maker")) or "").strip(),
                    reason=(ss.get(field_key("ext.reason")) or "").strip(),
                    status=status,
                    notified_on=parse_date(ss.get(field_key("ext.notified_on"))),
                    completed_on=(
                        extension.completed_on
                        if extension and extension.completed_on
                        else (today() if status is ExtensionStatus.COMPLETED else None)
                    ),
                )
                save(edited, "Extension record saved")

next_step_link("balance", case)
