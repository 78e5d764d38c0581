"""The Models page's promotion gate (a candidate's verdict, promote, a lead's override) and the lead's settings:
the gate policy and the retraining schedule, whose due check runs each time the page loads."""

from __future__ import annotations

from types import SimpleNamespace

import streamlit as st

from engine.markup import markdown_literal
from engine.models.registry import RegistryError
from engine.pipelines.templates import sft_in_production
from engine.promotion.gate import (
    POLICY_KEY,
    GatePolicy,
    GateRefused,
    Override,
    evaluate_gate,
    gate_policy,
    override_phrase,
    promote_through_gate,
    set_gate_policy,
)
from engine.promotion.schedule import (
    SCHEDULE_KEY,
    RetrainError,
    RetrainSchedule,
    retrain_due,
    retrain_if_due,
    retrain_running,
    retrain_schedule,
    set_retrain_schedule,
    start_retrain,
)
from engine.store import StoreError
from engine.store.promotion import clean_lead_name
from studio.components.job_panel import config_form
from studio.components.messages import show_error


def _testset_choice(store, candidate: str, current: str, key: str) -> str | None:
    """A test set both models were evaluated on (the newest first), or None when there is none."""
    evaluated: dict[str, set[str]] = {}
    for row in store.evaluations.list():
        evaluated.setdefault(row["testset_id"], set()).add(row["model"])
    both = [t for t in store.evaluations.testsets() if {candidate, current} <= evaluated.get(t["id"], set())]
    if not both:
        return None
    labels = {t["id"]: f"{t['name']} ({t['size']} sentences)" for t in both}
    return st.selectbox("Test set of the gate", list(labels), format_func=labels.get, key=key)


def gate_panel(store, candidate: str, current: str) -> str | None:
    """The gate's verdict on promoting ``candidate`` over ``current`` with the promote / override controls;
    returns a message to show after a promotion (None when nothing was promoted)."""
    testset_id = _testset_choice(store, candidate, current, key=f"models-gate-testset-{candidate}")
    verdict = evaluate_gate(store, candidate, testset_id)
    if testset_id is None:
        st.warning(
            f"The gate needs {candidate} and {current} evaluated on the same test set: evaluate both on "
            "5 · Compare → Evaluate."
        )
    elif verdict.allowed:
        st.success("The gate allows the promotion:\n\n" + "\n\n".join(f"- {r}" for r in verdict.reasons))
    else:
        st.error("The gate refuses the promotion:\n\n" + "\n\n".join(f"- {r}" for r in verdict.reasons))
    typed = st.text_input(f"Type {candidate} to confirm", key=f"models-confirm-{candidate}")
    if verdict.allowed:
        if st.button(
            "Promote to production", type="primary", key="models-promote", disabled=typed.strip() != candidate
        ):
            try:
                promote_through_gate(store, candidate, confirm_name=typed.strip(), testset_id=testset_id)
            except RegistryError as exc:
                show_error(exc)
            else:
                return f"{candidate} passed the gate and is now the production model (was {current})."
        return None
    with st.expander("Override the gate (leads)"):
        st.caption("The override is recorded with your name, the phrase and the reason, beside the gate's numbers.")
        lead = st.text_input("Your name (lead)", key=f"models-override-lead-{candidate}")
        reason = st.text_input("Why the gate is overridden", key=f"models-override-reason-{candidate}")
        phrase = st.text_input(f"Type: {override_phrase(candidate)}", key=f"models-override-phrase-{candidate}")
        if st.button("Override the gate and promote", key="models-override"):
            try:
                promote_through_gate(
                    store,
                    candidate,
                    confirm_name=typed.strip(),
                    testset_id=testset_id,
                    override=Override(lead, phrase, reason),
                )
            except GateRefused as exc:  # not reached with an override, kept for safety
                show_error(exc)
            except RegistryError as exc:
                show_error(exc)
            else:
                return f"{candidate} is now the production model: the gate was overridden by {clean_lead_name(lead)}."
    return None


def _changed_by(stored: dict | None) -> None:
    """Who last changed a lead's setting, and when (a setting saved before names were asked says so)."""
    if stored:
        who = markdown_literal(stored["updated_by"]) if stored.get("updated_by") else "someone (no name recorded)"
        st.caption(f"Last changed by {who} on {stored['updated_at']:%Y-%m-%d %H:%M} UTC.")


def _retrain_on_load(store, runner) -> None:
    """Evaluate the schedule (each page load) and start a retrain when it is due."""
    try:
        check, retrain_id = retrain_if_due(store, runner)
    except RetrainError as exc:
        show_error(f"A retrain is due but could not start: {exc}")
        return
    if retrain_id is not None:
        st.info(f"Retrain {retrain_id} started: {check.reason}.")


def schedule_panel(store, runner) -> None:
    """The lead's gate policy and retraining schedule, the due check, a manual start and the retrains so far."""
    _retrain_on_load(store, runner)
    # a change that weakens the gate (α 0.5, a million A/B votes) or starts retrains is recorded with who made it, as
    # an override is: it was stored anonymously
    lead = st.text_input("Your name (recorded with a change to the gate or the schedule)", key="models-policy-lead")
    policy_col, schedule_col = st.columns(2)
    with policy_col:
        st.markdown("**Promotion gate**")
        _changed_by(store.promotion.setting(POLICY_KEY))
        policy = config_form(
            SimpleNamespace(
                config_cls=GatePolicy,
                description="A candidate replaces production only when it beats it on these terms.",
            ),
            key="models-gate-policy",
            defaults=vars(gate_policy(store)),
            submit_label="Save the gate policy",
        )
        if policy is not None:
            try:
                set_gate_policy(store, policy, by=lead)
            except ValueError as exc:
                show_error(f"Please fix the gate policy: {exc}")
            else:
                st.success("Gate policy saved.")
    with schedule_col:
        st.markdown("**Retraining schedule**")
        _changed_by(store.promotion.setting(SCHEDULE_KEY))
        schedule, set_at = retrain_schedule(store)
        submitted = config_form(
            SimpleNamespace(
                config_cls=RetrainSchedule,
                description="Phase 3 from the production model; its result is registered as a candidate.",
            ),
            key="models-schedule",
            defaults=vars(schedule),
            submit_label="Save the schedule",
        )
        if submitted is not None:
            try:
                set_retrain_schedule(store, submitted, by=lead)
            except (RetrainError, ValueError) as exc:
                show_error(f"Please fix the schedule: {exc}")
            else:
                st.rerun()
    check = retrain_due(store)
    st.caption(f"Retraining: {'due' if check.due else 'not due'} — {check.reason}.")
    # a second one from the same judgements would only rival it; the SFT model in production starts Phase 2
    blocked = retrain_running(store) or (check.base_model and sft_in_production(
        store, store.models.get(check.base_model)))
    if st.button("Start a retrain now", key="models-retrain-now", disabled=check.base_model is None or bool(blocked),
                 help=blocked or None):
        try:
            retrain_id = start_retrain(store, runner)
        except (RetrainError, StoreError) as exc:
            show_error(exc)
        else:
            st.info(f"Retrain {retrain_id} started.")
    retrains = store.promotion.retrains()
    if retrains:
        st.dataframe(
            [
                {
                    "retrain": r["id"],
                    "started (UTC)": r["started_at"],
                    "from": r["base_model"],
                    "candidate": r["model_name"],
                    "pipeline": r["pipeline_id"],
                    "status": r["pipeline_status"],
                    "why": r["reason"],
                }
                for r in retrains
            ],
            hide_index=True,
            width="stretch",
            key="models-retrains",
        )
    decisions = store.promotion.decisions()
    if decisions:
        with st.expander(f"Gate decisions ({len(decisions)})"):
            st.dataframe(
                [
                    {
                        "time (UTC)": d["time"],
                        "candidate": d["candidate"],
                        "production": d["production"],
                        "outcome": d["outcome"],
                        "lead": d["lead"] or "",
                        "override reason": d["override_reason"] or "",
                        "why": " ".join(d["reasons"]),
                    }
                    for d in decisions
                ],
                hide_index=True,
                width="stretch",
                key="models-gate-decisions",
            )
