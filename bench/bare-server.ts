/** Benchmark baseline: bare Fastify answering one JSON route. Prints `READY <port>`. */
import Fastify from 'fastify';

const app = Fastify();
app.get('/api/ping', async () => ({ ok: true }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(`READY ${typeof address === 'object' && address ? address.port : 0}`);
