import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";

export default async function Home() {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  redirect(viewer.role === "EXPERT" ? "/rounds" : "/studies");
}
