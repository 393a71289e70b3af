// A signed-in (or anonymous) visitor over plain HTTP: signs in through next-auth's credentials
// endpoint and keeps the cookies, fetches pages and route handlers, and calls server actions the way
// the browser does — a POST with the action's id in the `Next-Action` header and its arguments
// encoded by React's own encodeReply — so every argument, bound ones included, is the caller's choice.
import { createRequire } from "node:module";
import { parseActionResponse, type ActionResponse } from "./flight";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

export type HttpResult = { status: number; location: string | null; contentType: string; body: string; headers: Headers };

export class Visitor {
  private readonly cookies = new Map<string, string>();
  /** Every secret this visitor's session consists of, to prove none is ever logged. */
  readonly secrets: string[] = [];
  csrfToken: string | null = null;

  constructor(
    readonly baseUrl: string,
    readonly label: string,
  ) {}

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  sessionToken(): string | undefined {
    return [...this.cookies].find(([k]) => k.endsWith("next-auth.session-token"))?.[1];
  }

  /** A request as a page of this site would send it (state changes carry our own Origin). */
  async request(path: string, init: RequestInit & { origin?: string | null } = {}): Promise<HttpResult> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const method = (init.method ?? "GET").toUpperCase();
    const origin = init.origin === undefined ? (method === "GET" || method === "HEAD" ? null : this.baseUrl) : init.origin;
    if (origin) headers.set("origin", origin);
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    this.remember(response);
    const body = method === "HEAD" ? "" : await response.text();
    return { status: response.status, location: response.headers.get("location"), contentType: response.headers.get("content-type") ?? "", body, headers: response.headers };
  }

  async fetchCsrfToken(): Promise<string> {
    const response = await this.request("/api/auth/csrf");
    this.csrfToken = (JSON.parse(response.body) as { csrfToken: string }).csrfToken;
    return this.csrfToken;
  }

  /** Signs in with e-mail and password through next-auth (provider "password"); throws when refused. */
  async signIn(email: string, password: string): Promise<void> {
    const csrfToken = await this.fetchCsrfToken();
    const body = new URLSearchParams({ csrfToken, email, password, callbackUrl: this.baseUrl, json: "true" });
    const response = await this.request("/api/auth/callback/password", {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const token = this.sessionToken();
    if (!token) throw new Error(`sign-in of ${email} refused (${response.status} ${response.location ?? response.body.slice(0, 200)})`);
    this.secrets.push(password, token, csrfToken);
  }

  /** Calls the server action `actionId` with `args`, posting to `pagePath` (a page that uses the action). */
  async action(actionId: string, args: unknown[], pagePath: string, options: { origin?: string | null } = {}): Promise<ActionResponse> {
    const encoded = await encodeReply(args);
    const headers: Record<string, string> = { accept: "text/x-component", "next-action": actionId };
    if (typeof encoded === "string") headers["content-type"] = "text/plain;charset=UTF-8";
    const response = await this.request(pagePath, { method: "POST", body: encoded, headers, origin: options.origin });
    return parseActionResponse(response);
  }
}
