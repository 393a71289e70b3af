import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** For load balancers and docker compose: the app answers and reaches its database. */
export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "database unavailable" }, { status: 503 });
  }
}
