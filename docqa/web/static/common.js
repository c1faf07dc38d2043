// Shared by the pages: fetch JSON, show messages, render an answer. Document text is only ever put in the page
// with textContent, never as HTML.
"use strict";
function el(tag, attrs, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") n.className = v; else if (k === "text") n.textContent = v; else n.setAttribute(k, v);
  }
  for (const kid of kids) if (kid != null) n.append(kid);
  return n;
}
async function api(path, opts) {
  const r = await fetch(path, opts);
  let body = null;
  try { body = await r.json(); } catch (e) { body = {detail: r.statusText}; }
  if (!r.ok) { const err = new Error(detailText(body) || ("HTTP " + r.status)); err.status = r.status; err.body = body; throw err; }
  return body;
}
function detailText(body) {
  if (!body) return "";
  if (typeof body.detail === "string") return body.detail;
  if (Array.isArray(body.detail)) return body.detail.map(d => d.msg).join("; ");
  return "";
}
function fmt(v) {  // figures as printed in the documents: two decimals, whole numbers (counts) as they are
  const n = Number(v), d = Number.isInteger(n) ? 0 : 2;
  return n.toLocaleString("zh-CN", {minimumFractionDigits: d, maximumFractionDigits: d});
}
function message(box, text, ok) { box.append(el("p", {class: "msg " + (ok ? "ok" : "bad"), text: text})); }
function citeHref(c, column) {
  const q = new URLSearchParams({page: c.page, text: c.text});
  if (column) q.set("column", column);
  return "/documents/" + encodeURIComponent(c.document) + "?" + q.toString();
}
// data: the /api/ask answer. onCite(c, event) may take a citation over (the document page shows it in place).
function renderAnswer(box, data, onCite) {
  box.replaceChildren();
  const head = el("div", {class: "text"}, el("span", {text: data.answer}));
  if (data.value != null) head.append(" ", el("span", {class: "value", text: "= " + fmt(data.value) + (data.unit ? " " + data.unit : "")}));
  head.append(el("span", {class: "mode", text: data.mode + " · " + data.seconds + " s"}));
  if (data.answered === false) head.classList.add("unsure");
  box.append(head);
  if (data.rows && data.rows.length) {  // across documents: one figure per unit, each opening its page
    const t = el("table", {class: "rows"});
    t.append(el("tr", {}, el("th", {text: "单位"}), el("th", {text: "数值"}), el("th", {text: "页"}), el("th", {text: "出处"})));
    data.rows.forEach(r => {
      const where = [r.table, r.row, r.column].filter(Boolean).join(" ｜ ");
      const c = {document: r.document, page: r.page, text: r.row || String(r.value)};
      const link = r.document ? el("a", {class: "cite", href: citeHref(c, r.column), text: "第" + r.page + "页"}) : el("span", {text: "第" + r.page + "页"});
      t.append(el("tr", {}, el("td", {text: r.entity}), el("td", {class: "n", text: r.value == null ? "" : fmt(r.value) + (r.unit ? " " + r.unit : "")}),
                   el("td", {}, link), el("td", {text: where || r.source})));
    });
    box.append(t);
  }
  if (!data.citations.length) return;
  const t = el("table", {class: "cites"});
  t.append(el("tr", {}, el("th", {text: "#"}), el("th", {text: "文件"}), el("th", {text: "页"}), el("th", {text: "引文"})));
  data.citations.forEach((c, i) => {
    const link = c.document ? el("a", {class: "cite", href: citeHref(c, i === 0 ? data.column : null), "data-page": c.page, text: "第" + c.page + "页"}) : el("span", {text: "第" + c.page + "页"});
    if (c.document && onCite) link.addEventListener("click", ev => onCite(c, ev, i === 0 ? data.column : null));
    t.append(el("tr", {}, el("td", {text: String(i + 1)}), el("td", {text: c.entity || c.name}), el("td", {}, link), el("td", {text: c.text})));
  });
  box.append(t);
}
function askForm(form, input, box, documentId, onCite) {
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    box.replaceChildren(el("p", {text: "正在回答…"}));
    try {
      const data = await api("/api/ask", {method: "POST", headers: {"Content-Type": "application/json"},
        body: JSON.stringify({question: q, document: documentId || null})});
      renderAnswer(box, data, onCite);
    } catch (e) { box.replaceChildren(); message(box, e.message, false); }
  });
}
