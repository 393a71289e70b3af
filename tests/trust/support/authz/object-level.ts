// Object-level attacks by expert A, who is signed in and on study S's panel: the same endpoints A may
// use, but pointed by id at another expert's objects or at a round and study A was never invited to.
import { db } from "@/lib/db";
import { form, type Prepared } from "./fixtures";
import type { World } from "./world";

export type CrossObjectCall = { what: string; endpoint: string; prepared: Prepared };

const ANSWER = "action app/rounds/[roundId]/answer/actions.ts#saveAnswersAction";
const RANKING = "action app/rounds/[roundId]/answer/actions.ts#saveRankingAction";
const COMMENT = "action app/rounds/[roundId]/answer/actions.ts#addCommentAction";

export async function crossObjectCalls(world: World): Promise<CrossObjectCall[]> {
  const other = world.otherStudy;
  const proposalOfB = await db().curationProposal.findFirstOrThrow({ where: { proposedById: world.experts.B.id, status: "OPEN" } });
  const commentOfB = await db().comment.findFirstOrThrow({ where: { authorId: world.experts.B.id } });
  const [tItem] = other.itemIds;
  const sItem = world.openRound.itemIds[0];
  const answers = (itemId: string) => form({ [`field:${itemId}:importance`]: "SCALE", [`answer:${itemId}:importance`]: "5", intent: "submit" });
  return [
    { what: "answers to the other study's round", endpoint: ANSWER, prepared: { args: [other.roundId, null, answers(tItem)], params: { roundId: other.roundId } } },
    { what: "answers to A's own round naming the other study's item", endpoint: ANSWER, prepared: { args: [world.openRound.id, null, answers(tItem)] } },
    { what: "answers to the other study's round naming A's own item", endpoint: ANSWER, prepared: { args: [other.roundId, null, answers(sItem)], params: { roundId: other.roundId } } },
    { what: "a ranking in the other study's round", endpoint: RANKING, prepared: { args: [other.roundId, null, form({ [`rank:${tItem}`]: "1" })], params: { roundId: other.roundId } } },
    { what: "a comment on the other study's item", endpoint: COMMENT, prepared: { args: [other.roundId, tItem, null, form({ body: "cross-study comment" })], params: { roundId: other.roundId } } },
    { what: "a comment on the other study's item, posted under A's own round id", endpoint: COMMENT, prepared: { args: [world.openRound.id, tItem, null, form({ body: "cross-study comment" })] } },
    {
      what: "expert B's profile",
      endpoint: "action app/experts/actions.ts#updateProfileAction",
      prepared: { args: [world.experts.B.id, null, form({ name: "Taken over", organisation: "Nowhere", sector: "OTHER", keywords: "x" })], params: { userId: world.experts.B.id } },
    },
    {
      what: "expert X's profile (another study's panelist)",
      endpoint: "action app/experts/actions.ts#updateProfileAction",
      prepared: { args: [world.experts.X.id, null, form({ name: "Taken over", organisation: "Nowhere", sector: "OTHER", keywords: "x" })], params: { userId: world.experts.X.id } },
    },
    { what: "withdrawing expert B's proposal", endpoint: "action app/studies/[studyId]/themes/actions.ts#withdrawAction", prepared: { args: [world.study.id, proposalOfB.id] } },
    {
      what: "a curation proposal on the other study",
      endpoint: "action app/studies/[studyId]/themes/actions.ts#proposeAction",
      prepared: { args: [other.id, null, form({ kind: "DELETE", themeId: world.study.themeIds[0], reason: "Not mine to curate" })], params: { studyId: other.id } },
    },
    { what: "moderating expert B's comment", endpoint: "action app/rounds/[roundId]/actions.ts#moderateCommentAction", prepared: { args: [world.openRound.id, commentOfB.id, "HIDDEN", null] } },
    { what: "the answer page of the other study's round", endpoint: "page /rounds/[roundId]/answer", prepared: { params: { roundId: other.roundId } } },
    { what: "expert B's profile page", endpoint: "page /experts/[userId]", prepared: { params: { userId: world.experts.B.id } } },
    { what: "the curation board of the other study", endpoint: "page /studies/[studyId]/themes", prepared: { params: { studyId: other.id } } },
    { what: "the theme versions of the other study", endpoint: "page /studies/[studyId]/themes/versions", prepared: { params: { studyId: other.id } } },
  ];
}

/** Everything an expert has written, to show that nobody else's call changed it. */
export async function expertRows(expertId: string): Promise<string> {
  const [answers, comments, rankings, proposals, profile] = await Promise.all([
    db().answer.findMany({ where: { expertId }, orderBy: { id: "asc" } }),
    db().comment.findMany({ where: { authorId: expertId }, orderBy: { id: "asc" } }),
    db().ranking.findMany({ where: { expertId }, orderBy: { id: "asc" } }),
    db().curationProposal.findMany({ where: { proposedById: expertId }, orderBy: { id: "asc" } }),
    db().expertProfile.findUnique({ where: { userId: expertId } }),
  ]);
  return JSON.stringify({ answers, comments, rankings, proposals, profile });
}
