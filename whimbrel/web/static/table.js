// The events table: one page of /api/events for the current filters, sortable, with exports of that page.
(function () {
  "use strict";
  const W = window.whimbrel;
  const tbody = document.querySelector("#events tbody");
  const count = document.getElementById("table-count");
  const more = document.getElementById("more");

  function queryFor(params, format) { return window.whimbrelURLs.table(params, format); }  // early.js

  function names(list) { return (list || []).map((e) => e.name || e.text).join(", "); }
  function figure(c) {
    if (!c || c.best === null || c.best === undefined) return "";
    return String(c.best) + (c.low !== c.high && c.low !== null && c.high !== null ? " (" + c.low + "–" + c.high + ")" : "");
  }

  function row(ev) {
    const loc = ev.location || {};
    const place = (loc.name || loc.text || "") + (loc.country_code ? ", " + loc.country_code : "");
    const link = W.el("a", { href: "/event/" + encodeURIComponent(ev.id), text: ev.event_type + (ev.mode ? " / " + ev.mode : "") });
    const dot = W.el("span", { class: "dot", "aria-hidden": "true", "data-type": ev.event_type });
    dot.style.background = W.colour(ev.event_type);
    return W.el("tr", { "data-id": ev.id },
      W.el("td", { text: (ev.date && ev.date.value) || "" }),
      W.el("td", {}, dot, link),
      W.el("td", {}, place, loc.precision ? W.el("span", { class: "tag", text: loc.precision }) : null),
      W.el("td", { text: names(ev.actor) }),
      W.el("td", { text: names(ev.recipient) }),
      W.el("td", { class: "num", text: figure(ev.size && ev.size.dead) + (ev.size_conflict ? " ⚠" : "") ,
                   title: ev.size_conflict ? "sources disagree" : null }),
      W.el("td", { class: "num", text: String(ev.n_sources) }));
  }

  async function load(params) {
    const q = queryFor(params);
    const data = await W.getJSON("/api/events?" + q.toString());
    tbody.replaceChildren(...data.events.map(row));
    document.getElementById("events").dataset.renderedAt = String(Math.round(performance.now()));
    const shown = data.events.length;
    count.textContent = shown ? "Showing " + shown + " of " + data.total + " events" + (params.get("cursor") ? " (later page)" : "")
                              : "No events match these filters.";
    for (const [id, fmt] of [["export-csv", "csv"], ["export-acled", "acled-csv"], ["export-geojson", "geojson"], ["export-json", "json"]]) {
      document.getElementById(id).setAttribute("href", "/api/events?" + queryFor(params, fmt).toString());
    }
    more.hidden = !data.next_cursor;
    more.dataset.cursor = data.next_cursor || "";
  }

  more.addEventListener("click", () => {
    const p = W.filterParams();
    p.set("cursor", more.dataset.cursor);
    W.navigate(p);
  });
  document.querySelectorAll("#events th button[data-sort]").forEach((b) => {
    b.addEventListener("click", () => {
      const key = b.dataset.sort;
      const sel = document.getElementById("f-sort");
      const cur = sel.value;
      sel.value = cur === "-" + key ? key : "-" + key;
      if (sel.value !== key && sel.value !== "-" + key) sel.value = "-date";
      W.navigate(W.filterParams());
    });
  });
  W.onFilters(load);
  W.onLive(() => load(W.params()));
  load(W.params());
})();
