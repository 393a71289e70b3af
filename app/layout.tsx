import type { Metadata } from "next";
import Link from "next/link";
import { getViewer } from "@/lib/auth/session";
import { SignOutButton } from "@/app/components/sign-out-button";
import "./globals.css";

export const metadata: Metadata = { title: "Foresight", description: "Technology foresight: data and expert judgement" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  return (
    <html lang="en">
      <body>
        <header className="top">
          <Link href="/" className="brand">Foresight 技术预见</Link>
          <nav aria-label="Main">
            {viewer && viewer.role !== "EXPERT" && <Link href="/studies">Studies</Link>}
            {viewer?.role === "EXPERT" && <Link href="/rounds">My rounds</Link>}
            {viewer?.role === "ADMIN" && <Link href="/outbox">Outbox</Link>}
          </nav>
          {viewer ? (
            <span className="who">
              {viewer.name} · {viewer.role.toLowerCase()} <SignOutButton />
            </span>
          ) : (
            <Link href="/login">Sign in</Link>
          )}
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
