import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { useBaseMap } from '../../components/useBaseMap';

/** One thing to draw, already in the screen's language. */
export interface MapFeature {
  kind: 'thana' | 'protest' | 'vip' | 'restriction';
  label: string;
  /** One point, or a route in order. */
  points: Array<[number, number]>;
  /** Restriction circles. */
  radiusMetres?: number;
}

export interface DashboardMapProps {
  label: string;
  bounds: { minLat: number; minLng: number; maxLat: number; maxLng: number };
  tileUrl: string | null;
  tileAttribution: string | null;
  features: MapFeature[];
}

const COLOURS: Record<MapFeature['kind'], string> = {
  thana: '#4b5563',
  protest: '#b42318',
  vip: '#1d4ed8',
  restriction: '#b45309',
};

function layerFor(f: MapFeature): L.Layer {
  const colour = COLOURS[f.kind];
  const tooltip = (layer: L.Path) => layer.bindTooltip(f.label);
  if (f.kind === 'restriction') {
    const [centre] = f.points;
    if (f.radiusMetres && centre) {
      return tooltip(L.circle(centre, { radius: f.radiusMetres, color: colour, weight: 2, dashArray: '6 4', fillOpacity: 0.08 }));
    }
    return tooltip(L.polygon(f.points, { color: colour, weight: 2, dashArray: '6 4', fillOpacity: 0.08 }));
  }
  if (f.points.length > 1) {
    return tooltip(L.polyline(f.points, { color: colour, weight: f.kind === 'vip' ? 4 : 3, opacity: 0.9 }));
  }
  const radius = f.kind === 'thana' ? 4 : 8;
  return tooltip(L.circleMarker(f.points[0]!, { radius, color: colour, weight: 2, fillColor: colour, fillOpacity: f.kind === 'thana' ? 0.5 : 0.8 }));
}

/**
 * The day's map. With the site's tile server (MAP_TILE_URL) under it; without one (air-gapped
 * control rooms) the same vector layers over a plain background, with a scale bar either way.
 * Loaded only when a dashboard shows it (React.lazy): Leaflet stays out of the first load.
 */
export default function DashboardMap({ label, bounds, tileUrl, tileAttribution, features }: DashboardMapProps) {
  const holder = useRef<HTMLDivElement>(null);
  /** What the map was last fitted to, for fitting again when its size changes. */
  const fitted = useRef<L.LatLngBounds | null>(null);
  const { map, layers } = useBaseMap(holder, {
    bounds,
    tileUrl,
    tileAttribution,
    onResize: (m) => {
      if (fitted.current) m.fitBounds(fitted.current, { padding: [24, 24], maxZoom: 14 });
    },
  });

  useEffect(() => {
    const group = layers.current;
    if (!group) return;
    group.clearLayers();
    // Areas under, thanas, then the day's movements on top.
    const order: MapFeature['kind'][] = ['restriction', 'thana', 'protest', 'vip'];
    for (const kind of order) for (const f of features) if (f.kind === kind && f.points.length > 0) group.addLayer(layerFor(f));
    // Open on what is there (the thanas and the day's places), else on the whole commissionerate.
    const points = features.flatMap((f) => f.points);
    fitted.current = points.length > 0 ? L.latLngBounds(points) : null;
    if (fitted.current && map.current) map.current.fitBounds(fitted.current, { padding: [24, 24], maxZoom: 14 });
  }, [features, tileUrl]);

  return <div ref={holder} className={`map${tileUrl ? '' : ' plain'}`} role="region" aria-label={label} />;
}
