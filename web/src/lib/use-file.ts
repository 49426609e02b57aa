import { useState } from 'react';

/** Opens a blob in a new tab (the browser's own PDF viewer), or saves it under its name. */
export function useFile() {
  const [error, setError] = useState<unknown>(null);
  const run = async (get: () => Promise<Blob>, how: { open: true } | { save: string }) => {
    setError(null);
    // Opened before the fetch, so that the browser counts it as the click's own window.
    const tab = 'open' in how ? window.open('', '_blank') : null;
    try {
      const url = URL.createObjectURL(await get());
      if (tab) tab.location.href = url;
      else {
        const a = document.createElement('a');
        a.href = url;
        a.download = 'save' in how ? how.save : '';
        document.body.appendChild(a);
        a.click();
        a.remove();
      }
      // The tab or the download holds its own reference by now.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      tab?.close();
      setError(e);
    }
  };
  return { run, error, clear: () => setError(null) };
}
