import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { installRemoteAddressStamp, REMOTE_ADDRESS_HEADER } from './remote-address';

describe('remote address stamp', () => {
  installRemoteAddressStamp();
  const server = http.createServer((req, res) => res.end(String(req.headers[REMOTE_ADDRESS_HEADER])));
  afterAll(() => new Promise((r) => server.close(r)));

  it('overwrites a value the client sent with the socket address', async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { [REMOTE_ADDRESS_HEADER]: '10.9.9.9' } });
    expect(await res.text()).toBe('127.0.0.1');
  });
});
