// One sentence for a failed call: the problem+json answer read into the generated Problem model, with a hint
// for the answers a console user can act on.
import { FetchError, ProblemFromJSON, ResponseError } from '../generated/index.js';

const HINTS: Record<number, string> = {
  401: 'The API key is not valid (unknown or revoked): paste another one.',
  403: 'This API key lacks the scope for that (artifacts:read to list and download, artifacts:write to upload and delete).',
  404: 'Not found: the space does not exist, the key is not one of its keys, or the artifact is gone.',
  429: 'Too many calls with this key: wait a moment and try again.',
};

export async function describeFailure(action: string, error: unknown): Promise<string> {
  if (error instanceof ResponseError) {
    const response = error.response;
    let detail = `HTTP ${response.status}`;
    if ((response.headers.get('content-type') ?? '').startsWith('application/problem+json')) {
      try {
        const problem = ProblemFromJSON(await response.clone().json());
        const fields = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ');
        detail = `${problem.title} (${problem.status} ${problem.code}): ${problem.detail}${fields ? ` [${fields}]` : ''}`
          + ` Request ID ${problem.requestId}.`;
      } catch {
        // Not a problem body after all: the status says enough.
      }
    }
    const hint = HINTS[response.status];
    return `${action} failed. ${detail}${hint ? ` ${hint}` : ''}`;
  }
  const cause = error instanceof FetchError ? error.cause : error;
  if (cause instanceof Error && cause.name === 'AbortError') {
    return `${action} was canceled.`;
  }
  if (cause instanceof TypeError) {
    return `${action} failed: the API could not be reached. Check the connection and try again.`;
  }
  return `${action} failed: ${error instanceof Error ? error.message : String(error)}`;
}
