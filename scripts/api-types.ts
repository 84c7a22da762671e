// `npm run api-types`: regenerates src/web/openapi.gen.ts from the OpenAPI document the server
// serves (an in-memory PGlite app, no demo data). Run it after changing a route's schema; the API
// test "SYS-4 the web's API types are the served document's" fails until you do.
import { createTestApp } from '../src/server/testing/testApp.js';
import { writeApiTypes } from '../src/server/testing/apiTypes.js';

const t = await createTestApp({ demo: false });
try {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  console.log(`wrote ${await writeApiTypes(res.json())}`);
} finally {
  await t.close();
}
