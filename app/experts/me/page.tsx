import { redirect } from "next/navigation";
import { requirePageViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

/** An expert's own profile, from the menu. */
export default async function MyProfilePage() {
  const viewer = await requirePageViewer(can.answerRounds);
  redirect(`/experts/${viewer.id}`);
}
