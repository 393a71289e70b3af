// One entry per endpoint the app has (discover.ts): who may call it (policy.ts) and how to call it
// validly. `prepare` runs before every single call and makes fresh state where the call consumes it
// (a draft round to open, a proposal to accept), so a refusal can only come from who is asking. An
// endpoint without an entry fails the matrix with "no fixture for …"; an entry without an endpoint
// fails it too, so the table always describes the app as it is.
import { anyOf, everyone, only, permission, signedIn, type Persona, type Policy } from "./policy";
import { currentThemeIds, freshAlert, freshAttributedRound, freshComment, freshDraftRound, freshOpenRound, freshProposal, freshReportTemplate, freshStudy, uniqueEmail, type World } from "./world";
import type { Visitor } from "./http-client";

export type Context = { world: World; persona: Persona; visitor: Visitor };

/** One call: path parameters (pages, routes, and the page an action is posted to), query, body or action arguments. */
export type Prepared = {
  params?: Record<string, string>;
  query?: string;
  body?: BodyInit;
  headers?: Record<string, string>;
  args?: unknown[];
  /** Shown in reports: what this variant is. */
  variant?: string;
};

export type Fixture = {
  policy: Policy;
  prepare?: (context: Context) => Promise<Prepared | Prepared[]> | Prepared | Prepared[];
  /**
   * For state-changing route handlers: the request a cross-site page could forge when it differs from
   * the fixture's (next-auth's own CSRF token cannot be known to another site).
   */
  forged?: (context: Context) => Promise<Prepared> | Prepared;
};

export function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

/** Path parameters every page and action can be filled with: study S, its open round 2, expert A. */
export function defaultParams(world: World): Record<string, string> {
  return {
    studyId: world.study.id,
    roundId: world.openRound.id,
    userId: world.experts.A.id,
    themeId: world.study.themeIds[0],
    token: world.invitationToken,
    importId: world.study.importId,
    dataset: "documents",
    nextauth: "session",
    reportId: world.reportId,
  };
}

const ownStudyExpert = (name: "answerRounds" | "proposeCuration" | "voteOnProposals") => permission(name, { onlyOwnStudy: true });
const curationReader = anyOf(permission("viewStudy"), ownStudyExpert("proposeCuration"));
const adminId = (c: Context) => c.world.admin.id;

const RIS = "TY  - JOUR\nAU  - Doe, Jane\nTI  - Solid-state battery separators\nPY  - 2024\nER  - \n";

export const FIXTURES: Record<string, Fixture> = {
  // ───────────── route handlers ─────────────
  "route GET /api/auth/[...nextauth]": { policy: everyone, prepare: () => [{ params: { nextauth: "session" } }, { params: { nextauth: "csrf" } }, { params: { nextauth: "providers" } }] },
  "route POST /api/auth/[...nextauth]": {
    policy: everyone,
    // Refreshing one's own session (next-auth's POST /session) needs the caller's CSRF token.
    prepare: async ({ visitor }) => ({
      params: { nextauth: "session" },
      body: new URLSearchParams({ csrfToken: visitor.csrfToken ?? (await visitor.fetchCsrfToken()) }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    }),
    // A cross-site form can post a sign-out but cannot know the token.
    forged: () => ({ params: { nextauth: "signout" }, body: new URLSearchParams({ callbackUrl: "/" }), headers: { "content-type": "application/x-www-form-urlencoded" } }),
  },
  "route GET /api/health": { policy: everyone },
  "route GET /api/imports/[importId]/errors": { policy: permission("viewStudy") },
  "route GET /api/studies/[studyId]/activity": { policy: permission("viewStudy") },
  "route GET /api/studies/[studyId]/exports/[dataset]": {
    policy: permission("viewStudy"),
    prepare: ({ world }) => [
      ...["documents", "themes", "theme-years"].map((dataset) => ({ params: { dataset }, variant: dataset })),
      ...["items", "statistics", "answers"].map((dataset) => ({ params: { dataset }, query: `?round=${world.closedRound.id}`, variant: dataset })),
      { params: { dataset: "themes" }, query: "?format=xlsx", variant: "themes.xlsx" },
    ],
  },
  "route PUT /api/studies/[studyId]/imports": {
    policy: permission("importDocuments"),
    prepare: async (c) => ({ params: { studyId: (await freshStudy(adminId(c))).id }, query: "?name=matrix.ris&format=ris", body: RIS, headers: { "content-type": "application/octet-stream" } }),
  },
  // Who gave which answer: admins only, and only for a round the study's attribution covers.
  "route GET /rounds/[roundId]/answers-by-expert": {
    policy: permission("manageRounds"),
    prepare: async ({ world }) => ({ params: { roundId: (await freshAttributedRound(world.admin)).roundId } }),
  },
  "route GET /rounds/[roundId]/report/json": { policy: permission("viewReports"), prepare: ({ world }) => ({ params: { roundId: world.closedRound.id } }) },
  "route GET /studies/[studyId]/report/download": {
    policy: permission("viewReports"),
    prepare: ({ world }) => [{ variant: "whole study" }, { query: `?round=${world.closedRound.id}`, variant: "round 1" }],
  },
  "route GET /studies/[studyId]/reports/[reportId]/download": { policy: permission("viewReports") },

  // ───────────── server actions ─────────────
  "action app/components/language-actions.ts#setLocaleAction": { policy: everyone, prepare: () => ({ args: [form({ locale: "en" })] }) },
  "action app/experts/actions.ts#addExpertAction": {
    policy: permission("manageExperts"),
    prepare: () => ({ args: [null, form({ email: uniqueEmail("added"), name: "Added Expert", sector: "ACADEMIA", keywords: "battery" })] }),
  },
  "action app/experts/actions.ts#updateProfileAction": {
    policy: only(["admin", "invitedExpert"], "can.editExpertProfile: the admin, or the expert whose profile it is"),
    prepare: ({ world }) => ({ args: [world.experts.A.id, null, form({ name: world.experts.A.name, organisation: "Matrix Institute", sector: "ACADEMIA", country: "CN", fields: "energy", keywords: "battery" })] }),
  },
  "action app/experts/actions.ts#inviteToRoundAction": {
    policy: permission("inviteExperts"),
    prepare: async (c) => {
      const round = await freshDraftRound(adminId(c));
      return { args: [round.studyId, round.roundId, uniqueEmail("suggested")], params: { studyId: round.studyId } };
    },
  },
  "action app/rounds/[roundId]/actions.ts#inviteExpertAction": {
    policy: permission("inviteExperts"),
    prepare: async (c) => {
      const round = await freshDraftRound(adminId(c));
      return { args: [round.roundId, null, form({ email: uniqueEmail("invited"), name: "Invited Person" })], params: { roundId: round.roundId } };
    },
  },
  "action app/rounds/[roundId]/actions.ts#openRoundAction": {
    policy: permission("manageRounds"),
    prepare: async (c) => {
      const round = await freshDraftRound(adminId(c));
      return { args: [round.roundId, null], params: { roundId: round.roundId } };
    },
  },
  "action app/rounds/[roundId]/actions.ts#closeRoundAction": {
    policy: permission("manageRounds"),
    prepare: async (c) => {
      const round = await freshOpenRound(adminId(c));
      return { args: [round.roundId, null], params: { roundId: round.roundId } };
    },
  },
  "action app/rounds/[roundId]/actions.ts#updateRoundAction": {
    policy: permission("manageRounds"),
    prepare: async (c) => {
      const round = await freshDraftRound(adminId(c));
      return { args: [round.roundId, true, null, form({ title: "Renamed round", minN: "4", deadline: "" })], params: { roundId: round.roundId } };
    },
  },
  "action app/rounds/[roundId]/actions.ts#createNextRoundAction": {
    policy: permission("manageRounds"),
    prepare: async (c) => {
      const study = await freshStudy(adminId(c), { themes: true });
      return { args: [study.id, "RATING", null, form({ minN: "3", deadline: "" })] };
    },
  },
  "action app/rounds/[roundId]/actions.ts#configureBlockAction": {
    policy: permission("manageRounds"),
    prepare: async (c) => {
      const round = await freshDraftRound(adminId(c));
      const importance = { q: "importance", "kind:importance": "SCALE", "enabled:importance": "on", "required:importance": "on", "allowDontKnow:importance": "on" };
      const bands = { "agreeLo:importance": "4", "agreeHi:importance": "5", "disagreeLo:importance": "1", "disagreeHi:importance": "2" };
      return { args: [round.roundId, null, form({ ...importance, ...bands })], params: { roundId: round.roundId } };
    },
  },
  "action app/rounds/[roundId]/actions.ts#registerRulesAction": {
    policy: permission("manageRounds"),
    prepare: async (c) => {
      const round = await freshDraftRound(adminId(c));
      return { args: [round.studyId, round.roundId, null, form({ questionKey: "importance", iqr: "on", iqrMax: "1", comet: "on" })], params: { roundId: round.roundId } };
    },
  },
  "action app/rounds/[roundId]/actions.ts#addItemAction": {
    policy: permission("manageRounds"),
    prepare: async (c) => {
      const round = await freshDraftRound(adminId(c));
      return { args: [round.roundId, null, form({ title: "An admin item", description: "Written by the admin" })], params: { roundId: round.roundId } };
    },
  },
  "action app/rounds/[roundId]/actions.ts#removeItemAction": {
    policy: permission("manageRounds"),
    prepare: async (c) => {
      const round = await freshDraftRound(adminId(c));
      return { args: [round.roundId, round.itemIds[0], null], params: { roundId: round.roundId } };
    },
  },
  "action app/rounds/[roundId]/actions.ts#moderateCommentAction": {
    policy: permission("moderateComments"),
    prepare: async ({ world }) => ({ args: [world.openRound.id, await freshComment(world), "HIDDEN", null] }),
  },
  "action app/rounds/[roundId]/answer/actions.ts#saveAnswersAction": {
    policy: ownStudyExpert("answerRounds"),
    prepare: ({ world }) => {
      const item = world.openRound.itemIds[1];
      return { args: [world.openRound.id, null, form({ [`field:${item}:importance`]: "SCALE", [`answer:${item}:importance`]: "4", intent: "draft" })] };
    },
  },
  "action app/rounds/[roundId]/answer/actions.ts#saveRankingAction": {
    policy: ownStudyExpert("answerRounds"),
    prepare: ({ world }) => {
      const [first, second] = world.rankingRound.itemIds;
      return { args: [world.rankingRound.id, null, form({ [`rank:${first}`]: "1", [`rank:${second}`]: "2" })], params: { roundId: world.rankingRound.id } };
    },
  },
  "action app/rounds/[roundId]/answer/actions.ts#addCommentAction": {
    policy: ownStudyExpert("answerRounds"),
    prepare: ({ world }) => ({ args: [world.openRound.id, world.openRound.itemIds[2], null, form({ body: "A comment from the matrix" })] }),
  },
  "action app/studies/actions.ts#createStudyAction": {
    policy: permission("manageStudies"),
    prepare: () => ({ args: [null, form({ name: `Matrix study ${uniqueEmail("s")}`, question: "Which?", horizonYear: "2040", homeCountry: "CN" })] }),
  },
  "action app/studies/[studyId]/actions.ts#launchScanAction": {
    policy: permission("launchScan"),
    prepare: async (c) => {
      const study = await freshStudy(adminId(c), { documents: 12 });
      return { args: [study.id, null, form({ question: "Which themes?", k: "2", iterations: "10", seed: "1" })], params: { studyId: study.id } };
    },
  },
  "action app/studies/[studyId]/actions.ts#createRoundAction": {
    policy: permission("manageRounds"),
    prepare: async (c) => {
      const study = await freshStudy(adminId(c), { themes: true });
      return { args: [study.id, null, form({ minN: "3", title: "First round" })], params: { studyId: study.id } };
    },
  },
  "action app/studies/[studyId]/alert-actions.ts#setAlertStatusAction": {
    // Object level: only watchers of the study act on its alerts; admin and planner watch S.
    policy: permission("viewStudy"),
    prepare: async ({ world }) => ({ args: [world.study.id, await freshAlert(world), "ACKNOWLEDGED"] }),
  },
  "action app/studies/[studyId]/alert-actions.ts#watchStudyAction": { policy: permission("viewStudy"), prepare: ({ world }) => ({ args: [world.study.id, true] }) },
  "action app/studies/[studyId]/alert-actions.ts#updateAlertThresholdsAction": {
    policy: permission("manageStudies"),
    prepare: async (c) => {
      const study = await freshStudy(adminId(c), { themes: true });
      return { args: [study.id, null, form({ emergingScoreMin: "2", growthMinPercent: "40", volumeMax: "25" })], params: { studyId: study.id } };
    },
  },
  "action app/studies/[studyId]/backtest/actions.ts#startBacktestAction": {
    policy: permission("runBacktest"),
    // Forty documents over 2015–2024 on a study of its own: a small back-test the worker finishes in seconds.
    prepare: async (c) => {
      const study = await freshStudy(adminId(c), { documents: 40 });
      return { args: [study.id, null, form({ until: "2021", horizon: "3", k: "3", iterations: "10", seed: "1" })], params: { studyId: study.id } };
    },
  },
  "action app/studies/[studyId]/anonymity-actions.ts#updateAnonymityAction": {
    policy: permission("manageStudies"),
    prepare: async (c) => {
      const study = await freshStudy(adminId(c), { themes: true });
      return { args: [study.id, null, form({ adminAttribution: "true" })], params: { studyId: study.id } };
    },
  },
  "action app/studies/[studyId]/themes/actions.ts#proposeAction": {
    policy: ownStudyExpert("proposeCuration"),
    prepare: async ({ world }) => {
      const [themeId] = await currentThemeIds(world.study.id);
      return { args: [world.study.id, null, form({ kind: "RELABEL", themeId, label: "A better label", reason: "The machine label is too generic" })] };
    },
  },
  "action app/studies/[studyId]/themes/actions.ts#voteAction": {
    policy: ownStudyExpert("voteOnProposals"),
    prepare: async ({ world }) => ({ args: [world.study.id, await freshProposal(world, world.experts.B), true] }),
  },
  "action app/studies/[studyId]/themes/actions.ts#acceptAction": {
    policy: permission("decideProposals"),
    prepare: async ({ world }) => ({ args: [world.study.id, await freshProposal(world, world.experts.B)] }),
  },
  "action app/studies/[studyId]/themes/actions.ts#rejectAction": {
    policy: permission("decideProposals"),
    prepare: async ({ world }) => ({ args: [world.study.id, await freshProposal(world, world.experts.B), null, form({ note: "Not convincing" })] }),
  },
  "action app/studies/[studyId]/themes/actions.ts#withdrawAction": {
    policy: only(["invitedExpert"], "the author of the proposal (expert A)"),
    prepare: async ({ world }) => ({ args: [world.study.id, await freshProposal(world, world.experts.A)] }),
  },
  "action app/studies/[studyId]/themes/actions.ts#curationSettingsAction": {
    policy: permission("manageStudies"),
    prepare: async (c) => {
      const study = await freshStudy(adminId(c), { themes: true });
      return { args: [study.id, null, form({ minVotes: "3", minSharePercent: "60" })], params: { studyId: study.id } };
    },
  },
  "action app/studies/[studyId]/reports/actions.ts#saveTemplateAction": {
    policy: permission("manageStudies"),
    prepare: ({ world }) => ({ args: [world.study.id, null, null, form({ kind: "STUDY_CONSENSUS", name: `Template ${uniqueEmail("t")}`, schedule: "" })] }),
  },
  "action app/studies/[studyId]/reports/actions.ts#deleteTemplateAction": {
    policy: permission("manageStudies"),
    prepare: async ({ world }) => ({ args: [world.study.id, await freshReportTemplate(world.study.id)] }),
  },
  "action app/studies/[studyId]/reports/actions.ts#generateNowAction": {
    policy: permission("manageStudies"),
    prepare: async ({ world }) => ({ args: [world.study.id, await freshReportTemplate(world.study.id)] }),
  },

  // ───────────── pages ─────────────
  "page /": { policy: signedIn },
  "page /login": { policy: everyone },
  "page /invite/[token]": { policy: everyone },
  "page /experts": { policy: permission("manageExperts") },
  "page /experts/me": { policy: permission("answerRounds") },
  "page /experts/[userId]": { policy: only(["admin", "invitedExpert"], "can.editExpertProfile: the admin, or the expert whose profile it is") },
  "page /experts/study/[studyId]": { policy: permission("manageExperts") },
  "page /outbox": { policy: permission("inviteExperts") },
  "page /rounds": { policy: permission("answerRounds") },
  "page /rounds/[roundId]": { policy: permission("manageRounds") },
  "page /rounds/[roundId]/answer": { policy: ownStudyExpert("answerRounds"), prepare: ({ world }) => [{ variant: "rating" }, { params: { roundId: world.rankingRound.id }, variant: "ranking" }] },
  "page /rounds/[roundId]/report": { policy: permission("viewReports"), prepare: ({ world }) => ({ params: { roundId: world.closedRound.id } }) },
  "page /studies": { policy: permission("viewStudy") },
  "page /studies/[studyId]": { policy: permission("viewStudy") },
  "page /studies/[studyId]/dashboard": { policy: permission("viewStudy") },
  "page /studies/[studyId]/backtest": { policy: permission("viewStudy") },
  "page /studies/[studyId]/dashboard/documents": { policy: permission("viewStudy") },
  "page /studies/[studyId]/themes": { policy: curationReader },
  "page /studies/[studyId]/themes/versions": { policy: curationReader },
  "page /studies/[studyId]/themes/[themeId]": { policy: permission("viewStudy") },
  "page /studies/[studyId]/report": { policy: permission("viewReports"), prepare: ({ world }) => [{ variant: "whole study" }, { query: `?round=${world.closedRound.id}`, variant: "round 1" }] },
  "page /studies/[studyId]/reports": { policy: permission("viewReports") },
  "page /studies/[studyId]/reports/[reportId]": { policy: permission("viewReports") },
};
