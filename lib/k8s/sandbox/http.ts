// Request/response plumbing shared by the handlers: body decoding, media-type negotiation, replies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { decodeProtobufObject, PROTOBUF_MEDIA_TYPE } from './protobuf/decode';
import { ApiError, errors } from './status';

export type ResponseFormat = { as: 'object' } | { as: 'table'; includeObject: 'None' | 'Metadata' | 'Object' } | { as: 'metadata' };

/**
 * Honours `as=Table` (kubectl get) and `as=PartialObjectMetadata[List]` (metadata-only clients).
 * Everything else, including aggregated-discovery and protobuf requests, gets plain JSON: clients
 * list `application/json` as their fallback.
 */
export function negotiate(accept: string | undefined, includeObject: string | null): ResponseFormat {
  const ranges = (accept ?? '').split(',').map((r) => r.trim().toLowerCase());
  for (const r of ranges) {
    const params = Object.fromEntries(
      r
        .split(';')
        .slice(1)
        .map((p) => p.trim().split('=') as [string, string]),
    );
    if (params.as === 'table' && params.g === 'meta.k8s.io') {
      const inc = includeObject === 'None' || includeObject === 'Object' ? includeObject : 'Metadata';
      return { as: 'table', includeObject: inc };
    }
    if ((params.as === 'partialobjectmetadatalist' || params.as === 'partialobjectmetadata') && params.g === 'meta.k8s.io') return { as: 'metadata' };
    if (!params.as && /^(application\/(json|\*|yaml)|\*\/\*)$/.test(r.split(';')[0])) break;
  }
  return { as: 'object' };
}

export async function readBodyBytes(req: IncomingMessage, limit = 8 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw new ApiError(413, 'BadRequest', 'the request body is too large');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readBody(req: IncomingMessage, limit?: number): Promise<string> {
  return (await readBodyBytes(req, limit)).toString('utf8');
}

/**
 * Decodes a JSON, YAML or Kubernetes-protobuf body (the API server accepts all three for writes;
 * kubectl sends built-in kinds as protobuf). Pass the raw bytes: protobuf is not UTF-8 text.
 */
export function decodeBody(body: string | Buffer, contentType: string | undefined): unknown {
  const type = (contentType ?? 'application/json').split(';')[0].trim().toLowerCase();
  if (type === PROTOBUF_MEDIA_TYPE && typeof body !== 'string') return decodeProtobufObject(body);
  const text = typeof body === 'string' ? body : body.toString('utf8');
  if (!text.trim()) throw errors.badRequest('the request body is empty');
  if (type === PROTOBUF_MEDIA_TYPE) throw errors.badRequest(`${PROTOBUF_MEDIA_TYPE} bodies must be passed as bytes`);
  try {
    if (type.includes('yaml')) return parseYaml(text);
    return JSON.parse(text);
  } catch (err) {
    throw errors.badRequest(`the body of the request could not be decoded: ${(err as Error).message}`);
  }
}

export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private' });
  res.end(text);
}

export function sendError(res: ServerResponse, err: unknown): void {
  const apiErr = err instanceof ApiError ? err : new ApiError(500, 'InternalError', `Internal error occurred: ${(err as Error)?.message ?? String(err)}`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, apiErr.code, apiErr.toStatus());
}
