// A server for the throughput benchmark, run in its own process: `sandbox` (the real one) or `bare`
// (node:http answering the same status line, headers and body with no logic). It prints its URL,
// answers each line on stdin with its CPU time so far (µs), and serves until killed.
import { createServer } from 'node:http';
import { listenOnLoopback } from '../config/listen-on-loopback.ts';
import { startSandbox } from '../sandbox/start-sandbox.ts';

const kind = process.argv[2];
if (kind === 'sandbox') {
  const sandbox = await startSandbox();
  console.log(sandbox.url);
} else if (kind === 'bare') {
  const { headers, body } = JSON.parse(process.argv[3] ?? '{}') as { headers: Record<string, string>; body: string };
  const server = createServer((_request, response) => {
    response.writeHead(200, headers);
    response.end(body);
  });
  console.log((await listenOnLoopback(server)).url);
} else {
  console.error('usage: bench-server.ts sandbox | bare <{"headers": {...}, "body": "..."}>');
  process.exit(2);
}
process.stdin.on('data', () => {
  const { user, system } = process.cpuUsage();
  console.log(String(user + system));
});
