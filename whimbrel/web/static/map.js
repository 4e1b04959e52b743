// The map: Natural Earth countries (vector, no tiles), clustered event points coloured by type and
// sized by deaths, location precision shown, and a country layer of change against the previous weeks.
(function () {
  "use strict";
  const W = window.whimbrel;
  const box = document.getElementById("map");
  const counter = document.getElementById("map-count");
  const changeBox = document.getElementById("change-layer");
  const MAX_POINTS = window.whimbrelURLs.MAX_POINTS;  // newest first; the count line says when more matched
  const map = L.map(box, { preferCanvas: false, worldCopyJump: true, minZoom: 1, maxZoom: 12, keyboard: true,
                           attributionControl: true }).setView([20, 20], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth");
  let countries = null;
  let changes = {};
  const cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, chunkedLoading: true });
  const baseRenderer = L.canvas({ padding: 0.2 });  // ~250 detailed polygons draw far faster on a canvas
  map.addLayer(cluster);
  W.map = map;
  W.cluster = cluster;

  function baseStyle(f) {
    const iso = f.properties.iso2;
    if (changeBox.checked && changes[iso]) {
      const c = changes[iso];
      const d = c.current - c.previous;
      const fill = d > 0 ? (d >= 5 ? "#b2182b" : "#ef8a62") : d < 0 ? (d <= -5 ? "#2166ac" : "#67a9cf") : "#d9d9d9";
      return { color: "#777", weight: 0.6, fillColor: fill, fillOpacity: 0.75 };
    }
    return { color: "#8a8a8a", weight: 0.5, fillColor: "#eeeae2", fillOpacity: 1 };
  }

  function changeTip(f) {
    const c = changes[f.properties.iso2];
    const name = f.properties.name || f.properties.iso2;
    if (!changeBox.checked || !c) return name;
    const d = c.current - c.previous;
    return name + ": " + c.current + " events in the last 4 weeks vs " + c.previous + " before (" + (d >= 0 ? "+" : "") + d + ")";
  }

  function loadBasemap() {
    return fetch("/basemap.geojson").then((r) => r.json()).then((geo) => {
    countries = L.geoJSON(geo, { style: baseStyle, interactive: true, renderer: baseRenderer,
      onEachFeature: (f, layer) => {
        layer.bindTooltip(() => changeTip(f), { sticky: true });
        layer.on("click", () => {  // a click on a country filters to it (shown in the URL)
          if (!f.properties.iso2) return;
          document.getElementById("f-country").value = f.properties.iso2;
          W.navigate(W.filterParams());
        });
      } }).addTo(map);
    countries.bringToBack();
    box.dataset.basemap = "ready";
    if (changeBox.checked) countries.setStyle(baseStyle);
    });
  }

  function radius(p) { return 5 + Math.min(18, 3 * Math.sqrt(p.dead || 0)); }

  function marker(p) {
    const colour = W.colour(p.type);
    const precise = p.precision === "point" || p.precision === "city" || !p.precision;
    const opts = { radius: radius(p), color: colour, weight: 2, fillColor: colour, fillOpacity: precise ? 0.75 : 0.12,
                   dashArray: precise ? null : (p.precision === "country" ? "2 4" : "6 3") };
    if (p.precision === "country") opts.radius = Math.max(opts.radius, 14);
    else if (p.precision === "admin1" || p.precision === "region") opts.radius = Math.max(opts.radius, 10);
    const m = L.circleMarker([p.lat, p.lon], opts);
    m.options.eventType = p.type;
    m.bindPopup(() => W.el("div", { class: "popup" },
      W.el("strong", { text: p.type }), " · " + (p.date || "date unknown"), W.el("br"),
      (p.place || "?") + (p.country ? ", " + p.country : ""), W.el("br"),
      "location precision: " + (p.precision || "unknown"), W.el("br"),
      "dead: " + (p.dead === null ? "not reported" : p.dead) + " · sources: " + p.sources, W.el("br"),
      W.el("a", { href: "/event/" + encodeURIComponent(p.id), text: "open event" })));  // built when opened
    return m;
  }

  function legend(types) {
    const lg = document.getElementById("legend");
    const items = types.map((t) => {
      const sw = W.el("span", { class: "swatch", "aria-hidden": "true" });
      sw.style.background = W.colour(t);
      return W.el("li", {}, sw, t);
    });
    lg.replaceChildren(W.el("ul", {}, ...items),
      W.el("p", { text: "Size: deaths. Filled: town or exact point. Hollow dashed: only the region (long dashes) or only the country (short dashes) is known. " +
                        "Change layer: red more, blue fewer events than in the 4 weeks before." }));
  }

  async function load(params) {
    const data = await W.getJSON("/api/points?" + window.whimbrelURLs.points(params, MAX_POINTS).toString());
    cluster.clearLayers();
    const markers = data.points.map(marker);
    cluster.addLayers(markers);
    box.dataset.drawnAt = String(Math.round(performance.now()));  // ms since navigation (benchmarks read it)
    box.dataset.points = String(markers.length);
    counter.textContent = markers.length + " events on the map" + (data.truncated ? " (first " + markers.length + " of " + data.total + ")" : "") +
      (data.without_coordinates ? "; " + data.without_coordinates + " without coordinates" : "");
    legend([...new Set(data.points.map((x) => x.type))].sort());
    if (data.points.length) {
      const lats = data.points.map((x) => x.lat), lons = data.points.map((x) => x.lon);
      const bounds = L.latLngBounds([Math.min(...lats), Math.min(...lons)], [Math.max(...lats), Math.max(...lons)]);
      map.fitBounds(bounds.pad(0.2), { maxZoom: 7 });
    }
    if (changeBox.checked) await loadChanges(params);
  }

  async function loadChanges(params) {
    const p = new URLSearchParams(params);
    ["interval", "group", "layer", "cursor", "limit", "sort"].forEach((k) => p.delete(k));
    const data = await W.getJSON("/api/changes?" + p.toString());
    changes = {};
    data.countries.forEach((c) => { changes[c.country] = c; });
    if (countries) countries.setStyle(baseStyle);
    box.dataset.change = "ready";
  }

  changeBox.checked = W.params().get("layer") === "change";
  changeBox.addEventListener("change", () => {
    const p = W.params();
    if (changeBox.checked) p.set("layer", "change"); else p.delete("layer");
    history.replaceState(null, "", location.pathname + (p.toString() ? "?" + p : ""));
    if (changeBox.checked) loadChanges(W.params()); else if (countries) countries.setStyle(baseStyle);
  });

  // the visible map area becomes the bbox filter (and so part of the permalink)
  document.getElementById("use-view").addEventListener("click", () => {
    const b = map.getBounds();
    const r = (x) => Math.round(x * 100) / 100;
    const west = Math.max(-180, r(b.getWest())), east = Math.min(180, r(b.getEast()));
    const south = Math.max(-90, r(b.getSouth())), north = Math.min(90, r(b.getNorth()));
    document.getElementById("f-bbox").value = [west, south, east, north].join(",");
    W.navigate(W.filterParams());
  });

  W.onFilters(load);
  W.onLive(() => load(W.params()));
  // the events first, then the basemap under them
  load(W.params()).finally(loadBasemap);
})();
