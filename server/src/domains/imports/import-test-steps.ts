import { expect } from 'vitest';
import type { Client, Response } from '../../test/test-app.js';

// The steps the import tests take the way the web page does: upload a file, run the job, follow it.

export function uploadImport(
  client: Client,
  entity: string,
  fileName: string,
  data: string | Buffer,
  type = 'text/csv',
): Promise<Response> {
  const url = `/api/v1/imports?entity=${entity}&fileName=${encodeURIComponent(fileName)}`;
  return client.request('POST', url, data, { 'content-type': type });
}

/** Polls the job every 20 ms until it stops checking or importing. */
export async function settleImport(client: Client, id: string, tries = 2000) {
  for (let i = 0; i < tries; i++) {
    const res = await client.get(`/api/v1/imports/${id}`);
    if (!['checking', 'importing'].includes(res.body.status)) return res.body;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('import did not finish');
}

export async function runImport(client: Client, id: string, body: Record<string, unknown>, tries = 2000) {
  const res = await client.post(`/api/v1/imports/${id}/run`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return settleImport(client, id, tries);
}
