// The web console: paste a space's API key, see the space's artifacts (filters, pages), upload a file and watch
// its status change live, download and delete artifacts. Every call goes through the client generated from
// docs/openapi.yaml; the events come through an EventSource. See docs/console.md.
import { type Artifact, ArtifactStatus, type DocumentType, DocumentType as DocumentTypes } from '../generated/index.js';
import type { CardAction } from './artifact-card.js';
import { ArtifactList, type Filters } from './artifact-list.js';
import { artifactsApi, eventsApi } from './client.js';
import { downloadArtifact } from './download.js';
import { type LifecycleEvent, LiveEvents, type LiveState } from './live-events.js';
import { describeFailure } from './problem.js';
import { forgetSession, loadSession, saveSession, type Session } from './session.js';
import { UploadPanel } from './upload-panel.js';

const byId = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found as T;
};

const error = byId<HTMLElement>('error');
const keyForm = byId<HTMLFormElement>('key-form');
const spaceInput = byId<HTMLInputElement>('space-id');
const keyInput = byId<HTMLInputElement>('api-key');
const keyState = byId<HTMLElement>('key-state');
const workspace = byId<HTMLElement>('workspace');
const filterForm = byId<HTMLFormElement>('filter-form');
const listHeading = byId<HTMLElement>('artifacts-heading');
const listView = {
  list: byId<HTMLUListElement>('artifact-list'), empty: byId<HTMLElement>('list-empty'),
  summary: byId<HTMLElement>('list-summary'), first: byId<HTMLButtonElement>('first-page'),
  previous: byId<HTMLButtonElement>('previous-page'), next: byId<HTMLButtonElement>('next-page'),
};

let session: Session | null = null;
let list: ArtifactList | null = null;
let live: LiveEvents | null = null;
const liveState = byId<HTMLElement>('live-state');
const LIVE_STATES: Record<LiveState, string> = {
  connecting: 'Live updates: connecting…', live: 'Live updates: on', reconnecting: 'Live updates: reconnecting…',
  off: 'Live updates: off',
};

const uploads = new UploadPanel({
  form: byId('upload-form'), file: byId('upload-file'), type: byId('upload-type'), threads: byId('upload-threads'),
  submit: byId('upload-button'), cancel: byId('upload-cancel'), progressRow: byId('upload-progress-row'),
  progress: byId('upload-progress'), percent: byId('upload-percent'), status: byId('upload-status'),
}, () => session, () => void act('Listing the artifacts', async () => list?.firstPage()), showError);

fillOptions(byId('upload-type'), Object.values(DocumentTypes), 'document');
fillOptions(byId('filter-type'), Object.values(DocumentTypes));
fillOptions(byId('filter-status'), Object.values(ArtifactStatus));

keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void enter({ spaceId: spaceInput.value.trim().toLowerCase(), apiKey: keyInput.value.trim() });
});
byId('forget-key').addEventListener('click', leave);
filterForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void act('Listing the artifacts', async () => list?.filter(readFilters()));
});
listView.first.addEventListener('click', () => void act('Listing the artifacts', async () => list?.firstPage()));
listView.previous.addEventListener('click', () => void act('Listing the artifacts', async () => list?.previousPage()));
listView.next.addEventListener('click', () => void act('Listing the artifacts', async () => list?.nextPage()));
byId('reload-page').addEventListener('click', () => void act('Listing the artifacts', async () => list?.reload()));

const stored = loadSession();
if (stored !== null) void enter(stored);

/** Lists the space's first page with the key; only a key that works is kept. */
async function enter(candidate: Session): Promise<void> {
  const candidateList = new ArtifactList(listView, candidate, onCardAction, (artifact) => uploads.showStatus(artifact));
  if (!await act('Opening the space', () => candidateList.filter(readFilters()))) {
    candidateList.clear();
    forgetSession();   // a stored key that stopped working is not kept either
    spaceInput.value = candidate.spaceId;
    return;
  }
  saveSession(candidate);
  session = candidate;
  list = candidateList;
  byId('key-space').textContent = candidate.spaceId;
  keyForm.hidden = true;
  keyInput.value = '';
  keyState.hidden = false;
  workspace.hidden = false;
  listHeading.focus();
  live = new LiveEvents(candidate.spaceId,
    async () => (await eventsApi(candidate).issueEventToken({ spaceId: candidate.spaceId })).token,
    onEvent, showLiveState, () => void list?.reload().catch(() => undefined));
  live.start();
}

function onEvent(event: LifecycleEvent): void {
  list?.applyEvent(event);
  if (event.eventType.startsWith('artifact.')) {
    uploads.showStatus({ id: event.artifactId, status: event.status as Artifact['status'], sizeBytes: event.sizeBytes, error: event.error });
  }
}

function showLiveState(state: LiveState, detail?: string): void {
  liveState.dataset['state'] = state;
  liveState.textContent = LIVE_STATES[state];
  liveState.title = detail ?? '';
}

function leave(): void {
  live?.stop();
  live = null;
  forgetSession();
  session = null;
  list?.clear();
  list = null;
  uploads.reset();
  workspace.hidden = true;
  keyState.hidden = true;
  keyForm.hidden = false;
  clearError();
  keyInput.focus();
}

function onCardAction(action: CardAction, artifact: Artifact, card: HTMLElement): void {
  const current = session;
  if (current === null) return;
  if (action === 'download') {
    void act(`Downloading ${artifact.name}`, () => downloadArtifact(current, artifact));
  } else if (window.confirm(`Delete ${artifact.name}? Its download stops working at once.`)) {
    void act(`Deleting ${artifact.name}`, async () => {
      const following = card.nextElementSibling?.querySelector<HTMLButtonElement>('button:not([disabled])');
      await artifactsApi(current).deleteArtifact({ spaceId: current.spaceId, artifactId: artifact.id });
      list?.remove(artifact.id);
      listView.summary.textContent = `${artifact.name} deleted.`;
      (following ?? listHeading).focus();
    });
  }
}

function readFilters(): Filters {
  const form = new FormData(filterForm);
  const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
  return {
    threadId: text('thread_id'),
    documentType: text('document_type') as DocumentType | undefined,
    status: text('status') as ArtifactStatus | undefined,
    limit: Number(text('limit') ?? 25),
  };
}

/** Runs a call, saying in the alert region why it failed; tells whether it worked. */
async function act(action: string, work: () => Promise<unknown>): Promise<boolean> {
  clearError();
  try {
    await work();
    return true;
  } catch (failure) {
    showError(await describeFailure(action, failure));
    return false;
  }
}

function showError(message: string): void {
  error.textContent = message;
}

function clearError(): void {
  error.textContent = '';
}

function fillOptions(select: HTMLSelectElement, values: readonly string[], selected?: string): void {
  for (const value of values) select.add(new Option(value, value, false, value === selected));
}
