// One artifact of the list, as a card: its name, status, type, size, time, threads and ID, and its Download and
// Delete buttons (named after the artifact, for screen readers). Built with textContent only: no name or
// field of an artifact is ever read as HTML.
import type { Artifact } from '../generated/index.js';

export type CardAction = 'download' | 'delete';

export function artifactCard(artifact: Artifact): HTMLLIElement {
  const card = document.createElement('li');
  card.className = 'artifact';
  card.dataset['artifactId'] = artifact.id;
  const headingId = `artifact-${artifact.id}`;
  card.setAttribute('aria-labelledby', headingId);

  const heading = element('h3', artifact.name);
  heading.id = headingId;
  const fields = document.createElement('dl');
  fields.append(
    field('Status', element('span', ''), 'status'),
    field('Type', element('span', artifact.documentType)),
    field('Size', element('span', ''), 'size'),
    field('Created', time(artifact.createdAt)),
  );
  if (artifact.threadIds.length > 0) fields.append(field('Threads', element('span', artifact.threadIds.join(', '))));
  fields.append(field('ID', element('code', artifact.id)), field('Error', element('span', ''), 'error'));

  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.append(button('download', 'Download', artifact.name), button('delete', 'Delete', artifact.name));
  card.append(heading, fields, actions);
  showState(card, artifact);
  return card;
}

/** Shows what may change after the card was made: status, size, media type, error; Download only when ready. */
export function showState(card: HTMLElement, artifact: Pick<Artifact, 'status' | 'sizeBytes' | 'mediaType' | 'error'>): void {
  const status = card.querySelector<HTMLElement>('[data-field="status"]')!;
  status.textContent = artifact.status;
  status.className = `status status-${artifact.status}`;
  card.dataset['status'] = artifact.status;
  const size = artifact.sizeBytes === null ? 'not known yet' : formatBytes(artifact.sizeBytes);
  card.querySelector('[data-field="size"]')!.textContent = artifact.mediaType ? `${size}, ${artifact.mediaType}` : size;
  const error = card.querySelector<HTMLElement>('[data-field="error"]')!;
  error.textContent = artifact.error ? `${artifact.error.code}: ${artifact.error.message}` : '';
  error.closest('div')!.hidden = artifact.error === null;
  card.querySelector<HTMLButtonElement>('button[data-action="download"]')!.disabled = artifact.status !== 'ready';
  card.querySelector<HTMLButtonElement>('button[data-action="delete"]')!.disabled = artifact.status === 'deleted';
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

function field(label: string, value: HTMLElement, name?: string): HTMLDivElement {
  const row = document.createElement('div');
  const dd = document.createElement('dd');
  if (name) value.dataset['field'] = name;
  dd.append(value);
  row.append(element('dt', label), dd);
  return row;
}

function button(action: CardAction, label: string, name: string): HTMLButtonElement {
  const result = element('button', label) as HTMLButtonElement;
  result.type = 'button';
  result.dataset['action'] = action;
  result.setAttribute('aria-label', `${label} ${name}`);
  return result;
}

function time(at: Date): HTMLTimeElement {
  const result = element('time', at.toLocaleString()) as HTMLTimeElement;
  result.dateTime = at.toISOString();
  return result;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text: string): HTMLElementTagNameMap[K] {
  const result = document.createElement(tag);
  result.textContent = text;
  return result;
}
