import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { useBaseMap } from '../../components/useBaseMap';

export interface PlaceMapVenue {
  code: string;
  label: string;
  lat: number;
  lng: number;
}

export interface PlaceMapProps {
  label: string;
  bounds: { minLat: number; minLng: number; maxLat: number; maxLng: number };
  tileUrl: string | null;
  tileAttribution: string | null;
  /** Venues to pick from (intake) or the one venue (the record). */
  venues: PlaceMapVenue[];
  selectedVenue?: string | null;
  /** A procession's route, in order. */
  route: Array<{ name: string; lat: number; lng: number }>;
  /** Clicking a venue picks it. */
  onPickVenue?: (code: string) => void;
  /** Clicking the map adds a route point there (route drawing). */
  onAddPoint?: (lat: number, lng: number) => void;
}

const VENUE = '#b42318';
const ROUTE = '#1d4ed8';

/**
 * The place of an application on the map: the venues (click one to pick it), or the
 * procession's route (click the map to add the next point). Without MAP_TILE_URL, the same
 * layers over a plain background. Loaded only where a screen shows it (React.lazy).
 */
export default function PlaceMap({ label, bounds, tileUrl, tileAttribution, venues, selectedVenue, route, onPickVenue, onAddPoint }: PlaceMapProps) {
  const holder = useRef<HTMLDivElement>(null);
  // The latest handlers, so the map's own listeners never hold stale ones.
  const handlers = useRef({ onPickVenue, onAddPoint });
  handlers.current = { onPickVenue, onAddPoint };
  /** What the map was last fitted to: it opens on the place, and does not jump while a route is drawn. */
  const fittedTo = useRef('');
  const { map, layers } = useBaseMap(holder, {
    bounds,
    tileUrl,
    tileAttribution,
    onCreate: (m) => m.on('click', (e: L.LeafletMouseEvent) => handlers.current.onAddPoint?.(round(e.latlng.lat), round(e.latlng.lng))),
  });

  useEffect(() => {
    const group = layers.current;
    if (!group) return;
    group.clearLayers();
    for (const v of venues) {
      const chosen = v.code === selectedVenue;
      const marker = L.circleMarker([v.lat, v.lng], { radius: chosen ? 10 : 6, color: VENUE, weight: chosen ? 3 : 2, fillColor: VENUE, fillOpacity: chosen ? 0.9 : 0.35 });
      marker.bindTooltip(v.label);
      if (handlers.current.onPickVenue) {
        marker.on('click', (e) => {
          L.DomEvent.stopPropagation(e);
          handlers.current.onPickVenue?.(v.code);
        });
      }
      group.addLayer(marker);
    }
    if (route.length > 1) group.addLayer(L.polyline(route.map((p) => [p.lat, p.lng]), { color: ROUTE, weight: 4, opacity: 0.9 }));
    route.forEach((p, i) => group.addLayer(L.circleMarker([p.lat, p.lng], { radius: 5, color: ROUTE, weight: 2, fillColor: '#fff', fillOpacity: 1 }).bindTooltip(`${i + 1}. ${p.name}`)));
    const drawing = Boolean(handlers.current.onAddPoint);
    const points: Array<[number, number]> = [...venues.map((v): [number, number] => [v.lat, v.lng]), ...(drawing ? [] : route.map((p): [number, number] => [p.lat, p.lng]))];
    const key = JSON.stringify(points);
    if (map.current && points.length > 0 && key !== fittedTo.current) {
      fittedTo.current = key;
      map.current.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 15 });
    }
  }, [venues, selectedVenue, route]);

  // A venue picked from the list is brought into view (once per pick, not on every render).
  const venuesNow = useRef(venues);
  venuesNow.current = venues;
  useEffect(() => {
    const v = venuesNow.current.find((x) => x.code === selectedVenue);
    if (v && map.current && handlers.current.onPickVenue) map.current.setView([v.lat, v.lng], Math.max(map.current.getZoom(), 14));
  }, [selectedVenue]);

  // Leaflet adds its own classes to the map's element: React must never rewrite that element's
  // class (it would drop them, and the map would spill out of its box), so what changes goes on a frame.
  return (
    <div className={onAddPoint ? 'map-frame drawing' : 'map-frame'}>
      <div ref={holder} className={`map${tileUrl ? '' : ' plain'}`} role="region" aria-label={label} />
    </div>
  );
}

/** Six decimals: about 10 cm, as the API stores them. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
