"use server";
// The language switch: remembers the choice in a cookie (and on the signed-in user) and re-renders.
import { cookies } from "next/headers";
import { refresh } from "next/cache";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { getViewer } from "@/lib/auth/session";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, ZLocale } from "@/lib/i18n/config";
import { env } from "@/lib/env";

export async function setLocaleAction(form: FormData): Promise<void> {
  const parsed = ZLocale.safeParse(form.get("locale"));
  if (!parsed.success) return;
  const jar = await cookies();
  jar.set(LOCALE_COOKIE, parsed.data, {
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE,
    sameSite: "lax",
    httpOnly: true,
    secure: env().NEXTAUTH_URL?.startsWith("https://") ?? false,
  });
  const viewer = await getViewer();
  if (viewer) {
    await db().$transaction(async (tx) => {
      await tx.user.update({ where: { id: viewer.id }, data: { locale: parsed.data } });
      await recordAudit({ actorId: viewer.id, action: "user.locale", entity: "user", entityId: viewer.id, data: { locale: parsed.data } }, tx);
    });
  }
  refresh();
}
