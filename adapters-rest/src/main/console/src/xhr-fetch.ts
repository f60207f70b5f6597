// A fetch made with XMLHttpRequest, the one browser API that reports how much of a request body has been sent
// (fetch does not). The generated client takes it as its fetchApi, so it still builds the request (path, key,
// headers) and reads the answer (model, ResponseError); only the sending changes.
import type { FetchAPI } from '../generated/index.js';

export type UploadProgress = (sentBytes: number, totalBytes: number) => void;

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export function xhrFetch(onProgress: UploadProgress): FetchAPI {
  return (input, init = {}) => new Promise<Response>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const url = input instanceof Request ? input.url : String(input);
    xhr.open(init.method ?? 'GET', url);
    xhr.responseType = 'blob';
    new Headers(init.headers).forEach((value, name) => xhr.setRequestHeader(name, value));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => resolve(new Response(NULL_BODY_STATUSES.has(xhr.status) ? null : xhr.response as Blob, {
      status: xhr.status,
      statusText: xhr.statusText,
      headers: responseHeaders(xhr.getAllResponseHeaders()),
    }));
    xhr.onerror = () => reject(new TypeError('The request failed (network error)'));
    xhr.ontimeout = () => reject(new TypeError('The request timed out'));
    xhr.onabort = () => reject(new DOMException('The request was canceled', 'AbortError'));
    const signal = init.signal;
    if (signal?.aborted) {
      reject(new DOMException('The request was canceled', 'AbortError'));
      return;
    }
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send((init.body ?? null) as XMLHttpRequestBodyInit | null);
  });
}

function responseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}
