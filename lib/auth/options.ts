// next-auth: e-mail + password, and invitation links that set a password and sign in at once.
// Credentials sessions are JWTs; lib/auth/session.ts re-checks the user row on every request, so
// logout, disabling and role changes take effect on the next request.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { verifyPassword } from "@/lib/auth/password";
import { acceptInvitation } from "@/lib/auth/accept-invitation";
import { recordAudit } from "@/lib/audit";
import { loginRefusal, recordLoginFailure } from "@/lib/auth/login-throttle";

const ZPasswordLogin = z.object({ email: z.string().email().max(320), password: z.string().min(1).max(256) });
const ZInvitationLogin = z.object({ token: z.string().min(20).max(200), password: z.string().max(256), name: z.string().max(200).optional() });

export type SessionUser = { id: string; tokenVersion: number };

/** The client address from the proxy's header (the app runs behind one in production) or none. */
function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  return typeof forwarded === "string" ? (forwarded.split(",")[0]?.trim() || null) : null;
}

/**
 * @throws Error with a message for the sign-in form when the account or address is throttled
 * (next-auth passes a thrown message to the client; a null answer shows the generic one)
 */
export async function authorizePassword(raw: unknown, headers?: Record<string, unknown>): Promise<SessionUser | null> {
  const input = ZPasswordLogin.safeParse(raw);
  if (!input.success) return null;
  const address = clientAddress(headers);
  const refusal = await loginRefusal(input.data.email, address);
  if (refusal) throw new Error(refusal);
  const user = await db().user.findUnique({ where: { email: input.data.email.toLowerCase() } });
  const ok = await verifyPassword(user?.passwordHash ?? null, input.data.password);
  if (!user || !ok || user.disabledAt) {
    await recordLoginFailure(input.data.email, address);
    return null;
  }
  await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAudit({ actorId: user.id, action: "user.login", entity: "user", entityId: user.id });
  return { id: user.id, tokenVersion: user.tokenVersion };
}

async function authorizeInvitation(raw: unknown): Promise<SessionUser | null> {
  const input = ZInvitationLogin.safeParse(raw);
  if (!input.success) return null;
  const user = await acceptInvitation(input.data);
  return user ? { id: user.id, tokenVersion: user.tokenVersion } : null;
}

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      id: "password",
      name: "E-mail and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: (credentials, request) => authorizePassword(credentials, request?.headers) as never,
    }),
    CredentialsProvider({
      id: "invitation",
      name: "Invitation link",
      credentials: { token: { type: "text" }, password: { type: "password" }, name: { type: "text" } },
      authorize: (credentials) => authorizeInvitation(credentials) as never,
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as unknown as SessionUser;
        token.sub = u.id;
        token.tv = u.tokenVersion;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.sub, tv: token.tv } as typeof session;
    },
  },
  events: {
    async signOut({ token }) {
      // Ends every copy of the session cookie, not only the one in this browser.
      if (!token?.sub) return;
      const userId = token.sub;
      await db()
        .$transaction(async (tx) => {
          await tx.user.update({ where: { id: userId }, data: { tokenVersion: { increment: 1 } } });
          await recordAudit({ actorId: userId, action: "user.logout", entity: "user", entityId: userId }, tx);
        })
        .catch(() => {});
    },
  },
};
