// The yardstick: a bare Hono app that parses the JSON body and echoes it,
// served the same way as the API. Ingest is compared with this.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono().post('/echo', async (c) => c.json(await c.req.json(), 201));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('ready'));
