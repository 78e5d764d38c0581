"""6 · Translate & feedback: linguists translate, judge and correct; leads assign reviews and read agreement."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import datetime, time, timedelta

import streamlit as st

from engine.decoding.labels import candidate_origin
from engine.feedback.batch import MAX_UPLOAD_BYTES, BatchUploadError, stage_upload
from engine.feedback.export import EXPORT_NAME, write_export
from engine.feedback.interactive import DEFAULT_STRATEGIES, record, translate_with_registry
from engine.feedback.judgements import (
    ERROR_TAG_HELP,
    ERROR_TAGS,
    KINDS,
    Judgement,
    JudgementError,
    clean_linguist_name,
    kind_label,
    new_submission_id,
    submit,
)
from engine.feedback.language import LANGUAGE_NAMES, detect_language
from engine.feedback.queue import create_queue, may_review, next_item, order_request, queue_agreement
from engine.feedback.uncertainty import ORDERING_HELP, ORDERINGS
from engine.glossary import AppliedTerm, TermIndex
from engine.glossary.prompt import prompt_terms
from engine.jobs.config import config_fields, config_to_dict
from engine.jobs.events import FINAL_STATUSES
from engine.jobs.translate_batch import OUTPUT_JSONL, OUTPUT_TSV, TranslateBatchConfig
from engine.markup import html_text, markdown_literal
from engine.models.refs import default_policy, resolve_model
from engine.monitor.log import log_served, served_from_translation
from engine.monitor.serving import default_reward_model
from engine.reward.ensemble import COMBINATIONS
from engine.wording import counted
from studio.components.annotation_interop import agreement_metrics, argilla_panel
from studio.components.arabic import arabic_text, bidi_table
from studio.components.glossary import glossary_picker, highlighted_source, highlighted_translation, term_index
from studio.components.header import workspace_header
from studio.components.job_panel import config_form, remember_start, repeated_start, run_monitor
from studio.components.linguist import LINGUIST
from studio.components.messages import show_error
from studio.components.pickers import model_picker
from studio.components.rtl_editor import rtl_text_area
from studio.components.span_marker import span_marker
from studio.state import services

TOP = 3
REQUEST = "tr_request"
GLOSSARIES = "tr-glossaries"

st.title("6 · Translate & feedback")
st.caption("The policy samples several translations, the reward model ranks them, and linguists say which is "
           "best, rank them, reject them all or correct one. Every judgement is saved before it is confirmed.")
workspace_header(services())
store = services().store


# --- sign-in ------------------------------------------------------------------------------------------
def _sign_in(name: str) -> None:
    clean = clean_linguist_name(name)
    store.feedback.register_linguist(clean)
    st.session_state[LINGUIST] = clean
    st.query_params["linguist"] = clean


# the app shell keeps the name in the address on every page and brings it back after a reload
linguist: str | None = st.session_state.get(LINGUIST)
if linguist is not None and st.session_state.get("tr-registered") != linguist:
    store.feedback.register_linguist(linguist)  # signed in through the address (a reload, a shared link)
    st.session_state["tr-registered"] = linguist
if linguist is None:
    st.subheader("Who is judging?")
    known = store.feedback.linguists()
    with st.form("tr-signin"):
        # one field: pick a name already known or type a new one (a separate "new linguist" box went unseen)
        name = st.selectbox("Your name", known, index=None, accept_new_options=True, key="tr-signin-name",
                            placeholder="Choose your name or type a new one" if known else "Type your name",
                            help="Entered once per browser session; every judgement records it.")
        go = st.form_submit_button("Sign in", type="primary")
    if go:
        try:
            _sign_in(name or "")
        except JudgementError as exc:
            show_error(exc)
        else:
            st.rerun()
    st.stop()

left, right = st.columns([4, 1])
left.markdown(f"Signed in as **{markdown_literal(linguist)}** — your judgements are recorded under this name.")
if right.button("Switch linguist", key="tr-signout"):
    st.session_state.pop(LINGUIST, None)
    st.query_params.pop("linguist", None)
    st.rerun()

policies = [m["name"] for m in store.models.in_use(kind="policy")]  # archived models are retired
reward_models = [m["name"] for m in store.models.in_use(kind="reward")]


# --- one request: its ranked candidates and the feedback form ----------------------------------------------
def _candidate_card(cand: dict, terms: TermIndex | None = None, applied: Sequence[AppliedTerm] = ()) -> None:
    with st.container(border=True):
        score = f"reward {cand['rm_score']:.3f}" if cand["rm_score"] is not None else "not ranked"
        if cand.get("rm_spread") is not None:  # an ensemble ranked it: how much its members disagree
            score += f" ± {cand['rm_spread']:.3f} spread"
        origin = candidate_origin(cand["strategies"] or cand["strategy"], cand["n_samples"])
        cut = (" · :orange[stopped at the token limit: it may be cut — raise *Longest translation* or shorten the "
               "source]" if cand.get("cut") else "")
        st.caption(f"**#{cand['position'] + 1}** · {score} · {origin}{cut}")
        if applied and cand["text"]:
            highlighted_translation(cand["text"], terms.check(cand["text"], applied))
        else:
            arabic_text(cand["text"] or "(empty translation)")


def _rm_index(policy: str | None) -> int:
    """Where the reward model that serves ``policy`` sits among the choices (the first when none does)."""
    serving = default_reward_model(store, policy)
    return reward_models.index(serving) if serving in reward_models else 0


def rm_choice_label(name: str | None) -> str:
    """A reward-model choice in words; ``None`` is the only choice when none is registered."""
    return name or "None registered"  # the caption below the candidates says "sampling order"


def _my_judgement(request_id: str) -> dict | None:
    done = st.session_state.get(f"tr_done::{linguist}::{request_id}")
    if done:
        return done
    rows = store.feedback.judgements(request_id=request_id, linguists=[linguist], newest_first=True, limit=1)
    # when it was stored, as the confirmation says (an imported judgement was made earlier, in Argilla)
    return {"id": rows[0]["id"], "label": kind_label(rows[0]["kind"], len(rows[0]["shown"] or [])),
            "time": rows[0].get("stored_at") or rows[0]["created_at"]} if rows else None


def _saved_message(mine: dict, item_id: int | None = None) -> str:
    """The confirmation of a stored judgement (as :func:`_my_judgement` gives it), naming the queue item if any."""
    where = f"for item {item_id} at" if item_id is not None else "stored at"
    return (f"Saved: judgement #{mine['id']} — {mine['label']} — {where} "
            f"{mine['time'].strftime('%H:%M:%S')} UTC.")  # a dash: the labels hold brackets of their own


def _next_queue_item(queue_id: int, item_key: str) -> dict | None:
    """Hand this linguist the queue's next item (kept in the session under ``item_key``), or say why there is none."""
    found = None
    try:
        with st.spinner("Preparing the next item…"):
            found = next_item(store, queue_id, linguist)
    except (ValueError, LookupError, OSError) as exc:
        show_error(exc)
    else:
        if found is None:
            st.success("Nothing left for you in this queue. Thank you!")
    st.session_state[item_key] = asdict(found) if found else None
    return st.session_state[item_key]


def feedback(request_id: str, ctx: str, queue_id: int | None = None, item_id: int | None = None) -> bool:
    """Show a request's candidates (top 3, the rest one click away) and its feedback form; True once judged."""
    request = store.feedback.request(request_id)
    if request is None:
        st.warning("This translation is no longer in the store.")
        return False
    cands = request["candidates"]
    chosen = st.session_state.get(GLOSSARIES) or []
    terms = term_index(store, chosen, request["pair"]) if chosen else None
    applied = terms.applicable(request["source"]) if terms else []
    st.markdown(f"<b>Source</b> ({html_text(request['pair'])}):", unsafe_allow_html=True)
    highlighted_source(request["source"], applied)
    in_prompt = (request.get("settings") or {}).get("glossary_terms")
    if in_prompt:
        st.caption(f"{len(in_prompt)} glossary term(s) were given to the model in its prompt.")
    timing = (f" · {request['generate_s'] + request['score_s']:.2f} s"
              if request["generate_s"] is not None and request["score_s"] is not None else "")
    ranked = f"ranked by {request['rm']}" if request["rm"] else "no reward model: sampling order"
    samples = sum(c["n_samples"] for c in cands)
    seed = (request.get("settings") or {}).get("seed")
    seed_text = f" · seed {seed}" if seed is not None else ""
    st.caption(f"{markdown_literal(request['model'])} · {ranked} · {counted(len(cands), 'distinct candidate')} from "
               f"{counted(samples, 'sample')}{seed_text}{timing}")
    show_all = len(cands) > TOP and st.toggle(f"Show all {len(cands)} candidates", key=f"{ctx}-all-{request_id}")
    shown = [c["position"] for c in cands] if show_all else [c["position"] for c in cands[:TOP]]
    for position in shown:
        _candidate_card(cands[position], terms, applied)
    span_marker(store, request, shown, linguist, ctx, queue_id=queue_id, item_id=item_id)
    mine = _my_judgement(request_id)
    if mine:
        # a submit refused because this linguist's judgement was stored meanwhile (the same translation open in two
        # tabs): its refusal, which the confirmation of the other tab's judgement hid
        refused = st.session_state.pop(f"{ctx}-error-{request_id}", None)
        if refused:
            st.error(refused)
        st.success(_saved_message(mine))
        return True
    # per linguist too: after 'Switch linguist' in the same session the next one gets a form of their own (with
    # the first one's, their judgement was taken for a repeat of it)
    sub_key = f"tr_sub::{linguist}::{request_id}"
    st.session_state.setdefault(sub_key, new_submission_id())
    # one candidate: nothing to rank; picking it approves it. Nothing is chosen for the linguist: "none acceptable"
    # came pre-selected, and an untouched submit rejected a right translation
    single = len(shown) == 1
    kinds = KINDS if not single else tuple(k for k in KINDS if k != "ranking")
    if single:
        st.caption("Only one distinct candidate: say it is acceptable as it is, correct it, or say it is not "
                   "acceptable.")
    kind = st.radio("Your judgement", kinds, format_func=lambda k: kind_label(k, len(shown)), horizontal=True,
                    index=None if single else 0,
                    key=f"{ctx}-kind-{request_id}")
    if kind is None:
        return False
    with st.form(key=f"{ctx}-form-{request_id}"):
        if kind == "ranking":
            # nothing is pre-filled: a ranking in the model's order submitted untouched recorded agreement
            st.caption("1 = best. Give every candidate a different rank — or tick the box if the order shown is "
                       "yours.")
            cols = st.columns(len(shown))
            for col, position in zip(cols, shown, strict=True):
                col.selectbox(f"Rank of #{position + 1}", list(range(1, len(shown) + 1)), index=None,
                              placeholder="rank", key=f"{ctx}-rank-{request_id}-{position}")
            st.checkbox(f"The order shown is right ({' > '.join(f'#{p + 1}' for p in shown)})",
                        key=f"{ctx}-as-shown-{request_id}")
        elif kind == "best" and single:
            st.caption(f"Candidate #{shown[0] + 1} is a translation you would accept as it is.")
        elif kind == "best":
            st.radio("Best candidate", shown, format_func=lambda p: f"#{p + 1}", horizontal=True, index=None,
                     key=f"{ctx}-best-{request_id}")
        elif kind == "post_edit":
            top = cands[shown[0]]["text"]
            rtl_text_area("Corrected translation", top, key=f"{ctx}-edit-{request_id}",
                          height=min(400, 120 + 30 * (len(top) // 80)),  # a long candidate shown whole
                          help="Pre-filled with the top candidate: correct it in place.")
        else:
            rtl_text_area("A translation you would accept (optional)", "", key=f"{ctx}-none-{request_id}")
        st.multiselect("Error tags (optional)", ERROR_TAGS, key=f"{ctx}-tags-{request_id}",
                       help="; ".join(f"{t}: {h}" for t, h in ERROR_TAG_HELP.items()))
        st.text_area("Comment (optional)", key=f"{ctx}-comment-{request_id}", height=68)
        st.form_submit_button("Submit judgement", type="primary", on_click=_submit_judgement,
                              args=(request_id, ctx, linguist, kind, shown, queue_id, item_id))
    error = st.session_state.pop(f"{ctx}-error-{request_id}", None)  # left by the callback of a refused submit
    if error:
        st.error(error)
    return False


def _submit_judgement(request_id: str, ctx: str, who: str, kind: str, shown: list[int], queue_id: int | None,
                      item_id: int | None) -> None:
    """*Submit judgement*'s callback: check the form's values and store the judgement, or leave the reason it was
    refused for the form to show. Streamlit runs it before the rerun the click causes, so that one run shows the
    confirmation (in a review queue, with the next item): one script run per judgement, not two."""
    state = st.session_state

    def refuse(reason: str) -> None:
        state[f"{ctx}-error-{request_id}"] = reason

    ranking, best, correction = None, None, None
    if kind == "ranking":
        ranks = {p: state.get(f"{ctx}-rank-{request_id}-{p}") for p in shown}
        chosen = {p: r for p, r in ranks.items() if r is not None}
        as_shown = bool(state.get(f"{ctx}-as-shown-{request_id}"))
        if as_shown and chosen and sorted(chosen, key=chosen.get) != [p for p in shown if p in chosen]:
            return refuse("You ticked 'the order shown is right' but ranked the candidates differently: untick it "
                          "or clear the ranks.")
        if as_shown:
            ranking = list(shown)
        elif len(chosen) < len(ranks):
            return refuse("Rank every candidate (1 = best), or tick 'the order shown is right'.")
        elif len(set(chosen.values())) != len(chosen):
            return refuse("Give every candidate a different rank (1 = best).")
        else:
            ranking = sorted(chosen, key=chosen.get)
    elif kind == "best":
        best = shown[0] if len(shown) == 1 else state.get(f"{ctx}-best-{request_id}")
        if best is None:
            return refuse("Pick the best candidate first.")
    else:
        correction = state.get(f"{ctx}-{'edit' if kind == 'post_edit' else 'none'}-{request_id}", "")
    judgement = Judgement(submission_id=state[f"tr_sub::{who}::{request_id}"], request_id=request_id, linguist=who,
                          kind=kind, shown=list(shown), ranking=ranking, best=best, correction=correction,
                          tags=list(state.get(f"{ctx}-tags-{request_id}") or []),
                          comment=state.get(f"{ctx}-comment-{request_id}") or "", queue_id=queue_id, item_id=item_id)
    try:
        result = submit(store, judgement)
    except JudgementError as exc:
        return refuse(f"Not saved: {exc}")
    stored = store.feedback.judgement(judgement.submission_id)
    state[f"tr_done::{who}::{request_id}"] = {"id": result.judgement_id,
                                              "label": kind_label(stored["kind"], len(stored["shown"] or [])),
                                              "time": stored["stored_at"] or stored["created_at"]}


def _prompt_format(model: str) -> str:
    """The prompt format of a registered policy (``tags`` when it cannot be read)."""
    try:
        return resolve_model(store, model).prompt_format
    except (ValueError, LookupError, OSError):
        return "tags"


def _pair_of(source: str, choice: str) -> tuple[str | None, str | None]:
    """(pair, detected language) for a source and the language choice (auto / en / fr)."""
    guess = detect_language(source)
    if choice != "auto":
        return f"{choice}-ar", guess.language
    if guess.language == "ar":
        return None, "ar"
    return guess.pair or "en-ar", guess.language


def ensemble_settings(key: str, first: str | None) -> tuple[list[str], str, float]:
    """More reward models ranking with ``first`` as an ensemble, how they combine, and k."""
    others = [n for n in reward_models if n != first]
    if not others:
        return [], "mean", 1.0
    e1, e2, e3 = st.columns([2, 1, 1])
    extra = e1.multiselect("More reward models (ensemble)", others, key=f"{key}-rm-extra",
                           help="Rank with several reward-model versions at once: each candidate's score is their "
                                "combination, and their spread (standard deviation) is shown beside it.")
    how = e2.selectbox("Combine as", COMBINATIONS, key=f"{key}-ens",
                       help="mean; min (conservative); mean-k*std (penalises disagreement).")
    k = e3.number_input("k", 0.0, 100.0, 1.0, 0.5, key=f"{key}-ens-k", help="k of mean − k·std.")
    return extra, how, float(k)


@st.fragment
def translate_section() -> None:
    """Translate: one source, 5–8 candidates ranked by the reward model, the linguist's judgement. A fragment: a
    click in it reruns this tab, not the page (see the tabs below)."""
    picker_column, glossary_column = st.columns([3, 2])
    with picker_column:
        glossary_picker(store, None, key=GLOSSARIES)
    if not policies:
        st.info("No policy model yet: set up the demo on the Start page, or register a model on the Models page.")
    else:
        source = st.text_area("Source (English or French)", key="tr-source", height=100,
                              placeholder="Type or paste a sentence in English or French")
        guess = detect_language(source) if source.strip() else None
        c1, c2, c3 = st.columns(3)
        detected_label = f"Detected: {guess.name}" if guess and guess.language else "Detect automatically"
        lang = c1.selectbox("Source language", ["auto", "en", "fr"], key="tr-lang",
                            format_func=lambda c: detected_label if c == "auto" else LANGUAGE_NAMES[c],
                            help="Detected from function words and French accents; choose to override.")
        # the translation shown (a reload, or back from another page) opens the box on its own model: on the default
        # one, the page said "the model above changed" when nothing had
        shown_id = st.session_state.get(REQUEST) or st.query_params.get("request")
        shown_model = (store.feedback.request(shown_id) or {}).get("model") if shown_id else None
        model_default = shown_model if shown_model in policies else default_policy(store)
        model = c2.selectbox("Model version", policies, key="tr-model",
                             index=policies.index(model_default) if model_default in policies else 0,
                             help="The production model when there is one, else the newest SFT model.")
        # another model, or the box made afresh (Streamlit drops a widget's value when its page is left): the reward
        # model that serves it — a keyed select box kept the one chosen for the model before, or fell to the first
        if not reward_models:  # the box's one choice, "None registered" (a None set here read "Choose an option")
            st.session_state.pop("tr-rm", None)
        elif st.session_state.get("tr-rm::for") != model or "tr-rm" not in st.session_state:
            st.session_state["tr-rm::for"] = model
            st.session_state["tr-rm"] = reward_models[_rm_index(model)]
        rm = c3.selectbox("Reward model", reward_models or [None], key="tr-rm", format_func=rm_choice_label,
                          help="Ranks the candidates; the top 3 are shown first. Set to the one that serves the "
                               "model chosen, when the model changes.")
        model_format = _prompt_format(model)
        terms_in_prompt = glossary_column.checkbox(
            "Glossary terms in the prompt", value=model_format == "instruction",
            key=f"tr-terms-in-prompt-{model_format}", disabled=model_format != "instruction",
            help="Instruction-format models get the terms that apply to the source in their prompt. The studio's "
                 "tag-format models cannot read them: the terms are highlighted for you instead.")
        if guess is not None:
            st.caption(f"Language: {guess.name} ({guess.reason})" if guess.language else
                       f"Language: no clue ({guess.reason}) — English unless you choose French.")
        with st.expander("Sampling"):
            strategies = st.text_input("Strategies", ", ".join(DEFAULT_STRATEGIES), key="tr-strategies",
                                       help="Each gives one candidate (xN for N): greedy, temperature:0.8, top_k:20, "
                                            "top_p:0.9x2, beam:4. Between 5 and 8 candidates in all.")
            s1, s2, s3 = st.columns(3)
            max_new = s1.number_input("Longest translation (tokens)", 4, 512, 64, key="tr-max-new")
            fixed = s2.checkbox("Fixed seed", key="tr-seed-fixed",
                                help="Off: every request draws its own seed (shown with the candidates, so it can "
                                     "be sampled again). On: every request uses this seed.")
            seed = s3.number_input("Seed", 0, 2**31 - 1, 0, key="tr-seed") if fixed else None
        if rm is not None and len(reward_models) > 1:
            with st.expander("Reward-model ensemble"):
                extra_rms, ensemble, ensemble_k = ensemble_settings("tr", rm)
        else:
            extra_rms, ensemble, ensemble_k = [], "mean", 1.0
        if st.button("Translate", type="primary", key="tr-translate"):
            pair, detected = _pair_of(source, lang)
            if not source.strip():
                st.error("Type or paste a source sentence first.")
            elif pair is None:
                st.error("This text is in Arabic script: the source must be English or French.")
            else:
                chosen = st.session_state.get(GLOSSARIES) or []
                terms_for_prompt = (prompt_terms(term_index(store, chosen, pair).applicable(source))
                                 if chosen and terms_in_prompt and model_format == "instruction" else [])
                try:
                    with st.spinner("Sampling and ranking candidates…"):
                        translation = translate_with_registry(
                            store, source=source, pair=pair, model=model, rm=rm,
                            strategies=[s.strip() for s in strategies.split(",") if s.strip()],
                            max_new_tokens=int(max_new), seed=None if seed is None else int(seed),
                            extra_rms=extra_rms, ensemble=ensemble, ensemble_k=ensemble_k,
                            terms=terms_for_prompt)
                    request_id = record(store, translation, linguist=linguist, detected=detected)
                    log_served(store, [served_from_translation(translation, request_id)])
                except (ValueError, LookupError, OSError) as exc:
                    show_error(exc)
                else:
                    st.session_state[REQUEST] = request_id
                    st.query_params["request"] = request_id
    restored = st.query_params.get("request") if REQUEST not in st.session_state else None
    if restored and store.feedback.request(restored) is not None:  # a reload keeps the translation
        st.session_state[REQUEST] = restored
    if st.session_state.get(REQUEST):
        # back from another page (the sidebar's links drop the address's parameters): put it back, so that a reload
        # still finds the translation
        if st.query_params.get("request") != st.session_state[REQUEST]:
            st.query_params["request"] = st.session_state[REQUEST]
        st.divider()
        if policies:
            _say_if_settings_changed(st.session_state[REQUEST], source, model,
                                     _pair_of(source, lang)[0] if source.strip() else None)
        feedback(st.session_state[REQUEST], "tr")


def _say_if_settings_changed(request_id: str, source: str, model: str, pair: str | None) -> None:
    """Say so when the candidates below are not what the settings above would translate: another source, model or
    language was chosen since (they stayed under selectors naming another model, with nothing said, and a judgement
    was given believing it was of that model)."""
    request = store.feedback.request(request_id)
    if request is None:
        return
    changed = [what for what, now, then in (("source", " ".join(source.split()), " ".join(request["source"].split())),
                                            ("model", model, request["model"]), ("language", pair, request["pair"]))
               if now and now != then]
    if changed:
        st.warning(f"The {' and '.join(changed)} above changed since these candidates were made: they are "
                   f"{markdown_literal(request['model'])}'s translation of the source shown below "
                   f"({request['pair']}). Click *Translate* for the settings above; a judgement below is of what it "
                   "shows.", icon=":material/history:")



def create_queue_section() -> None:
    """Review queue, for leads: the form that creates a queue. Outside the judging fragment, so that a linguist's
    every judgement does not rebuild (and the browser re-render) its twelve fields and button; creating a queue
    reruns the page."""
    queues = store.feedback.queues()
    with st.expander("Create a review queue (leads)", expanded=not queues):
        corpora = store.corpora.list()
        if not corpora or not policies:
            st.info("A queue needs a corpus (Data page) and a policy model.")
        else:
            with st.form("tr-queue-form"):
                q1, q2 = st.columns(2)
                q_name = q1.text_input("Queue name", key="tr-q-name")
                names = {c["id"]: f"{c['name']} ({counted(c['segments'], 'segment')})" for c in corpora}
                q_corpora = q2.multiselect("Corpora", list(names), default=list(names)[:1], format_func=names.get,
                                           key="tr-q-corpora")
                # valid first: the judgements become human pairs that the reward fine-tune and Phase 3 train on, so
                # a queue on the test split put the sources the scorecard measures on into training
                q_split = q1.selectbox("Split", ["valid", "test", "train", "all"], key="tr-q-split",
                                       help="Review sources the models did not train on: valid. The judgements "
                                            "become training pairs for the reward fine-tune and Phase 3 — on the "
                                            "test split, the sources the comparisons measure on would be trained "
                                            "on too.")
                q_size = q2.number_input("Sources (0 = the whole split)", 0, 100_000, 20, key="tr-q-size",
                                         help="A seeded random sample of this many sources.")
                q_k = q1.number_input("Judgements per source (k)", 1, 10, 2, key="tr-q-k",
                                      help="Two or more lets the studio measure agreement between linguists.")
                q_model = q2.selectbox("Model version", policies, key="tr-q-model",
                                       index=policies.index(default_policy(store)) if default_policy(store) in policies
                                       else 0)
                q_rm = q1.selectbox("Reward model", reward_models or [None], key="tr-q-rm",
                                    index=_rm_index(q_model), format_func=rm_choice_label)
                q_people = q2.multiselect("Linguists (empty: anyone)", store.feedback.linguists(), key="tr-q-people")
                q_extra = q1.multiselect("More reward models (ensemble)", reward_models, key="tr-q-rm-extra",
                                         help="Rank with them too; their spread measures disagreement.")
                q_ens = q2.selectbox("Combine as", COMBINATIONS, key="tr-q-ens")
                q_ens_k = q1.number_input("k (mean − k·std)", 0.0, 100.0, 1.0, 0.5, key="tr-q-ens-k")
                q_order = q2.selectbox("Order of the sources", ORDERINGS, key="tr-q-order",
                                       format_func=lambda o: f"{o}: {ORDERING_HELP[o]}",
                                       help="By uncertainty: a job first samples and scores every source, then "
                                            "Next item hands out the sources the reward models are least sure of.")
                make = st.form_submit_button("Create queue", type="primary")
            if make:
                try:
                    new_id = create_queue(store, name=q_name, corpus_ids=q_corpora, split=q_split, k=int(q_k),
                                          model=q_model, rm=q_rm, created_by=linguist, linguists=q_people,
                                          sample_size=int(q_size), extra_rms=q_extra, ensemble=q_ens,
                                          ensemble_k=float(q_ens_k), ordering=q_order)
                    measure = order_request(store, new_id)
                    if measure is not None:
                        services().supervisor.start("queue_order", measure, title=f"Order queue {q_name} by {q_order}")
                except (ValueError, LookupError, JudgementError) as exc:
                    show_error(exc)
                else:
                    st.session_state["tr-queue"] = new_id
                    st.rerun()


@st.fragment
def review_queue_section() -> None:
    """Review queue: the next source of a lead's queue for this linguist, judged like a translation. A fragment:
    *Next item*, the form and *Submit judgement* rerun this part of the tab, not the page."""
    queues = store.feedback.queues()
    if not queues:
        st.info("No review queue yet.")
    else:
        labels = {q["id"]: f"{q['name']} — {counted(q['items'], 'source')}, k = {q['k']}" for q in queues}
        if st.session_state.get("tr-queue") not in labels:
            st.session_state.pop("tr-queue", None)
        queue_id = st.selectbox("Queue", list(labels), format_func=labels.get, key="tr-queue")
        queue = store.feedback.queue(queue_id)
        ordering = queue["settings"].get("ordering", "random")
        if ordering != "random":
            measured = store.feedback.measured_items(queue_id)
            st.caption(f"Ordered by {ordering} ({ORDERING_HELP[ordering]}): {measured[0]} of {measured[1]} sources "
                       "measured — the rest follow in the queue's own order. The measuring run is on the Runs page.")
        progress = store.feedback.progress(queue_id, linguist)
        st.progress(min(1.0, progress["judged"] / max(progress["wanted"], 1)),
                    text=f"Queue: {progress['judged']} of {progress['wanted']} judgements · {progress['complete']} of "
                         f"{progress['items']} sources complete · you: {progress['mine']} judged")
        item_key = f"tr_item::{linguist}::{queue_id}"
        if not may_review(queue, linguist):
            st.info(f"You are not among this queue's linguists ({markdown_literal(', '.join(queue['linguists']))}).")
        else:
            current = st.session_state.get(item_key)
            mine = _my_judgement(current["request_id"]) if current is not None else None
            saved_key = f"{item_key}::saved"
            if mine is not None:  # judged (the submit reruns the tab into here): its confirmation, and the next item
                st.session_state[saved_key] = _saved_message(mine, current["item_id"])
                # unless this submit was refused: the item open in another tab was judged there first — say so
                # (the other tab's confirmation showed, and the typed post-edit was gone without a word)
                refused = st.session_state.pop(f"q{queue_id}-error-{current['request_id']}", None)
                if refused:
                    st.error(f"Item {current['item_id']}: {refused}")
            if st.session_state.get(saved_key):  # kept above the next item: a double click's second run shows it too
                st.success(st.session_state[saved_key])
            if mine is not None:
                current = _next_queue_item(queue_id, item_key)
            if current is None and st.button("Next item", type="primary", key=f"tr-next-{queue_id}"):
                current = _next_queue_item(queue_id, item_key)
            if current is not None:
                st.caption(f"Item {current['item_id']} of {progress['items']}")
                feedback(current["request_id"], f"q{queue_id}", queue_id=queue_id, item_id=current["item_id"])
        st.subheader("Agreement")
        # reads every judgement of the queue: computed when asked for, not on each judgement (1.5 s a click with
        # 30,000 judgements)
        if st.toggle("Show the agreement between this queue's linguists", key=f"tr-queue-agreement-{queue_id}"):
            report = queue_agreement(store, queue_id)
            agreement_metrics(report, items_label="Sources judged by 2+ linguists")
            if report.pairs:
                st.dataframe([{"linguist A": p.linguist_a, "linguist B": p.linguist_b, "shared sources": p.items,
                               "ranked both": p.ranked_items, "Kendall's tau": p.mean_tau,
                               "picks compared": p.best_items, "same best pick": p.best_agreement}
                              for p in report.pairs], hide_index=True, width="stretch")



BATCH_RUNS_SHOWN = 50  # how many batch runs (newest first) the Batch translation tab offers


def batch_section() -> None:
    """Batch translation: a file translated by a job, downloadable when done."""
    if not policies:
        st.info("Batch translation needs a policy model: set up the demo on the Start page, or register one on the "
                "Models page.")
    else:
        upload = st.file_uploader("Sources: .txt (one per line), .tsv / .csv (first column), .jsonl (\"source\")",
                                  type=["txt", "tsv", "csv", "jsonl"], key="tr-batch-file",
                                  max_upload_size=MAX_UPLOAD_BYTES // (1024 * 1024),
                                  help=f"At most {MAX_UPLOAD_BYTES // (1024 * 1024)} MiB and 5,000 sources.")
        # without a reward model the samples' consensus picks (MBR): a file translates right after the demo set-up,
        # where the tab said only that a reward model was missing
        no_rm = ("not needed: each line's translation is then the candidate its samples agree with most (minimum "
                 "Bayes risk by chrF); a reward model from *3 · Reward model* would rank them by learnt quality.")
        # the model is chosen above the form, so that the form's reward model follows it (a form does not rerun
        # before it is sent: picking another model in it kept the default model's reward model)
        policy_field = next(f for f in config_fields(TranslateBatchConfig) if f.name == "model")
        model = model_picker("policy")(policy_field, default_policy(store), "tr-batch-model")
        if st.session_state.get("tr-batch-rm::for") != model:  # the reward model box starts again from its default
            st.session_state["tr-batch-rm::for"] = model
            st.session_state.pop("tr-batch-reward_model", None)
        config = config_form("translate_batch", key="tr-batch", hidden=("upload", "upload_name", "model"),
                             defaults={"model": model,
                                       "reward_model": default_reward_model(store, model)
                                       or (reward_models[0] if reward_models else "")},
                             widgets={"reward_model": model_picker("reward", optional=no_rm)},
                             submit_label="Translate the file")
        if config is not None:
            if upload is None:
                st.error("Choose a file of sources first.")
            elif upload.size > MAX_UPLOAD_BYTES:
                st.error(f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MiB.")
            else:  # a double click submits twice: the same settings and file start one run
                submission = [config_to_dict(config), upload.name, hashlib.sha256(upload.getvalue()).hexdigest()]
                if not repeated_start("translate_batch", submission):
                    try:
                        staged = stage_upload(services().workspace.root, upload.getvalue(), upload.name, config.pair)
                        run_id = services().supervisor.start("translate_batch", replace(
                            config, upload=staged.token, upload_name=staged.name),
                            title=f"Batch translation of {staged.name}")
                    except (BatchUploadError, ValueError, LookupError) as exc:
                        show_error(exc)
                    else:
                        remember_start("translate_batch", submission, f"Run {run_id}")
                        st.session_state["tr-batch-pick"] = run_id  # the tab follows the run it started
                        st.rerun()
        # every batch run of the workspace, newest first: the tab showed the newest alone, so one started (or
        # cancelled) by anyone took a finished run's translations and downloads off every linguist's page for good
        runs = {r["id"]: r for r in store.runs.list(kinds=("translate_batch",), limit=BATCH_RUNS_SHOWN)}
        if runs:
            if st.session_state.get("tr-batch-pick") not in runs:
                st.session_state.pop("tr-batch-pick", None)
            picked = st.selectbox(
                "Batch run", list(runs), key="tr-batch-pick",
                format_func=lambda r: f"{runs[r]['title'] or r} — {runs[r]['status']}, "
                                      f"{runs[r]['created_at']:%Y-%m-%d %H:%M} UTC",
                help=f"The newest {BATCH_RUNS_SHOWN} batch translations of this workspace, newest first.")
            run = runs[picked]
            run_monitor(run["id"], key=f"tr-batch-run-{run['id']}", charts=[("Sources per second", ["sources_per_s"])])
            outputs = services().workspace.run_dir(run["id"]) / "outputs"
            if run["status"] in FINAL_STATUSES and (outputs / OUTPUT_TSV).is_file():
                import json

                rows = [json.loads(line) for line in (outputs / OUTPUT_JSONL).read_text(encoding="utf-8")
                        .splitlines()[:10]]
                bidi_table([{**r, "score": f"{r['score']:.3f}"} for r in rows], ["line", "source", "translation",
                                                                                 "score"],
                           arabic_columns=("translation",))
                d1, d2 = st.columns(2)
                d1.download_button("Download TSV", (outputs / OUTPUT_TSV).read_bytes(), file_name=OUTPUT_TSV,
                                   mime="text/tab-separated-values", key="tr-batch-tsv")
                d2.download_button("Download JSONL", (outputs / OUTPUT_JSONL).read_bytes(), file_name=OUTPUT_JSONL,
                                   mime="application/jsonl", key="tr-batch-jsonl")



def feedback_log_section() -> None:
    """All feedback: every judgement, agreement between linguists, exports and imports."""
    f1, f2, f3 = st.columns(3)
    who = f1.multiselect("Linguists", store.feedback.judging_linguists(), key="tr-f-who")
    dates = f2.date_input("Dates (UTC)", value=[], key="tr-f-dates")
    which = f3.multiselect("Models", store.feedback.judged_models(), key="tr-f-models")
    since = datetime.combine(dates[0], time()) if len(dates) >= 1 else None
    until = datetime.combine(dates[-1], time()) + timedelta(days=1) if len(dates) >= 1 else None
    filters = {"linguists": who or None, "since": since, "until": until, "models": which or None}
    total = store.feedback.count_judgements(**filters)
    st.caption(f"{total} judgement(s); the newest 50 below.")
    rows = store.feedback.judgements(**filters, newest_first=True, limit=50)
    texts = store.feedback.candidates_of(sorted({r["request_id"] for r in rows}))
    bidi_table([{
        "time": f"{r['created_at']:%Y-%m-%d %H:%M}", "linguist": r["linguist"],
        "format": kind_label(r["kind"], len(r["shown"] or [])),
        "source": r["source"],
        "chosen": r["correction"] or next((c["text"] for c in texts.get(r["request_id"], [])
                                           if c["position"] == r["best"]), ""),
        "ranking": " > ".join(f"#{p + 1}" for p in r["ranking"]) if r["ranking"] else "",
        "tags": ", ".join(r["tags"]), "comment": r["comment"], "model": r["model"],
    } for r in rows], ["time", "linguist", "format", "source", "chosen", "ranking", "tags", "comment", "model"],
        arabic_columns=("chosen",), labels={"chosen": "best / correction"})
    if st.button(f"Export {EXPORT_NAME}", key="tr-export", disabled=total == 0,
                 help="One JSON object per judgement (with the filters above): source, candidates shown, ranking / "
                      "best / correction / tags, linguist, model, time."):
        path = write_export(store, services().workspace.root / "exports", **filters)
        st.session_state["tr-export-path"] = str(path)
    if st.session_state.get("tr-export-path"):
        from pathlib import Path

        exported = Path(st.session_state["tr-export-path"])
        if exported.is_file():
            st.download_button(f"Download {EXPORT_NAME}", exported.read_bytes(), file_name=EXPORT_NAME,
                               mime="application/jsonl", key="tr-export-download")
            st.caption(f"Written to `{exported}`.")
    argilla_panel(store, services().workspace.root / "exports", who or None)



# --- tabs ------------------------------------------------------------------------------------------------
# The Translate and Review queue tabs are fragments: a linguist's clicks rerun only that tab. Switching tabs reruns
# the page (on_change="rerun"), so a tab shown is never older than the judgements made in another one; every tab
# is still drawn on every run, so nothing typed in a tab not shown is lost.
translate_tab, queue_tab, batch_tab, feedback_tab = st.tabs(
    ["Translate", "Review queue", "Batch translation", "All feedback"], key="tr-tab", on_change="rerun")

with translate_tab:
    translate_section()
with queue_tab:
    create_queue_section()
    review_queue_section()
with batch_tab:
    batch_section()
with feedback_tab:
    feedback_log_section()
