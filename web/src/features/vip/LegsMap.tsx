import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { useBaseMap } from '../../components/useBaseMap';

export interface MapLeg {
  /** "1. State Hangar → Lal Parade Ground", for the tooltip. */
  label: string;
  points: Array<{ name: string; lat: number; lng: number }>;
  /** Flown: a dashed line between its two ends. */
  air: boolean;
  /** The leg being drawn (the editor), drawn stronger. */
  active?: boolean;
}

export interface LegsMapProps {
  label: string;
  bounds: { minLat: number; minLng: number; maxLat: number; maxLng: number };
  tileUrl: string | null;
  tileAttribution: string | null;
  legs: MapLeg[];
  /** A click on the map gives its point (the editor: the active leg's start, end or next route point). */
  onPick?: (lat: number, lng: number) => void;
}

const ROUTE = '#6d28d9';
const QUIET = '#8b5cf6';

/**
 * A programme's legs on the map, each from its start through its route to its end; over a plain
 * background without MAP_TILE_URL. Loaded only where a screen shows it (React.lazy).
 */
export default function LegsMap({ label, bounds, tileUrl, tileAttribution, legs, onPick }: LegsMapProps) {
  const holder = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  /** What the map was last fitted to: the legs' ends. A route point clicked in does not make it jump. */
  const fittedTo = useRef('');
  const fit = (m: L.Map, points: Array<{ lat: number; lng: number }>) =>
    m.fitBounds(L.latLngBounds(points.map((p): [number, number] => [p.lat, p.lng])), { padding: [32, 32], maxZoom: 15, animate: false });
  const { map, layers } = useBaseMap(holder, {
    bounds,
    tileUrl,
    tileAttribution,
    onCreate: (m) => m.on('click', (e: L.LeafletMouseEvent) => pick.current?.(e.latlng.lat, e.latlng.lng)),
    // A phone turned or a window narrowed: the legs are fitted into the new size again.
    onResize: (m) => {
      if (fittedTo.current) fit(m, JSON.parse(fittedTo.current) as Array<{ lat: number; lng: number }>);
    },
  });

  useEffect(() => {
    const group = layers.current;
    if (!group) return;
    group.clearLayers();
    for (const leg of legs) {
      const color = leg.active === false ? QUIET : ROUTE;
      const line = leg.air && leg.points.length > 1 ? [leg.points[0]!, leg.points[leg.points.length - 1]!] : leg.points;
      if (line.length > 1) {
        group.addLayer(L.polyline(line.map((p) => [p.lat, p.lng]), { color, weight: leg.active ? 5 : 4, opacity: 0.9, dashArray: leg.air ? '8 8' : undefined }).bindTooltip(leg.label));
      }
      leg.points.forEach((p, i) => {
        const end = i === 0 || i === leg.points.length - 1;
        group.addLayer(L.circleMarker([p.lat, p.lng], { radius: end ? 7 : 4, color, weight: 2, fillColor: end ? color : '#fff', fillOpacity: 1 }).bindTooltip(p.name));
      });
    }
    const ends = legs.flatMap((l) => (l.points.length ? [l.points[0]!, l.points[l.points.length - 1]!] : []));
    const all = pick.current ? ends : legs.flatMap((l) => l.points);
    const key = JSON.stringify(all);
    if (map.current && all.length > 0 && key !== fittedTo.current) {
      fittedTo.current = key;
      fit(map.current, all);
    }
  }, [legs]);

  // Leaflet adds its own classes to the map's element: what changes goes on a frame (see PlaceMap).
  return (
    <div className={onPick ? 'map-frame drawing' : 'map-frame'}>
      <div ref={holder} className={`map${tileUrl ? '' : ' plain'}`} role="region" aria-label={label} />
    </div>
  );
}
