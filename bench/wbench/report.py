"""Results: a CSV (one row per measurement), the targets of issue 7 checked against them, and a small SVG
bar chart of documents per second (log scale) written by hand."""

import csv
import math

COLUMNS = ("engine", "version", "format", "cases", "jobs", "docs", "seconds", "docs_per_s",
           "engine_docs_per_s", "load_ms_per_doc", "peak_rss_mib", "ratio", "ratio_is", "sanity", "notes")


def add_ratios(rows, ratio_cases):
    """Fill `ratio` and say what it is: for a peer, Wenshu's docs/s over the peer's (same format, one core,
    Wenshu at ratio_cases); for a floor on Wenshu's bytes, the floor's docs/s over Wenshu's (.odt, one
    core); for Wenshu with several jobs, the speed-up over one job."""
    for row in rows:
        if not row.get("docs_per_s"):
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
    lines = ["%-16s %-28s %-5s %6s %4s %11s %11s %9s  %s" % (
        "engine", "version / source", "fmt", "cases", "jobs", "docs/s", "engine d/s", "peak RSS", "sanity")]
    for r in rows:
        lines.append("%-16s %-28s %-5s %6s %4s %11s %11s %9s  %s" % (
            r["engine"], (r.get("version") or "")[:28], r.get("format") or "", r.get("cases") or "",
            r.get("jobs") or "", _num(r.get("docs_per_s")), _num(r.get("engine_docs_per_s")),
            "%.0f MiB" % r["peak_rss_mib"] if r.get("peak_rss_mib") else "", r.get("sanity") or ""))
    return "\n".join(lines)


def _num(value):
    return "" if value is None else "%.1f" % value


def _find(rows, **wanted):
    for row in rows:
        if all(row.get(k) == v for k, v in wanted.items()) and row.get("docs_per_s"):
            return row
    return None


def targets(rows, ratio_cases, scale_cases, cores):
    """Lines that compare the measurements with issue 7's targets (as amended)."""
    lines = []

    def verdict(ok, *measured):
        failed = [r["engine"] for r in measured if not (r.get("sanity") or "").startswith("ok")]
        return ("met" if ok else "MISSED") + (" (but %s failed the output check)" % ", ".join(failed) if failed else "")

    def wenshu(fmt, jobs, cases=ratio_cases):
        return _find(rows, engine="wenshu", format=fmt, jobs=jobs, cases=cases)

    w_odt = wenshu("odt", 1)
    for peer in ("relatorio", "py3o", "secretary"):
        p = _find(rows, engine=peer)
        bound = _find(rows, engine="floor-changing", version="on wenshu odt") or \
            _find(rows, engine="floor-changing", version="on %s odt" % peer)
        if p is None:
            lines.append("ODT ≥ 50× %s (one core): %s not measured" % (peer, peer))
        elif w_odt is None:
            lines.append("ODT ≥ 50× %s (one core): %s %.1f docs/s; wenshu not measured" % (peer, peer, p["docs_per_s"]))
        else:
            ratio = w_odt["docs_per_s"] / p["docs_per_s"]
            lines.append("ODT ≥ 50× %s (one core): wenshu %.1f / %s %.1f docs/s = %.1f× — %s" % (
                peer, w_odt["docs_per_s"], peer, p["docs_per_s"], ratio, verdict(ratio >= 50, w_odt, p)))
        if p and bound:
            lines.append("  ceiling: the changing-parts floor %s is %.1f× %s; no generator that deflates its parts "
                         "(level 6, one core) can go beyond it" % (bound["version"], bound["docs_per_s"] / p["docs_per_s"], peer))
    j = _find(rows, engine="jinja2")
    w_txt = wenshu("txt", 1)
    if j and w_txt:
        ratio = w_txt["docs_per_s"] / j["docs_per_s"]
        lines.append("Text ≥ Jinja2 (one core): wenshu %.1f / jinja2 %.1f docs/s = %.2f× — %s (Jinja2 engine only, "
                     "no case parsing: %.1f docs/s, %.2f×)" % (w_txt["docs_per_s"], j["docs_per_s"], ratio,
                                                              verdict(ratio >= 1, w_txt, j), j["engine_docs_per_s"],
                                                              w_txt["docs_per_s"] / j["engine_docs_per_s"]))
    else:
        lines.append("Text ≥ Jinja2 (one core): %s" % ("wenshu not measured" if j else "jinja2 not measured"))
    for kind in ("all", "changing"):
        floors = [r for r in rows if r["engine"] == "floor-" + kind]
        own = next((f for f in floors if "wenshu" in f["version"]), None)
        if w_odt and own:
            distance = own["docs_per_s"] / w_odt["docs_per_s"]
            lines.append("Within 3× of the %s-parts floor (one core, floor on Wenshu's own bytes): floor %.1f / "
                         "wenshu %.1f docs/s = %.2f× — %s" % (kind, own["docs_per_s"], w_odt["docs_per_s"],
                                                              distance, verdict(distance <= 3, w_odt)))
        else:
            lines.append("Within 3× of the %s-parts floor: %s; floor on peers' bytes: %s" % (
                kind, "wenshu not measured" if not w_odt else "no floor on Wenshu's bytes",
                ", ".join("%.0f docs/s (%s)" % (f["docs_per_s"], f["version"]) for f in floors) or "none"))
    for fmt in ("odt", "fodt", "txt"):
        one, two = wenshu(fmt, 1, scale_cases), wenshu(fmt, 2, scale_cases)
        if one and two:
            speedup = two["docs_per_s"] / one["docs_per_s"]
            lines.append("≥ 1.8× from one to two cores (%s, %d cases): %.2f× — %s" % (
                fmt, scale_cases, speedup, verdict(speedup >= 1.8, one, two)))
        elif fmt == "odt":
            lines.append("≥ 1.8× from one to two cores: %s" % (
                "wenshu not measured" if not one else "this machine has %d core(s)" % cores))
    for fmt in ("odt", "fodt", "txt"):
        for jobs in sorted({r["jobs"] for r in rows if r["engine"] == "wenshu" and r.get("format") == fmt}):
            small, large = wenshu(fmt, jobs, ratio_cases), wenshu(fmt, jobs, scale_cases)
            if small and large and small is not large:
                growth = large["peak_rss_mib"] / small["peak_rss_mib"]
                lines.append("RSS(%d) ≤ 1.5 × RSS(%d) (%s, %d jobs): %.0f / %.0f MiB = %.2f× — %s" % (
                    scale_cases, ratio_cases, fmt, jobs, large["peak_rss_mib"], small["peak_rss_mib"], growth,
                    verdict(growth <= 1.5, small, large)))
    if not any(r["engine"] == "wenshu" for r in rows):
        lines.append("RSS(10k) ≤ 1.5 × RSS(1k): wenshu not measured")
    return lines


COLOURS = {"peer": "#8c8c8c", "wenshu": "#c0392b", "floor": "#2c7fb8"}


def svg_chart(rows, title):
    """Horizontal bars, one per measurement, on a log scale of documents per second."""
    bars = [r for r in rows if r.get("docs_per_s")]
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
           '<text x="10" y="36" fill="#555">documents per second, log scale (grey: peers, red: Wenshu, '
           'blue: zip-and-deflate floors)</text>']
    for d in decades:
        xx = label_w + plot_w * d / span
        out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>' % (xx, top - 4, xx, height - 30))
        out.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%s</text>' % (
            xx, height - 14, "{:,}".format(10 ** d)))
    for i, r in enumerate(bars):
        y = top + i * (bar_h + gap)
        kind = "wenshu" if r["engine"] == "wenshu" else "floor" if r["engine"].startswith("floor") else "peer"
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
