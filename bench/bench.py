#!/usr/bin/env python3
"""The Wenshu benchmark (issues 7 and 18). Run it through `bench/run`, which first creates the peers' virtual
environments; see bench/README.md. Standard library only: the peers run in their own processes."""

import argparse
import glob
import json
import os
import platform
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import generate_cases  # noqa: E402
import make_templates  # noqa: E402
from wbench.casegen import make_case  # noqa: E402
from wbench import caseload, floor, peers, process, reference, report, sanity, wenshu  # noqa: E402

REPO = os.path.dirname(HERE)
VENV_ROOT = os.path.join(HERE, ".venv")
WENSHU_FORMATS = ("odt", "fodt", "txt")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--peer-cases", type=int, default=1000,
                        help="cases the hand-built peers and Jinja2 text render (default 1000)")
    parser.add_argument("--slow-peer-cases", type=int, default=200,
                        help="cases relatorio, py3o and secretary render (default 200)")
    parser.add_argument("--wenshu-cases", default="1000,10000",
                        help="comma-separated batch sizes for Wenshu (default 1000,10000)")
    parser.add_argument("--peers", default=",".join(peers.ENGINES),
                        help="peers to run (default: %s); empty for none" % ",".join(peers.ENGINES))
    parser.add_argument("--no-wenshu", action="store_true", help="skip the Wenshu side")
    parser.add_argument("--wenshu", metavar="BINARY", help="use this wenshu binary instead of building one")
    parser.add_argument("--no-build", action="store_true", help="use .build/release/wenshu as it is")
    parser.add_argument("--case-format", choices=("xml", "yaml", "json"), default="xml",
                        help="format of the generated case files (default xml)")
    parser.add_argument("--seed", default="wenshu", help="case generator seed (default 'wenshu')")
    parser.add_argument("--templates", choices=("handmade", "libreoffice"), default="handmade",
                        help="peers' ODT templates as written by make_templates.py (default), or re-saved by "
                             "LibreOffice as a template made in Writer would be")
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds: every run is timed once per round, rounds one after the other; keep the best")
    parser.add_argument("--one-case-runs", type=int, default=10,
                        help="fresh `wenshu render` processes on one case per round (default 10)")
    parser.add_argument("--floor-seconds", type=float, default=1.0, help="minimum time per floor measurement")
    parser.add_argument("--name", default="bench", help="results/NAME.csv, NAME.svg, NAME.txt, NAME.json")
    parser.add_argument("--keep-outputs", action="store_true", help="keep the outputs (in --out)")
    parser.add_argument("--out", metavar="DIR", default=os.path.join(HERE, "results", "work", "out"),
                        help="where every engine writes its documents (default results/work/out; "
                             "e.g. /dev/shm/wenshu-bench to take the disk out of the comparison)")
    args = parser.parse_args(argv)
    args.peer_list = [p for p in args.peers.split(",") if p]
    unknown = set(args.peer_list) - set(peers.ENGINES)
    if unknown:
        parser.error("unknown peer(s): %s" % ", ".join(sorted(unknown)))
    args.sizes = sorted({int(n) for n in args.wenshu_cases.split(",") if n})
    return args


class Run:
    def __init__(self, args):
        self.args = args
        self.results = os.path.join(HERE, "results")
        self.work = os.path.join(self.results, "work")
        self.out = os.path.abspath(args.out)
        self.cores = os.cpu_count() or 1
        self.rows = []
        self.details = {"peers": {}, "wenshu": {}, "floors": {}}
        self.log_lines = []
        self.odf_schema = sanity.find_odf_schema(REPO)

    def say(self, text=""):
        print(text, flush=True)
        self.log_lines.append(text)

    # --- inputs --------------------------------------------------------------------------------
    def peer_cases(self, engine):
        return self.args.slow_peer_cases if engine in peers.SLOW else self.args.peer_cases

    def prepare(self):
        a = self.args
        count = max([1] + [self.peer_cases(e) for e in a.peer_list] + ([] if a.no_wenshu else a.sizes))
        self.cases_dir = os.path.join(self.work, "cases-%s" % a.case_format)
        shutil.rmtree(self.cases_dir, ignore_errors=True)
        start = time.perf_counter()
        summaries = generate_cases.generate(count, a.seed, a.case_format, self.cases_dir)
        self.numbers = [number for number, _ in summaries]
        self.party_names = [names for _, names in summaries]
        self.case_files = [generate_cases.case_file_name(i, a.case_format) for i in range(count)]
        self.say("cases: %d %s cases (seed %r) in %s, generated in %.1f s" % (
            count, a.case_format, a.seed, self.cases_dir, time.perf_counter() - start))
        self.templates = make_templates.build(os.path.join(self.work, "templates"))
        if a.templates == "libreoffice":
            make_templates.resave_with_libreoffice(self.templates.values())
        self.say("templates: %s" % ", ".join("%s %d B" % (os.path.basename(p), os.path.getsize(p))
                                              for p in sorted(set(self.templates.values()))))

    def names(self, index):
        return self.party_names[index]

    # --- the plan: every run once per round ------------------------------------------------------
    def run_rounds(self):
        """Runs every measurement once per round, --repeat rounds, and keeps each one's best, so that the
        machine's load (shared with other work) falls on Wenshu and the peers alike. Within a round, each
        format's peers run between Wenshu's one-job and several-job runs of that format, and the one- and
        two-job runs of a batch follow each other."""
        a = self.args
        self.best, self.failed, self.last_out = {}, {}, {}
        self.stale_outputs = []
        self.one_case_times = []
        self.wenshu_floor = None
        binary = None if a.no_wenshu else self.prepare_wenshu()
        plan = self.plan(binary)
        for attempt in range(a.repeat):
            started = time.perf_counter()
            for key, step in plan:
                if key not in self.failed:
                    step(attempt)
            if binary and "one-case" not in self.failed:
                self.time_one_case(binary, attempt)
            self.measure_wenshu_floor()
            self.say("round %d of %d: %.0f s" % (attempt + 1, a.repeat, time.perf_counter() - started))
        for key, _ in plan:
            if key not in self.failed:
                (self.finish_peer if key[0] == "peer" else self.finish_wenshu)(*key[1:])
        if binary:
            self.finish_one_case()
        self.finish_wenshu_floor()

    def plan(self, binary):
        a = self.args
        steps = []
        listed = set()
        wenshu_sizes = a.sizes if binary else []
        for index, size in enumerate(wenshu_sizes or [None]):
            for fmt in WENSHU_FORMATS:
                jobs = sorted({1, min(2, self.cores), self.cores})
                if size:
                    steps.append(self.wenshu_step(binary, size, fmt, jobs[0]))
                if index == 0:
                    for engine in a.peer_list:
                        if peers.EXTENSIONS[engine] == fmt and engine not in peers.SLOW:
                            steps.append(self.peer_step(engine))
                            listed.add(engine)
                if size:
                    steps += [self.wenshu_step(binary, size, fmt, j) for j in jobs[1:]]
            if index == 0:
                steps += [self.peer_step(e) for e in a.peer_list if e not in listed]
        return steps

    # --- peers ---------------------------------------------------------------------------------
    def peer_step(self, engine):
        count = self.peer_cases(engine)
        listing = os.path.join(self.work, "peer-cases-%d.txt" % count)
        with open(listing, "w", encoding="utf-8") as handle:
            handle.writelines(os.path.join(self.cases_dir, f) + "\n" for f in self.case_files[:count])
        python = os.path.join(VENV_ROOT, peers.VENVS[engine], "bin", "python")

        def step(attempt):
            if not os.access(python, os.X_OK):
                return self.peer_unavailable(engine, "no virtual environment at %s (run bench/run)" % os.path.dirname(
                    os.path.dirname(python)))
            # A fresh folder per attempt, deleted at the end (see run_wenshu_step).
            out = os.path.join(self.out, "%s-%d" % (engine, attempt + 1))
            shutil.rmtree(out, ignore_errors=True)
            result_path = os.path.join(self.work, "%s.json" % engine)
            log = os.path.join(self.work, "%s.log" % engine)
            if os.path.exists(result_path):
                os.remove(result_path)
            code, wall, rss = process.run([python, "-W", "ignore", "-m", "wbench.peer_worker", engine,
                                           self.templates[engine], listing, out, result_path],
                                          cwd=HERE, stdout_path=log, stderr_path=log, timeout=7200)
            self.stale_outputs.append(out)
            try:
                with open(result_path, encoding="utf-8") as handle:
                    result = json.load(handle)
            except (OSError, ValueError):
                return self.peer_unavailable(engine, "worker exited %s: %s" % (code, process.tail(log, 2)))
            if "error" in result:
                self.details["peers"][engine] = result
                return self.peer_unavailable(engine, result["error"])
            result.update(wall_seconds=wall, rss_kib=rss)
            self.keep(("peer", engine), result, out)
        return ("peer", engine), step

    def keep(self, key, result, out):
        """Keeps the faster of this result and the best so far; the last attempt's folder is checked."""
        best = self.best.get(key)
        if best is None or result["seconds"] < best["seconds"]:
            self.best[key] = result
        self.last_out[key] = out

    def finish_peer(self, engine):
        best, out = self.best[("peer", engine)], self.last_out[("peer", engine)]
        fmt, count = peers.EXTENSIONS[engine], self.peer_cases(engine)
        problems, notes = self.check_peer(engine, fmt, out, count)
        notes += self.schema_note(os.path.join(out, "%s.%s" % (os.path.splitext(self.case_files[0])[0], fmt)), fmt)
        self.details["peers"][engine] = best
        kind = peers.KINDS.get(engine)
        self.rows.append({
            "engine": engine, "kind": "hand-built" if engine in peers.HANDBUILT else "peer",
            "version": "%s%s, Python %s" % (kind + "; " if kind else "", best["version"], best["python"]),
            "format": fmt, "cases": count, "jobs": 1, "docs": best["docs"], "seconds": best["seconds"],
            "docs_per_s": best["docs"] / best["seconds"],
            "engine_docs_per_s": best["docs"] / best["render_seconds"],
            "load_ms_per_doc": 1000 * best["load_seconds"] / best["docs"],
            "peak_rss_mib": mib(best["rss_kib"]),
            "sanity": "ok (%d = reference)" % count if not problems else "%d problem(s): %s" % (len(problems), problems[0]),
            "notes": "; ".join(sorted(set(notes))),
        })
        self.say("%-17s %8.1f docs/s  (%d cases, %.2f s, peak RSS %.0f MiB, sanity: %s)" % (
            engine, self.rows[-1]["docs_per_s"], count, best["seconds"], mib(best["rss_kib"]) or 0, self.rows[-1]["sanity"]))

    def schema_note(self, path, fmt):
        """A note on the ODF 1.3 validity of one output (the first of each run)."""
        problems = sanity.schema_problems(path, fmt, self.odf_schema)
        if problems is None:
            return []
        return ["ODF 1.3 schema: valid" if not problems else "ODF 1.3 schema: " + "; ".join(problems)]

    def check_peer(self, engine, fmt, out, count):
        problems, notes = [], []
        for index in range(count):
            context = caseload.from_mapping(make_case(self.args.seed, index))
            path = os.path.join(out, "%s.%s" % (os.path.splitext(self.case_files[index])[0], fmt))
            found, noted = sanity.check(path, fmt, self.names(index), reference.paragraphs(context))
            problems += ["%s: %s" % (os.path.basename(path), p) for p in found]
            notes += noted
        return problems, notes

    def peer_unavailable(self, engine, reason):
        self.failed[("peer", engine)] = reason
        self.say("%-17s not available (%s)" % (engine, reason))
        self.rows.append({"engine": engine, "kind": "hand-built" if engine in peers.HANDBUILT else "peer",
                          "format": peers.EXTENSIONS[engine], "sanity": "not run", "notes": reason})

    # --- Wenshu --------------------------------------------------------------------------------
    def prepare_wenshu(self):
        """The binary to time, or None (said and recorded) when there is none."""
        log = os.path.join(self.results, "wenshu-build.log")
        try:
            if self.args.wenshu:
                binary = os.path.abspath(self.args.wenshu)
            elif self.args.no_build:
                binary = os.path.join(REPO, ".build", "release", "wenshu")
            else:
                self.say("wenshu: swift build -c release …")
                binary = wenshu.build(REPO, log)
            wenshu.check_render(binary, os.path.join(self.work, "wenshu-help.log"))
        except wenshu.Unavailable as reason:
            self.wenshu_unavailable(str(reason))
            return None
        self.wenshu_version = wenshu.describe(REPO, binary)
        self.schema_checked = set()
        # Outputs are deleted only after everything is measured (remove_outputs): ext4 skips inodes freed
        # in the last minutes when it allocates new ones (reading inode tables to tell), so deleting 10,000
        # folders right before a run makes that run pay for the deletion, by seconds that vary run to run.
        for out in glob.glob(os.path.join(self.out, "*")):  # an interrupted run's
            shutil.rmtree(out, ignore_errors=True)
        return binary

    def wenshu_step(self, binary, size, fmt, jobs):
        key = ("wenshu", size, fmt, jobs)
        log = os.path.join(self.work, "wenshu-%s-%d-j%d.log" % (fmt, size, jobs))

        def step(attempt):
            # A fresh folder per attempt (see prepare_wenshu on why nothing is deleted in between).
            out = os.path.join(self.out, "wenshu-%s-%d-j%d-%d" % (fmt, size, jobs, attempt + 1))
            try:
                result = wenshu.render(binary, self.cases_dir, self.case_files[:size], fmt, jobs, out, log)
            except wenshu.Unavailable as reason:
                self.failed[key] = str(reason)
                return self.wenshu_unavailable(str(reason), fmt=fmt, size=size, jobs=jobs)
            self.stale_outputs.append(out)
            self.keep(key, result, out)
            if (fmt, size, jobs) == ("odt", self.args.sizes[0], 1) and self.wenshu_floor is None:
                self.wenshu_floor = {"paths": result["outputs"]}
        return key, step

    def finish_wenshu(self, size, fmt, jobs):
        best = self.best[("wenshu", size, fmt, jobs)]
        problems, notes = self.check_wenshu(best["outputs"], fmt, size)
        if best["outputs"] and (fmt, jobs) not in self.schema_checked:
            self.schema_checked.add((fmt, jobs))
            notes += self.schema_note(best["outputs"][0], fmt)
        self.rows.append({
            "engine": "wenshu", "kind": "wenshu", "version": self.wenshu_version, "format": fmt, "cases": size,
            "jobs": jobs, "docs": len(best["outputs"]), "seconds": best["seconds"], "docs_per_s": size / best["seconds"],
            "peak_rss_mib": mib(best["rss_kib"]),
            "sanity": "ok (%d checked)" % min(size, 50) if not problems else "%d problem(s): %s" % (len(problems), problems[0]),
            "notes": "; ".join(sorted(set(notes))),
        })
        self.say("wenshu %-4s ×%d %8.1f docs/s  (%d cases, %.2f s, peak RSS %.0f MiB, sanity: %s)" % (
            fmt, jobs, size / best["seconds"], size, best["seconds"], mib(best["rss_kib"]) or 0, self.rows[-1]["sanity"]))
        if problems and fmt == "odt" and self.wenshu_floor and self.wenshu_floor["paths"] is not None:
            self.wenshu_floor["problems"] = problems

    def time_one_case(self, binary, attempt):
        """`wenshu render --form agreement -o DIR CASE` on the first case, as a fresh process, start to finish
        (wall time around the process, no GNU time in between), --one-case-runs times."""
        for run in range(self.args.one_case_runs):
            out = os.path.join(self.out, "one-case-%d-%d" % (attempt + 1, run + 1))
            try:
                self.one_case_times.append(wenshu.one_case(binary, self.cases_dir, self.case_files[0], out,
                                                           os.path.join(self.work, "wenshu-one-case.log")))
            except wenshu.Unavailable as reason:
                self.failed["one-case"] = str(reason)
                return self.wenshu_unavailable(str(reason), fmt="odt", size=1, jobs=1, engine="wenshu-one-case")
            self.stale_outputs.append(out)
            self.one_case_out = out

    def finish_one_case(self):
        if not self.one_case_times:
            return
        times = sorted(self.one_case_times)
        outputs = sorted(glob.glob(os.path.join(self.one_case_out, "**", "*.odt"), recursive=True))
        problems = ["%d documents for 1 case" % len(outputs)] if len(outputs) != 1 else \
            sanity.check(outputs[0], "odt", self.names(0))[0]
        self.details["wenshu"]["one-case seconds"] = self.one_case_times
        self.rows.append({
            "engine": "wenshu-one-case", "kind": "wenshu", "version": self.wenshu_version, "format": "odt",
            "cases": 1, "jobs": 1, "docs": 1, "seconds": times[0], "docs_per_s": 1 / times[0],
            "sanity": "ok (1 checked)" if not problems else "%d problem(s): %s" % (len(problems), problems[0]),
            "notes": "`wenshu render --form agreement -o DIR %s`, a fresh process each time: best of %d, median "
                     "%.1f ms" % (self.case_files[0], len(times), 1000 * times[len(times) // 2]),
        })
        self.say("wenshu one case, start to finish: best %.1f ms, median %.1f ms (%d runs)" % (
            1000 * times[0], 1000 * times[len(times) // 2], len(times)))

    def remove_outputs(self):
        """Deletes the outputs once everything is measured (unless --keep-outputs), so that the next
        benchmark starts on a file system with no freshly freed inodes."""
        if not self.args.keep_outputs:
            for out in getattr(self, "stale_outputs", []):
                shutil.rmtree(out, ignore_errors=True)

    def check_wenshu(self, outputs, fmt, size):
        problems, notes = [], []
        if len(outputs) != size:
            problems.append("%d documents for %d cases" % (len(outputs), size))
        by_folder = {wenshu.safe_name(self.numbers[i]): i for i in range(size)}
        step = max(1, len(outputs) // 50)
        for path in outputs[::step][:50]:
            index = by_folder.get(os.path.basename(os.path.dirname(path)))
            if index is None:
                notes.append("output folder not named after a case number")
                names = []
            else:
                names = self.names(index)
            found, noted = sanity.check(path, fmt, names)
            problems += ["%s: %s" % (os.path.relpath(path, os.path.dirname(os.path.dirname(path))), p) for p in found]
            notes += noted
        return problems, notes

    def wenshu_unavailable(self, reason, fmt=None, size=None, jobs=None, engine="wenshu"):
        self.say("%s: not available yet (%s)" % (engine, reason))
        self.rows.append({"engine": engine, "kind": "wenshu", "format": fmt, "cases": size, "jobs": jobs,
                          "sanity": "not run", "notes": reason})

    # --- floors --------------------------------------------------------------------------------
    def measure_wenshu_floor(self):
        """The floors on Wenshu's own .odt bytes (its first 1-job run at the smaller batch), once per
        round like every other measurement; the best of the rounds is kept."""
        if not self.wenshu_floor:
            return
        if "documents" not in self.wenshu_floor:
            self.wenshu_floor["documents"] = floor.read_parts(self.wenshu_floor["paths"])
        measured = floor.measure_documents(self.wenshu_floor["documents"], min_seconds=self.args.floor_seconds,
                                           changing_level=floor.WENSHU_CHANGING_LEVEL)
        best = self.wenshu_floor.get("best")
        if best:
            for kind in ("all", "changing"):
                measured["%s_docs_per_s" % kind] = max(measured["%s_docs_per_s" % kind], best["%s_docs_per_s" % kind])
        self.wenshu_floor["best"] = measured

    def finish_wenshu_floor(self):
        if self.wenshu_floor and "best" in self.wenshu_floor and not self.wenshu_floor.get("problems"):
            self.add_floor_rows("wenshu odt", self.wenshu_floor["best"])

    def run_floors(self):
        """The floors on each ODT peer's bytes (measured once, at the end): what deflating those bytes costs.
        The hand-built peers write the same parts, so their floor is measured once, on the first of them."""
        handbuilt = False
        for engine in self.args.peer_list:
            if peers.EXTENSIONS[engine] == "odt" and any(r["engine"] == engine and r.get("docs_per_s") for r in self.rows):
                if engine in peers.HANDBUILT and handbuilt:
                    continue
                handbuilt |= engine in peers.HANDBUILT
                out = self.last_out[("peer", engine)]
                paths = sorted(os.path.join(out, f) for f in os.listdir(out))
                self.add_floor_rows("%s odt" % ("hand-built" if engine in peers.HANDBUILT else engine),
                                    floor.measure(paths, min_seconds=self.args.floor_seconds))
        if not any(r["engine"].startswith("floor") for r in self.rows):
            self.say("floor: no ODT output to measure")

    def add_floor_rows(self, label, measured):
        self.details["floors"][label] = measured
        sizes = ", ".join("%s %d B" % (n, b) for n, b in measured["mean_part_bytes"].items())
        for kind in ("all", "changing"):
            self.rows.append({
                "engine": "floor-" + kind, "kind": "floor", "version": "on " + label, "format": "odt",
                "cases": measured["documents"], "jobs": 1, "docs": measured["documents"],
                "docs_per_s": measured["%s_docs_per_s" % kind],
                "notes": "static parts: %s; mean sizes: %s" % (", ".join(measured["static_parts"]) or "none", sizes),
            })
        self.say("floor on %-22s all parts %8.1f docs/s, changing parts only %8.1f docs/s (static: %s)" % (
            label, measured["all_docs_per_s"], measured["changing_docs_per_s"],
            ", ".join(measured["static_parts"]) or "none"))

    # --- report --------------------------------------------------------------------------------
    def write_report(self):
        name = self.args.name
        os.makedirs(self.results, exist_ok=True)
        paths = {ext: os.path.join(self.results, "%s.%s" % (name, ext)) for ext in ("csv", "svg", "txt", "json")}
        ratio_cases = self.args.sizes[0] if self.args.sizes else None
        scale_cases = self.args.sizes[-1] if self.args.sizes else None
        report.add_ratios(self.rows, ratio_cases)
        report.write_csv(paths["csv"], self.rows)
        self.say()
        self.say(report.table(self.rows))
        self.say()
        self.say("Targets (issue 18):")
        for line in report.targets(self.rows, ratio_cases, scale_cases, self.cores):
            self.say("  " + line)
        title = "Wenshu benchmark: the mediation agreement, %s cases, %d cores" % (self.args.case_format, self.cores)
        with open(paths["svg"], "w", encoding="utf-8") as handle:
            handle.write(report.svg_chart([r for r in self.rows if r.get("docs_per_s")], title))
        with open(paths["json"], "w", encoding="utf-8") as handle:
            json.dump({"rows": self.rows, "details": self.details}, handle, ensure_ascii=False, indent=1, default=str)
        self.say()
        self.say("results: %s (also .svg, .txt, .json)" % paths["csv"])
        with open(paths["txt"], "w", encoding="utf-8") as handle:
            handle.write("\n".join(self.log_lines) + "\n")


def _file_system(path):
    """The type and mount options of the file system holding `path` (from /proc/mounts), e.g.
    "ext4 rw,relatime,discard" or "tmpfs rw,nosuid,nodev"; "unknown" where that cannot be read."""
    try:
        with open("/proc/mounts") as handle:
            mounts = [line.split() for line in handle]
    except OSError:
        return "unknown"
    real = os.path.realpath(path)
    best = None
    for fields in mounts:
        if len(fields) >= 4 and (real == fields[1] or real.startswith(fields[1].rstrip("/") + "/")):
            if best is None or len(fields[1]) > len(best[1]):
                best = fields
    return "%s %s" % (best[2], best[3]) if best else "unknown"


def main(argv=None):
    args = parse_args(argv)
    run = Run(args)
    run.say("Wenshu benchmark — %s, Python %s, %d cores (%s); peak RSS by %s" % (
        platform.platform(terse=True), platform.python_version(), run.cores, _cpu_model(), process.RSS_METHOD))
    os.makedirs(run.out, exist_ok=True)
    run.say("outputs: %s (%s)" % (run.out, _file_system(run.out)))
    run.details["outputs"] = {"folder": run.out, "file_system": _file_system(run.out)}
    run.prepare()
    run.run_rounds()
    run.run_floors()
    run.write_report()
    run.say("deleting the outputs …")  # many thousand folders: minutes on a busy disk
    run.remove_outputs()


def mib(kib):
    return None if kib is None else kib / 1024


def _cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


if __name__ == "__main__":
    main()
