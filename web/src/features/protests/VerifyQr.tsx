import { create } from 'qrcode';
import { useMemo } from 'react';

/**
 * The letter's verify link as a QR code, drawn as one SVG path (no canvas, no data: URL, no
 * inline style: the CSP holds). The same code is printed on the letter; anyone scanning it
 * reaches /verify. Loaded only with the record (React.lazy).
 */
export default function VerifyQr({ url, label }: { url: string; label: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = create(url, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let r = 0; r < modules.size; r++) for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) d += `M${c} ${r}h1v1h-1z`;
    return { size: modules.size, path: d };
  }, [url]);
  const quiet = 4;
  return (
    <svg className="qr" role="img" aria-label={label} viewBox={`${-quiet} ${-quiet} ${size + 2 * quiet} ${size + 2 * quiet}`} shapeRendering="crispEdges">
      <rect x={-quiet} y={-quiet} width={size + 2 * quiet} height={size + 2 * quiet} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
