// Verifies webhooks with the reference Standard Webhooks library: one JSON object per line on
// stdin, {"secret": "whsec_…", "id": …, "timestamp": …, "signature": …, "body": base64}, and one
// line on stdout for each: "ok" or "fail: <the library's reason>".
import { Webhook } from "standardwebhooks";
import { createInterface } from "node:readline";

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const request = JSON.parse(line);
  try {
    const hook = new Webhook(request.secret);
    hook.verify(Buffer.from(request.body, "base64").toString("utf8"), {
      "webhook-id": request.id,
      "webhook-timestamp": request.timestamp,
      "webhook-signature": request.signature,
    });
    console.log("ok");
  } catch (error) {
    console.log("fail: " + String(error && error.message ? error.message : error).replace(/\n/g, " "));
  }
}
