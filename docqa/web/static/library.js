// The library page: upload (with the size limit checked before sending), progress of each document while it is
// parsed, checked and indexed (polling the API), the table of documents, and the ask box across the store.
"use strict";
const STAGES = {queued: "排队中", parsing: "解析中", checking: "检查中", indexing: "建立索引", ready: "完成", failed: "失败"};
const form = document.getElementById("upload-form");
const input = document.getElementById("files");
const msgs = document.getElementById("upload-msg");
const limitMB = Number(form.dataset.limitMb);
const watching = new Map();  // id -> {row element in msgs}
let timer = null;

const drop = document.getElementById("drop");
["dragenter", "dragover"].forEach(t => drop.addEventListener(t, e => { e.preventDefault(); drop.classList.add("over"); }));
["dragleave", "drop"].forEach(t => drop.addEventListener(t, e => { e.preventDefault(); drop.classList.remove("over"); }));
drop.addEventListener("drop", e => { input.files = e.dataTransfer.files; });

form.addEventListener("submit", async ev => {
  ev.preventDefault();
  msgs.replaceChildren();
  const files = Array.from(input.files);
  if (!files.length) { message(msgs, "请先选择文件。", false); return; }
  const total = files.reduce((s, f) => s + f.size, 0);
  if (total > limitMB * 1048576) {
    message(msgs, "文件太大（" + (total / 1048576).toFixed(1) + " MB），上限 " + limitMB + " MB，未上传。", false);
    return;
  }
  const fd = new FormData();
  files.forEach(f => fd.append("files", f, f.name));
  const btn = document.getElementById("upload-btn");
  btn.disabled = true;
  try {
    const res = await api("/api/documents", {method: "POST", body: fd});
    res.rejected.forEach(r => message(msgs, r.error, false));
    res.documents.forEach(watch);
    poll();
  } catch (e) {
    message(msgs, e.message, false);
  } finally { btn.disabled = false; input.value = ""; }
});

function watch(d) {
  if (watching.has(d.id)) return;
  const bar = el("div", {style: "width:" + (d.progress * 100) + "%"});
  const stage = el("span", {class: "stage", text: STAGES[d.status] || d.status});
  const row = el("div", {class: "job", "data-id": d.id}, el("span", {class: "name", text: d.name}), " · ", stage,
                 el("div", {class: "bar"}, bar));
  msgs.append(row);
  watching.set(d.id, {row, bar, stage});
}

async function poll() {
  clearTimeout(timer);
  let data;
  try { data = await api("/api/documents"); } catch (e) { timer = setTimeout(poll, 2000); return; }
  renderTable(data.documents);
  let busy = false;
  for (const d of data.documents) {
    const w = watching.get(d.id);
    if (!w) { if (!["ready", "failed"].includes(d.status)) { watch(d); busy = true; } continue; }
    w.bar.style.width = (d.progress * 100) + "%";
    let text = STAGES[d.status] || d.status;
    if (d.status === "failed") text += "：" + (d.error || "");
    w.stage.textContent = text;
    if (d.findings_ready && !w.row.querySelector("a")) {
      w.row.append(" ", el("a", {href: "/documents/" + d.id, text: "查看检查结果 (" + (d.counts.error || 0) + " 错误)"}));
    }
    if (d.status === "failed") w.row.classList.add("msg", "bad");
    if (!["ready", "failed"].includes(d.status)) busy = true;
  }
  if (busy) timer = setTimeout(poll, 400);
}

function renderTable(docs) {
  const body = document.querySelector("#docs tbody");
  document.getElementById("doc-count").textContent = docs.length;
  if (!docs.length) return;
  body.replaceChildren(...docs.map(d => el("tr", {"data-id": d.id},
    el("td", {}, el("a", {href: "/documents/" + d.id, text: d.name})),
    el("td", {text: d.entity || ""}), el("td", {text: ({budget: "预算", final: "决算"})[d.kind] || ""}), el("td", {text: d.year || ""}),
    el("td", {text: d.pages || ""}),
    el("td", {class: "n error", text: d.counts.error ?? ""}), el("td", {class: "n warning", text: d.counts.warning ?? ""}),
    el("td", {class: "n info", text: d.counts.info ?? ""}),
    el("td", {class: "status " + d.status, text: (STAGES[d.status] || d.status) + (d.error ? "：" + d.error : "")}))));
}

askForm(document.getElementById("ask-form"), document.getElementById("ask-q"), document.getElementById("answer"), null, null);
poll();
