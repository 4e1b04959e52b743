// Timeline and escalation: events per period stacked by type, and fatalities / intensity per group.
(function () {
  "use strict";
  const W = window.whimbrel;
  const NS = "http://www.w3.org/2000/svg";
  const PALETTE = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"];
  function svg(tag, attrs, text) {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  const optsForm = document.getElementById("chart-opts");

  function axes(root, w, h, pad, periods, max, label) {
    root.append(svg("line", { x1: pad, y1: h - pad, x2: w - 5, y2: h - pad, class: "axis" }));
    root.append(svg("line", { x1: pad, y1: 5, x2: pad, y2: h - pad, class: "axis" }));
    root.append(svg("text", { x: pad - 4, y: 14, "text-anchor": "end", class: "tick" }, String(max)));
    root.append(svg("text", { x: pad - 4, y: h - pad, "text-anchor": "end", class: "tick" }, "0"));
    if (periods.length) {
      root.append(svg("text", { x: pad, y: h - pad + 16, class: "tick" }, periods[0]));
      root.append(svg("text", { x: w - 5, y: h - pad + 16, "text-anchor": "end", class: "tick" }, periods[periods.length - 1]));
    }
    root.append(svg("text", { x: pad + 4, y: 14, class: "tick" }, label));
  }

  function stacked(fig, periods, series) {
    const w = 900, h = 260, pad = 40;
    const idx = Object.fromEntries(periods.map((p, i) => [p, i]));
    const totals = periods.map(() => 0);
    series.forEach((s) => s.points.forEach((pt) => { totals[idx[pt.period]] += pt.events; }));
    const max = Math.max(1, ...totals);
    const bw = (w - pad - 10) / Math.max(1, periods.length);
    const root = svg("svg", { viewBox: "0 0 " + w + " " + h, role: "img", "aria-label": "events per period, stacked by type" });
    axes(root, w, h, pad, periods, max, "events");
    const base = periods.map(() => 0);
    series.forEach((s) => {
      s.points.forEach((pt) => {
        const i = idx[pt.period];
        const bh = (pt.events / max) * (h - pad - 10);
        const y = h - pad - base[i] - bh;
        const r = svg("rect", { x: pad + i * bw + 1, y: y, width: Math.max(1, bw - 2), height: bh, fill: W.colour(s.key), class: "bar" });
        r.append(svg("title", {}, pt.period + " · " + s.key + ": " + pt.events + " events, " + pt.fatalities + " dead"));
        root.append(r);
        base[i] += bh;
      });
    });
    fig.replaceChildren(root, legend(series.map((s) => [s.key, W.colour(s.key)])));
    fig.dataset.bars = String(root.querySelectorAll("rect.bar").length);
  }

  function lines(fig, periods, series, key, label) {
    const w = 900, h = 240, pad = 40;
    const idx = Object.fromEntries(periods.map((p, i) => [p, i]));
    const values = series.flatMap((s) => s.points.map((p) => p[key]).filter((v) => v !== null && v !== undefined));
    const max = Math.max(key === "mean_intensity" ? 0 : 1, ...values);
    const min = Math.min(0, ...values);
    const span = max - min || 1;
    const step = (w - pad - 10) / Math.max(1, periods.length - 1);
    const root = svg("svg", { viewBox: "0 0 " + w + " " + h, role: "img", "aria-label": label });
    axes(root, w, h, pad, periods, max, label);
    if (min < 0) root.append(svg("text", { x: pad - 4, y: h - pad, "text-anchor": "end", class: "tick" }, String(min)));
    series.forEach((s, n) => {
      const pts = s.points.filter((p) => p[key] !== null && p[key] !== undefined)
        .map((p) => [pad + idx[p.period] * step, h - pad - ((p[key] - min) / span) * (h - pad - 10), p]);
      root.append(svg("polyline", { points: pts.map((q) => q[0] + "," + q[1]).join(" "), fill: "none",
                                     stroke: PALETTE[n % PALETTE.length], "stroke-width": 2, class: "series" }));
      pts.forEach((q) => {
        const c = svg("circle", { cx: q[0], cy: q[1], r: 3, fill: PALETTE[n % PALETTE.length] });
        c.append(svg("title", {}, s.key + " " + q[2].period + ": " + q[2][key]));
        root.append(c);
      });
    });
    fig.replaceChildren(root, legend(series.map((s, n) => [s.key, PALETTE[n % PALETTE.length]])));
  }

  function legend(items) {
    return W.el("ul", { class: "chart-legend" }, ...items.map(([k, c]) => {
      const sw = W.el("span", { class: "swatch", "aria-hidden": "true" });
      sw.style.background = c;
      return W.el("li", {}, sw, k);
    }));
  }

  function table(series) {
    const thead = document.querySelector("#group-table thead");
    const tbody = document.querySelector("#group-table tbody");
    thead.replaceChildren(W.el("tr", {}, ...["Group", "Period", "Events", "Fatalities", "Mean intensity"].map((t) => W.el("th", { scope: "col", text: t }))));
    const rows = [];
    series.forEach((s) => s.points.forEach((p) => rows.push(W.el("tr", {},
      W.el("td", { text: s.key }), W.el("td", { text: p.period }), W.el("td", { class: "num", text: String(p.events) }),
      W.el("td", { class: "num", text: String(p.fatalities) }),
      W.el("td", { class: "num", text: p.mean_intensity === null ? "" : String(p.mean_intensity) })))));
    tbody.replaceChildren(...rows);
  }

  async function load(params) {
    const p = new URLSearchParams(params);
    ["layer", "cursor", "limit", "sort"].forEach((k) => p.delete(k));
    const interval = p.get("interval") || "day";
    const group = p.get("group") || "country";
    document.getElementById("interval").value = interval;
    document.getElementById("group").value = group;
    p.set("interval", interval);
    p.set("group", "type");
    p.set("top", "12");
    const byType = await W.getJSON("/api/trends?" + p.toString());
    stacked(document.getElementById("chart-types"), byType.periods, byType.series);
    document.getElementById("chart-types-desc").textContent = byType.periods.length + " periods; types: " + byType.series.map((s) => s.key + " " + s.events).join(", ");
    p.set("group", group);
    p.set("top", "6");
    const byGroup = await W.getJSON("/api/trends?" + p.toString());
    const fig = document.getElementById("chart-groups");
    lines(fig, byGroup.periods, byGroup.series, "fatalities", "fatalities per " + interval + " by " + group);
    lines(document.getElementById("chart-intensity"), byGroup.periods, byGroup.series, "mean_intensity",
          "mean intensity (-10 most conflictual) per " + interval + " by " + group);
    table(byGroup.series);
  }

  optsForm.addEventListener("change", () => {
    const p = W.filterParams();
    p.set("interval", document.getElementById("interval").value);
    p.set("group", document.getElementById("group").value);
    W.navigate(p);
  });
  optsForm.addEventListener("submit", (e) => e.preventDefault());
  W.onFilters(load);
  W.onLive(() => load(W.params()));
  load(W.params());
})();
