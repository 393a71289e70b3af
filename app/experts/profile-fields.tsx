// The profile fields, shared by "add an expert" and "edit a profile".
import { getTranslations } from "next-intl/server";

type Profile = { organisation: string | null; sector: string; country: string | null; fields: string[]; keywords: string[]; bio: string | null } | null;

const SECTORS = ["ACADEMIA", "INDUSTRY", "GOVERNMENT", "OTHER"] as const;

export async function ProfileFields({ profile }: { profile: Profile }) {
  const t = await getTranslations("experts");
  return (
    <>
      <label>{t("organisation")}<input name="organisation" maxLength={200} defaultValue={profile?.organisation ?? ""} /></label>
      <label>
        {t("sector")}
        <select name="sector" defaultValue={profile?.sector ?? "OTHER"}>
          {SECTORS.map((s) => <option key={s} value={s}>{t(`sectors.${s}`)}</option>)}
        </select>
      </label>
      <label>{t("countryField")}<input name="country" maxLength={2} defaultValue={profile?.country ?? ""} style={{ width: 80 }} /></label>
      <label>{t("fields")}<input name="fields" defaultValue={profile?.fields.join(", ") ?? ""} /></label>
      <label>{t("keywords")}<textarea name="keywords" rows={2} defaultValue={profile?.keywords.join(", ") ?? ""} /></label>
      <label>{t("bio")}<textarea name="bio" rows={3} maxLength={2000} defaultValue={profile?.bio ?? ""} /></label>
    </>
  );
}
