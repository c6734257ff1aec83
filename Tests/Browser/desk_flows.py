#!/usr/bin/env python3
"""The mediator's desk in a real browser: Debian's Chromium driven by Playwright for Python.

Usage: desk_flows.py PATH-TO-wenshu [SCREENSHOT-FOLDER]

Starts `wenshu serve` on an empty folder and does what a mediator does: enter the whole reference traffic case
(examples/cases/traffic-instalments.xml) from nothing, making the usual mistakes and fixing each one the page
shows beside its field, save it (the same data as the reference), print the agreement (the same bytes
`wenshu render` writes from the saved file) and look at its page, take the period's ledgers and statistics
(the same bytes as `wenshu ledger` and `wenshu stats`), add a visit and a scan, build the packet. Skips with
one line when Chromium or Playwright is missing. Exit status 1 on failure.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile


def skip(reason):
    print(f"desk browser tests: skipped: {reason}")
    sys.exit(0)


try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:
    skip("Playwright for Python is not installed (pip install playwright==1.65.3)")
try:
    import yaml
except ImportError:
    skip("PyYAML is not installed (pip install PyYAML==6.0.3)")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    skip("Chromium is not installed (apt-get install chromium)")

WENSHU = os.path.abspath(sys.argv[1])
SHOTS = sys.argv[2] if len(sys.argv) > 2 else None


def shot(page, name, full_page=True):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SHOTS, name + ".png"), full_page=full_page)


def field(page, path):
    return page.locator(f'[name="{path}"]')


def wait_for_check(page):
    page.wait_for_load_state("networkidle")


def main():
    work = tempfile.mkdtemp(prefix="desk-browser-")
    cases = os.path.join(work, "cases")
    os.mkdir(cases)
    server = subprocess.Popen([WENSHU, "serve", cases, "--port", "0"], cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, f"wenshu serve printed no address first: {line!r}"
        base = match.group(0)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(accept_downloads=True, viewport={"width": 1200, "height": 900})
            page.set_default_timeout(15000)
            run_flows(page, base, cases, work)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    print("desk browser tests: 6 flows passed (enter the reference case, fix its mistakes, print the agreement, ledgers and statistics, add a visit, build the packet)")


# The reference traffic case, read as data: every element is a field of the page, every list an "add" button.
REFERENCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "cases", "traffic-instalments.xml")
LISTS = {"claims", "parties", "agents", "mediators", "investigations", "exchanges", "sessions", "terms", "instalments",
         "payments", "visits", "attachments"}


def xml_data(element):
    """An element as plain data: a list for the list elements above, a mapping otherwise, trimmed text at the leaves."""
    children = list(element)
    if not children:
        return (element.text or "").strip()
    if element.tag in LISTS:
        return [xml_data(c) for c in children]
    return {c.tag: xml_data(c) for c in children}


def yaml_data(node):
    """A loaded YAML case as the same plain data (every scalar kept as its text)."""
    if isinstance(node, dict):
        return {k: yaml_data(v) for k, v in node.items()}
    if isinstance(node, list):
        return [yaml_data(v) for v in node]
    return node.strip()


def differences(a, b, path=""):
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for k in sorted(set(a) | set(b)):
            p = f"{path}.{k}" if path else k
            if k not in a:
                out.append(f"{p}: only in the saved case ({b[k]!r})")
            elif k not in b:
                out.append(f"{p}: missing from the saved case ({a[k]!r})")
            else:
                out += differences(a[k], b[k], p)
        return out
    if isinstance(a, list) and isinstance(b, list):
        out = [f"{path}: {len(a)} items in the reference, {len(b)} saved"] if len(a) != len(b) else []
        for i, (x, y) in enumerate(zip(a, b)):
            out += differences(x, y, f"{path}[{i + 1}]")
        return out
    return [] if a == b else [f"{path}: {a!r} in the reference, {b!r} saved"]


def entries(data, path=""):
    """What a clerk types, in the reference's order: ("add", list path) before each new item, ("set", path, value)."""
    for key, value in data.items():
        p = f"{path}.{key}" if path else key
        if isinstance(value, list):
            for i, item in enumerate(value, 1):
                yield ("add", p, i)
                if isinstance(item, dict):
                    yield from entries(item, f"{p}[{i}]")
                else:
                    yield ("set", f"{p}[{i}]", item)
        elif isinstance(value, dict):
            yield from entries(value, p)
        else:
            yield ("set", p, value)


# The mistakes a clerk makes on the way: the wrong value typed first, the finding the page must show beside the
# field (or the list) it concerns, then the right value, and the finding gone.
MISTAKES = {
    "accepted": ("2026-03-01", "case.date-order"),                      # accepted before received
    "parties[1].id_number": ("330106197803121230", "case.id-check-digit"),
    "parties[2].id_number": ("330106198207152471", "case.id-gender"),    # a valid number, but a man's: 李明 is 女
    "agreement.instalments[3].amount": ("1000.00", "case.instalment-sum 3期"),  # 14020 + 10000 + 1000 ≠ 34020
    "confirmation.decided": ("2026-03-07", "case.date-order"),           # decided before the application
}
FINDING_AT = {"agreement.instalments[3].amount": "agreement.instalments", "parties[2].id_number": "parties[2].gender"}


def findings_beside(page, path):
    return page.locator(f'[data-field="{path}"] > ul.findings > li, ul.findings[data-field="{path}"] > li')


def enter(page, path, value):
    box = field(page, path)
    if box.count() != 1:
        raise AssertionError(f"the page has no field for {path} (the reference case has {value!r})")
    if box.evaluate("e => e.tagName") == "SELECT":
        box.select_option(value)
    else:
        box.fill(value)


def run_flows(page, base, cases, work):
    import xml.etree.ElementTree as ET

    reference = xml_data(ET.parse(REFERENCE).getroot())
    # 1. Create the case from nothing: its number and dispute type on the list page.
    page.goto(base)
    shot(page, "1-list-empty")
    page.fill('input[name="number"]', reference["number"])
    page.select_option('select[name="type"]', reference["type"])
    page.click("form.new-case button[type=submit]")
    page.wait_for_url(re.compile(r"/case/"))
    wait_for_check(page)
    expect(page.locator("#error-count")).not_to_have_text("0")
    shot(page, "2-new-case-errors")
    # The missing names are shown beside the parties they concern, named in Chinese.
    expect(page.locator('[data-item="parties[1]"] li.finding.error').first).to_be_visible()
    assert "parties[" not in page.locator("#all-findings").inner_text(), page.locator("#all-findings").inner_text()

    # A party's fields follow its kind: a person's credit code is out of the way, an organisation's gender too.
    expect(field(page, "parties[2].credit_code")).to_be_hidden()
    page.select_option('[name="parties[2].kind"]', "organisation")
    expect(field(page, "parties[2].credit_code")).to_be_visible()
    expect(field(page, "parties[2].gender")).to_be_hidden()
    page.select_option('[name="parties[2].kind"]', "person")
    expect(field(page, "parties[2].gender")).to_be_visible()

    # 2. Type the whole reference case, field by field, making the usual mistakes and fixing each one.
    seen = set()
    for entry in entries(reference):
        if entry[0] == "add":
            _, list_path, n = entry
            if page.locator(f'[data-item="{list_path}[{n}]"]').count() == 0:
                page.click(f'[data-list="{list_path}"] > button.add')
                expect(page.locator(f'[data-item="{list_path}[{n}]"]')).to_have_count(1)
            continue
        _, path, value = entry
        if path in MISTAKES:
            wrong, expected = MISTAKES[path]
            finding, *words = expected.split()
            enter(page, path, wrong)
            shown = findings_beside(page, FINDING_AT.get(path, path)).filter(has_text=finding)
            for word in words:  # the finding about this mistake, not one left from the list typed so far
                shown = shown.filter(has_text=word)
            expect(shown).to_have_count(1)
            # Named in Chinese beside the field, not by its path.
            assert "[" not in shown.inner_text() and path.split(".")[-1] not in shown.inner_text(), shown.inner_text()
            shown.first.scroll_into_view_if_needed()
            shot(page, f"3-mistake-{len(seen) + 1}-" + finding.split(".")[1], full_page=False)
            enter(page, path, value)
            expect(findings_beside(page, FINDING_AT.get(path, path)).filter(has_text=finding)).to_have_count(0)
            seen.add(path)
        else:
            enter(page, path, value)
    assert seen == set(MISTAKES), f"mistakes never made: {set(MISTAKES) - seen}"
    field(page, "number").press("Tab")
    wait_for_check(page)
    try:
        expect(page.locator("#error-count")).to_have_text("0")
    except AssertionError:
        raise AssertionError("errors left on the page: " + page.locator("#all-findings").inner_text())
    shot(page, "4-case-clean")
    page.click(".case-head button.save")
    expect(page.locator(".notice")).to_contain_text("已保存")
    saved = [n for n in os.listdir(cases) if n.endswith(".yaml")]
    assert len(saved) == 1, saved
    saved_path = os.path.join(cases, saved[0])
    check = subprocess.run([WENSHU, "check", saved_path], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    # The saved case is the reference case: the same data once loaded (YAML read with every scalar as text).
    with open(saved_path, encoding="utf-8") as f:
        saved_data = yaml_data(yaml.load(f, Loader=yaml.BaseLoader))
    diff = differences(reference, saved_data)
    assert not diff, "the saved case differs from the reference:\n  " + "\n  ".join(diff)

    # 3. Print the agreement: the download is the file `wenshu render` writes from the saved case.
    page.click("text=文书与打印")
    page.wait_for_url(re.compile(r"/papers$"))
    shot(page, "5-papers")
    with page.expect_download() as info:
        page.click('#paper-agreement a[data-format="odt"]')
    downloaded = info.value.path()
    out = os.path.join(work, "out")
    render = subprocess.run([WENSHU, "render", "--form", "agreement", saved_path, "-o", out, "--to", "odt"], capture_output=True, text=True)
    assert render.returncode == 0, render.stderr
    rendered = [os.path.join(d, f) for d, _, fs in os.walk(out) for f in fs if f == "agreement.odt"]
    assert len(rendered) == 1, rendered
    with open(downloaded, "rb") as a, open(rendered[0], "rb") as b:
        assert a.read() == b.read(), "the page's agreement differs from wenshu render's"
    # … and the one it makes from the reference file itself: the same case, as Wenshu reads it.
    out = os.path.join(work, "out-reference")
    render = subprocess.run([WENSHU, "render", "--form", "agreement", REFERENCE, "-o", out, "--to", "odt"], capture_output=True, text=True)
    assert render.returncode == 0, render.stderr
    rendered = [os.path.join(d, f) for d, _, fs in os.walk(out) for f in fs if f == "agreement.odt"]
    with open(downloaded, "rb") as a, open(rendered[0], "rb") as b:
        assert a.read() == b.read(), "the agreement of the case typed in the page differs from the reference case's"
    # PDF, when LibreOffice is on the machine (the page offers it only then).
    pdf_link = page.locator('#paper-agreement a[data-format="pdf"]')
    if shutil.which("soffice") or os.environ.get("WENSHU_SOFFICE"):
        with page.expect_download(timeout=120000) as info:
            pdf_link.click()
        with open(info.value.path(), "rb") as f:
            assert f.read(5) == b"%PDF-", "the agreement's PDF is not a PDF"
    else:
        assert pdf_link.count() == 0, "PDF offered without LibreOffice"

    # The agreement's pages as pictures, when LibreOffice and pdftoppm are here; the text layout otherwise.
    pictures = page.locator("#paper-agreement details.pictures")
    if (shutil.which("soffice") or os.environ.get("WENSHU_SOFFICE")) and shutil.which("pdftoppm"):
        page.goto(page.url)
        pictures = page.locator("#paper-agreement details.pictures")
        pictures.locator("summary").click()
        first = pictures.locator("img.page").first
        expect(first).to_be_visible(timeout=120000)
        page.wait_for_function("img => img.complete && img.naturalWidth > 500", arg=first.element_handle(), timeout=120000)
        shot(page, "5-agreement-page-picture")
    else:
        assert pictures.count() == 0, "page pictures offered without LibreOffice and pdftoppm"

    # Ledgers and statistics of a period: the page's files are the ones `wenshu ledger` and `wenshu stats` write.
    page.click("header.bar >> text=台账与统计")
    page.fill('input[name="since"]', "2026-01-01")
    page.fill('input[name="until"]', "2026-06-30")
    page.click("form.period button[type=submit]")
    page.wait_for_url(re.compile(r"since=2026-01-01&until=2026-06-30"))
    expect(page.locator("#report-statistics pre.preview")).to_contain_text("受理")
    shot(page, "5-reports")
    for command, stem in [("ledger", "dispute-register"), ("stats", "statistics")]:
        with page.expect_download() as info:
            page.click(f'#report-{stem} a[data-format="odt"]')
        made = os.path.join(work, command)
        run = subprocess.run([WENSHU, command, cases, "--since", "2026-01-01", "--until", "2026-06-30", "-o", made, "--to", "odt"],
                             capture_output=True, text=True, cwd=work)
        assert run.returncode == 0, run.stdout + run.stderr
        with open(info.value.path(), "rb") as a, open(os.path.join(made, stem + ".odt"), "rb") as b:
            assert a.read() == b.read(), f"the page's {stem}.odt differs from wenshu {command}'s"

    # 4. Add a visit: a structural edit, rewritten canonically with the previous file kept.
    page.goto(base)
    page.fill('input[name="q"]', "王建国")
    page.click("form.search button")
    page.click("text=（2026）西交调字第37号")
    # A party added gets the first free code; removed again, nothing of it is saved.
    page.click('[data-list="parties"] > button.add')
    expect(field(page, "parties[3].id")).to_have_value("p3")
    page.locator('[data-item="parties[3]"] button.remove').click()
    expect(page.locator('[data-item="parties[3]"]')).to_have_count(0)
    page.click('[data-list="visits"] > button.add')
    field(page, "visits[2].date").fill("2026-06-25")
    field(page, "visits[2].visitor").fill("陈晓红")
    field(page, "visits[2].method").fill("实地回访")
    page.select_option('[name="visits[2].satisfaction"]', "满意")
    # A scan of the ID card for the dossier: uploaded, type-checked, stored under scans/.
    page.click('[data-list="attachments"] > button.add')
    page.select_option('[name="attachments[6].kind"]', "身份证明")
    field(page, "attachments[6].title").fill("王建国身份证复印件")
    field(page, "attachments[6].pages").fill("1")
    page.set_input_files('[data-item="attachments[6]"] input.scan-upload',
                         files=[{"name": "王建国身份证.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}])
    expect(field(page, "attachments[6].scan")).to_have_value("scans/王建国身份证.pdf")
    page.click(".case-head button.save")
    expect(page.locator(".notice")).to_contain_text("原文件保留")
    assert os.path.exists(saved_path + "~")
    with open(saved_path, encoding="utf-8") as f:
        text = f.read()
        assert "2026-06-25" in text and "scans/王建国身份证.pdf" in text, text
    assert os.path.exists(os.path.join(cases, "scans", "王建国身份证.pdf"))

    # 5. Build the packet for judicial confirmation.
    page.click("text=文书与打印")
    with page.expect_download() as info:
        page.click('.bundles a[href$="/confirmation-packet/odt"]')
    with zipfile.ZipFile(info.value.path()) as z:
        assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        assert "司法确认" in z.read("content.xml").decode("utf-8")
    shot(page, "6-papers-after-visit")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print(f"desk browser tests: FAILED: {failure}")
        sys.exit(1)
