// The document page: progress until the findings exist, then the findings beside the page images. Clicking a
// finding shows its page with the evidence marked; a citation opens its page with the passage marked.
"use strict";
const root = document.getElementById("doc");
const docId = root.dataset.id;
const isPdf = root.dataset.format === "pdf";
const pageCount = Number(root.dataset.pages) || 1;
let current = 1;

// Findings come before the index: the ask box opens when the document is searchable.
async function waitForIndex() {
  try {
    const d = await api("/api/documents/" + encodeURIComponent(docId));
    if (d.status === "ready") {
      const note = document.getElementById("index-note");
      if (d.index_error) { note.textContent = "未能建立检索索引：" + d.index_error; return; }
      if (note) note.remove();
      document.getElementById("ask-btn").disabled = false;
      return;
    }
  } catch (e) { /* keep polling */ }
  setTimeout(waitForIndex, 500);
}
const STAGES = {queued: "排队中", parsing: "解析中", checking: "检查中", indexing: "建立索引", ready: "完成", failed: "失败"};

if (!document.getElementById("finding-list")) {
  if (root.dataset.status !== "failed") waitForFindings();
} else {
  setup();
}

async function waitForFindings() {
  try {
    const d = await api("/api/documents/" + encodeURIComponent(docId));
    document.getElementById("stage").textContent = STAGES[d.status] || d.status;
    document.getElementById("bar").style.width = (d.progress * 100) + "%";
    if (d.findings_ready || d.status === "failed") { location.reload(); return; }
  } catch (e) { /* the server restarts: keep polling */ }
  setTimeout(waitForFindings, 300);
}

function setup() {
  const data = JSON.parse(document.getElementById("marks").textContent);
  const list = document.getElementById("finding-list");
  const items = Array.from(list.querySelectorAll("li.finding"));
  const note = document.getElementById("view-note");
  const pageNo = document.getElementById("page-no");

  function select(li, page) {
    items.forEach(x => x.classList.toggle("active", x === li));
    const id = li.dataset.id;
    const ev = (data.evidence[id] || []).filter(e => e.page > 0);
    if (!ev.length) { note.textContent = "此问题涉及全文，没有单一页面。"; return; }
    const p = page || ev[0].page;
    if (isPdf) {
      const marks = (data.marks[id] || []).filter(m => m.page === p);
      const rects = marks.flatMap(m => m.rects);
      show(p, rects, marks.length ? marks[0].size : null);
      note.textContent = rects.length ? "" : "未能在页面上定位证据文字。";
    } else {
      locate(p, ev.filter(e => e.page === p).map(e => e.text), null, li.dataset.actual);
    }
  }
  items.forEach(li => {
    li.addEventListener("click", e => {
      const b = e.target.closest("button.pg");
      select(li, b ? Number(b.dataset.page) : null);
    });
    li.addEventListener("keydown", e => { if (e.key === "Enter") select(li); });
  });

  const sevs = Array.from(document.querySelectorAll(".f-sev"));
  const kind = document.getElementById("f-kind");
  function filter() {
    const on = new Set(sevs.filter(s => s.checked).map(s => s.value));
    let n = 0;
    items.forEach(li => {
      const ok = on.has(li.dataset.severity) && (!kind.value || li.dataset.kind === kind.value);
      li.hidden = !ok; if (ok) n++;
    });
    document.getElementById("shown").textContent = n;
  }
  sevs.forEach(s => s.addEventListener("change", filter));
  kind.addEventListener("change", filter);

  document.getElementById("prev").addEventListener("click", () => show(Math.max(1, current - 1)));
  document.getElementById("next").addEventListener("click", () => show(Math.min(pageCount, current + 1)));
  pageNo.addEventListener("change", () => show(Math.min(pageCount, Math.max(1, Number(pageNo.value) || 1))));

  askForm(document.getElementById("ask-form"), document.getElementById("ask-q"), document.getElementById("answer"),
          docId, (c, ev, column) => {
            if (c.document !== docId) return;  // another document: follow the link
            ev.preventDefault();
            locate(c.page, [c.text], column);
          });

  if (root.dataset.status !== "ready") waitForIndex();

  const params = new URLSearchParams(location.search);
  if (params.get("page")) {
    const p = Number(params.get("page"));
    if (params.get("text")) locate(p, [params.get("text")], params.get("column")); else show(p);
  } else if (items.length) {
    select(items[0]);
  } else {
    show(1);
  }
}

// Mark passages on page p: ask the server where they are (rectangles on a PDF page, spans in a text page).
async function locate(p, texts, column, focus) {
  const note = document.getElementById("view-note");
  const found = [];
  let size = null, text = null;
  for (const t of texts) {
    const q = new URLSearchParams({text: t});
    if (column) q.set("column", column);
    if (focus) q.set("focus", focus);
    try {
      const r = await api("/api/documents/" + encodeURIComponent(docId) + "/pages/" + p + "/locate?" + q.toString());
      if (isPdf) { size = r.size; found.push(...r.rects); } else { text = r.text; found.push(...r.spans); }
    } catch (e) { note.textContent = e.message; }
  }
  if (isPdf) show(p, found, size); else showText(p, text, found);
  note.textContent = found.length ? "" : "未能在页面上定位引文。";
}

function show(p, rects, size) {
  current = p;
  document.getElementById("page-no").value = p;
  if (!isPdf) { locateText(p); return; }
  const wrap = document.getElementById("page-wrap");
  const page = el("div", {class: "page", "data-page": p});
  if (size) page.style.aspectRatio = size[0] + " / " + size[1];  // marks sit right before the image arrives
  const img = el("img", {src: "/api/documents/" + encodeURIComponent(docId) + "/pages/" + p + ".png", alt: "第" + p + "页"});
  page.append(img);
  (rects || []).forEach(r => {
    const [w, h] = size;
    page.append(el("div", {class: "mark", style: "left:" + (r[0] / w * 100) + "%;top:" + (r[1] / h * 100) + "%;width:" +
      ((r[2] - r[0]) / w * 100) + "%;height:" + ((r[3] - r[1]) / h * 100) + "%", "data-rect": r.join(",")}));
  });
  wrap.replaceChildren(page);
  const first = page.querySelector(".mark");
  const centre = () => { wrap.scrollTop = first ? first.offsetTop - wrap.clientHeight / 2 : 0; };
  if (img.complete) centre(); else img.addEventListener("load", centre, {once: true});
}

async function locateText(p) {
  try {
    const r = await api("/api/documents/" + encodeURIComponent(docId) + "/pages/" + p + "/locate?text=");
    showText(p, r.text, []);
  } catch (e) { document.getElementById("view-note").textContent = e.message; }
}

function showText(p, text, spans) {
  current = p;
  document.getElementById("page-no").value = p;
  const pre = el("pre", {class: "textpage", "data-page": p});
  let at = 0;
  for (const [a, b] of spans.filter(s => s[0] >= 0).sort((x, y) => x[0] - y[0])) {
    if (a < at) continue;
    pre.append(text.slice(at, a), el("mark", {text: text.slice(a, b)}));
    at = b;
  }
  pre.append(text.slice(at));
  document.getElementById("page-wrap").replaceChildren(pre);
  const m = pre.querySelector("mark");
  pre.scrollTop = m ? m.offsetTop - pre.clientHeight / 2 : 0;
}
