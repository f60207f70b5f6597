// The space's artifacts, a page at a time: the filters (thread, type, status, page size) and keyset paging
// (next_cursor forward; the cursors of the pages already seen back).
import type { Artifact, ArtifactStatus, DocumentType } from '../generated/index.js';
import { artifactCard, type CardAction } from './artifact-card.js';
import { artifactsApi } from './client.js';
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
  /** The cursor of every page from the first to the current one (the first page has none). */
  private cursors: Array<string | undefined> = [undefined];
  private nextCursor: string | null = null;
  private filters: Filters = { limit: 25 };

  /** onShown hears of every artifact the list shows. */
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
    const cards = page.data.map((artifact) => {
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

