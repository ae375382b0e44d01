import Fastify from 'fastify';

/** The reference: a bare Fastify route that echoes a JSON body, no logging, no database. */
const app = Fastify({ logger: false });
app.post('/echo', async (request) => request.body);
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`LISTENING ${address}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
