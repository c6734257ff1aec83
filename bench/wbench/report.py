"""Results: a CSV (one row per measurement), the targets of issue 18 checked against them, and a small SVG
bar chart of documents per second (log scale) written by hand.

A row's `kind` says what it measures: `wenshu` (a `wenshu render` batch, or `wenshu-one-case`: one case start
to finish), `peer` (a document templater), `hand-built` (a pipeline written by hand from the same layout) or
`floor` (deflate and zip only, in memory)."""

import csv
import math

COLUMNS = ("engine", "kind", "version", "format", "cases", "jobs", "docs", "seconds", "docs_per_s",
           "engine_docs_per_s", "load_ms_per_doc", "peak_rss_mib", "ratio", "ratio_is", "sanity", "notes")


def add_ratios(rows, ratio_cases):
    """Fill `ratio` and say what it is: for a peer, Wenshu's docs/s over the peer's (same format, one core,
    Wenshu at ratio_cases); for a floor on Wenshu's bytes, the floor's docs/s over Wenshu's (.odt, one
    core); for Wenshu with several jobs, the speed-up over one job."""
    for row in rows:
        if not row.get("docs_per_s") or row["engine"] == "wenshu-one-case":
            continue
        if row["engine"] == "wenshu":
            one = _find(rows, engine="wenshu", format=row["format"], cases=row["cases"], jobs=1)
            if one and row["jobs"] != 1:
                row["ratio"], row["ratio_is"] = row["docs_per_s"] / one["docs_per_s"], "speed-up over 1 job"
        elif row["engine"].startswith("floor"):
            w = _find(rows, engine="wenshu", format="odt", cases=ratio_cases, jobs=1)
            if w and "wenshu" in row["version"]:
                row["ratio"], row["ratio_is"] = row["docs_per_s"] / w["docs_per_s"], "floor / wenshu odt, 1 job"
        else:
            w = _find(rows, engine="wenshu", format=row["format"], cases=ratio_cases, jobs=1)
            if w:
                row["ratio"], row["ratio_is"] = w["docs_per_s"] / row["docs_per_s"], "wenshu / peer, 1 job"


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in COLUMNS})


def _cell(value):
    if isinstance(value, float):
        return "%.6g" % value
    return "" if value is None else value


def table(rows):
    lines = ["%-17s %-42s %-5s %6s %4s %9s %8s %10s %9s  %s" % (
        "engine", "version / source", "fmt", "cases", "jobs", "docs/s", "ratio", "engine d/s", "peak RSS", "sanity")]
    for r in rows:
        lines.append("%-17s %-42s %-5s %6s %4s %9s %8s %10s %9s  %s" % (
            r["engine"], (r.get("version") or "")[:42], r.get("format") or "", r.get("cases") or "",
            r.get("jobs") or "", _num(r.get("docs_per_s")), "%.2f×" % r["ratio"] if r.get("ratio") else "",
            _num(r.get("engine_docs_per_s")),
            "%.0f MiB" % r["peak_rss_mib"] if r.get("peak_rss_mib") else "", r.get("sanity") or ""))
    lines.append("ratio: Wenshu (1 job, %s) over the peer; a floor on Wenshu's bytes over Wenshu; Wenshu's speed-up "
                 "over 1 job" % "same format")
    return "\n".join(lines)


def _num(value):
    return "" if value is None else "%.1f" % value


def _find(rows, **wanted):
    for row in rows:
        if all(row.get(k) == v for k, v in wanted.items()) and row.get("docs_per_s"):
            return row
    return None


HANDBUILT_ODT_STATIC = ("jinja2-odt-static", "python-odt-static")
HANDBUILT_FODT = ("jinja2-fodt", "python-fodt")


def targets(rows, ratio_cases, scale_cases, cores):
    """Lines that compare the measurements with issue 18's targets, each `met` or `MISSED` with its ratio."""
    lines = []

    def verdict(ok, *measured):
        failed = sorted({r["engine"] for r in measured if not (r.get("sanity") or "").startswith("ok")})
        return ("met" if ok else "MISSED") + (" (but %s failed the output check)" % ", ".join(failed) if failed else "")

    def wenshu(fmt, jobs, cases=ratio_cases):
        return _find(rows, engine="wenshu", format=fmt, jobs=jobs, cases=cases)

    def fastest(engines):
        found = [r for r in (_find(rows, engine=e) for e in engines) if r]
        return max(found, key=lambda r: r["docs_per_s"]) if found else None

    for fmt, peer, need, what in (
            ("odt", fastest(HANDBUILT_ODT_STATIC), 1.5, "the fastest hand-built .odt, static parts once per batch"),
            ("fodt", fastest(HANDBUILT_FODT), 1.5, "the fastest hand-built .fodt"),
            ("txt", _find(rows, engine="jinja2"), 1.0, "Jinja2 text")):
        w = wenshu(fmt, 1)
        title = ".%s ≥ %.1f× %s (one core)" % (fmt, need, what)
        if peer is None or w is None:
            lines.append("%s: MISSED (not measured: %s)" % (title, "wenshu" if peer else "the peer"))
            continue
        ratio = w["docs_per_s"] / peer["docs_per_s"]
        lines.append("%s: wenshu %.0f / %s %.0f docs/s = %.2f× — %s" % (
            title, w["docs_per_s"], peer["engine"], peer["docs_per_s"], ratio, verdict(ratio >= need, w, peer)))
    w_odt = wenshu("odt", 1)
    own = _find(rows, engine="floor-changing", version="on wenshu odt")
    title = ".odt within 2× of the floor on Wenshu's own bytes (changing parts deflated, in memory, one core)"
    if w_odt and own:
        distance = own["docs_per_s"] / w_odt["docs_per_s"]
        lines.append("%s: floor %.0f / wenshu %.0f docs/s = %.2f× — %s" % (
            title, own["docs_per_s"], w_odt["docs_per_s"], distance, verdict(distance <= 2, w_odt)))
    else:
        lines.append("%s: MISSED (not measured)" % title)
    one = _find(rows, engine="wenshu-one-case")
    title = "One case, one form, start to finish ≤ 10 ms (`wenshu render --form agreement -o DIR CASE`)"
    if one:
        lines.append("%s: best %.1f ms = %.2f× the target — %s" % (
            title, 1000 * one["seconds"], one["seconds"] / 0.010, verdict(one["seconds"] <= 0.010, one)))
    else:
        lines.append("%s: MISSED (not measured)" % title)
    for fmt in ("odt", "fodt", "txt"):
        title = "1 → 2 cores ≥ 1.8× (.%s, %s cases)" % (fmt, scale_cases)
        single, double = wenshu(fmt, 1, scale_cases), wenshu(fmt, 2, scale_cases)
        if single and double:
            speedup = double["docs_per_s"] / single["docs_per_s"]
            lines.append("%s: %.0f → %.0f docs/s = %.2f× — %s" % (
                title, single["docs_per_s"], double["docs_per_s"], speedup, verdict(speedup >= 1.8, single, double)))
        else:
            lines.append("%s: MISSED (%s)" % (title, "this machine has %d core(s)" % cores if single else "not measured"))
    measured_rss = False
    for fmt in ("odt", "fodt", "txt"):
        for jobs in sorted({r["jobs"] for r in rows if r["engine"] == "wenshu" and r.get("format") == fmt and r.get("jobs")}):
            small, large = wenshu(fmt, jobs, ratio_cases), wenshu(fmt, jobs, scale_cases)
            if small and large and small is not large and small.get("peak_rss_mib") and large.get("peak_rss_mib"):
                measured_rss = True
                growth = large["peak_rss_mib"] / small["peak_rss_mib"]
                lines.append("RSS(%d) ≤ 1.5 × RSS(%d) (.%s, %d job%s): %.0f / %.0f MiB = %.2f× — %s" % (
                    scale_cases, ratio_cases, fmt, jobs, "" if jobs == 1 else "s", large["peak_rss_mib"], small["peak_rss_mib"], growth,
                    verdict(growth <= 1.5, small, large)))
    if not measured_rss:
        lines.append("RSS at the larger batch ≤ 1.5 × RSS at %s cases: MISSED (not measured: needs two batch sizes, "
                     "as the default --wenshu-cases 1000,10000)" % ratio_cases)
    return lines


COLOURS = {"peer": "#8c8c8c", "hand-built": "#4d4d4d", "wenshu": "#c0392b", "floor": "#2c7fb8"}


def svg_chart(rows, title):
    """Horizontal bars, one per measurement, on a log scale of documents per second (not the one-case start
    to finish, which is a time, not a rate)."""
    bars = [r for r in rows if r.get("docs_per_s") and r["engine"] != "wenshu-one-case"]
    if not bars:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40"><text x="10" y="25">no results</text></svg>'
    label_w, plot_w, bar_h, gap, top = 330, 480, 16, 6, 46
    height = top + len(bars) * (bar_h + gap) + 40
    high = max(r["docs_per_s"] for r in bars)
    decades = range(0, int(math.ceil(math.log10(max(high * 1.6, 10)))) + 1)
    span = max(decades)

    def x(value):
        return label_w + plot_w * max(0.0, math.log10(max(value, 1.0))) / span

    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" '
           'font-size="12">' % (label_w + plot_w + 90, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="10" y="20" font-size="14" font-weight="bold">%s</text>' % _esc(title),
           '<text x="10" y="36" fill="#555">documents per second, log scale (light grey: templaters, dark grey: '
           'hand-built, red: Wenshu, blue: zip-and-deflate floors)</text>']
    for d in decades:
        xx = label_w + plot_w * d / span
        out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>' % (xx, top - 4, xx, height - 30))
        out.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%s</text>' % (
            xx, height - 14, "{:,}".format(10 ** d)))
    for i, r in enumerate(bars):
        y = top + i * (bar_h + gap)
        kind = r.get("kind") or "peer"
        label = "%s %s%s%s" % (r["engine"], r.get("format") or "",
                               " ×%s" % r["jobs"] if r["engine"] == "wenshu" else "",
                               " (%s)" % r["version"] if kind == "floor" else " %s cases" % r.get("cases"))
        out.append('<text x="%d" y="%d" text-anchor="end">%s</text>' % (label_w - 8, y + bar_h - 3, _esc(label)))
        out.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>' % (
            label_w, y, x(r["docs_per_s"]) - label_w, bar_h, COLOURS[kind]))
        out.append('<text x="%.1f" y="%d">%s</text>' % (x(r["docs_per_s"]) + 4, y + bar_h - 3,
                                                         "{:,.0f}".format(r["docs_per_s"])))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _esc(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
