/**
 * Recording stamps are ISO instants with an offset; clerks read them in Beijing time (UTC+8, no
 * daylight saving), whatever the server's time zone.
 */
// Made on first use: building an ICU date format costs several milliseconds, paid by every command
// that merely loads this module (most never show a stamp).
let format: Intl.DateTimeFormat | undefined;
function beijingFormat(): Intl.DateTimeFormat {
  format ??= new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return format;
}

/** `2024-07-31T02:05:00Z` → `2024-07-31 10:05` (Beijing time). */
export function formatBeijingTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const parts = Object.fromEntries(
    beijingFormat()
      .formatToParts(t)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The calendar day in Beijing of an ISO instant (`2024-07-31T20:00:00Z` → `2024-08-01`); an unreadable stamp gives its first ten characters. */
export function beijingDay(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso.slice(0, 10);
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
}
