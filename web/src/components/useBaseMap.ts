import L from 'leaflet';
import { useEffect, useRef, type RefObject } from 'react';

export interface BaseMapOptions {
  bounds: { minLat: number; minLng: number; maxLat: number; maxLng: number };
  /** The site's tile server (MAP_TILE_URL); without one, the layers over a plain background. */
  tileUrl: string | null;
  tileAttribution: string | null;
  /** Called once the map exists, to attach the screen's own listeners. */
  onCreate?: (map: L.Map) => void;
  /** Called after the map has taken its new size (a phone turned, a panel folded). */
  onResize?: (map: L.Map) => void;
}

/**
 * The map every screen draws on: opened on the commissionerate, tiles when the site has a tile
 * server, a scale bar either way, one layer group for the screen's features, resized with its
 * holder and removed with it. The map and layer group are rebuilt when the bounds or tiles change.
 */
export function useBaseMap(holder: RefObject<HTMLDivElement | null>, options: BaseMapOptions) {
  const map = useRef<L.Map | null>(null);
  const layers = useRef<L.LayerGroup | null>(null);
  // The latest callbacks, so the map's own listeners never hold stale ones.
  const callbacks = useRef({ onCreate: options.onCreate, onResize: options.onResize });
  callbacks.current = { onCreate: options.onCreate, onResize: options.onResize };
  const { bounds, tileUrl, tileAttribution } = options;

  useEffect(() => {
    if (!holder.current) return;
    const m = L.map(holder.current, { attributionControl: Boolean(tileUrl), zoomSnap: 0.25 });
    m.fitBounds([
      [bounds.minLat, bounds.minLng],
      [bounds.maxLat, bounds.maxLng],
    ]);
    if (tileUrl) L.tileLayer(tileUrl, { attribution: tileAttribution ?? '', maxZoom: 19 }).addTo(m);
    L.control.scale({ metric: true, imperial: false }).addTo(m);
    layers.current = L.layerGroup().addTo(m);
    map.current = m;
    callbacks.current.onCreate?.(m);
    const resized = new ResizeObserver(() => {
      m.invalidateSize();
      callbacks.current.onResize?.(m);
    });
    resized.observe(holder.current);
    return () => {
      resized.disconnect();
      m.remove();
      map.current = null;
      layers.current = null;
    };
  }, [
    holder,
    bounds.minLat,
    bounds.minLng,
    bounds.maxLat,
    bounds.maxLng,
    tileUrl,
    tileAttribution,
  ]);

  return { map, layers };
}
