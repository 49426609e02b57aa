import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A scan seen before it is opened: a JPEG or PNG drawn onto a canvas from its bytes, which the
 * app's CSP allows (it refuses blob: images and frames, so a PDF is opened in the browser's own
 * viewer instead, in a tab of its own). Nothing is sent anywhere to draw it.
 */
export function ScanPreview({ blob, name }: { blob: Blob; name: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  const image = blob.type === 'image/jpeg' || blob.type === 'image/png';

  useEffect(() => {
    if (!image) return;
    let live = true;
    setFailed(false);
    createImageBitmap(blob)
      .then((bitmap) => {
        const c = canvas.current;
        if (!live || !c) return bitmap.close();
        // At most 900 px across: enough to read a letter's heading, small enough to draw at once.
        const scale = Math.min(1, 900 / bitmap.width);
        c.width = Math.round(bitmap.width * scale);
        c.height = Math.round(bitmap.height * scale);
        c.getContext('2d')?.drawImage(bitmap, 0, 0, c.width, c.height);
        bitmap.close();
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [blob, image]);

  if (!image) return <p className="muted dak-preview-note">{t('dak.scans.pdfNote', { name })}</p>;
  if (failed) return <p className="muted dak-preview-note">{t('dak.scans.unreadable', { name })}</p>;
  return <canvas ref={canvas} className="dak-preview" role="img" aria-label={t('dak.scans.preview', { name })} />;
}
