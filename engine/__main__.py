"""Command line: ``python -m engine run RUN_DIR``, ``python -m engine jobs list|show|cancel|resume|logs``,
``python -m engine export pairs|model|argilla``, ``python -m engine import argilla``, ``python -m engine serve``
(the translation endpoint) and ``python -m engine retrain-due`` (for a cron).

``run`` is what the studio launches in a subprocess (a user may type it to rerun a run folder the studio prepared:
its job reads the ``inputs/`` the studio exported). The ``jobs`` verbs open the studio's store; they work when the
studio is not running (DuckDB lets one process hold the file). ``logs`` reads the run folder and works at any time.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import math
import os
import sys
from pathlib import Path

from engine.paths import user_path
from engine.workspace import Workspace


def _cmd_run(args: argparse.Namespace) -> int:
    from engine.jobs.process import CONFIG_FILE, run_job, running_elsewhere

    run_dir = Path(args.run_dir)
    if not (run_dir / CONFIG_FILE).is_file():  # nothing to run, and nowhere to record why
        print(f"error: {run_dir} is not a run folder (no {CONFIG_FILE}): the studio or `jobs` make run folders, with "
              "the inputs/ their jobs read", file=sys.stderr)
        return 2
    other = running_elsewhere(run_dir)
    if other is not None:
        print(f"error: the run in {run_dir} is already running (process {other}): wait for it, or cancel it with "
              f"`python -m engine jobs cancel {run_dir.resolve().name}` first", file=sys.stderr)
        return 2
    run_dir, previous = run_dir.resolve(), Path.cwd()
    os.chdir(run_dir)  # a job works in its run folder, as the studio starts it: how another `run` of it is seen
    try:
        return run_job(run_dir)
    finally:
        os.chdir(previous)


def _open_store(workspace: Workspace):
    """The workspace's store, its paths rewritten first when the workspace was moved to another folder."""
    from engine.store import Store
    from engine.store.relocation import relocate

    store = Store(workspace.db_path)
    relocate(store, workspace.root)
    return store


def _supervisor():
    from engine.jobs.supervisor import Supervisor

    workspace = Workspace.from_env().ensure()
    # a one-shot command gains nothing from a fork server: its one launch would wait for the server's imports
    return Supervisor(_open_store(workspace), workspace, warm_start=False)


def _cmd_list(args: argparse.Namespace) -> int:
    sup = _supervisor()
    sup.poll()
    rows = sup.store.runs.list(limit=args.limit)
    for run in rows:
        done, total = run["progress_done"], run["progress_total"]
        progress = f"{done:.0f}/{total:.0f}" if done is not None and total else ""
        print(f"{run['id']:<40} {run['status']:<10} {progress:>12}  {run['created_at']:%Y-%m-%d %H:%M}")
    if not rows:
        print("no runs yet")
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    sup = _supervisor()
    sup.poll()
    run = sup.store.runs.get(args.run_id)
    if run is None:
        print(f"error: no run {args.run_id}", file=sys.stderr)
        return 2
    run["config"] = json.loads(run["config"])
    run["events_ingest"] = sup.store.runs.ingest_report(args.run_id)
    print(json.dumps(run, indent=2, default=str, ensure_ascii=False))
    return 0


def _cmd_cancel(args: argparse.Namespace) -> int:
    sup = _supervisor()
    if not sup.cancel(args.run_id):  # it printed "succeeded", exit 0: a script took it for a cancel
        print(f"error: run {args.run_id} has already ended ({sup.store.runs.get(args.run_id)['status']}): nothing "
              "to cancel", file=sys.stderr)
        return USAGE_EXIT
    status = sup.cancel_and_wait(args.run_id, cancel=False)
    print(status)
    if status in ("succeeded", "failed"):  # it ended on its own before the cancel took effect
        print(f"error: run {args.run_id} ended {status} before the cancel took effect", file=sys.stderr)
        return USAGE_EXIT
    return 0


def _cmd_resume(args: argparse.Namespace) -> int:
    sup = _supervisor()
    pid = sup.resume(args.run_id)
    print(f"resumed {args.run_id} (pid {pid})")
    if args.wait:  # as `retrain-due --start --wait`: a script must tell a failed run from a finished one
        status = sup.wait(args.run_id, timeout_s=args.timeout)
        print(status)
        return 0 if status == "succeeded" else 1
    return 0


def _cmd_logs(args: argparse.Namespace) -> int:
    run_dir = Workspace.from_env().run_dir(args.run_id)
    log = run_dir / "stdout.log"
    if not log.exists():
        print(f"error: no log for {args.run_id} in {run_dir}", file=sys.stderr)
        return 2
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    print("\n".join(lines[-args.tail:]))
    return 0


def _cmd_export_pairs(args: argparse.Namespace) -> int:
    from engine.preferences.export import export_preferences

    workspace = Workspace.from_env().ensure()
    out_dir = Path(args.out) if args.out else workspace.root / "exports"
    store = _open_store(workspace)
    try:
        out = export_preferences(store, out_dir, origin=args.origin, run_ids=args.run or None)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    print(f"{out['folder']}: {out['train']} train, {out['validation']} validation"
          + (f" ({out['dropped']} training pairs sharing a source with validation left out)" if out["dropped"] else ""))
    return 0


def _cmd_export_model(args: argparse.Namespace) -> int:
    from engine.models.registry import RegistryError, export_dir, export_standalone

    workspace = Workspace.from_env().ensure()
    store = _open_store(workspace)
    try:
        out = Path(args.out) / args.name if args.out else export_dir(workspace, args.name)
        folder = export_standalone(store, args.name, out, dtype=args.dtype)
    except (RegistryError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    print(folder)
    return 0


def _cmd_export_argilla(args: argparse.Namespace) -> int:
    from engine.feedback.argilla import (
        RECORDS_FILE,
        export_files,
        nothing_to_export,
        superseded_judgements,
        unsaved_answers,
        write_folder,
    )
    from engine.wording import counted

    workspace = Workspace.from_env().ensure()
    out = Path(args.out) if args.out else workspace.root / "exports" / "argilla_feedback"
    store = _open_store(workspace)
    try:
        files = export_files(store, linguists=args.linguist or None)
        superseded = superseded_judgements(store, linguists=args.linguist or None)
        if refusal := nothing_to_export(files, args.linguist):
            print(f"error: {refusal}", file=sys.stderr)
            return 2
        records = json.loads(files[RECORDS_FILE])
        answers = [a for r in records for values in (r.get("responses") or {}).values() for a in values]
        drafts = sum(a.get("status") == "draft" for a in answers)
        try:  # an earlier export annotated in place is replaced only once its answers are in the store
            folder = write_folder(out, files, unimported=lambda found: unsaved_answers(store, found))
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    finally:
        store.close()
    print(f"{folder}: {counted(len(records), 'record')}, {counted(len(answers), 'response')}")
    if drafts:
        print(f"{counted(drafts, 'response')} of rankings of the candidates shown written as drafts: Argilla "
              "accepts a submitted ranking only of every candidate (they import back as they were)")
    if superseded:
        print(f"{counted(superseded, 'earlier judgement')} left out: Argilla keeps one response per linguist and "
              "record, and a linguist's latest judgement of a translation is the one exported")
    return 0


def _cmd_import_argilla(args: argparse.Namespace) -> int:
    from engine.feedback.argilla import ArgillaImportError, import_feedback
    from engine.feedback.argilla.layout import read_folder, read_zip_file

    path = Path(args.path)
    if not path.exists():
        print(f"error: {path} does not exist", file=sys.stderr)
        return 2
    try:
        files = read_folder(path) if path.is_dir() else read_zip_file(path)
    except ArgillaImportError as exc:
        print(f"error: {'; '.join(exc.problems)}", file=sys.stderr)
        return 2
    workspace = Workspace.from_env().ensure()
    store = _open_store(workspace)
    try:
        report = import_feedback(store, files, default_pair=args.pair)
    except ArgillaImportError as exc:  # one line: the reasons joined (the first 20)
        print(f"error: the Argilla dataset cannot be imported: {'; '.join(exc.problems[:20])}"
              + (f"; … and {len(exc.problems) - 20} more" if len(exc.problems) > 20 else ""), file=sys.stderr)
        return 2
    finally:
        store.close()
    print(report.summary())
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    import signal
    import threading

    from engine.monitor.server import TranslationEndpoint

    workspace = Workspace.from_env().ensure()
    store = _open_store(workspace)
    endpoint = TranslationEndpoint(store, port=args.port)
    try:
        url = endpoint.start()
    except OSError as exc:
        store.close()
        print(f"error: {exc}", file=sys.stderr)
        return 2
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    print(f"serving POST {url} (127.0.0.1 only); Ctrl-C stops", flush=True)
    try:
        stop.wait()
    finally:
        endpoint.stop()
        store.close()
    return 0


def _cmd_retrain_due(args: argparse.Namespace) -> int:
    import time

    from engine.pipelines.runner import PipelineRunner
    from engine.promotion.schedule import RetrainError, retrain_due, start_retrain

    sup = _supervisor()
    store = sup.store
    try:
        sup.poll()
        runner = PipelineRunner(store, sup)
        runner.advance()
        check = retrain_due(store)
        print(f"{'due' if check.due else 'not due'}: {check.reason}")
        if not (check.due and args.start):
            return 0
        try:
            retrain_id = start_retrain(store, runner, reason=check.reason)
        except RetrainError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        row = store.promotion.retrains()[0]
        print(f"started retrain {retrain_id}: pipeline {row['pipeline_id']} from {row['base_model']}, "
              f"candidate {row['model_name']}")
        deadline = time.monotonic() + args.timeout
        while args.wait and time.monotonic() < deadline:
            sup.poll()
            runner.advance()
            pipeline = store.pipelines.get(row["pipeline_id"])
            if pipeline["status"] != "running":
                print(f"pipeline {pipeline['id']}: {pipeline['status']}"
                      + (f" ({pipeline['error']})" if pipeline["error"] else ""))
                return 0 if pipeline["status"] == "succeeded" else 1
            time.sleep(1.0)
        if args.wait:  # a cron must tell "gave up waiting" from "succeeded", as `jobs resume --wait` says it
            print(f"error: pipeline {row['pipeline_id']} is still running after {args.timeout:g} s; it goes on",
                  file=sys.stderr)
            return TIMEOUT_EXIT
        return 0
    finally:
        store.close()


def _cmd_demo(args: argparse.Namespace) -> int:
    if args.dverb == "train":
        from engine.demo.train import main as train_main

        return train_main(args.rest)
    if args.dverb == "corpus":
        from engine.demo.corpus.build import main as build_main

        return build_main(args.rest)
    from engine.demo.corpus.check import main as check_main

    domain_named = any(not a.startswith("-") for a in args.rest)  # DOMAIN checks that module; none: the files
    return check_main(args.rest if domain_named else ["--files", *args.rest])


def _count(text: str) -> int:
    """An argparse type: a whole number ≥ 1."""
    try:
        value = int(text)
    except ValueError:  # argparse said "invalid _count value", the function's name
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _seconds(text: str) -> float:
    """An argparse type: a finite number of seconds > 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number of seconds, not {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0, not {text}")
    return value


def _port(text: str) -> int:
    """An argparse type: a TCP port, 0 (any free one) to 65535."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a port number, not {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"must be 0 (any free port) to 65535, not {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The CLI's argument parser."""
    parser = argparse.ArgumentParser(prog="python -m engine", description=" ".join(__doc__.split("\n\n")[0].split()))
    verbs = parser.add_subparsers(dest="verb", required=True)
    run = verbs.add_parser("run", help="run one job of a run folder the studio prepared (RUN_DIR/config.yaml and "
                                       "inputs/) in this process: what the studio launches")
    run.add_argument("run_dir")
    run.set_defaults(func=_cmd_run)

    jobs = verbs.add_parser("jobs", help="list, inspect, cancel, resume runs")
    jverbs = jobs.add_subparsers(dest="jverb", required=True)
    p = jverbs.add_parser("list", help="runs, newest first")
    p.add_argument("--limit", type=_count, default=50, help="show at most this many runs (default 50)")
    p.set_defaults(func=_cmd_list)
    for name, func, help_ in (("show", _cmd_show, "one run as JSON"),
                              ("cancel", _cmd_cancel, "cancel a run and wait for it to stop")):
        p = jverbs.add_parser(name, help=help_)
        p.add_argument("run_id")
        p.set_defaults(func=func)
    p = jverbs.add_parser("resume", help="resume a failed or cancelled run from its checkpoint")
    p.add_argument("run_id")
    p.add_argument("--wait", action="store_true", help="block until it ends")
    p.add_argument("--timeout", type=_seconds, default=3600,
                   help="with --wait: give up after this many seconds, exit 4 (default 3600; the run goes on)")
    p.set_defaults(func=_cmd_resume)
    p = jverbs.add_parser("logs", help="the tail of a run's stdout.log")
    p.add_argument("run_id")
    p.add_argument("--tail", type=_count, default=100, help="the last this many lines (default 100)")
    p.set_defaults(func=_cmd_logs)

    export = verbs.add_parser("export", help="write preference pairs or a model as a folder other tools read")
    everbs = export.add_subparsers(dest="everb", required=True)
    p = everbs.add_parser("pairs", help="synthetic or human pairs: train/validation JSONL, conversational variant, "
                                        "DatasetDict, dataset card, LLaMA-Factory and OpenRLHF configs")
    p.add_argument("--origin", choices=("synthetic", "human"), default="synthetic",
                   help="synthetic -> exports/synthetic_preferences/, human -> exports/human_pairs/")
    p.add_argument("--run", action="append", default=[], help="a pair set (the run that made it); repeat; "
                                                              "default: every pair set of the origin")
    p.add_argument("--out", type=out_folder, help="the folder to write the export into (default: the workspace's "
                                                  "exports/)")
    p.set_defaults(func=_cmd_export_pairs)
    p = everbs.add_parser("model", help="a registered model as a standalone save_pretrained folder with a model card")
    p.add_argument("name")
    p.add_argument("--dtype", choices=("float32", "bfloat16", "float16"), default="float32",
                   help="the weights' precision in the export")
    p.add_argument("--out", type=out_folder, help="the folder to write <name>/ into (default: the workspace's "
                                                  "exports/)")
    p.set_defaults(func=_cmd_export_model)

    p = everbs.add_parser("argilla", help="the judgements in Argilla's dataset layout (rg.Dataset.from_disk)")
    p.add_argument("--linguist", action="append", help="only this linguist's judgements (repeatable)")
    p.add_argument("--out", type=out_folder, help="the folder to write (default: the workspace's "
                                                  "exports/argilla_feedback/)")
    p.set_defaults(func=_cmd_export_argilla)
    imp = verbs.add_parser("import", help="read judgements made elsewhere into the store")
    iverbs = imp.add_subparsers(dest="iverb", required=True)
    p = iverbs.add_parser("argilla", help="an Argilla dataset folder (rg.Dataset.to_disk) or a zip of it")
    p.add_argument("path")
    p.add_argument("--pair", default=None, choices=("en-ar", "fr-ar"),
                   help="the language pair of records whose metadata names none (default: read from each record's "
                        "source, en-ar where unclear)")
    p.set_defaults(func=_cmd_import_argilla)
    p = verbs.add_parser("serve", help="the translation endpoint (POST /translate on 127.0.0.1) in the foreground, "
                                       "when the studio is not running (it holds the store)")
    p.add_argument("--port", type=_port, default=8502, help="the port on 127.0.0.1 (0: any free port)")
    p.set_defaults(func=_cmd_serve)
    p = verbs.add_parser("retrain-due", help="whether the retraining schedule wants a retrain now (for a cron); "
                                             "--start starts it: Phase 3 from the production model")
    p.add_argument("--start", action="store_true", help="start the retrain when it is due")
    p.add_argument("--wait", action="store_true", help="with --start: advance the pipeline until it ends (the "
                                                       "studio does this itself when it runs)")
    p.add_argument("--timeout", type=_seconds, default=24 * 3600,
                   help="with --wait: give up after this many seconds")
    p.set_defaults(func=_cmd_retrain_due)

    demo = verbs.add_parser("demo", help="the demo corpus and model: train, corpus, check")
    demo.add_argument("dverb", choices=("train", "corpus", "check"),
                      help="train: the shipped demo model; corpus: rewrite data/demo/*.tsv; check: check them")
    demo.add_argument("rest", nargs=argparse.REMAINDER, help="options of the verb (see --help after it)")
    demo.set_defaults(func=_cmd_demo)
    return parser


USAGE_EXIT = 2
"""The exit code of a command given something it cannot do: an unknown run, a run that cannot be resumed, …"""
STORAGE_EXIT = 3
"""The exit code of a ``jobs`` verb stopped by a storage failure (a locked, full, read-only or damaged store)."""
TIMEOUT_EXIT = 4
"""The exit code of a ``--wait`` that gave up after its ``--timeout`` (the run goes on)."""
INTERRUPTED_EXIT = 130
"""The exit code of a command stopped by Ctrl-C (128 + SIGINT, as shells report it); a run it started goes on."""


def out_folder(value: str) -> str:
    """An ``--out`` folder: refused by the parser (exit 2) when it, or a folder it would be made in, is a file —
    "error: File exists", exit 3 as a storage failure, named neither the option nor the fault."""
    if not value.strip():  # empty: the default folder, as before (Path("") is the current folder)
        return ""
    try:
        path = user_path(value)
    except ValueError as exc:  # argparse would say "invalid out_folder value"
        raise argparse.ArgumentTypeError(str(exc)) from None
    for part in (path, *path.parents):
        if part.exists():
            if not part.is_dir():
                raise argparse.ArgumentTypeError(f"{part} is a file, not a folder")
            break
    return str(path)  # the folder checked is the one written (`--out=~/x` is not expanded by the shell)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; a ``jobs`` verb stopped by a storage failure prints one line and exits non-zero."""
    from engine.models.loading import keep_hub_offline
    from engine.store import StoreError

    keep_hub_offline(os.environ)  # `serve`, `export model` … load models: offline unless TARJAMA_OFFLINE=0
    args = build_parser().parse_args(argv)
    if args.verb == "run":
        return args.func(args)  # the job runner reports its own failures in the run's events
    try:
        return args.func(args)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
    except TimeoutError as exc:  # an OSError, but no storage failure
        print(f"error: {exc}", file=sys.stderr)
        return TIMEOUT_EXIT
    except BrokenPipeError:  # `jobs list | head`: the reader has all it wanted ("error: Broken pipe", exit 3)
        with contextlib.suppress(OSError, ValueError):  # nothing more, and no error when Python flushes at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # e.g. the workspace folder cannot be created
        print(f"error: {_os_error_line(exc)}", file=sys.stderr)
    except (KeyError, ValueError) as exc:  # no such run, a run that cannot be resumed, not a run id: one line
        print(f"error: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return USAGE_EXIT
    except KeyboardInterrupt:  # Ctrl-C: one line, not a traceback
        print("error: interrupted", file=sys.stderr)
        return INTERRUPTED_EXIT
    return STORAGE_EXIT


def _os_error_line(exc: OSError) -> str:
    """One line for a file-system error: what failed, where, and what to do when that is clear."""
    what = f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{what}. Make it writable for this user, or point TARJAMA_HOME at a writable folder."
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"{what}. Free some space and try again."
    return what


if __name__ == "__main__":
    sys.exit(main())
