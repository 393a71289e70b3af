// An expert's profile as a form or an API sends it: lists may come as one string separated by commas,
// semicolons (also the full-width ones) or new lines.
import { z } from "zod";
import { formMessage } from "@/lib/errors";

const list = (max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.split(/[,;，；、\n]/) : value),
    z
      .array(z.string().trim().max(120, formMessage("entryTooLong")))
      .transform((items) => [...new Set(items.filter(Boolean))])
      .pipe(z.array(z.string()).max(max, `At most ${max} entries`)),
  );

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);

export const ZExpertProfileInput = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    organisation: optionalText(200),
    sector: z.enum(["ACADEMIA", "INDUSTRY", "GOVERNMENT", "OTHER"]).default("OTHER"),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || /^[A-Z]{2}$/.test(v), formMessage("countryCode")),
    fields: list(20).default([]),
    keywords: list(50).default([]),
    bio: optionalText(2000),
  })
  .strict();
export type ExpertProfileInput = z.input<typeof ZExpertProfileInput>;

export const ZNewExpertInput = ZExpertProfileInput.extend({
  email: z.string().trim().toLowerCase().email(formMessage("email")).max(320),
  name: z.string().trim().min(1, formMessage("expertName")).max(200),
});
export type NewExpertInput = z.input<typeof ZNewExpertInput>;
