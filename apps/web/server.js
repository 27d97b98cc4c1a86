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

// Request bodies are held to BODY_SIZE_LIMIT (512K by default), except where
// files are uploaded (the page and the API behind it): the collection import
// takes files of up to 10 MB, a podcast's audio up to 25 MB. adapter-node has
// one limit for every request, so it gets the largest, and this server holds
// every other request to its own limit by its declared length (a body
// without one is refused there, except on the upload paths).
const UPLOADS = [
  ['/staff/analysis/import', 10 * 1024 * 1024 + 64 * 1024],
  ['/api/collections', 10 * 1024 * 1024 + 64 * 1024],
  // The audio, a transcript of up to 50,000 characters and captions.
  ['/staff/votes', 26 * 1024 * 1024],
  ['/api/votes', 26 * 1024 * 1024]
];
const UPLOAD_LIMIT = Math.max(...UPLOADS.map(([, limit]) => limit));
const bytes = (value) => {
  const unit = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[value.slice(-1).toUpperCase()];
  return unit ? Number(value.slice(0, -1)) * unit : Number(value);
};
const bodyLimit = bytes(process.env.BODY_SIZE_LIMIT || '512K');
if (Number.isNaN(bodyLimit)) throw new Error(`Invalid BODY_SIZE_LIMIT: '${process.env.BODY_SIZE_LIMIT}'`);
process.env.BODY_SIZE_LIMIT = String(Math.max(bodyLimit, UPLOAD_LIMIT));

/** The upload limit of the path, or undefined when it takes no files. */
const uploadLimitOf = (url = '/') => {
  const path = url.split('?')[0];
  return UPLOADS.find(([p]) => path === p || path.startsWith(`${p}/`))?.[1];
};

/** 413 or 411 for a body this path may not have; null when it may go on. */
function refusedBody(req) {
  if (req.method === 'GET' || req.method === 'HEAD') return null;
  const uploadLimit = uploadLimitOf(req.url);
  const limit = uploadLimit ?? bodyLimit;
  const declared = req.headers['content-length'];
  if (declared === undefined) return req.headers['transfer-encoding'] && uploadLimit === undefined ? 411 : null;
  return Number(declared) > Math.max(limit, bodyLimit) ? 413 : null;
}

const sizeInWords = (n) => (n >= 1024 ** 2 ? `${Math.round(n / 1024 ** 2)} MB` : `${Math.round(n / 1024)} KB`);

/**
 * The refusal in the form its asker reads: the API's error shape for
 * /api (as the API itself gives when its own limits are passed), a short
 * page for a browser.
 */
function refuse(req, res, status) {
  const limit = sizeInWords(Math.max(uploadLimitOf(req.url) ?? bodyLimit, bodyLimit));
  const [error, message] = status === 413 ? ['body_too_large', `The request body is larger than ${limit}`] : ['length_required', 'Send the request body with a Content-Length'];
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/api' || path.startsWith('/api/')) {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', connection: 'close' });
    res.end(JSON.stringify({ error, message }));
    return;
  }
  const title = status === 413 ? 'What you sent was too large' : 'What you sent could not be read';
  const advice = status === 413 ? `Pages here take up to ${limit}. Go back, shorten what you wrote or choose a smaller file, and try again.` : 'Go back and try again.';
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Safer Voices</title></head>` +
      `<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5"><main><h1>${title}</h1><p>${advice}</p><p><a href="/">Go to the home page</a></p></main></body></html>`
  );
}

// The address printed on voting slips and put in notifications' links: by
// default this server's own, on whatever port it was given.
process.env.PUBLIC_URL ||= `http://localhost:${Number(process.env.PORT ?? 3000)}`;

const { handler } = await import('./build/handler.js');
const compress = compression();

const server = http.createServer((req, res) => {
  if (!trustProxy) req.headers[PROTOCOL] = req.socket.encrypted ? 'https' : 'http';
  const refused = refusedBody(req);
  if (refused) {
    refuse(req, res, refused);
    return;
  }
  compress(req, res, () => handler(req, res));
});

const port = Number(process.env.PORT ?? 3000);
// This machine only, unless HOST says otherwise: the demo's staff passwords are published.
const host = process.env.HOST || '127.0.0.1';
server.listen(port, host, () => {
  console.log(`[safer-voices] serving on http://${host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host}:${port}`);
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
