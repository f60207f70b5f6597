// The space's artifacts, a page at a time: the filters (thread, type, status, page size) and keyset paging
// (next_cursor forward; the cursors of the pages already seen back), kept current by the live events.
import type { Artifact, ArtifactStatus, DocumentType } from '../generated/index.js';
import { artifactCard, type CardAction, showState } from './artifact-card.js';
import { artifactsApi } from './client.js';
import type { LifecycleEvent } from './live-events.js';
import type { Session } from './session.js';

export interface Filters {
  readonly threadId?: string;
  readonly documentType?: DocumentType;
  readonly status?: ArtifactStatus;
  readonly limit: number;
}

export interface ListView {
  readonly list: HTMLUListElement;
  readonly empty: HTMLElement;
  readonly summary: HTMLElement;
  readonly first: HTMLButtonElement;
  readonly previous: HTMLButtonElement;
  readonly next: HTMLButtonElement;
}

export type ActionHandler = (action: CardAction, artifact: Artifact, card: HTMLElement) => void;
export type ShownHandler = (artifact: Artifact) => void;

export class ArtifactList {
  private readonly shown = new Map<string, Artifact>();
  /** The newest event seen for each artifact, so that a page fetched while it travelled still shows it. */
  private readonly latest = new Map<string, LifecycleEvent>();
  /** The cursor of every page from the first to the current one (the first page has none). */
  private cursors: Array<string | undefined> = [undefined];
  private nextCursor: string | null = null;
  private filters: Filters = { limit: 25 };
  private reloadTimer: number | undefined;

  /** onShown hears of every artifact the list shows, when it is listed and when an event changes it. */
  constructor(private readonly view: ListView, private readonly session: Session, onAction: ActionHandler,
    private readonly onShown: ShownHandler) {
    view.list.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
      const card = button?.closest<HTMLElement>('li[data-artifact-id]');
      const artifact = card ? this.shown.get(card.dataset['artifactId'] ?? '') : undefined;
      if (button && card && artifact) onAction(button.dataset['action'] as CardAction, artifact, card);
    });
  }

  /** New filters: back to the first page. */
  async filter(filters: Filters): Promise<void> {
    this.filters = filters;
    await this.firstPage();
  }

  async firstPage(): Promise<void> {
    await this.load([undefined]);
  }

  async nextPage(): Promise<void> {
    if (this.nextCursor !== null) await this.load([...this.cursors, this.nextCursor]);
  }

  async previousPage(): Promise<void> {
    if (this.cursors.length > 1) await this.load(this.cursors.slice(0, -1));
  }

  async reload(): Promise<void> {
    await this.load(this.cursors);
  }

  /** Applies an artifact's event to its card; a new artifact reloads the first page, where it belongs. */
  applyEvent(event: LifecycleEvent): void {
    if (!event.eventType.startsWith('artifact.')) return;
    const known = this.latest.get(event.artifactId);
    if (known === undefined || known.occurredAt <= event.occurredAt) this.latest.set(event.artifactId, event);
    const artifact = this.shown.get(event.artifactId);
    const card = this.card(event.artifactId);
    if (artifact === undefined || card === null) {
      if (event.eventType === 'artifact.pending' && this.cursors.length === 1) {
        clearTimeout(this.reloadTimer);
        this.reloadTimer = window.setTimeout(() => void this.reload().catch(() => undefined), 250);
      }
      return;
    }
    const current = withEvent(artifact, event);
    this.shown.set(artifact.id, current);
    showState(card, current);
    this.onShown(current);
    if (current.status === 'deleted' && this.filters.status !== 'deleted') this.remove(artifact.id);
  }

  /** Takes an artifact off the page (deleted); says whether it was there. */
  remove(artifactId: string): boolean {
    const card = this.card(artifactId);
    this.shown.delete(artifactId);
    card?.remove();
    this.view.empty.hidden = this.shown.size > 0;
    return card !== null;
  }

  clear(): void {
    this.shown.clear();
    this.latest.clear();
    this.view.list.replaceChildren();
    this.cursors = [undefined];
    this.nextCursor = null;
  }

  private card(artifactId: string): HTMLElement | null {
    return this.view.list.querySelector<HTMLElement>(`li[data-artifact-id="${CSS.escape(artifactId)}"]`);
  }

  private async load(cursors: Array<string | undefined>): Promise<void> {
    const page = await artifactsApi(this.session).listArtifacts({
      spaceId: this.session.spaceId, ...this.filters, cursor: cursors[cursors.length - 1],
    });
    this.cursors = cursors;
    this.nextCursor = page.hasMore ? page.nextCursor : null;
    this.shown.clear();
    const cards = page.data.map((listed) => {
      const event = this.latest.get(listed.id);
      const artifact = event ? withEvent(listed, event) : listed;
      this.shown.set(artifact.id, artifact);
      return artifactCard(artifact);
    });
    this.view.list.replaceChildren(...cards);
    this.shown.forEach((artifact) => this.onShown(artifact));
    this.view.empty.hidden = cards.length > 0;
    this.view.summary.textContent = `Page ${cursors.length}: ${cards.length} artifact${cards.length === 1 ? '' : 's'}`
      + (this.nextCursor === null ? '' : ', more on the next page');
    this.view.first.disabled = this.view.previous.disabled = cursors.length === 1;
    this.view.next.disabled = this.nextCursor === null;
  }
}

/** The artifact as the event says it is now; an event older than what the artifact shows changes nothing. */
function withEvent(artifact: Artifact, event: LifecycleEvent): Artifact {
  if (event.occurredAt < artifact.updatedAt) return artifact;
  return {
    ...artifact,
    status: event.status as ArtifactStatus,
    sizeBytes: event.sizeBytes ?? artifact.sizeBytes,
    sha256: event.sha256 ?? artifact.sha256,
    mediaType: event.mediaType ?? artifact.mediaType,
    error: event.error ?? (event.status === 'failed' ? artifact.error : null),
    updatedAt: event.occurredAt,
  };
}
