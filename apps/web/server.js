// Production server: the SvelteKit build (with the API inside) behind gzip.
// Plain JavaScript, run as `node server.js` after `vite build`.
import http from 'node:http';
import compression from 'compression';

// adapter-node assumes https unless told otherwise. Tell it the protocol the
// connection really used, unless a proxy in front is trusted to say so
// (set PROTOCOL_HEADER=x-forwarded-proto behind a TLS-terminating proxy).
const PROTOCOL = 'x-safer-voices-protocol';
const trustProxy = Boolean(process.env.PROTOCOL_HEADER);
if (!trustProxy) process.env.PROTOCOL_HEADER = PROTOCOL;

const { handler } = await import('./build/handler.js');
const compress = compression();

const server = http.createServer((req, res) => {
  if (!trustProxy) req.headers[PROTOCOL] = req.socket.encrypted ? 'https' : 'http';
  compress(req, res, () => handler(req, res));
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => {
  console.log(`[safer-voices] serving on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
