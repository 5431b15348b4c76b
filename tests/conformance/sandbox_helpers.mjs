// Starts hubdesk-sandbox ($HUBDESK_SANDBOX) on a random port and reads its base URL from the
// first stdout line.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

export async function startSandbox(extraArgs = []) {
  const bin = process.env.HUBDESK_SANDBOX;
  if (!bin) throw new Error("HUBDESK_SANDBOX is not set (path of the hubdesk-sandbox binary)");
  const child = spawn(bin, ["--port", "0", "--demo", ...extraArgs], { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  const baseUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("hubdesk-sandbox did not print its URL in time")), 60000);
    lines.once("line", (line) => { clearTimeout(timer); resolve(line.trim()); });
    child.once("exit", (code) => reject(new Error(`hubdesk-sandbox exited early with ${code}`)));
  });
  return {
    baseUrl,
    async admin(path, init) {
      const res = await fetch(`${baseUrl}/__sandbox/${path}`, init);
      return res.json();
    },
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
