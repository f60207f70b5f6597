// The generated client (typescript-fetch, from docs/openapi.yaml), configured for a session. The console is
// served by the API itself, so the API's base is the directory above the console's: same origin, and any
// path prefix a proxy puts in front of both is kept.
import { ArtifactsApi, Configuration, EventsApi, type FetchAPI } from '../generated/index.js';
import type { Session } from './session.js';

export const API_BASE = new URL('..', document.baseURI).href.replace(/\/$/, '');

/** The artifacts operations, sent with the session's key; fetchApi replaces the browser's fetch (uploads). */
export function artifactsApi(session: Session, fetchApi?: FetchAPI): ArtifactsApi {
  return new ArtifactsApi(new Configuration({ basePath: API_BASE, apiKey: session.apiKey, fetchApi }));
}

/** The event-token operation (the event stream itself is read by an EventSource: live-events.ts). */
export function eventsApi(session: Session): EventsApi {
  return new EventsApi(new Configuration({ basePath: API_BASE, apiKey: session.apiKey }));
}
