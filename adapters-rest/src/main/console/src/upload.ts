// Uploads a file as multipart/form-data through the generated generateArtifact, reporting progress.
//
// WORKAROUND (as in clients/typescript/src/workflow.ts): generateArtifact takes JSON or a form, and
// typescript-fetch makes one method with the JSON body only; GenerateForm is generated but no method sends it.
// So the form goes through the same generated method with an initOverrides function that puts the FormData in
// place of the JSON body and drops the JSON Content-Type (the browser sets multipart/form-data and its
// boundary). The part names come from the generated GenerateFormToJSON. The request is sent by xhrFetch, for
// the progress events.
import { type GenerateForm, GenerateFormToJSON, type GenerateRequest, type GenerationAccepted } from '../generated/index.js';
import { artifactsApi } from './client.js';
import type { Session } from './session.js';
import { type UploadProgress, xhrFetch } from './xhr-fetch.js';

export async function uploadFile(session: Session, form: GenerateForm, onProgress: UploadProgress,
  signal: AbortSignal): Promise<GenerationAccepted> {
  const body = new FormData();
  for (const [name, value] of Object.entries(GenerateFormToJSON(form) as object) as Array<[string, unknown]>) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item instanceof Blob) body.append(name, item, form.name);
      else body.append(name, String(item));
    }
  }
  // The generated method insists on its (JSON) body parameter; the override replaces it by the form.
  const replacedByTheForm: GenerateRequest = { name: form.name, type: form.type, content: '' };
  return artifactsApi(session, xhrFetch(onProgress)).generateArtifact(
    { spaceId: session.spaceId, generateRequest: replacedByTheForm },
    async ({ init }) => {
      const headers: Record<string, string> = { ...init.headers };
      delete headers['Content-Type'];
      return { headers, body, signal };
    });
}
