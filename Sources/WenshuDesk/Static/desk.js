// The desk's only script: repeating groups added and removed in place, and checks as you type.
// Input names are field paths (parties[2].name); after an add or a removal the items of a list are numbered
// again so the names stay the paths the checker reports.
"use strict";

function renumber(list) {
  const path = list.dataset.list;
  const items = list.querySelector(":scope > .items").children;
  Array.from(items).forEach((item, i) => {
    const old = item.dataset.item;
    const now = path + "[" + (i + 1) + "]";
    if (old === now) return;
    // "parties[2]" ends in "]", so it never matches inside "parties[20]".
    const swap = (s) => s.split(old).join(now);
    item.dataset.item = now;
    item.querySelectorAll("[name],[data-field],[data-list],[data-item]").forEach((el) => {
      if (el.name) el.name = swap(el.name);
      if (el.dataset.field) el.dataset.field = swap(el.dataset.field);
      if (el.dataset.list) el.dataset.list = swap(el.dataset.list);
      if (el.dataset.item) el.dataset.item = swap(el.dataset.item);
    });
    item.querySelectorAll("template").forEach((t) => { t.innerHTML = swap(t.innerHTML); });
    const ordinal = item.querySelector(":scope > .item-head .ordinal");
    if (ordinal) ordinal.textContent = "第" + (i + 1) + "项";
    item.querySelectorAll(":scope > .field label span").forEach((s) => { if (/^第\d+项$/.test(s.textContent)) s.textContent = "第" + (i + 1) + "项"; });
  });
}

document.addEventListener("click", (event) => {
  const button = event.target;
  if (button.matches("button.add")) {
    const list = button.closest(".list");
    const path = list.dataset.list;
    const items = list.querySelector(":scope > .items");
    const n = items.children.length + 1;
    const html = list.querySelector(":scope > template").innerHTML.split(path + "[__N__]").join(path + "[" + n + "]");
    items.insertAdjacentHTML("beforeend", html);
    const added = items.lastElementChild;
    added.querySelectorAll(".ordinal").forEach((o, i) => { if (i === 0) o.textContent = "第" + n + "项"; });
    added.querySelectorAll(":scope > .field label span").forEach((s) => { if (s.textContent === "第__N__项") s.textContent = "第" + n + "项"; });
    // A new party gets the first free code (p3 …), which instalments' 付款人代号 refer to: nobody has to invent one.
    if (path === "parties") {
      const used = new Set(Array.from(items.querySelectorAll('input[name$=".id"]')).map((i) => i.value.trim()));
      let k = 1;
      while (used.has("p" + k)) k++;
      const code = added.querySelector('input[name="parties[' + n + '].id"]');
      if (code && !code.value) code.value = "p" + k;
    }
    fitPartyKind(added);
    const first = added.querySelector("input:not([type=hidden]),select,textarea");
    if (first) first.focus();
    scheduleCheck();
  } else if (button.matches("button.remove")) {
    const item = button.closest(".item");
    const list = item.closest(".list");
    item.remove();
    renumber(list);
    scheduleCheck();
  }
});

// A party's fields for its kind: a person has no credit code or legal representative, an organisation no
// gender, ethnicity, birth date or occupation. Only empty fields are hidden, so nothing typed is ever out of sight.
const ORGANISATION_ONLY = ["credit_code", "representative"];
const PERSON_ONLY = ["gender", "ethnicity", "birth_date", "occupation"];
function fitPartyKind(item) {
  const path = item.dataset.item;
  if (!/^parties\[\d+\]$/.test(path)) return;
  const kind = item.querySelector('[name="' + path + '.kind"]');
  const hide = !kind ? [] : kind.value === "person" ? ORGANISATION_ONLY : kind.value === "organisation" ? PERSON_ONLY : [];
  for (const name of ORGANISATION_ONLY.concat(PERSON_ONLY)) {
    const el = item.querySelector(':scope > [data-field="' + path + "." + name + '"]');
    if (!el) continue;
    const empty = Array.from(el.querySelectorAll("input,select,textarea")).every((i) => !i.value);
    el.hidden = hide.includes(name) && empty;
  }
}

let timer = null;
let sequence = 0;
function scheduleCheck() {
  clearTimeout(timer);
  timer = setTimeout(runCheck, 250);
}

async function runCheck() {
  const form = document.getElementById("case-form");
  if (!form) return;
  const mine = ++sequence;
  const body = new URLSearchParams(new FormData(form));
  const response = await fetch(form.dataset.check, {
    method: "POST", body, credentials: "same-origin",
    headers: { "X-CSRF-Token": form.elements["_csrf"].value },
  });
  if (!response.ok || mine !== sequence) return;
  showFindings(await response.json());
}

function fieldFor(path) {
  let p = path;
  while (p) {
    const el = document.querySelector('[data-field="' + CSS.escape(p) + '"]');
    if (el) return el;
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    p = cut > 0 ? p.slice(0, cut) : "";
  }
  return null;
}

function findingItem(f) {
  const li = document.createElement("li");
  li.className = "finding " + f.severity;
  li.dataset.path = f.path;
  li.textContent = f.severityLabel + "：" + (f.label ? f.label + "：" : "") + f.message + " ";
  const code = document.createElement("code");
  code.textContent = f.id;
  li.appendChild(code);
  return li;
}

function showFindings(result) {
  document.querySelectorAll("ul.findings:not(.all)").forEach((ul) => { ul.innerHTML = ""; });
  document.querySelectorAll(".has-error").forEach((el) => el.classList.remove("has-error"));
  const all = document.getElementById("all-findings");
  all.innerHTML = "";
  for (const f of result.findings) {
    all.appendChild(findingItem(f));
    const el = f.path ? fieldFor(f.path) : null;
    if (!el) continue;
    const ul = el.matches("ul.findings") ? el : el.querySelector(":scope > ul.findings");
    if (ul) ul.appendChild(findingItem(f));
    if (f.severity === "error") el.classList.add("has-error");
  }
  document.getElementById("error-count").textContent = result.errors;
  document.getElementById("warning-count").textContent = result.warnings;
}

// A scan goes up on its own (the file as the body); the field then holds the path the desk stored it at.
document.addEventListener("change", async (event) => {
  const input = event.target;
  if (!input.matches("input.scan-upload") || !input.files.length) return;
  const form = document.getElementById("case-form");
  const file = input.files[0];
  const url = form.action + "/scan?filename=" + encodeURIComponent(file.name);
  const response = await fetch(url, { method: "POST", body: file, credentials: "same-origin",
    headers: { "X-CSRF-Token": form.elements["_csrf"].value, "Content-Type": "application/octet-stream" } });
  const result = await response.json();
  const field = input.closest(".field");
  const list = field.querySelector("ul.findings");
  list.innerHTML = "";
  if (result.path) {
    field.querySelector('input[type="text"]').value = result.path;
    scheduleCheck();
  } else {
    list.appendChild(findingItem({ severity: "error", severityLabel: "错误", path: "", message: result.error || "上传失败", id: "" }));
  }
});

document.addEventListener("input", (event) => { if (event.target.closest("#case-form")) scheduleCheck(); });
document.addEventListener("change", (event) => {
  if (!event.target.closest("#case-form")) return;
  if (/^parties\[\d+\]\.kind$/.test(event.target.name || "")) fitPartyKind(event.target.closest(".item"));
  scheduleCheck();
});
document.addEventListener("DOMContentLoaded", () => {
  if (!document.getElementById("case-form")) return;
  document.querySelectorAll('[data-list="parties"] > .items > .item').forEach(fitPartyKind);
  runCheck();
});

// A paper shorter than the pages the papers page asks pictures of: the missing page's picture goes.
document.addEventListener("error", (event) => { if (event.target.matches && event.target.matches("img.page")) event.target.remove(); }, true);
