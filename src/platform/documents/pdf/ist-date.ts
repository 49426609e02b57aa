// India has had a fixed UTC+05:30 offset with no daylight saving since 1945, so plain
// arithmetic is exact and keeps output independent of the server's TZ and ICU data.
const IST_OFFSET_MS = 330 * 60 * 1000;

/** dd-mm-yyyy as printed on Indian government papers, in Asia/Kolkata. */
export function formatIstDate(instant: Date): string {
  const ist = new Date(instant.getTime() + IST_OFFSET_MS);
  const dd = String(ist.getUTCDate()).padStart(2, '0');
  const mm = String(ist.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}-${mm}-${ist.getUTCFullYear()}`;
}
