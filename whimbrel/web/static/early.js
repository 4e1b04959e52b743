// Loaded in the map page's <head>: builds the URLs of the page's two data requests (the events
// table and the map points) and starts both, while Leaflet and the other scripts are still
// loading.  common.js's getJSON hands each answer to the first caller of the same URL.
(function () {
  "use strict";
  const urls = (window.whimbrelURLs = {
    table(params, format) {  // one page of /api/events, as the table shows it
      const p = new URLSearchParams(params);
      ["interval", "group", "layer"].forEach((k) => p.delete(k));
      if (!p.has("limit")) p.set("limit", "50");
      if (format) p.set("format", format);
      return p;
    },
    points(params, max) {  // the map's newest points
      const p = new URLSearchParams(params);
      ["interval", "group", "layer", "cursor", "limit"].forEach((k) => p.delete(k));
      p.set("max", String(max));
      return p;
    },
    MAX_POINTS: 3000,
  });
  const here = new URLSearchParams(location.search);
  const early = (window.whimbrelEarly = {});
  const get = (url) => fetch(url, { headers: { Accept: "application/json" } });
  const table = "/api/events?" + urls.table(here);
  const points = "/api/points?" + urls.points(here, urls.MAX_POINTS);
  // both at once: asking for the points only once the table's page had arrived made the map
  // later (~2.5 s instead of ~1.9 s in a profile on a loaded machine) and the table no sooner
  early[table] = get(table);
  early[points] = get(points);
  early[table].catch(() => {});  // a failure is reported when the page asks for the URL
  early[points].catch(() => {});
})();
