import fp from 'fastify-plugin';
import { ApiError } from '../http/apiError.js';
import { type Authority, hostPolicy, isOwnAuthority, parseAuthority } from '../http/hostPolicy.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** The authority a request is for: that of an absolute-form request line (RFC 9112 §3.2.2), else the Host header. */
function requestAuthority(rawUrl: string, host: string | undefined): Authority | null {
  if (!rawUrl.startsWith('/')) {
    const m = /^(https?:)\/\/([^/?#]*)/i.exec(rawUrl);
    return m ? parseAuthority(m[2], DEFAULT_PORTS[m[1].toLowerCase()]) : null;
  }
  return host === undefined ? null : parseAuthority(host, 80);
}

function originAuthority(origin: string): Authority | null {
  const m = /^(https?:)\/\/([^/?#]+)$/i.exec(origin);
  return m ? parseAuthority(m[2], DEFAULT_PORTS[m[1].toLowerCase()]) : null;
}

/**
 * Browser-origin protections, on every request before the token check: a request whose Host
 * (or absolute-form target) is not this server's address is refused (421), which stops DNS
 * rebinding; a state-changing request (POST, PUT, PATCH, DELETE, uploads included) whose Origin
 * is another site's, or `null`, is refused (403). Reverse-proxy names come from MU_ALLOWED_HOSTS.
 */
export default fp(
  async (fastify) => {
    const policy = hostPolicy(fastify.config.host, fastify.config.allowedHosts);
    fastify.addHook('onRequest', async (request) => {
      const listenPort = request.socket.localPort ?? -1;
      if (!isOwnAuthority(policy, requestAuthority(request.raw.url ?? '/', request.headers.host), listenPort)) {
        throw new ApiError(421, "the request's Host is not this server's address (a reverse proxy's name belongs in MU_ALLOWED_HOSTS)");
      }
      const origin = request.headers.origin;
      if (origin !== undefined && MUTATING.has(request.method) && !isOwnAuthority(policy, originAuthority(origin), listenPort)) {
        throw new ApiError(403, 'cross-origin request refused: its Origin is not this server');
      }
    });
  },
  { name: 'origins', dependencies: ['config'], fastify: '5.x' },
);
