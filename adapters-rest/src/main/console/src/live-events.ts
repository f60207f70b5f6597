// The space's lifecycle events, live: an EventSource on GET /v1/spaces/{space_id}/events?token=…. EventSource
// cannot send headers, so the stream is opened with a short-lived, read-only event token issued for the API key.
// The browser's own reconnections (a dropped connection) send Last-Event-ID themselves. When the stream is
// refused instead (an expired token gets 401) a new token is fetched and the stream reopened with
// after=<the last event id seen>, so no event is missed or repeated. EventSource does not tell the status of a
// refusal: if the stream is refused again right after a new token, the cursor itself is the trouble (410
// cursor_expired: those events are no longer kept), so the stream restarts from now and onGap is called, for the
// page to read again what it may have missed.
import { API_BASE } from './client.js';

export const EVENT_TYPES = ['job.queued', 'job.running', 'job.succeeded', 'job.failed', 'job.canceled',
  'artifact.pending', 'artifact.processing', 'artifact.ready', 'artifact.failed', 'artifact.deleted'] as const;
export type LifecycleEventType = typeof EVENT_TYPES[number];

/** An event's data: the message of the events topic (docs/asyncapi.yaml, lifecycleEvent), in camelCase. */
export interface LifecycleEvent {
  readonly eventId: string;
  readonly eventType: LifecycleEventType;
  readonly occurredAt: Date;
  readonly artifactId: string;
  readonly jobId: string | null;
  readonly status: string;
  readonly previousStatus: string | null;
  readonly sizeBytes: number | null;
  readonly sha256: string | null;
  readonly mediaType: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'off';

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

export class LiveEvents {
  private source: EventSource | null = null;
  private retryTimer: number | undefined;
  private retryMs = FIRST_RETRY_MS;
  private lastEventId: string | null = null;
  /** Refusals since the stream last opened: the second one in a row drops the cursor. */
  private refusals = 0;
  private running = false;

  constructor(
    private readonly spaceId: string,
    private readonly issueToken: () => Promise<string>,
    private readonly onEvent: (event: LifecycleEvent) => void,
    private readonly onState: (state: LiveState, detail?: string) => void,
    private readonly onGap: () => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.open();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.retryTimer);
    this.source?.close();
    this.source = null;
    this.onState('off');
  }

  private async open(): Promise<void> {
    this.onState(this.lastEventId === null ? 'connecting' : 'reconnecting');
    let token: string;
    try {
      token = await this.issueToken();
    } catch (error) {
      this.retryLater(error instanceof Error ? error.message : String(error));
      return;
    }
    if (!this.running) return;
    const url = new URL(`${API_BASE}/v1/spaces/${encodeURIComponent(this.spaceId)}/events`);
    url.searchParams.set('token', token);
    if (this.lastEventId !== null) url.searchParams.set('after', this.lastEventId);
    const source = new EventSource(url);
    this.source = source;
    source.onopen = () => {
      this.retryMs = FIRST_RETRY_MS;
      this.refusals = 0;
      this.onState('live');
    };
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (message) => this.receive(message));
    }
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        // Refused: a new token, then resume after the last event; refused again, start over from now.
        source.close();
        if (this.source === source) this.source = null;
        this.refusals++;
        if (this.refusals >= 2 && this.lastEventId !== null) {
          this.lastEventId = null;
          this.onGap();
        }
        this.retryLater('the stream was refused');
      } else {
        this.onState('reconnecting');   // the browser retries by itself, with Last-Event-ID
      }
    };
  }

  private retryLater(reason: string): void {
    if (!this.running) return;
    this.onState('reconnecting', reason);
    clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => void this.open(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }

  private receive(message: MessageEvent<string>): void {
    if (message.lastEventId) this.lastEventId = message.lastEventId;
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(message.data) as Record<string, unknown>;
    } catch {
      return;   // not an event of ours
    }
    const text = (name: string) => (typeof data[name] === 'string' ? data[name] as string : null);
    const artifactId = text('artifact_id');
    const status = text('status');
    if (artifactId === null || status === null) return;
    const error = data['error'] as { code?: unknown; message?: unknown } | undefined;
    this.onEvent({
      eventId: text('event_id') ?? message.lastEventId,
      eventType: message.type as LifecycleEventType,
      occurredAt: new Date(text('occurred_at') ?? Date.now()),
      artifactId,
      jobId: text('job_id'),
      status,
      previousStatus: text('previous_status'),
      sizeBytes: typeof data['size_bytes'] === 'number' ? data['size_bytes'] : null,
      sha256: text('sha256'),
      mediaType: text('media_type'),
      error: error && typeof error.code === 'string' ? { code: error.code, message: String(error.message ?? '') } : null,
    });
  }
}
