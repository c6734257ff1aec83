#!/usr/bin/env python3
"""The mediator's desk in a real browser: Debian's Chromium driven by Playwright for Python.

Usage: desk_flows.py PATH-TO-wenshu [SCREENSHOT-FOLDER]

Starts `wenshu serve` on an empty folder and does what a mediator does: create a case from nothing, fix the
errors the page shows, print the agreement (the same bytes `wenshu render` writes from the saved file), add a
visit, build the packet. Skips with one line when Chromium or Playwright is missing. Exit status 1 on failure.
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
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    skip("Chromium is not installed (apt-get install chromium)")

WENSHU = os.path.abspath(sys.argv[1])
SHOTS = sys.argv[2] if len(sys.argv) > 2 else None
NUMBER = "（2026）西交调字第37号"


def shot(page, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SHOTS, name + ".png"), full_page=True)


def field(page, path):
    return page.locator(f'[name="{path}"]')


def findings_at(page, path):
    return page.locator(f'[data-field="{path}"] > ul.findings > li')


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
    print("desk browser tests: 5 flows passed (create, fix, print the agreement, add a visit, build the packet)")


def run_flows(page, base, cases, work):
    # 1. Create a case from nothing.
    page.goto(base)
    shot(page, "1-list-empty")
    page.fill('input[name="number"]', NUMBER)
    page.select_option('select[name="type"]', "道路交通事故")
    page.click("form.new-case button[type=submit]")
    page.wait_for_url(re.compile(r"/case/"))
    wait_for_check(page)
    expect(page.locator("#error-count")).not_to_have_text("0")
    shot(page, "2-new-case-errors")
    # The missing names are shown beside the parties they concern.
    expect(page.locator('[data-item="parties[1]"] li.finding.error').first).to_be_visible()

    # 2. Fix the errors the page shows, making one on the way (a mistyped ID number) and fixing it.
    field(page, "title").fill("王建国与李明道路交通事故损害赔偿纠纷")
    field(page, "committee.name").fill("杭州市西湖区道路交通事故人民调解委员会")
    field(page, "received").fill("2026-03-02")
    field(page, "accepted").fill("2026-03-02")
    field(page, "parties[1].name").fill("王建国")
    page.select_option('[name="parties[1].gender"]', "男")
    field(page, "parties[1].id_number").fill("330106197803121230")
    expect(findings_at(page, "parties[1].id_number").filter(has_text="case.id-check-digit")).to_have_count(1)
    shot(page, "3-check-digit")
    field(page, "parties[1].id_number").fill("330106197803121239")
    expect(findings_at(page, "parties[1].id_number")).to_have_count(0)
    field(page, "parties[1].phone").fill("13805712345")
    field(page, "parties[2].name").fill("李明")
    field(page, "parties[2].id_number").fill("330106198207152463")
    field(page, "parties[2].phone").fill("0571-88123456")
    # 调解: a mediator, the outcome; 协议: the agreement with two terms added in place.
    page.click('[data-list="mediators"] > button.add')
    field(page, "mediators[1].name").fill("赵敏")
    page.select_option('[name="mediators[1].role"]', "主持调解员")
    page.select_option('[name="outcome.result"]', "调解成功")
    field(page, "agreement.date").fill("2026-03-10")
    page.select_option('[name="agreement.form"]', "written")
    page.click('[data-list="agreement.terms"] > button.add')
    field(page, "agreement.terms[1].text").fill("李明赔偿王建国医疗费、误工费等各项损失共计人民币14020.00元。")
    field(page, "agreement.terms[1].amount").fill("14020.00")
    page.click('[data-list="agreement.terms"] > button.add')
    page.click('[data-list="agreement.terms"] > button.add')
    field(page, "agreement.terms[3].text").fill("双方就本次事故再无其他纠纷。")
    # Remove the empty second term: the third moves up and is renamed.
    page.locator('[data-item="agreement.terms[2]"] button.remove').click()
    expect(field(page, "agreement.terms[2].text")).to_have_value("双方就本次事故再无其他纠纷。")
    field(page, "agreement.total_amount").fill("14020.00")
    # The case itself is now right; what the forms still need shows beside its field.
    expect(findings_at(page, "parties[1].address").filter(has_text="template.missing-field")).to_have_count(1)
    field(page, "parties[1].address").fill("杭州市西湖区文三路100号")
    field(page, "parties[2].address").fill("杭州市西湖区古墩路200号")
    field(page, "agreement.facts").fill("2026年2月20日，李明驾驶小型轿车与骑电动自行车的王建国相撞，王建国受伤。交警部门认定李明负全部责任。")
    field(page, "agreement.date").press("Tab")
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
    # PDF, when LibreOffice is on the machine (the page offers it only then).
    pdf_link = page.locator('#paper-agreement a[data-format="pdf"]')
    if shutil.which("soffice") or os.environ.get("WENSHU_SOFFICE"):
        with page.expect_download(timeout=120000) as info:
            pdf_link.click()
        with open(info.value.path(), "rb") as f:
            assert f.read(5) == b"%PDF-", "the agreement's PDF is not a PDF"
    else:
        assert pdf_link.count() == 0, "PDF offered without LibreOffice"

    # 4. Add a visit: a structural edit, rewritten canonically with the previous file kept.
    page.goto(base)
    page.fill('input[name="q"]', "王建国")
    page.click("form.search button")
    page.click(f"text={NUMBER}")
    page.click('[data-list="visits"] > button.add')
    field(page, "visits[1].date").fill("2026-03-25")
    field(page, "visits[1].visitor").fill("赵敏")
    page.select_option('[name="visits[1].satisfaction"]', "满意")
    # A scan of the ID card for the dossier: uploaded, type-checked, stored under scans/.
    page.click('[data-list="attachments"] > button.add')
    page.select_option('[name="attachments[1].kind"]', "身份证明")
    field(page, "attachments[1].title").fill("王建国身份证复印件")
    field(page, "attachments[1].pages").fill("1")
    page.set_input_files('[data-item="attachments[1]"] input.scan-upload',
                         files=[{"name": "王建国身份证.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}])
    expect(field(page, "attachments[1].scan")).to_have_value("scans/王建国身份证.pdf")
    page.click(".case-head button.save")
    expect(page.locator(".notice")).to_contain_text("原文件保留")
    assert os.path.exists(saved_path + "~")
    with open(saved_path, encoding="utf-8") as f:
        text = f.read()
        assert "2026-03-25" in text and "scans/王建国身份证.pdf" in text, text
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
