// Validates rendered kustomize overlays: every object against its schema (the npm kubernetes-models
// packages), then the deployment policy of docs/operations.md on every workload, ConfigMap and Secret.
// Usage: node validate.mjs NAME=rendered.yaml [NAME=rendered.yaml ...]   (deploy/kubernetes/validate/run)
// Exit status 1 if any object is invalid or any policy check fails.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const SCHEMA_PACKAGES = {
  // API group -> npm package holding its models (kubernetes-models covers the built-in groups)
  "keda.sh": "@kubernetes-models/keda",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};
// Groups with no schema package in the npm registry: checked by structureChecks below instead.
const NO_SCHEMA_PACKAGE = new Set(["kafka.strimzi.io", "postgresql.cnpg.io"]);

const SECRET_LIKE_KEY = /PASSWORD|SECRET|KEY_SHA256|ADMIN_KEY|API_KEY|ACCESS_KEY|PRIVATE_KEY|JAAS|TOKEN|CREDENTIAL/i;
const HEALTH = { livenessProbe: "/q/health/live", readinessProbe: "/q/health/ready", startupProbe: "/q/health/started" };

// ---------------------------------------------------------------- schema validation

const modelCache = new Map();
async function modelFor(apiVersion, kind) {
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  if (NO_SCHEMA_PACKAGE.has(group)) return null;
  const pkg = SCHEMA_PACKAGES[group] ?? (group === "" || !group.includes(".") || group.endsWith(".k8s.io") ? "kubernetes-models" : undefined);
  if (!pkg) throw new Error(`no schema package known for ${apiVersion} ${kind}`);
  const path = `${pkg}/${apiVersion}/${kind}`;
  if (!modelCache.has(path)) {
    let mod;
    try {
      mod = await import(path);
    } catch (e) {
      throw new Error(`no model ${path} (${e.code ?? e.message})`);
    }
    modelCache.set(path, { Model: mod[kind], pkg });
  }
  return modelCache.get(path);
}

// ---------------------------------------------------------------- structure checks (no schema package)

const isInt = (v, min = 0) => Number.isInteger(v) && v >= min;
const QUANTITY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E|m)?$/;
const STRIMZI_ACL_OPS = new Set(["Read", "Write", "Create", "Delete", "Alter", "Describe", "ClusterAction",
  "AlterConfigs", "DescribeConfigs", "IdempotentWrite", "All"]);

// Fields and types from the Strimzi (kafka.strimzi.io/v1beta2) and CloudNativePG (postgresql.cnpg.io/v1)
// API references; what an admission webhook or the CRD's OpenAPI schema would reject first.
const structureChecks = {
  "kafka.strimzi.io/v1beta2/Kafka": (o, err) => {
    const k = o.spec?.kafka;
    if (!k) return err("spec.kafka is required");
    if (!Array.isArray(k.listeners) || k.listeners.length === 0) err("spec.kafka.listeners must be a non-empty array");
    for (const l of k.listeners ?? []) {
      if (!/^[a-z0-9]{1,11}$/.test(l.name ?? "")) err(`listener name ${l.name} must be 1-11 lowercase letters or digits`);
      if (!isInt(l.port, 9092) || l.port === 9404 || l.port === 9999) err(`listener ${l.name}: port must be an integer >= 9092, not 9404 or 9999`);
      if (!["internal", "route", "loadbalancer", "nodeport", "ingress", "cluster-ip"].includes(l.type)) err(`listener ${l.name}: unknown type ${l.type}`);
      if (typeof l.tls !== "boolean") err(`listener ${l.name}: tls must be a boolean`);
      if (l.authentication && !["tls", "scram-sha-512", "oauth", "custom"].includes(l.authentication.type)) err(`listener ${l.name}: unknown authentication ${l.authentication.type}`);
    }
    if (o.metadata?.annotations?.["strimzi.io/node-pools"] !== "enabled") err("KRaft with node pools needs annotation strimzi.io/node-pools: enabled");
  },
  "kafka.strimzi.io/v1beta2/KafkaNodePool": (o, err) => {
    if (!o.metadata?.labels?.["strimzi.io/cluster"]) err("label strimzi.io/cluster is required");
    if (!isInt(o.spec?.replicas, 0)) err("spec.replicas must be an integer >= 0");
    const roles = o.spec?.roles;
    if (!Array.isArray(roles) || roles.length === 0 || roles.some((r) => !["controller", "broker"].includes(r))) err("spec.roles must list controller and/or broker");
    if (!["ephemeral", "persistent-claim", "jbod"].includes(o.spec?.storage?.type)) err("spec.storage.type must be ephemeral, persistent-claim or jbod");
    for (const v of o.spec?.storage?.volumes ?? []) if (!QUANTITY.test(String(v.size ?? ""))) err(`storage volume ${v.id}: size must be a quantity`);
  },
  "kafka.strimzi.io/v1beta2/KafkaTopic": (o, err) => {
    if (!o.metadata?.labels?.["strimzi.io/cluster"]) err("label strimzi.io/cluster is required");
    if (!isInt(o.spec?.partitions, 1)) err("spec.partitions must be an integer >= 1");
    if (!isInt(o.spec?.replicas, 1) || o.spec.replicas > 32767) err("spec.replicas must be an integer between 1 and 32767");
    if (o.spec?.topicName !== undefined && !/^[a-zA-Z0-9._-]{1,249}$/.test(o.spec.topicName)) err("spec.topicName is not a legal Kafka topic name");
    for (const [key, value] of Object.entries(o.spec?.config ?? {})) {
      if (!["string", "number", "boolean"].includes(typeof value) && !Array.isArray(value)) err(`config ${key}: must be a string, number, boolean or array`);
    }
  },
  "kafka.strimzi.io/v1beta2/KafkaUser": (o, err) => {
    if (!o.metadata?.labels?.["strimzi.io/cluster"]) err("label strimzi.io/cluster is required");
    const auth = o.spec?.authentication;
    if (auth && !["tls", "tls-external", "scram-sha-512"].includes(auth.type)) err(`unknown authentication type ${auth.type}`);
    if (auth?.password && !(auth.password.valueFrom?.secretKeyRef?.name && auth.password.valueFrom?.secretKeyRef?.key)) err("authentication.password needs valueFrom.secretKeyRef name and key");
    const authz = o.spec?.authorization;
    if (authz) {
      if (authz.type !== "simple") err(`unknown authorization type ${authz.type}`);
      for (const acl of authz.acls ?? []) {
        if (!["topic", "group", "cluster", "transactionalId"].includes(acl.resource?.type)) err(`acl resource type ${acl.resource?.type}`);
        if (acl.resource?.patternType && !["literal", "prefix"].includes(acl.resource.patternType)) err(`acl patternType ${acl.resource.patternType}`);
        const ops = acl.operations ?? (acl.operation ? [acl.operation] : []);
        if (ops.length === 0 || ops.some((op) => !STRIMZI_ACL_OPS.has(op))) err(`acl operations ${JSON.stringify(ops)}`);
      }
    }
  },
  "postgresql.cnpg.io/v1/Cluster": (o, err) => {
    if (!isInt(o.spec?.instances, 1)) err("spec.instances must be an integer >= 1");
    if (!QUANTITY.test(String(o.spec?.storage?.size ?? ""))) err("spec.storage.size must be a quantity");
    if (o.spec?.walStorage && !QUANTITY.test(String(o.spec.walStorage.size ?? ""))) err("spec.walStorage.size must be a quantity");
    for (const [key, value] of Object.entries(o.spec?.postgresql?.parameters ?? {})) if (typeof value !== "string") err(`postgresql.parameters.${key} must be a string`);
    if (o.spec?.postgresql?.pg_hba && !Array.isArray(o.spec.postgresql.pg_hba)) err("postgresql.pg_hba must be an array of strings");
    const initdb = o.spec?.bootstrap?.initdb;
    if (initdb && (!initdb.database || !initdb.owner)) err("bootstrap.initdb needs database and owner");
  },
};

// ---------------------------------------------------------------- policy

function durationSeconds(text) {
  const m = /^([0-9]+)(ms|s|m|h)?$/i.exec(String(text ?? "").trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return { ms: n / 1000, s: n, m: n * 60, h: n * 3600 }[(m[2] ?? "s").toLowerCase()];
}

/** Checks one workload; returns the names of the checks it ran, calls fail() for each violation. */
function workloadPolicy(w, configMaps, fail) {
  const pod = w.spec?.template?.spec ?? {};
  const psc = pod.securityContext ?? {};
  const checks = [];
  const check = (name, ok, detail) => {
    checks.push(name);
    if (!ok) fail(`${name}${detail ? `: ${detail}` : ""}`);
  };
  check("serviceAccountToken not mounted", pod.automountServiceAccountToken === false);
  check("terminationGracePeriodSeconds set", isInt(pod.terminationGracePeriodSeconds, 1));
  const env = {};
  for (const c of pod.containers ?? []) {
    for (const ref of c.envFrom ?? []) Object.assign(env, configMaps.get(ref.configMapRef?.name) ?? {});
    for (const e of c.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  }
  const shutdown = durationSeconds(env.QUARKUS_SHUTDOWN_TIMEOUT ?? "30s");
  for (const c of pod.containers ?? []) {
    const sc = c.securityContext ?? {};
    const where = `container ${c.name}`;
    const nonRoot = (sc.runAsNonRoot ?? psc.runAsNonRoot) === true;
    const uid = sc.runAsUser ?? psc.runAsUser;
    check("runs as non-root", nonRoot && (uid === undefined || uid > 0), `${where}: runAsNonRoot ${sc.runAsNonRoot ?? psc.runAsNonRoot}, runAsUser ${uid}`);
    check("read-only root filesystem", sc.readOnlyRootFilesystem === true, where);
    check("no privilege escalation", sc.allowPrivilegeEscalation === false, where);
    check("capabilities drop ALL", (sc.capabilities?.drop ?? []).includes("ALL") && !(sc.capabilities?.add?.length), where);
    const seccomp = sc.seccompProfile?.type ?? psc.seccompProfile?.type;
    check("seccomp RuntimeDefault", seccomp === "RuntimeDefault" || seccomp === "Localhost", `${where}: ${seccomp}`);
    check("privileged off", sc.privileged !== true, where);
    for (const kind of ["requests", "limits"]) {
      for (const res of ["cpu", "memory"]) {
        check(`resources.${kind}.${res}`, c.resources?.[kind]?.[res] !== undefined, where);
      }
    }
    for (const [probe, path] of Object.entries(HEALTH)) {
      const p = c[probe]?.httpGet;
      check(`${probe} on ${path}`, p?.path === path, `${where}: ${p?.path ?? "missing"}`);
    }
    const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
    const tmpVolume = tmp && (pod.volumes ?? []).find((v) => v.name === tmp.name);
    check("writable /tmp is a size-limited emptyDir", !!tmpVolume?.emptyDir?.sizeLimit, where);
    const preStop = c.lifecycle?.preStop?.sleep?.seconds ?? 0;
    check("grace period > shutdown timeout + preStop", pod.terminationGracePeriodSeconds > shutdown + preStop,
      `${where}: ${pod.terminationGracePeriodSeconds}s <= ${shutdown}s + ${preStop}s`);
    check("image pinned", /:[^:/]+$|@sha256:/.test(c.image ?? "") && !/:latest$/.test(c.image), `${where}: ${c.image}`);
    for (const e of c.env ?? []) {
      check("secret-like env only from Secrets", !(SECRET_LIKE_KEY.test(e.name) && e.value), `${where}: ${e.name} has a literal value`);
    }
  }
  return [...new Set(checks)];
}

/** Production overlays: TLS on every connection and server-side encryption (docs/operations.md). */
function productionPolicy(configMaps, fail) {
  const all = Object.assign({}, ...configMaps.values());
  const checks = {
    "PostgreSQL sslmode=verify-full": /[?&]sslmode=verify-full(&|$)/.test(all.ARTIFACTS_DB_URL ?? ""),
    "Kafka SASL_SSL": all.KAFKA_SECURITY_PROTOCOL === "SASL_SSL",
    "Kafka truststore set": !!all.KAFKA_SSL_TRUSTSTORE_LOCATION,
    "S3 over https": /^https:\/\//.test(all.ARTIFACTS_S3_ENDPOINT ?? ""),
    "S3 server-side encryption": ["AES256", "aws:kms"].includes(all.ARTIFACTS_S3_SSE),
  };
  for (const [name, ok] of Object.entries(checks)) if (!ok) fail(name);
  return Object.keys(checks);
}

// ---------------------------------------------------------------- per overlay

async function validateOverlay(name, objects, { quiet = false } = {}) {
  const failures = [];
  const counts = { objects: objects.length, schema: new Map(), structure: 0, workloads: 0, policyChecks: 0, configMaps: 0 };
  const configMaps = new Map();
  for (const o of objects) if (o.kind === "ConfigMap") configMaps.set(o.metadata.name, o.data ?? {});

  for (const o of objects) {
    const id = `${o.kind ?? "?"}/${o.metadata?.name ?? "?"}`;
    const err = (msg) => failures.push(`${id}: ${msg}`);
    if (!o.apiVersion || !o.kind || !o.metadata?.name) {
      err("apiVersion, kind and metadata.name are required");
      continue;
    }
    const entry = await modelFor(o.apiVersion, o.kind).catch((e) => (err(e.message), undefined));
    if (entry === undefined) continue;
    if (entry === null) {
      const structure = structureChecks[`${o.apiVersion}/${o.kind}`];
      if (!structure) err(`no schema package and no structure check for ${o.apiVersion} ${o.kind}`);
      else {
        structure(o, err);
        counts.structure++;
      }
      continue;
    }
    try {
      new entry.Model(o).validate();
      counts.schema.set(entry.pkg, (counts.schema.get(entry.pkg) ?? 0) + 1);
    } catch (e) {
      err(`schema: ${e.message}`);
    }
  }

  for (const o of objects) {
    const id = `${o.kind}/${o.metadata?.name}`;
    const fail = (msg) => failures.push(`${id}: policy: ${msg}`);
    if (["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet", "Pod"].includes(o.kind)) {
      if (o.kind !== "Deployment") fail("only Deployments are expected; extend the policy test for other workloads");
      counts.workloads++;
      counts.policyChecks += workloadPolicy(o, configMaps, fail).length;
    }
    if (o.kind === "ConfigMap") {
      counts.configMaps++;
      for (const [k, v] of Object.entries({ ...(o.data ?? {}), ...(o.binaryData ?? {}) })) {
        if (SECRET_LIKE_KEY.test(k) && String(v).length > 0) fail(`key ${k} looks like a secret and has a value`);
        if (/ScramLoginModule|PlainLoginModule|BEGIN [A-Z ]*PRIVATE KEY/.test(String(v))) fail(`key ${k} holds credentials`);
      }
    }
    if (o.kind === "Secret" && (Object.keys(o.data ?? {}).length || Object.keys(o.stringData ?? {}).length)) {
      fail("Secret values are never kept in the manifests; reference Secrets created by the operator");
    }
    if (o.kind === "NetworkPolicy") {
      const selected = o.spec?.podSelector?.matchLabels?.["app.kubernetes.io/name"];
      for (const rule of o.spec?.ingress ?? []) {
        const onlyPrometheus = (rule.from ?? []).length > 0 && rule.from.every((f) => f.namespaceSelector && !f.podSelector && !f.ipBlock);
        if (selected !== "artifacts-api" && !onlyPrometheus) fail("only the API may receive traffic (others: from a monitoring namespace only)");
      }
    }
  }
  if (!objects.some((o) => o.kind === "NetworkPolicy" && (o.spec?.ingress ?? []).length === 0 && o.spec?.policyTypes?.includes("Ingress"))) {
    failures.push("NetworkPolicy: policy: no default-deny ingress policy for the apps");
  }
  // The API scales on CPU and survives voluntary disruptions; the worker scales on lag where KEDA is deployed.
  const api = objects.find((o) => o.kind === "Deployment" && o.metadata?.name === "artifacts-api");
  if (api) {
    const labels = api.spec?.template?.metadata?.labels ?? {};
    const selects = (sel) => Object.entries(sel?.matchLabels ?? {}).every(([k, v]) => labels[k] === v) && Object.keys(sel?.matchLabels ?? {}).length > 0;
    if (!objects.some((o) => o.kind === "HorizontalPodAutoscaler" && o.spec?.scaleTargetRef?.kind === "Deployment" && o.spec.scaleTargetRef.name === "artifacts-api")) {
      failures.push("Deployment/artifacts-api: policy: no HorizontalPodAutoscaler targets it");
    }
    if (!objects.some((o) => o.kind === "PodDisruptionBudget" && selects(o.spec?.selector))) {
      failures.push("Deployment/artifacts-api: policy: no PodDisruptionBudget selects its pods");
    }
  }
  if (objects.some((o) => o.apiVersion?.startsWith("keda.sh/")) &&
      !objects.some((o) => o.kind === "ScaledObject" && o.spec?.scaleTargetRef?.name === "artifacts-worker" &&
        (o.spec.triggers ?? []).some((t) => t.type === "kafka" && t.metadata?.consumerGroup === "artifacts-worker"))) {
    failures.push("ScaledObject: policy: KEDA is deployed but no kafka trigger on group artifacts-worker scales the worker");
  }
  let production = [];
  if (name.startsWith("prod")) production = productionPolicy(configMaps, (msg) => failures.push(`ConfigMaps: production policy: ${msg}`));

  if (!quiet) {
    const schema = [...counts.schema.entries()].map(([pkg, n]) => `${pkg} ${n}`).join(", ");
    const schemaTotal = [...counts.schema.values()].reduce((a, b) => a + b, 0);
    console.log(`validate: overlay ${name}: ${counts.objects} objects; ${schemaTotal} validated against schemas (${schema}); ` +
      `${counts.structure} structure-checked (Strimzi/CloudNativePG: no schema package); ` +
      `policy: ${counts.workloads} workloads, ${counts.policyChecks} checks, ${counts.configMaps} ConfigMaps free of secrets` +
      (production.length ? `, ${production.length} production TLS/SSE checks` : ""));
  }
  return { failures, counts };
}

// A policy test that never fails proves nothing: break each rule on a copy of one overlay and expect a failure.
async function selfTest(name, objects) {
  const clone = () => structuredClone(objects);
  const api = (objs) => objs.find((o) => o.kind === "Deployment" && o.metadata.name === "artifacts-api");
  const c0 = (objs) => api(objs).spec.template.spec.containers[0];
  const mutations = {
    "root user": (o) => { c0(o).securityContext.runAsNonRoot = false; api(o).spec.template.spec.securityContext.runAsNonRoot = false; },
    "writable root filesystem": (o) => { delete c0(o).securityContext.readOnlyRootFilesystem; },
    "privilege escalation": (o) => { c0(o).securityContext.allowPrivilegeEscalation = true; },
    "capabilities kept": (o) => { c0(o).securityContext.capabilities.drop = []; },
    "seccomp dropped": (o) => { delete api(o).spec.template.spec.securityContext.seccompProfile; delete c0(o).securityContext.seccompProfile; },
    "memory limit dropped": (o) => { delete c0(o).resources.limits.memory; },
    "cpu request dropped": (o) => { delete c0(o).resources.requests.cpu; },
    "startup probe dropped": (o) => { delete c0(o).startupProbe; },
    "readiness on another path": (o) => { c0(o).readinessProbe.httpGet.path = "/"; },
    "grace period too short": (o) => { api(o).spec.template.spec.terminationGracePeriodSeconds = 20; },
    "password in a ConfigMap": (o) => { o.find((x) => x.kind === "ConfigMap").data.ARTIFACTS_DB_PASSWORD = "hunter2"; },
    "Secret with a value": (o) => { o.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "leak" }, stringData: { password: "x" } }); },
    "literal secret env": (o) => { c0(o).env.push({ name: "ARTIFACTS_S3_SECRET_KEY", value: "x" }); },
    "worker opened to all": (o) => { o.push({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "open" }, spec: { podSelector: { matchLabels: { "app.kubernetes.io/name": "artifacts-worker" } }, policyTypes: ["Ingress"], ingress: [{}] } }); },
    "schema violation": (o) => { c0(o).ports[0].containerPort = "http"; },
    "API without HPA": (o) => { o.splice(o.findIndex((x) => x.kind === "HorizontalPodAutoscaler"), 1); },
    "API without PDB": (o) => { o.splice(o.findIndex((x) => x.kind === "PodDisruptionBudget"), 1); },
  };
  if (name.startsWith("prod")) {
    mutations["plaintext Kafka"] = (o) => { for (const cm of o.filter((x) => x.kind === "ConfigMap")) if (cm.data.KAFKA_SECURITY_PROTOCOL) cm.data.KAFKA_SECURITY_PROTOCOL = "PLAINTEXT"; };
    mutations["no SSE"] = (o) => { for (const cm of o.filter((x) => x.kind === "ConfigMap")) delete cm.data.ARTIFACTS_S3_SSE; };
  }
  const missed = [];
  for (const [label, mutate] of Object.entries(mutations)) {
    const objs = clone();
    mutate(objs);
    const { failures } = await validateOverlay(name, objs, { quiet: true });
    if (failures.length === 0) missed.push(label);
  }
  console.log(`validate: self-test on ${name}: ${Object.keys(mutations).length - missed.length} of ${Object.keys(mutations).length} deliberate violations caught`);
  return missed.map((m) => `self-test: breaking "${m}" went unnoticed`);
}

// ---------------------------------------------------------------- main

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error("usage: node validate.mjs NAME=rendered.yaml ...");
  process.exit(2);
}
let allFailures = [];
let passed = 0;
let failedObjects = 0;
for (const arg of args) {
  const [name, file] = arg.split("=");
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  const parseErrors = docs.flatMap((d) => d.errors.map((e) => `${name}: YAML: ${e.message}`));
  const objects = docs.map((d) => d.toJS()).filter((o) => o);
  const { failures, counts } = await validateOverlay(name, objects);
  const selfTestFailures = await selfTest(name, objects);
  const mine = [...parseErrors, ...failures.map((f) => `${name}: ${f}`), ...selfTestFailures.map((f) => `${name}: ${f}`)];
  allFailures = allFailures.concat(mine);
  const failing = new Set(mine.map((f) => f.split(": ").slice(0, 2).join(": ")));
  failedObjects += failing.size;
  passed += Math.max(0, counts.objects - failing.size);
}
for (const f of allFailures) console.error(`validate: FAIL ${f}`);
console.log(`validate: ${passed} passed, ${failedObjects} failed`);
process.exit(allFailures.length ? 1 : 0);
