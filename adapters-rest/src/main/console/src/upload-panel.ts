// The upload form: a file, its type and threads, sent as multipart/form-data with a progress bar and a Cancel
// button; then the uploaded artifact's status, said in a status region as it changes.
import { type Artifact, type DocumentType, type GenerationAccepted } from '../generated/index.js';
import { formatBytes } from './artifact-card.js';
import { describeFailure } from './problem.js';
import type { Session } from './session.js';
import { uploadFile } from './upload.js';

export interface UploadView {
  readonly form: HTMLFormElement;
  readonly file: HTMLInputElement;
  readonly type: HTMLSelectElement;
  readonly threads: HTMLInputElement;
  readonly submit: HTMLButtonElement;
  readonly cancel: HTMLButtonElement;
  readonly progressRow: HTMLElement;
  readonly progress: HTMLProgressElement;
  readonly percent: HTMLElement;
  readonly status: HTMLElement;
}

export class UploadPanel {
  private uploading: AbortController | null = null;
  /** The last uploaded artifact, whose status changes the panel tells, and the statuses it went through. */
  private watched: { id: string; name: string; statuses: string[] } | null = null;

  constructor(private readonly view: UploadView, private readonly session: () => Session | null,
    private readonly onAccepted: (accepted: GenerationAccepted) => void, private readonly onError: (message: string) => void) {
    view.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.upload();
    });
    view.cancel.addEventListener('click', () => this.uploading?.abort());
  }

  /** Tells a new status of the watched artifact (from the live events or a reload). */
  showStatus(artifact: Pick<Artifact, 'id' | 'status' | 'sizeBytes' | 'error'>): void {
    const watched = this.watched;
    if (watched === null || artifact.id !== watched.id) return;
    if (watched.statuses[watched.statuses.length - 1] !== artifact.status) watched.statuses.push(artifact.status);
    let line = `${watched.name}: ${watched.statuses.join(' → ')}`;
    if (artifact.status === 'ready' && artifact.sizeBytes !== null) line += ` (${formatBytes(artifact.sizeBytes)})`;
    if (artifact.error) line += ` (${artifact.error.code}: ${artifact.error.message})`;
    this.view.status.textContent = line;
    this.view.status.dataset['status'] = artifact.status;
  }

  reset(): void {
    this.uploading?.abort();
    this.watched = null;
    this.view.form.reset();
    this.view.status.textContent = '';
    this.view.progressRow.hidden = true;
  }

  private async upload(): Promise<void> {
    const session = this.session();
    const file = this.view.file.files?.[0];
    if (session === null || file === undefined || this.uploading !== null) return;
    const threadIds = this.view.threads.value.split(/[\s,]+/).filter((id) => id !== '');
    const controller = new AbortController();
    this.uploading = controller;
    this.showProgress(0, file.size);
    this.view.progressRow.hidden = false;
    this.view.submit.disabled = true;
    this.view.cancel.hidden = false;
    this.view.status.textContent = `Uploading ${file.name} (${formatBytes(file.size)})…`;
    delete this.view.status.dataset['status'];
    try {
      const accepted = await uploadFile(session, {
        file, name: file.name, type: this.view.type.value as DocumentType, threadIds: threadIds.length > 0 ? threadIds : undefined,
      }, (sent, total) => this.showProgress(sent, total), controller.signal);
      this.showProgress(file.size, file.size);
      this.watched = { id: accepted.artifact.id, name: accepted.artifact.name, statuses: [] };
      this.showStatus(accepted.artifact);
      this.view.file.value = '';
      this.onAccepted(accepted);
    } catch (error) {
      if (this.session() !== session) return;   // the key was forgotten meanwhile: nobody to tell
      const message = await describeFailure(`Uploading ${file.name}`, error);
      this.view.status.textContent = message;
      this.onError(message);
    } finally {
      this.uploading = null;
      this.view.submit.disabled = false;
      this.view.cancel.hidden = true;
    }
  }

  private showProgress(sent: number, total: number): void {
    const percent = total === 0 ? 100 : Math.floor((sent / total) * 100);
    this.view.progress.value = percent;
    this.view.progress.setAttribute('aria-valuetext', `${percent} % (${formatBytes(sent)} of ${formatBytes(total)})`);
    this.view.percent.textContent = `${percent} %`;
  }
}
