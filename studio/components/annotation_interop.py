"""Feedback to and from Argilla (the annotation tool): an export as a zip of Argilla's dataset folder, an import
of such a zip, and agreement over every source several linguists judged (imported ones included)."""

from __future__ import annotations

import streamlit as st

from engine.feedback.argilla import (
    ArgillaImportError,
    export_files,
    from_zip,
    import_feedback,
    nothing_to_export,
    superseded_judgements,
    to_zip,
    unsaved_answers,
    write_folder,
)
from engine.feedback.argilla.layout import MAX_IMPORT_MIB, check_import_size
from engine.feedback.queue import shared_agreement
from engine.markup import markdown_literal
from engine.wording import counted
from studio.components.messages import show_error

EXPORT_FOLDER = "argilla_feedback"


def agreement_metrics(report, *, items_label: str) -> None:
    """Kendall's tau, Krippendorff's alpha (ranks and best picks) and the share of equal best picks, as metrics."""
    a1, a2, a3, a4, a5 = st.columns(5)
    a1.metric(items_label, report.shared_items)
    a2.metric(
        "Kendall's tau (mean)",
        f"{report.mean_tau:.2f}" if report.mean_tau is not None else "—",
        help=f"Rank correlation of two linguists' rankings of the same candidates, averaged over pairs of "
        f"linguists; {report.ranked_comparisons} comparisons. 1 = same order, −1 = reversed.",
    )
    a3.metric(
        "Krippendorff's α (ranks)",
        f"{report.rank_alpha:.2f}" if report.rank_alpha is not None else "—",
        help="Ordinal alpha of the rank every linguist gave each candidate: all linguists at once, corrected "
        "for chance agreement. 1 = perfect, 0 = chance; 0.667 is Krippendorff's lowest bar for "
        "tentative conclusions, 0.8 for reliable data.",
    )
    a4.metric(
        "Same best pick",
        f"{report.best_agreement:.0%}" if report.best_agreement is not None else "—",
        help=f"Share of comparisons where both chose the same best (or both 'none'); "
        f"{report.best_comparisons} comparisons.",
    )
    a5.metric(
        "Krippendorff's α (best)",
        f"{report.best_alpha:.2f}" if report.best_alpha is not None else "—",
        help="Nominal alpha of the best picks ('none' included), corrected for chance.",
    )


def argilla_panel(store, exports_root, linguists: list[str] | None) -> None:
    """Export the judgements (of ``linguists``) for Argilla, import an annotated Argilla dataset, and show the
    agreement over every source judged by two or more linguists."""
    st.subheader("Argilla")
    st.caption(
        "Argilla's dataset layout (what `rg.Dataset.to_disk` writes and `rg.Dataset.from_disk` reads): "
        "`.argilla/settings.json` (ranking, best, correction, tags and comment questions), "
        "`.argilla/dataset.json` and `records.json` with each linguist's responses."
    )
    e1, e2 = st.columns(2)
    if e1.button(
        "Export for Argilla",
        key="tr-argilla-export",
        disabled=store.feedback.count_judgements() == 0,
        help="One record per set of candidates judged, each linguist's answers as their responses.",
    ):
        files = export_files(store, linguists=linguists)
        try:
            if refusal := nothing_to_export(files, linguists):
                raise ValueError(refusal)
            # an earlier export annotated in place is replaced only once its answers are in the store
            folder = write_folder(exports_root / EXPORT_FOLDER, files,
                                  unimported=lambda found: unsaved_answers(store, found))
        except (ValueError, OSError) as exc:
            show_error(f"Cannot export: {exc}", e1)
        else:
            st.session_state["tr-argilla-zip"] = to_zip(files)
            st.session_state["tr-argilla-folder"] = str(folder)
            st.session_state["tr-argilla-superseded"] = superseded_judgements(store, linguists=linguists)
    if st.session_state.get("tr-argilla-zip"):
        e1.download_button(
            f"Download {EXPORT_FOLDER}.zip",
            st.session_state["tr-argilla-zip"],
            file_name=f"{EXPORT_FOLDER}.zip",
            mime="application/zip",
            key="tr-argilla-download",
        )
        e1.caption(f"Written to `{st.session_state['tr-argilla-folder']}/`. A ranking of the candidates shown is a "
                   "draft there (Argilla submits only a ranking of every candidate); it imports back as it was.")
        if superseded := st.session_state.get("tr-argilla-superseded"):
            e1.caption(f"{counted(superseded, 'earlier judgement')} left out: Argilla keeps one response per "
                       "linguist and record, the latest.")
    upload = e2.file_uploader(
        "Import an Argilla dataset (.zip of its folder)",
        type=["zip"],
        key="tr-argilla-file",
        max_upload_size=MAX_IMPORT_MIB,
        help=f"At most {MAX_IMPORT_MIB} MiB. Every record is checked first: one bad record and nothing is imported.",
    )
    if e2.button("Import judgements", key="tr-argilla-import", disabled=upload is None):
        try:
            check_import_size(upload.size)
            report = import_feedback(store, from_zip(upload.getvalue()))
        except ArgillaImportError as exc:
            e2.error("Nothing was imported:\n\n" + "\n".join(f"- {markdown_literal(p)}" for p in exc.problems[:20]))
        else:
            e2.success(f"{markdown_literal(report.summary())} Linguists: "
                       f"{markdown_literal(', '.join(report.linguists)) or 'none'}.")
    # reads every judgement: computed when asked for, not on each rerun of the page
    if st.toggle(
        "Show agreement over every source judged by two or more linguists (queues and imports)",
        key="tr-shared-agreement",
    ):
        agreement_metrics(shared_agreement(store), items_label="Sources judged by 2+ linguists")
