// The space and API key the console calls with. They live in this tab's sessionStorage: a reload does not ask
// again, other tabs never see them, closing the tab or "Forget the key" removes them. The key never goes into
// a URL; it is sent only in the X-API-Key header.

export interface Session {
  readonly spaceId: string;
  readonly apiKey: string;
}

const STORAGE_KEY = 'artifacts-console.session';

export function loadSession(): Session | null {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof stored === 'object' && stored !== null && 'spaceId' in stored && 'apiKey' in stored
      && typeof stored.spaceId === 'string' && typeof stored.apiKey === 'string') {
      return { spaceId: stored.spaceId, apiKey: stored.apiKey };
    }
  } catch {
    // Unreadable or unavailable storage: ask for the key again.
  }
  return null;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function forgetSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
