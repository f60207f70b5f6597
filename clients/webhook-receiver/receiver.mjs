// clients/webhook-receiver: a webhook receiver for trying Artifacts' webhooks locally, verifying every delivery
// with the Standard Webhooks reference library (npm standardwebhooks), as a receiving service would.
//
//   node receiver.mjs --secret whsec_... [--port 8099] [--fail-first N]
//
// POST /<anything>: verifies the signature (401 if it does not verify), then answers 503 to the first N attempts
// of each webhook-id (--fail-first, default 0) and 204 after. Prints one JSON line per request.
// GET /stats: {"requests", "verified", "refused", "ids", "delivered_once", "delivered_twice_or_more", "by_type"}
// counting the deliveries answered 204 per webhook-id.
import http from "node:http";
import { Webhook } from "standardwebhooks";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const secret = args.secret ?? process.env.WEBHOOK_SECRET;
const port = Number(args.port ?? 8099);
const failFirst = Number(args["fail-first"] ?? 0);
if (!secret) {
  console.error("usage: node receiver.mjs --secret whsec_... [--port 8099] [--fail-first N]");
  process.exit(2);
}
const webhook = new Webhook(secret);
const attempts = new Map();   // webhook-id -> attempts seen
const accepted = new Map();   // webhook-id -> 204 answers given
const byType = {};
let requests = 0, verified = 0, refused = 0;

const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/stats") {
    const counts = [...accepted.values()];
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ requests, verified, refused, ids: attempts.size,
      delivered_once: counts.filter(c => c === 1).length,
      delivered_twice_or_more: counts.filter(c => c > 1).length, by_type: byType }));
    return;
  }
  const chunks = [];
  req.on("data", c => chunks.push(c));
  req.on("end", () => {
    requests++;
    const body = Buffer.concat(chunks).toString("utf8");
    const id = req.headers["webhook-id"];
    let event;
    try {
      event = webhook.verify(body, req.headers);
      verified++;
    } catch (e) {
      refused++;
      console.log(JSON.stringify({ id, verified: false, error: String(e.message ?? e), answered: 401 }));
      res.writeHead(401).end();
      return;
    }
    const attempt = (attempts.get(id) ?? 0) + 1;
    attempts.set(id, attempt);
    const status = attempt <= failFirst ? 503 : 204;
    if (status === 204) {
      accepted.set(id, (accepted.get(id) ?? 0) + 1);
      byType[event.type] = (byType[event.type] ?? 0) + 1;
    }
    console.log(JSON.stringify({ id, type: event.type, attempt, verified: true,
      signatures: req.headers["webhook-signature"].split(" ").length, answered: status,
      artifact_id: event.data?.artifact_id }));
    res.writeHead(status).end();
  });
});
server.listen(port, "127.0.0.1", () => console.error(`webhook receiver on http://127.0.0.1:${port}/`));
