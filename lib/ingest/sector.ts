// Institution sector (academia / industry / government / other) from an institution or assignee name,
// for the cross-sector collaboration indicators. Words that decide are checked in order: a
// "University Hospital" is academia, a "Research Institute Co., Ltd." industry, a
// "National Hospital" other, a "National Laboratory" government.

export type Sector = "academia" | "industry" | "government" | "other";

// Legal forms and words only companies use; checked first because "… Technology Co., Ltd." also says "Technology".
const INDUSTRY = [
  /\b(?:inc|incorporated|corp|corporation|company|ltd|limited|llc|llp|plc|gmbh|pty|pvt|bhd|sarl)\b/iu,
  /\bco\.?,? ltd\b|\b(?:industries|technologies|enterprises?|holdings?|pharmaceuticals?)\b/iu,
  // Short legal forms are ordinary words elsewhere ("as", "ab"): only as the name's last word, in capitals.
  /\s(?:AG|SA|S\.A\.|AB|AS|ASA|Oy|Oyj|KK|K\.K\.|BV|B\.V\.|NV|N\.V\.|SpA|S\.p\.A\.|Srl|SE|KGaA|SAS)\.?$/u,
  /(?:公司|集团|企业|株式会社|有限会社)/u,
];

const ACADEMIA = [
  /\b(?:univ|university|universit[éäà]t?|universidad|università|universidade|college|school|faculty|polytechnic|politecnico|hochschule|eth|epfl|mit|caltech)\b/iu,
  /\b(?:institute of technology|academy of sciences?|academia|ecole|école)\b/iu,
  /(?:大学|学院|学校|研究生院|科学院)/u,
];

const GOVERNMENT = [
  /\b(?:ministry|minist[eè]re|ministerio|department of (?:energy|defen[cs]e|health|agriculture|commerce|the interior|homeland)|agency|bureau|federal|national (?:laboratory|lab|institutes? of|center|centre|office)|government|govt|commission|council|administration|authority|office of|nasa|nih|nist|cnrs|inserm|csiro|fraunhofer|max planck|riken|a\*star|bundesanstalt|state key laboratory)\b/iu,
  /(?:部|局|委员会|政府|国家.*(?:中心|实验室)|研究所)/u,
];

const OTHER = [/\b(?:hospital|clinic|foundation|association|society|museum|ngo|trust)\b/iu, /(?:医院|基金会|协会|学会)/u];

/**
 * The sector a name belongs to, or null when nothing in it tells.
 * @example inferSector("Samsung SDI Co., Ltd.") // => "industry"
 * @example inferSector("Dept Chem, Tsinghua Univ, Beijing, Peoples R China") // => "academia"
 */
export function inferSector(name: string): Sector | null {
  if (ACADEMIA.some((re) => re.test(name))) return "academia";
  if (INDUSTRY.some((re) => re.test(name))) return "industry";
  if (OTHER.some((re) => re.test(name))) return "other";
  if (GOVERNMENT.some((re) => re.test(name))) return "government";
  return null;
}
