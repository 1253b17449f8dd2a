// citeline's published page: draws the timeline on a canvas and shows each event's citations.
// Everything it shows comes from the JSON block above and goes into the page as text
// (textContent), never as markup; it requests nothing from anywhere.
"use strict";
(function () {
  performance.mark("citeline-start");
  const data = JSON.parse(document.getElementById("citeline-data").textContent);
  performance.mark("citeline-parsed");
  const events = data.events;
  const rows = data.rows;
  const $ = (id) => document.getElementById(id);
  const canvas = $("timeline");
  const box = $("canvas-box");
  const ctx = canvas.getContext("2d");

  const AXIS_H = 30;
  const ROW_H = 34;
  const MERGE_PX = 9; // events whose starts are closer than this merge into one mark
  const LABEL_MIN_PX = 28;
  const MIN_DAYS = 1 / 48;
  const MAX_DAYS = 4e13;
  const FONT = '"Citeline Sans", "Noto Sans", system-ui, sans-serif';
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const STATUS = {
    verified: "verified",
    normalized: "matched after normalisation",
    "not-found": "not found",
    unchecked: "not checked",
  };
  const STATUS_SAYS = {
    verified: "The quote stands in the source letter for letter.",
    normalized: "The quote stands in the source once white space, quotation marks and Unicode form are set aside.",
    "not-found": "The quote was not found in the source's text.",
    unchecked: "The source's text was not available to check the quote against.",
  };

  // Each lane's events in start order (the data lists events by start), and how far back a
  // view must look for an event that reaches into it.
  const lanes = rows.map(() => ({ ev: [], starts: [], longest: 0 }));
  events.forEach((e, i) => {
    if (e.lane === undefined || !lanes[e.lane]) return;
    const lane = lanes[e.lane];
    lane.ev.push(i);
    lane.starts.push(e.s);
    lane.longest = Math.max(lane.longest, e.e - e.s);
  });
  const byId = new Map(events.map((e, i) => [e.id, i]));
  const dated = events.filter((e) => e.s !== undefined);
  const extent = [Infinity, -Infinity];
  for (const e of dated) { extent[0] = Math.min(extent[0], e.s); extent[1] = Math.max(extent[1], e.e); }
  if (!dated.length) extent.splice(0, 2, 0, 365);

  let width = 0, height = 0, dpr = 1;
  let view = fitView();
  let scrollY = 0;
  let selected = -1;
  const colors = {};
  let hits = [];
  let pending = false;
  let firstDrawn = false;

  function fitView() {
    const [a, b] = extent;
    const pad = Math.max((b - a) * 0.04, 2);
    return clampView({ a: a - pad, b: b + pad });
  }
  function clampView(v) {
    const w = v.b - v.a;
    if (!(w >= MIN_DAYS)) { const c = (v.a + v.b) / 2 || 0; return { a: c - MIN_DAYS / 2, b: c + MIN_DAYS / 2 }; }
    if (w > MAX_DAYS) { const c = (v.a + v.b) / 2; return { a: c - MAX_DAYS / 2, b: c + MAX_DAYS / 2 }; }
    return v;
  }
  const xOf = (t) => ((t - view.a) / (view.b - view.a)) * width;
  const tOf = (x) => view.a + (x / width) * (view.b - view.a);
  const contentHeight = () => AXIS_H + rows.length * ROW_H + 8;
  const clampScroll = (y) => Math.max(0, Math.min(y, contentHeight() - height));

  // ---- Dates -------------------------------------------------------------------------------
  function dayFromCivil(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
  }
  function civilFromDay(t) {
    const z = Math.floor(t) + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
  }
  function yearLabel(y) {
    if (y <= 0) return (1 - y).toLocaleString("en-US") + " BCE";
    return y >= 10000 ? y.toLocaleString("en-US") : String(y);
  }
  // Tick steps, finest first: [unit, count, about how many days].
  const STEPS = [["day", 1, 1], ["day", 2, 2], ["day", 7, 7], ["month", 1, 30.4], ["month", 3, 91], ["month", 6, 182]];
  for (let p = 1; p <= 1e11; p *= 10) for (const k of [1, 2, 5]) STEPS.push(["year", k * p, 365.2425 * k * p]);
  function ticks(step, a, b) {
    const [unit, n] = step;
    const out = [];
    if (unit === "day") {
      for (let t = Math.ceil(a / n) * n; t < b && out.length < 400; t += n) {
        const [y, m, d] = civilFromDay(t);
        out.push([t, d + " " + MONTHS[m - 1] + (d <= n || out.length === 0 ? " " + yearLabel(y) : "")]);
      }
    } else if (unit === "month") {
      const [y0, m0] = civilFromDay(a);
      for (let k = Math.ceil((y0 * 12 + m0 - 1) / n) * n; out.length < 400; k += n) {
        const y = Math.floor(k / 12), m = k - y * 12 + 1;
        const t = dayFromCivil(y, m, 1);
        if (t >= b) break;
        if (t >= a) out.push([t, MONTHS[m - 1] + " " + yearLabel(y)]);
      }
    } else {
      const y0 = civilFromDay(a)[0];
      for (let y = Math.ceil(y0 / n) * n; out.length < 400; y += n) {
        const t = dayFromCivil(y, 1, 1);
        if (t >= b) break;
        if (t >= a) out.push([t, yearLabel(y)]);
      }
    }
    return out;
  }

  // ---- Drawing -----------------------------------------------------------------------------
  function readColors() {
    const s = getComputedStyle(document.documentElement);
    for (const k of ["bg", "text", "muted", "grid-major", "grid-minor", "band", "event", "selected", "cluster",
      "highlight", "era0", "era1"]) colors[k] = s.getPropertyValue("--" + k).trim() || "#888";
  }
  function resize() {
    // The box is as tall as the lanes, within what its style allows.
    const want = Math.max(AXIS_H + 3 * ROW_H, contentHeight()) + 2 + "px";
    if (box.style.height !== want) box.style.height = want;
    dpr = window.devicePixelRatio || 1;
    width = Math.max(1, box.clientWidth);
    height = Math.max(1, box.clientHeight);
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    scrollY = clampScroll(scrollY);
    draw();
  }
  function request() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; draw(); });
  }
  // `text` cut to `max` pixels in the current font, with "…"; remembered by font, width and
  // text, since a pan moves labels without changing the room each one has.
  const fitted = new Map();
  function fitText(text, max) {
    const key = ctx.font + "\u0000" + Math.floor(max) + "\u0000" + text;
    let out = fitted.get(key);
    if (out !== undefined) return out;
    if (fitted.size > 20000) fitted.clear();
    out = "";
    if (ctx.measureText(text).width <= max) out = text;
    else {
      let lo = 0, hi = text.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (ctx.measureText(text.slice(0, mid) + "…").width <= max) lo = mid; else hi = mid - 1;
      }
      if (lo > 0) out = text.slice(0, lo).trimEnd() + "…";
    }
    fitted.set(key, out);
    return out;
  }
  function draw() {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = colors.bg;
    ctx.fillRect(0, 0, width, height);
    hits = [];
    const days = view.b - view.a;
    const step = STEPS.find((s) => (s[2] / days) * width >= 96) || STEPS[STEPS.length - 1];
    const finer = STEPS[STEPS.indexOf(step) - 1];
    // Eras behind everything.
    ctx.font = "12px " + FONT;
    ctx.textBaseline = "top";
    data.eras.forEach((era, k) => {
      const x0 = Math.max(xOf(era.s), -1), x1 = Math.min(xOf(era.e), width + 1);
      if (x1 <= 0 || x0 >= width) return;
      ctx.fillStyle = colors[k % 2 ? "era1" : "era0"];
      ctx.fillRect(x0, AXIS_H, x1 - x0, height - AXIS_H);
      ctx.fillStyle = colors.muted;
      const label = fitText(era.title, x1 - x0 - 8);
      if (label) ctx.fillText(label, x0 + 4, height - 16);
    });
    // Grid.
    if (finer && (finer[2] / days) * width >= 12) {
      ctx.fillStyle = colors["grid-minor"];
      for (const [t] of ticks(finer, view.a, view.b)) ctx.fillRect(Math.round(xOf(t)), AXIS_H, 1, height - AXIS_H);
    }
    const major = ticks(step, view.a, view.b);
    ctx.fillStyle = colors["grid-major"];
    for (const [t] of major) ctx.fillRect(Math.round(xOf(t)), AXIS_H, 1, height - AXIS_H);
    // Lanes.
    const first = Math.max(0, Math.floor((scrollY) / ROW_H));
    const last = Math.min(rows.length - 1, Math.floor((scrollY + height - AXIS_H) / ROW_H));
    for (let r = first; r <= last; r++) {
      const top = AXIS_H + r * ROW_H - scrollY + 4;
      if (rows[r].h) {
        ctx.font = "bold 13px " + FONT;
        ctx.fillStyle = colors.text;
        ctx.textBaseline = "middle";
        const name = rows[r].g === undefined ? "Other events" : data.groups[rows[r].g];
        ctx.fillText(fitText(name, width - 16), 8, top + ROW_H / 2);
        ctx.fillStyle = colors["grid-major"];
        ctx.fillRect(0, top + ROW_H - 4, width, 1);
        continue;
      }
      drawLane(lanes[r], top);
    }
    // The axis over the lanes.
    ctx.fillStyle = colors.band;
    ctx.fillRect(0, 0, width, AXIS_H);
    ctx.fillStyle = colors["grid-major"];
    ctx.fillRect(0, AXIS_H - 1, width, 1);
    ctx.font = "12px " + FONT;
    ctx.textBaseline = "middle";
    ctx.fillStyle = colors.text;
    let lastEnd = -Infinity;
    for (const [t, label] of major) {
      const x = Math.round(xOf(t));
      ctx.fillRect(x, AXIS_H - 7, 1, 6);
      if (x + 4 > lastEnd) { ctx.fillText(label, x + 4, AXIS_H / 2 - 2); lastEnd = x + 8 + 7 * label.length; }
    }
    // Where the lanes in view stand among all of them, when they do not all fit.
    const total = contentHeight() - AXIS_H, shown = height - AXIS_H;
    if (total > shown) {
      ctx.fillStyle = colors.cluster;
      ctx.globalAlpha = 0.6;
      ctx.fillRect(width - 5, AXIS_H + (scrollY / total) * shown, 4, Math.max(12, (shown / total) * shown));
      ctx.globalAlpha = 1;
    }
    if (document.activeElement === canvas && selected >= 0) outlineSelected();
    if (!firstDrawn) {
      firstDrawn = true;
      performance.mark("citeline-first-draw");
    }
  }
  function drawLane(lane, top) {
    const a = view.a, b = view.b;
    const markY = top + 20;
    // The first event that may reach into the view.
    let lo = 0, hi = lane.starts.length;
    const from = a - lane.longest;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (lane.starts[mid] < from) lo = mid + 1; else hi = mid; }
    let group = null;
    const flush = (nextX) => {
      if (!group) return;
      if (group.n === 1) drawEvent(group.i, top, markY, nextX);
      else drawCluster(group, top, markY, nextX);
      group = null;
    };
    for (let k = lo; k < lane.ev.length; k++) {
      const i = lane.ev[k];
      const e = events[i];
      if (e.s > b) break;
      if (e.e < a) continue;
      const x0 = xOf(e.s);
      const x1 = Math.max(xOf(e.e), x0 + 2);
      if (group && x0 - group.lastX < MERGE_PX && i !== selected && group.i !== selected) {
        group.n++; group.lastX = x0; group.x1 = Math.max(group.x1, x1); group.b = Math.max(group.b, e.e);
        continue;
      }
      flush(x0);
      group = { i, n: 1, x0, x1, lastX: x0, a: e.s, b: e.e };
    }
    flush(width + 40);
  }
  function drawEvent(i, top, y, nextX) {
    const e = events[i];
    const on = i === selected;
    const color = on ? colors.selected : colors.event;
    const x0 = xOf(e.s), x1 = xOf(e.e);
    ctx.fillStyle = color;
    ctx.strokeStyle = color;
    const k = e.k || "";
    let left, right;
    // A diamond is a day, as the legend says; a short span stays a thin bar, as in the app.
    if (k.includes("d")) {
      const x = (x0 + x1) / 2;
      ctx.beginPath();
      ctx.moveTo(x, y - 6); ctx.lineTo(x + 6, y); ctx.lineTo(x, y + 6); ctx.lineTo(x - 6, y); ctx.closePath();
      ctx.fill();
      left = x - 6; right = x + 6;
    } else {
      const l = Math.max(x0, -4), r = Math.max(Math.min(x1, width + 4), l + 3);
      ctx.globalAlpha = k.includes("u") ? 0.55 : 1;
      if (k.includes("a") && r - l > 24) {
        const g = ctx.createLinearGradient(x0, 0, x1, 0);
        const f = Math.min(0.2, 12 / (x1 - x0));
        g.addColorStop(0, "transparent"); g.addColorStop(f, color); g.addColorStop(1 - f, color); g.addColorStop(1, "transparent");
        ctx.fillStyle = g;
      }
      ctx.fillRect(l, y - 4, r - l, 8);
      ctx.globalAlpha = 1;
      if (k.includes("u")) { ctx.setLineDash([3, 2]); ctx.strokeRect(l + 0.5, y - 4.5, r - l - 1, 9); ctx.setLineDash([]); }
      ctx.fillStyle = color;
      if (k.includes("<") && x0 > -8) arrow(x0, y, -1);
      if (k.includes(">") && x1 < width + 8) arrow(x1, y, 1);
      left = l; right = r;
    }
    ctx.font = (on ? "bold " : "") + "13px " + FONT;
    ctx.textBaseline = "alphabetic";
    ctx.fillStyle = on ? colors.selected : colors.text;
    const lx = Math.max(left, 4);
    const label = fitText(e.title, Math.min(nextX, width) - lx - 8);
    let labelEnd = lx;
    if (label && Math.min(nextX, width) - lx >= LABEL_MIN_PX) {
      ctx.fillText(label, lx, top + 10);
      // The room it has, for a click; the words themselves for the selected one's outline.
      labelEnd = on ? lx + ctx.measureText(label).width : Math.min(nextX, width) - 8;
    }
    hits.push({ x0: Math.min(left, lx) - 3, x1: Math.max(right, labelEnd) + 3, y0: top - 2, y1: top + ROW_H - 6, i });
  }
  function arrow(x, y, dir) {
    ctx.beginPath();
    ctx.moveTo(x + dir * 8, y); ctx.lineTo(x, y - 6); ctx.lineTo(x, y + 6); ctx.closePath();
    ctx.fill();
  }
  function drawCluster(g, top, y, nextX) {
    const l = Math.max(g.x0 - 3, -4), r = Math.min(Math.max(g.x1, g.lastX + 3) + 3, width + 4);
    ctx.fillStyle = colors.cluster;
    ctx.globalAlpha = 0.35;
    ctx.fillRect(l, y - 6, r - l, 12);
    ctx.globalAlpha = 1;
    ctx.fillRect(l, y - 6, Math.max(2, Math.min(3, r - l)), 12);
    ctx.font = "bold 12px " + FONT;
    ctx.textBaseline = "alphabetic";
    // (toLocaleString costs a thousand times more than String: only where it adds a comma.)
    const label = (g.n < 1000 ? String(g.n) : g.n.toLocaleString("en-US")) + "×";
    const lx = Math.max(l, 4);
    ctx.fillStyle = colors.muted;
    // Its count, where the next mark leaves room for it.
    if (Math.min(nextX, width) - lx >= 8 * label.length) ctx.fillText(label, lx, top + 10);
    const w = 8 * label.length;
    hits.push({ x0: l - 2, x1: Math.max(r, lx + w) + 2, y0: top - 2, y1: top + ROW_H - 6, cluster: g });
  }
  function outlineSelected() {
    const h = hits.find((h) => h.i === selected);
    if (!h) return;
    ctx.strokeStyle = colors.selected;
    ctx.lineWidth = 2;
    ctx.strokeRect(h.x0 - 2, h.y0, h.x1 - h.x0 + 4, h.y1 - h.y0);
    ctx.lineWidth = 1;
  }

  // ---- The view ----------------------------------------------------------------------------
  function setView(v) { view = clampView(v); request(); }
  function zoomAt(x, factor) {
    const t = tOf(x);
    setView({ a: t - (t - view.a) * factor, b: t + (view.b - t) * factor });
  }
  function panBy(dx) {
    const d = (dx / width) * (view.b - view.a);
    setView({ a: view.a - d, b: view.b - d });
  }
  function follow(i) {
    const e = events[i];
    if (e.s === undefined) return;
    const w = view.b - view.a;
    if (e.e - e.s > w * 0.9) setView({ a: e.s - (e.e - e.s) * 0.1, b: e.e + (e.e - e.s) * 0.1 });
    else if (e.s < view.a + w * 0.02 || e.s > view.b - w * 0.25) {
      const c = (e.s + Math.min(e.e, e.s + w * 0.4)) / 2;
      setView({ a: c - w / 2, b: c + w / 2 });
    }
    const top = e.lane * ROW_H, visible = height - AXIS_H;
    if (top < scrollY || top + ROW_H > scrollY + visible) scrollY = clampScroll(top - visible / 2);
  }

  // ---- The panel and the chronology --------------------------------------------------------
  function el(tag, cls, text) {
    const n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = text;
    return n;
  }
  function sourceLine(c) {
    const s = data.sources[c.src] || { title: "?" };
    const p = el("p", "cite-source");
    p.append(el("span", "badge " + c.status, STATUS[c.status] || c.status));
    p.lastChild.title = STATUS_SAYS[c.status] || "";
    p.append("— ");
    if (s.url) {
      const a = el("a", null, s.title);
      a.href = s.url; // an http(s) address: citeline writes no other
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      p.append(a);
    } else p.append(el("cite", null, s.title));
    const more = [s.publisher, s.language ? "(" + s.language + ")" : "", c.pin].filter(Boolean);
    if (more.length) p.append(", " + more.join(", ").replace(", (", " ("));
    return p;
  }
  function withMark(box, before, quote, after) {
    box.append(before);
    box.append(el("mark", null, quote));
    box.append(after);
    return box.querySelector("mark");
  }
  // Shows event i's panel; `focus` moves the keyboard there, `reveal` scrolls it into view where
  // it stands below the timeline (a narrow screen).
  function showPanel(i, focus, reveal) {
    const e = events[i];
    const panel = $("panel");
    panel.hidden = false;
    $("panel-date").textContent = e.date;
    $("panel-title").textContent = e.title;
    $("panel-summary").textContent = e.summary || "";
    $("panel-summary").hidden = !e.summary;
    $("panel-tags").textContent = e.tags ? "Tags: " + e.tags.join(", ") : "";
    $("panel-tags").hidden = !e.tags;
    $("panel-link").href = "#" + encodeURIComponent(e.id);
    const list = $("panel-cites");
    list.replaceChildren();
    for (const c of e.cites || []) {
      const li = el("li");
      const q = el("blockquote", "quote", "“" + c.quote + "”");
      li.append(q, sourceLine(c));
      if (c.ctx) {
        const ctxBox = el("p", "context");
        ctxBox.setAttribute("aria-label", "The quote in its paragraph");
        withMark(ctxBox, c.ctx[0], c.ctx[1], c.ctx[2]);
        li.append(ctxBox);
        const s = data.sources[c.src];
        if (s && s.text && c.at) {
          const b = el("button", "toggle", "Show the whole source");
          b.type = "button";
          b.setAttribute("aria-expanded", "false");
          b.addEventListener("click", () => {
            const open = b.getAttribute("aria-expanded") !== "true";
            b.setAttribute("aria-expanded", String(open));
            b.textContent = open ? "Show the paragraph only" : "Show the whole source";
            ctxBox.replaceChildren();
            ctxBox.classList.toggle("full", open);
            const m = open
              ? withMark(ctxBox, s.text.slice(0, c.at[0]), s.text.slice(c.at[0], c.at[1]), s.text.slice(c.at[1]))
              : withMark(ctxBox, c.ctx[0], c.ctx[1], c.ctx[2]);
            if (open && m) ctxBox.scrollTop = m.offsetTop - ctxBox.offsetTop - 40;
          });
          li.append(b);
        }
      } else {
        li.append(el("p", "note muted", STATUS_SAYS[c.status]));
      }
      if (c.note) li.append(el("p", "note", "Note: " + c.note));
      list.append(li);
    }
    if (!e.cites) list.append(el("li", "muted", "No citation."));
    if (focus) panel.focus({ preventScroll: true });
    if (reveal && window.matchMedia("(max-width: 760px)").matches) panel.scrollIntoView({ block: "nearest" });
  }
  function closePanel() {
    $("panel").hidden = true;
    resize();
  }
  function select(i, how) {
    how = how || {};
    const was = selected;
    selected = i;
    const rowsEl = $("rows");
    if (was >= 0 && rowsEl.children[was]) rowsEl.children[was].classList.remove("selected");
    if (i < 0) {
      $("status").textContent = "";
      if ($("panel").hidden === false) closePanel();
      try { history.replaceState(null, "", location.pathname + location.search); } catch (err) { /* a file: page may refuse */ }
      request();
      return;
    }
    if (rowsEl.children[i]) rowsEl.children[i].classList.add("selected");
    const e = events[i];
    const wasHidden = $("panel").hidden;
    showPanel(i, false, how.reveal);
    if (wasHidden) resize();
    follow(i);
    $("status").textContent = (i + 1) + " of " + events.length + ": " + e.title + ", " + e.date;
    try { history.replaceState(null, "", "#" + encodeURIComponent(e.id)); } catch (err) { /* a file: page may refuse */ }
    request();
  }
  function step(dir) {
    if (!events.length) return;
    if (selected < 0) {
      const mid = (view.a + view.b) / 2;
      let k = events.findIndex((e) => e.s !== undefined && e.s >= mid);
      if (dir < 0) k = k < 0 ? dated.length - 1 : Math.max(0, k - 1);
      select(k < 0 ? 0 : k);
      return;
    }
    select(Math.max(0, Math.min(events.length - 1, selected + dir)));
  }
  function citationsCell(e) {
    const td = el("td");
    if (!e.cites) return td;
    const ol = el("ol");
    for (const c of e.cites) {
      const s = data.sources[c.src] || { title: "?" };
      const li = el("li", null, "“" + c.quote + "” — " + [s.title, c.pin].filter(Boolean).join(", ") + " (" + (STATUS[c.status] || c.status) + ")");
      ol.append(li);
    }
    td.append(ol);
    return td;
  }
  function buildChronology() {
    const body = $("rows");
    const frag = document.createDocumentFragment();
    events.forEach((e, i) => {
      const tr = el("tr");
      tr.append(el("td", "date", e.date));
      const td = el("td");
      const a = el("a", null, e.title);
      a.href = "#" + encodeURIComponent(e.id);
      a.addEventListener("click", (ev) => {
        ev.preventDefault();
        select(i);
        $("canvas-box").scrollIntoView({ block: "nearest" });
        canvas.focus({ preventScroll: true });
      });
      td.append(a);
      if (e.summary) td.append(el("div", "muted", e.summary));
      tr.append(td, citationsCell(e));
      if (i === selected) tr.classList.add("selected");
      frag.append(tr);
    });
    body.append(frag);
  }
  function counts() {
    let c = 0, v = 0, n = 0, f = 0;
    for (const e of events) for (const x of e.cites || []) { c++; if (x.status === "verified") v++; else if (x.status === "normalized") n++; else if (x.status === "not-found") f++; }
    const parts = [v.toLocaleString("en-US") + " verified"];
    if (n) parts.push(n.toLocaleString("en-US") + " matched after normalisation");
    if (f) parts.push(f.toLocaleString("en-US") + " not found");
    const num = (k) => k.toLocaleString("en-US");
    return num(events.length) + (events.length === 1 ? " event, " : " events, ") + num(c) + (c === 1 ? " citation: " : " citations: ") + parts.join(", ");
  }

  // ---- Input -------------------------------------------------------------------------------
  const pointers = new Map();
  let press = null;
  canvas.addEventListener("pointerdown", (ev) => {
    canvas.setPointerCapture(ev.pointerId);
    pointers.set(ev.pointerId, { x: ev.offsetX, y: ev.offsetY });
    press = pointers.size === 1 ? { x: ev.offsetX, y: ev.offsetY, moved: false } : null;
  });
  canvas.addEventListener("pointermove", (ev) => {
    const p = pointers.get(ev.pointerId);
    if (!p) return;
    if (pointers.size === 2) {
      const [o] = [...pointers.entries()].filter(([id]) => id !== ev.pointerId).map(([, q]) => q);
      const before = Math.abs(p.x - o.x), after = Math.abs(ev.offsetX - o.x);
      if (before > 10 && after > 10) zoomAt((ev.offsetX + o.x) / 2, before / after);
    } else {
      panBy(ev.offsetX - p.x);
      scrollY = clampScroll(scrollY - (ev.offsetY - p.y));
      if (press && Math.hypot(ev.offsetX - press.x, ev.offsetY - press.y) > 4) { press.moved = true; canvas.classList.add("dragging"); }
    }
    p.x = ev.offsetX; p.y = ev.offsetY;
    request();
  });
  const release = (ev) => {
    pointers.delete(ev.pointerId);
    canvas.classList.remove("dragging");
    if (ev.type === "pointerup" && press && !press.moved) click(press.x, press.y);
    press = null;
  };
  canvas.addEventListener("pointerup", release);
  canvas.addEventListener("pointercancel", release);
  function click(x, y) {
    const h = hits.find((h) => x >= h.x0 && x <= h.x1 && y >= h.y0 && y <= h.y1 && h.i !== undefined)
      || hits.find((h) => x >= h.x0 && x <= h.x1 && y >= h.y0 && y <= h.y1);
    if (!h) { if (selected >= 0) select(-1); return; }
    if (h.cluster) {
      const g = h.cluster, pad = (g.b - g.a) * 0.15 + MIN_DAYS;
      setView({ a: g.a - pad, b: g.b + pad });
      return;
    }
    select(h.i, { reveal: true });
  }
  canvas.addEventListener("dblclick", () => setView(fitView()));
  canvas.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const dx = ev.deltaMode === 1 ? ev.deltaX * 16 : ev.deltaX;
    const dy = ev.deltaMode === 1 ? ev.deltaY * 16 : ev.deltaY;
    if (ev.shiftKey || Math.abs(dx) > Math.abs(dy)) panBy(-(ev.shiftKey ? dy : dx));
    else zoomAt(ev.offsetX, Math.exp(dy * 0.0015));
  }, { passive: false });
  canvas.addEventListener("keydown", (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    switch (ev.key) {
      case "ArrowLeft": step(-1); break;
      case "ArrowRight": step(1); break;
      case "ArrowUp": scrollY = clampScroll(scrollY - ROW_H); request(); break;
      case "ArrowDown": scrollY = clampScroll(scrollY + ROW_H); request(); break;
      case "Enter": case " ":
        if (selected < 0) step(1); else showPanel(selected, true, true);
        break;
      case "+": case "=": zoomAt(width / 2, 0.7); break;
      case "-": case "_": zoomAt(width / 2, 1 / 0.7); break;
      case "Home": setView(fitView()); break;
      default: return;
    }
    ev.preventDefault();
  });
  document.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape") return;
    if (selected >= 0) { select(-1); canvas.focus(); ev.preventDefault(); }
  });
  canvas.addEventListener("focus", request);
  canvas.addEventListener("blur", request);
  $("zoom-in").addEventListener("click", () => zoomAt(width / 2, 0.7));
  $("zoom-out").addEventListener("click", () => zoomAt(width / 2, 1 / 0.7));
  $("fit").addEventListener("click", () => setView(fitView()));
  $("prev").addEventListener("click", () => step(-1));
  $("next").addEventListener("click", () => step(1));
  $("close").addEventListener("click", () => { select(-1); canvas.focus(); });
  function fromHash() {
    const id = decodeURIComponent(location.hash.slice(1));
    const i = byId.get(id);
    if (i !== undefined && i !== selected) select(i);
  }
  window.addEventListener("hashchange", fromHash);
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => { readColors(); request(); });
  new ResizeObserver(() => resize()).observe(box);

  // ---- Start -------------------------------------------------------------------------------
  if (data.description) { $("description").textContent = data.description; $("description").hidden = false; }
  $("counts").textContent = counts();
  $("chronology-caption").textContent = "Every event in date order, undated ones last, with its citations.";
  readColors();
  resize();
  fromHash();
  if (document.fonts) document.fonts.ready.then(request);
  setTimeout(buildChronology, 0);
  // For tests and benchmarks: the view and the selection, read-only, and a pan.
  window.citeline = {
    view: () => ({ a: view.a, b: view.b }),
    selected: () => (selected >= 0 ? events[selected].id : null),
    pan: (dx) => { panBy(dx); draw(); },
    // Where event `id` is drawn, in the page's coordinates, or null when it is not drawn alone.
    at: (id) => {
      const h = hits.find((h) => h.i === byId.get(id));
      if (!h) return null;
      const r = canvas.getBoundingClientRect();
      return { x: r.left + Math.max(h.x0 + 6, 2), y: r.top + (h.y0 + h.y1) / 2 };
    },
  };
})();
