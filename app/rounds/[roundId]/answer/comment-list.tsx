// Anonymised comments as the panel sees them: the author as "You" or the round's pseudonym
// ("Expert 3", as lib/delphi/pseudonyms.ts names them) in the reader's language, dated to the day.
import { getTranslations } from "next-intl/server";
import { requestLocale } from "@/lib/i18n/request";
import type { ShownComment } from "@/lib/delphi/get-expert-round";
import { day } from "@/app/rounds/format";

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** The pseudonym in words; a name of another shape is shown as it is. */
export function authorName(author: string, t: Translate): string {
  if (author === "You") return t("comments.you");
  const numbered = /^Expert (\d+)$/.exec(author);
  return numbered ? t("comments.expert", { number: numbered[1] }) : author;
}

export async function CommentList({ comments }: { comments: Pick<ShownComment, "author" | "date" | "body">[] }) {
  const t = await getTranslations("rounds");
  const locale = await requestLocale();
  return (
    <ul className="comment-board">
      {comments.map((c, i) => (
        <li key={i}><strong>{authorName(c.author, t)}</strong> <span className="muted">{day(locale, c.date)}</span>: {c.body}</li>
      ))}
    </ul>
  );
}
