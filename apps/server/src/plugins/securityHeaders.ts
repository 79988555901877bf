import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

/**
 * Security headers on every answer (helmet): `X-Content-Type-Options: nosniff`, no framing
 * (`frame-ancestors 'none'`, `X-Frame-Options: DENY`), and a Content-Security-Policy that the
 * web app and the /docs page satisfy: scripts, styles, fetches and event streams from this
 * origin only; images also as `data:`/`blob:` (chart export, sprites); inline styles allowed
 * (the app adds a style element, the chart export inlines computed styles on its SVG copy, and a
 * style cannot run code). No HSTS and no
 * upgrade-insecure-requests: this server speaks plain HTTP, a TLS proxy in front sets those.
 */
export default fp(
  async (fastify) => {
    await fastify.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
        },
      },
      frameguard: { action: 'deny' },
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    });
  },
  { name: 'security-headers', fastify: '5.x' },
);
