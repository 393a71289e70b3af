// Plain predicates: every server action, route handler and page asks these itself.
import type { Role } from "@/lib/generated/prisma/enums";

export type Viewer = { id: string; email: string; name: string; role: Role };

const isAdmin = (v: Viewer) => v.role === "ADMIN";

export const can = {
  manageStudies: isAdmin,
  importDocuments: isAdmin,
  launchScan: isAdmin,
  manageRounds: isAdmin,
  inviteExperts: isAdmin,
  moderateComments: isAdmin,
  /** Study pages, themes, evidence and reports. */
  viewStudy: (v: Viewer) => v.role === "ADMIN" || v.role === "PLANNER",
  viewReports: (v: Viewer) => v.role === "ADMIN" || v.role === "PLANNER",
  /** Back-test the emerging score on a study's documents: it reads the study and changes none of it. */
  runBacktest: (v: Viewer) => v.role === "ADMIN" || v.role === "PLANNER",
  /** Experts answer only rounds they were invited to; that object-level check lives in lib/delphi. */
  answerRounds: (v: Viewer) => v.role === "EXPERT",
  /** Propose relabel / merge / split / delete; experts only on studies whose panel they are on (lib/curation). */
  proposeCuration: (v: Viewer) => v.role === "ADMIN" || v.role === "EXPERT",
  /** Support or oppose another panelist's proposal. */
  voteOnProposals: (v: Viewer) => v.role === "EXPERT",
  decideProposals: isAdmin,
  /** The expert pool: profiles, suggestions, response tracking. */
  manageExperts: isAdmin,
  editExpertProfile: (v: Viewer, userId: string) => v.role === "ADMIN" || (v.role === "EXPERT" && v.id === userId),
};
