// A short workflow against a running Artifacts API, made only through the TypeScript client generated from
// docs/openapi.yaml (typescript-fetch, in ../generated): generate (JSON and multipart), follow the jobs, list by
// thread walking the cursor, read the metadata, download and compare the bytes, and see typed errors
// (404, 409, 410, 422).
//
// Environment: ARTIFACTS_API_URL (default http://127.0.0.1:8080), ARTIFACTS_SPACE_ID, ARTIFACTS_API_KEY
// (defaults: ./run's dev space and key), ARTIFACTS_WORKFLOW_TIMEOUT_SECONDS (default 60, per job).
// Prints one line per step and ends with PASS; exits 1 on the first failure.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  ArtifactsApi,
  Configuration,
  type GenerateForm,
  GenerateFormToJSON,
  type GenerateRequest,
  JobsApi,
  type Problem,
  ProblemFromJSON,
  ResponseError,
} from '../generated';

const PREFIX = '[ts] ';
const baseUrl = env('ARTIFACTS_API_URL', 'http://127.0.0.1:8080');
const spaceId = env('ARTIFACTS_SPACE_ID', '0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f');
const apiKey = env('ARTIFACTS_API_KEY', 'ak_dev_0123456789abcdef0123456789abcdef');
const jobTimeoutMs = 1000 * Number(env('ARTIFACTS_WORKFLOW_TIMEOUT_SECONDS', '60'));
const runId = `ts-${randomUUID().slice(0, 8)}`;
const threadId = `clients-workflow-${runId}`;

const configuration = new Configuration({ basePath: baseUrl, apiKey });
const artifacts = new ArtifactsApi(configuration);
const jobs = new JobsApi(configuration);
let steps = 0;

async function main(): Promise<void> {
  // 1. Generate with JSON (content in base64), with an Idempotency-Key.
  const textBytes = Buffer.from(`Hello from the generated TypeScript client, run ${runId}\n`.repeat(40), 'utf8');
  const idempotencyKey = `clients-workflow-${runId}-json`;
  const jsonRequest: GenerateRequest = {
    name: `workflow-${runId}.txt`,
    type: 'text',
    content: textBytes.toString('base64'),
    threadIds: [threadId],
    mediaType: 'text/plain',
    metadata: { source: 'clients-workflow', run: runId },
    contentSha256: sha256(textBytes),
  };
  const jsonResponse = await artifacts.generateArtifactRaw({ spaceId, idempotencyKey, generateRequest: jsonRequest });
  check(jsonResponse.raw.status === 202, `generate (JSON) answered ${jsonResponse.raw.status}`);
  const jsonAccepted = await jsonResponse.value();
  step(`generate JSON: HTTP 202, artifact ${jsonAccepted.artifact.id} ${jsonAccepted.artifact.status}, job ${jsonAccepted.job.id} ${jsonAccepted.job.status}, ${textBytes.length} bytes sent as base64`);

  // 2. Generate with multipart/form-data (the file as it is). The form is the generated GenerateForm model.
  const binaryBytes = randomBytes(48 * 1024 + 7);
  const form: GenerateForm = {
    file: new Blob([new Uint8Array(binaryBytes)], { type: 'application/octet-stream' }),
    name: `workflow-${runId}.bin`,
    type: 'data',
    threadIds: [threadId],
    metadata: JSON.stringify({ source: 'clients-workflow', run: runId }),
    contentSha256: sha256(binaryBytes),
  };
  const formResponse = await generateAsForm(form);
  check(formResponse.raw.status === 202, `generate (multipart) answered ${formResponse.raw.status}`);
  const formAccepted = await formResponse.value();
  step(`generate multipart: HTTP 202, artifact ${formAccepted.artifact.id} ${formAccepted.artifact.status}, job ${formAccepted.job.id} ${formAccepted.job.status}, ${binaryBytes.length} bytes sent as a file part`);

  // 3. Follow both jobs to succeeded.
  await followJob(jsonAccepted.artifact.id, jsonAccepted.job.id);
  await followJob(formAccepted.artifact.id, formAccepted.job.id);

  // 4. List by this run's thread, one per page, walking the cursor to the end.
  const listed: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await artifacts.listArtifacts({ spaceId, threadId, limit: 1, cursor });
    pages++;
    listed.push(...page.data.map((a) => a.id));
    check(page.hasMore === (page.nextCursor != null), `has_more ${page.hasMore} but next_cursor ${page.nextCursor}`);
    cursor = page.nextCursor ?? undefined;
    check(pages <= 10, 'the cursor walk did not end after 10 pages');
  } while (cursor !== undefined);
  const expected = [formAccepted.artifact.id, jsonAccepted.artifact.id];
  check(JSON.stringify(listed) === JSON.stringify(expected), `listed ${listed}, expected ${expected} (newest first)`);
  step(`list thread_id=${threadId} limit=1: ${pages} pages walked by cursor, ${listed.length} artifacts, newest first [${listed.join(', ')}]`);

  // 5 and 6. Metadata and download of each.
  await verifyArtifact('JSON', jsonAccepted.artifact.id, textBytes, 'text/plain');
  await verifyArtifact('multipart', formAccepted.artifact.id, binaryBytes, null);

  // A range: the first 16 bytes, 206.
  const range = await artifacts.downloadArtifactRaw({ spaceId, artifactId: formAccepted.artifact.id, range: 'bytes=0-15' });
  const firstBytes = Buffer.from(await (await range.value()).arrayBuffer());
  check(range.raw.status === 206 && firstBytes.equals(binaryBytes.subarray(0, 16)),
    `range download answered ${range.raw.status} with ${firstBytes.length} bytes`);
  step(`download multipart Range bytes=0-15: HTTP 206, ${firstBytes.length} bytes, equal to the first 16 sent: true, Content-Range ${range.raw.headers.get('content-range')}`);

  // 7. Typed 404: an artifact ID nobody has.
  const unknown = randomUUID();
  const notFound = await expectProblem(404, () => artifacts.getArtifact({ spaceId, artifactId: unknown }));
  check(notFound.code === 'not_found', `404 code ${notFound.code}`);
  step(`getArtifact unknown ${unknown}: ResponseError HTTP 404, problem code ${notFound.code}, request_id ${notFound.requestId}`);

  // 8. Typed 422: the JSON request's Idempotency-Key again, with another body. (The same body replays.)
  const replay = await artifacts.generateArtifactRaw({ spaceId, idempotencyKey, generateRequest: jsonRequest });
  const replayed = await replay.value();
  check(replay.raw.status === 202 && replayed.artifact.id === jsonAccepted.artifact.id
    && replay.raw.headers.get('idempotent-replayed') === 'true', `the replay answered ${replay.raw.status} artifact ${replayed.artifact.id}`);
  step(`generate JSON again, same Idempotency-Key and body: HTTP 202 replayed (Idempotent-Replayed: ${replay.raw.headers.get('idempotent-replayed')}), same artifact ${replayed.artifact.id}`);
  const otherBody: GenerateRequest = {
    name: `workflow-${runId}-other.txt`, type: 'text', content: Buffer.from('another body').toString('base64'), threadIds: [threadId],
  };
  const reused = await expectProblem(422, () => artifacts.generateArtifact({ spaceId, idempotencyKey, generateRequest: otherBody }));
  check(reused.code === 'idempotency_key_reused', `422 code ${reused.code}`);
  step(`generate JSON again, same Idempotency-Key, another body: ResponseError HTTP 422, problem code ${reused.code}`);

  // 9. Typed 409: download an artifact whose job has not finished yet (artifact_not_ready). The worker may win
  //    the race on a tiny file, so a few tries, each with a fresh artifact.
  let notReady: Problem | undefined;
  let probeId = '';
  let tries = 0;
  while (notReady === undefined && tries < 5) {
    tries++;
    const accepted = await (await generateAsForm({
      file: new Blob([new Uint8Array(randomBytes(256 * 1024))], { type: 'application/octet-stream' }),
      name: `workflow-${runId}-probe.bin`, type: 'data', threadId: `${threadId}-probe`,
    })).value();
    probeId = accepted.artifact.id;
    try {
      await (await artifacts.downloadArtifact({ spaceId, artifactId: probeId })).arrayBuffer();
    } catch (e) {
      notReady = await problem(e, 409);
    }
  }
  check(notReady !== undefined, '5 downloads right after generate all succeeded: no 409 seen');
  check(notReady!.code === 'artifact_not_ready', `409 code ${notReady!.code}`);
  step(`download right after generate (try ${tries}): ResponseError HTTP 409, problem code ${notReady!.code}`);

  // 10. Delete it (204) and see the download's typed 410.
  const deletion = await artifacts.deleteArtifactRaw({ spaceId, artifactId: probeId });
  check(deletion.raw.status === 204, `delete answered ${deletion.raw.status}`);
  const gone = await expectProblem(410, () => artifacts.downloadArtifact({ spaceId, artifactId: probeId }));
  check(gone.code === 'artifact_gone', `410 code ${gone.code}`);
  step(`deleteArtifact ${probeId}: HTTP 204; its download: ResponseError HTTP 410, problem code ${gone.code}`);
}

// WORKAROUND (multipart): generateArtifact takes application/json or multipart/form-data, and typescript-fetch
// makes one method per operation with the first request body only (GenerateRequest as JSON); GenerateForm is
// generated but no method sends it. So the form goes through the same generated method with an initOverrides
// function (the generated client's hook for changing the fetch init): the body becomes the FormData and the
// JSON Content-Type goes, so that fetch sets multipart/form-data with its boundary. The form's part names come
// from the generated GenerateFormToJSON; path, auth, response parsing and ResponseError stay generated.
async function generateAsForm(form: GenerateForm, idempotencyKey?: string) {
  const body = new FormData();
  for (const [name, value] of Object.entries(GenerateFormToJSON(form) as object)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item instanceof Blob) body.append(name, item, `${form.name}`);
      else body.append(name, String(item));
    }
  }
  // The generated method insists on its (JSON) body parameter; the override replaces it by the form.
  const replacedByTheForm: GenerateRequest = { name: form.name, type: form.type, content: '' };
  return artifacts.generateArtifactRaw({ spaceId, idempotencyKey, generateRequest: replacedByTheForm }, async ({ init }) => {
    const headers: Record<string, string> = { ...init.headers };
    delete headers['Content-Type'];
    return { headers, body };
  });
}

async function followJob(artifactId: string, jobId: string): Promise<void> {
  const start = Date.now();
  for (let polls = 1; ; polls++) {
    const job = (await jobs.listArtifactJobs({ spaceId, artifactId })).data.find((j) => j.id === jobId);
    if (job === undefined) throw new Error(`job ${jobId} is not among the artifact's jobs`);
    if (job.status === 'succeeded') {
      step(`job ${jobId} of artifact ${artifactId}: succeeded after ${polls} polls, ${Date.now() - start} ms, attempt ${job.attempt}/${job.maxAttempts}`);
      return;
    }
    check(job.status !== 'failed' && job.status !== 'canceled', `job ${jobId} ended ${job.status} with ${JSON.stringify(job.error)}`);
    check(Date.now() - start < jobTimeoutMs, `job ${jobId} still ${job.status} after ${jobTimeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, polls < 10 ? 100 : 500));
  }
}

async function verifyArtifact(label: string, id: string, sent: Buffer, expectedMediaType: string | null): Promise<void> {
  const artifact = await artifacts.getArtifact({ spaceId, artifactId: id });
  const sentSha = sha256(sent);
  check(artifact.status === 'ready', `${label} artifact is ${artifact.status}`);
  check(artifact.sizeBytes === sent.length, `${label} size_bytes ${artifact.sizeBytes}, sent ${sent.length}`);
  check(artifact.sha256 === sentSha, `${label} sha256 ${artifact.sha256}, sent ${sentSha}`);
  check(artifact.threadIds.includes(threadId), `${label} thread_ids ${artifact.threadIds}`);
  check(artifact.metadata['run'] === runId, `${label} metadata ${JSON.stringify(artifact.metadata)}`);
  if (expectedMediaType !== null) check(artifact.mediaType === expectedMediaType, `${label} media_type ${artifact.mediaType}`);
  step(`getArtifact ${label} ${id}: ${artifact.status}, ${artifact.documentType}, size_bytes ${artifact.sizeBytes}, media_type ${artifact.mediaType} (detected ${artifact.detectedMediaType}), sha256 ${artifact.sha256}, thread_ids [${artifact.threadIds}], metadata ${JSON.stringify(artifact.metadata)}, created_at ${artifact.createdAt.toISOString()}`);

  const download = await artifacts.downloadArtifactRaw({ spaceId, artifactId: id });
  const received = Buffer.from(await (await download.value()).arrayBuffer());
  const receivedSha = sha256(received);
  check(download.raw.status === 200, `${label} download answered ${download.raw.status}`);
  check(received.equals(sent), `${label} downloaded bytes differ from those sent`);
  check(receivedSha === artifact.sha256, `${label} downloaded sha256 differs from the metadata's`);
  check(download.raw.headers.get('etag') === `"${receivedSha}"`, `${label} ETag ${download.raw.headers.get('etag')}`);
  step(`download ${label}: HTTP 200, ${received.length} bytes, Content-Type ${download.raw.headers.get('content-type')}, bytes equal to those sent: true, sha256 equal (sent = downloaded = metadata = ETag): true`);

  const head = await artifacts.headArtifactDownloadRaw({ spaceId, artifactId: id });
  check(head.raw.status === 200, `${label} HEAD answered ${head.raw.status}`);
  check(head.raw.headers.get('content-length') === String(sent.length), `${label} HEAD Content-Length ${head.raw.headers.get('content-length')}`);
  check(head.raw.headers.get('etag') === download.raw.headers.get('etag'), `${label} HEAD ETag ${head.raw.headers.get('etag')}`);
  step(`headArtifactDownload ${label}: HTTP 200, Content-Length ${head.raw.headers.get('content-length')}, ETag equal to the download's: true`);
}

async function expectProblem(status: number, call: () => Promise<unknown>): Promise<Problem> {
  try {
    await call();
  } catch (e) {
    return problem(e, status);
  }
  throw new Error(`expected HTTP ${status}, the call succeeded`);
}

/** The typed error: the generated ResponseError's status, and its problem+json body read into the generated Problem model. */
async function problem(e: unknown, expectedStatus: number): Promise<Problem> {
  if (!(e instanceof ResponseError)) throw e;
  const response = e.response;
  check(response.status === expectedStatus, `expected HTTP ${expectedStatus}, got ${response.status}: ${await response.clone().text()}`);
  const contentType = response.headers.get('content-type') ?? '';
  check(contentType.startsWith('application/problem+json'), `error Content-Type ${contentType}`);
  const parsed = ProblemFromJSON(await response.json());
  check(parsed.status === expectedStatus, `problem status ${parsed.status}`);
  return parsed;
}

function step(line: string): void {
  steps++;
  console.log(PREFIX + line);
}

function check(condition: boolean, failure: string): asserts condition {
  if (!condition) throw new Error(failure);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function env(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? fallback : value;
}

console.log(`${PREFIX}client generated by OpenAPI Generator (typescript-fetch) against ${baseUrl}, space ${spaceId}, run ${runId}`);
main().then(
  () => console.log(`${PREFIX}PASS: ${steps} steps, TypeScript client workflow against ${baseUrl}`),
  async (e: unknown) => {
    let detail = '';
    if (e instanceof ResponseError) detail = ` (HTTP ${e.response.status}: ${await e.response.text().catch(() => '')})`;
    console.log(`${PREFIX}FAIL after ${steps} steps: ${e instanceof Error ? e.message : String(e)}${detail}`);
    process.exitCode = 1;
  },
);
