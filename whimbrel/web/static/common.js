// whimbrel dashboard: filters <-> URL (permalinks), JSON fetching, live updates by polling.
(function () {
  "use strict";
  const W = (window.whimbrel = { listeners: [], liveListeners: [] });
  const form = document.getElementById("filters");
  const EXTRA = ["interval", "group", "layer", "cursor"]; // view options kept in the URL too

  W.TYPE_COLOURS = {
    ASSAULT: "#c0392b", FIGHT: "#8e1b10", COERCE: "#d35400", THREATEN: "#8e44ad", PROTEST: "#1f6fb2",
    MOBILIZE: "#7f5a1e", SANCTION: "#b7950b", REJECT: "#6c3483", ACCUSE: "#a04000", DEMAND: "#5d6d7e",
    CONSULT: "#117a65", COOPERATE: "#1e8449", AID: "#27ae60", RETREAT: "#2e86c1", CONCEDE: "#48c9b0",
    AGREE: "#229954", SUPPORT: "#196f3d",
  };
  W.colour = (t) => W.TYPE_COLOURS[t] || "#555555";

  W.el = function (tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") e.textContent = v; else e.setAttribute(k, v === true ? "" : v);
    }
    for (const k of kids) if (k !== null && k !== undefined) e.append(k);
    return e;
  };

  W.params = function () { return new URLSearchParams(location.search); };

  W.filterParams = function () {
    const p = new URLSearchParams();
    for (const [k, v] of W.params()) if (EXTRA.includes(k) && k !== "cursor") p.set(k, v);
    if (form) for (const el of form.elements) if (el.name && el.value.trim()) p.set(el.name, el.value.trim());
    return p;
  };

  W.navigate = function (params, replace) {
    const url = location.pathname + (params.toString() ? "?" + params.toString() : "");
    if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
    W.syncLinks();
    W.listeners.forEach((f) => f(W.params()));
  };

  W.onFilters = function (f) { W.listeners.push(f); };
  W.onLive = function (f) { W.liveListeners.push(f); };

  W.getJSON = async function (url) {
    const early = window.whimbrelEarly && window.whimbrelEarly[url];  // started by early.js
    if (early) delete window.whimbrelEarly[url];
    const r = await (early || fetch(url, { headers: { Accept: "application/json" } }));
    const body = await r.json().catch(() => ({}));
    if (!r.ok) {
      const e = body.error || { code: "E000", message: "HTTP " + r.status, hint: "" };
      W.showError(e);
      throw new Error(e.message);
    }
    W.clearError();
    return body;
  };

  W.showError = function (e) {
    let box = document.getElementById("error-box");
    if (!box) {
      box = W.el("div", { id: "error-box", class: "error", role: "alert" });
      (document.querySelector(".content") || document.body).prepend(box);
    }
    box.textContent = "[" + e.code + "] " + e.message + (e.hint ? " — " + e.hint : "");
  };
  W.clearError = function () { const b = document.getElementById("error-box"); if (b) b.remove(); };

  W.syncLinks = function () {
    const p = W.filterParams();
    ["interval", "group", "layer", "sort"].forEach((k) => p.delete(k));
    document.querySelectorAll("a[data-keep-filters]").forEach((a) => {
      const base = a.getAttribute("href").split("?")[0];
      a.setAttribute("href", base + (p.toString() ? "?" + p.toString() : ""));
    });
  };

  function fillForm() {
    if (!form) return;
    const p = W.params();
    for (const el of form.elements) if (el.name) el.value = p.get(el.name) || (el.name === "sort" ? "-date" : "");
  }

  if (form) {
    form.addEventListener("submit", (ev) => { ev.preventDefault(); W.navigate(W.filterParams()); });
    form.addEventListener("reset", (ev) => {
      ev.preventDefault();
      for (const el of form.elements) if (el.name) el.value = el.name === "sort" ? "-date" : "";
      W.navigate(W.filterParams());
    });
    form.addEventListener("change", (ev) => { if (ev.target.tagName === "SELECT") W.navigate(W.filterParams()); });
  }
  window.addEventListener("popstate", () => { fillForm(); W.listeners.forEach((f) => f(W.params())); });
  W.syncLinks();

  // live updates: poll /api/health; when the store changes, tell the views to reload
  const live = document.getElementById("live");
  let last = null;
  async function poll() {
    try {
      const r = await fetch("/api/health", { headers: { Accept: "application/json" } });
      const h = await r.json();
      const key = h.counts.events + "|" + h.counts.articles + "|" + h.last_ingest;
      if (last !== null && key !== last) {
        live.textContent = "Store updated: " + h.counts.events + " events (" + new Date().toLocaleTimeString() + ")";
        W.liveListeners.forEach((f) => f(h));
      } else if (last === null) {
        live.textContent = h.counts.events + " events · " + h.counts.articles + " articles";
      }
      last = key;
    } catch (e) {
      live.textContent = "Server not reachable; retrying";
    }
  }
  const seconds = Math.max(1, parseInt(document.body.dataset.poll || "5", 10));
  // the first check waits a moment, so that it does not compete with the page's own first requests
  if (live) { setTimeout(poll, 800); setInterval(poll, seconds * 1000); }
})();
