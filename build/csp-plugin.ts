import type { Plugin } from 'vite';

/**
 * The built app's Content-Security-Policy. Scripts, workers and styles come only from the
 * app's own origin: no inline script, no eval, so text from a design that somehow reached
 * the DOM as markup could still run nothing.
 *
 * - `img-src data: blob:` and `font-src data:`: the canvas export (html-to-image) draws an
 *   SVG data: URL into an image and embeds fonts and images as data: URLs.
 * - `style-src 'self'`: React's style props and html-to-image's copies set styles through
 *   the CSSOM, which a policy does not govern; no stylesheet is inline.
 * - `worker-src 'self' blob:`: the simulation is a module worker from the app's origin.
 * - `frame-ancestors` and `report-uri` are ignored in a <meta>; they need headers.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The module that opens the first design on the page; nothing before it builds a zod schema. */
const BOOT = /[\\/]src[\\/]boot\.tsx$/;
const ZOD_JITLESS = 'virtual:berth-zod-jitless';

/**
 * Writes the policy into the built index.html only: the dev server's React refresh runs an
 * inline script, which the policy refuses.
 *
 * Zod compiles object parsers with `new Function` when it may, and finds out by trying one
 * the first time a schema is built: under the policy that try is a violation the page
 * reports, caught or not. So the built page turns zod's compiler off before the boot
 * module builds any schema (it could not use it anyway). The worker has no policy (a
 * <meta> policy covers the document only) and keeps the compiler. Until the app does this
 * itself, in its own code, the plugin puts the import first in src/boot.tsx.
 */
export function contentSecurityPolicy(policy: string = CONTENT_SECURITY_POLICY): Plugin {
  return {
    name: 'berth-content-security-policy',
    apply: 'build',
    resolveId: (id) => (id === ZOD_JITLESS ? `\0${ZOD_JITLESS}` : null),
    load: (id) =>
      id === `\0${ZOD_JITLESS}`
        ? "import { config } from 'zod';\nconfig({ jitless: true });\n"
        : null,
    transform: (code, id) => (BOOT.test(id) ? `import '${ZOD_JITLESS}';\n${code}` : null),
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
