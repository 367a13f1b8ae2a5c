/**
 * A typed client of Retour's HTTP API for integrators: `import { createRetourClient } from 'retour/client'`.
 * The types are generated from the API's OpenAPI document (`npm run api:types`), so every path, its
 * parameters, its request body and its replies are checked by the compiler. See docs/api-guide.md.
 */
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from '../../web/shared/api-schema.js';

export type { components, paths };
export type { Client, ClientOptions, FetchResponse, Middleware } from 'openapi-fetch';

/** A client of one Retour server; pass `headers: { authorization: 'Bearer rtr_…' }` for the merchant API. */
export type RetourClient = Client<paths>;

/** createClient from openapi-fetch, typed with Retour's paths. `baseUrl` is the server's address, e.g. https://returns.example.com. */
export const createRetourClient = (options: ClientOptions): RetourClient => createClient<paths>(options);

/** openapi-fetch's createClient itself: `createClient<paths>(options)` is what createRetourClient does. */
export { createClient };
export default createRetourClient;
