// The viewer of a request, re-read from the database every time (see lib/auth/options.ts).
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { forbidden, keyedError } from "@/lib/errors";
import { authOptions } from "@/lib/auth/options";
import type { Viewer } from "@/lib/auth/permissions";

export async function getViewer(): Promise<Viewer | null> {
  const session = (await getServerSession(authOptions)) as { uid?: string; tv?: number } | null;
  if (!session?.uid) return null;
  return viewerFromToken(session.uid, session.tv);
}

/** A session is valid while its user exists, is enabled and has not bumped its token version. */
export async function viewerFromToken(userId: string, tokenVersion: number | undefined): Promise<Viewer | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, tokenVersion: true },
  });
  if (!user || user.disabledAt || user.tokenVersion !== tokenVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** For server actions and route handlers: throws `unauthenticated` / `forbidden`. */
export async function requireViewer(check?: (viewer: Viewer) => boolean): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw keyedError("unauthenticated", "generic.signIn");
  if (check && !check(viewer)) throw forbidden();
  return viewer;
}

/** For pages: sends anonymous visitors to the sign-in page and others without the right to the start page. */
export async function requirePageViewer(check?: (viewer: Viewer) => boolean): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  if (check && !check(viewer)) redirect("/?denied=1");
  return viewer;
}
