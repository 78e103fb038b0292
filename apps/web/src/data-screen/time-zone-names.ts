/** The IANA time zones this browser knows, for the file's time zone field (none if it cannot say). */

/** @example timeZoneNames().includes('Europe/Berlin') // true */
export function timeZoneNames(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}
