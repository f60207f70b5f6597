// Downloads an artifact through the generated downloadArtifact (the key travels in the X-API-Key header, which
// a plain link cannot send) and hands the bytes to the browser as a file named after the artifact. The browser
// holds the whole file in memory meanwhile; for very large files use curl (docs/console.md).
import type { Artifact } from '../generated/index.js';
import { artifactsApi } from './client.js';
import type { Session } from './session.js';

export async function downloadArtifact(session: Session, artifact: Artifact): Promise<void> {
  const bytes = await artifactsApi(session).downloadArtifact({ spaceId: session.spaceId, artifactId: artifact.id });
  const url = URL.createObjectURL(bytes);
  const link = document.createElement('a');
  link.href = url;
  link.download = artifact.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download; the URL may go once it has read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
