// Name and institution pools for the demo's authors. Universities are real places an author
// could plausibly sit; companies are invented, so no real firm is credited with a fake patent.
import type { Rng } from "./prng";

type CountryPool = {
  name: string;
  families: readonly string[];
  givens: readonly string[];
  /** "Institution, City". */
  institutions: readonly string[];
  companies: readonly string[];
};

const list = (words: string) => words.split("|");

export const COUNTRY_POOLS: Readonly<Record<string, CountryPool>> = {
  CN: {
    name: "China",
    families: list("Wang|Li|Zhang|Liu|Chen|Yang|Zhao|Huang|Zhou|Wu"),
    givens: list("Wei|Fang|Jing|Lei|Yan|Hao|Xin|Jun|Min|Tao"),
    institutions: list("Tsinghua University, Beijing|Peking University, Beijing|Zhejiang University, Hangzhou|Shanghai Jiao Tong University, Shanghai|University of Science and Technology of China, Hefei"),
    companies: list("Huarui New Energy Technology Co., Ltd., Shenzhen|Zhongke Xinchuang Technology Co., Ltd., Hefei"),
  },
  US: {
    name: "United States",
    families: list("Smith|Johnson|Williams|Brown|Garcia|Miller|Davis|Martinez|Anderson|Taylor"),
    givens: list("Michael|Sarah|David|Jennifer|James|Emily|Robert|Jessica|Daniel|Laura"),
    institutions: list("Massachusetts Institute of Technology, Cambridge, MA|Stanford University, Stanford, CA|University of California, Berkeley, CA|Carnegie Mellon University, Pittsburgh, PA|University of Michigan, Ann Arbor, MI"),
    companies: list("Northfield Technologies Inc., Austin, TX|Bluecrest Systems Corp., San Jose, CA"),
  },
  JP: {
    name: "Japan",
    families: list("Sato|Suzuki|Takahashi|Tanaka|Watanabe|Ito|Yamamoto|Nakamura"),
    givens: list("Hiroshi|Yuki|Takashi|Akiko|Kenji|Naoko|Satoshi|Yumi"),
    institutions: list("The University of Tokyo, Tokyo|Kyoto University, Kyoto|Tohoku University, Sendai|Osaka University, Suita"),
    companies: list("Hoshino Denki Co., Ltd., Nagoya|Asahigawa Industries Ltd., Yokohama"),
  },
  KR: {
    name: "South Korea",
    families: list("Kim|Lee|Park|Choi|Jung|Kang|Cho|Yoon"),
    givens: list("Min-jun|Seo-yeon|Ji-hoon|Ha-eun|Jae-won|Soo-jin|Hyun-woo|Ye-jin"),
    institutions: list("KAIST, Daejeon|Seoul National University, Seoul|POSTECH, Pohang|Yonsei University, Seoul"),
    companies: list("Hanbit Advanced Materials Co., Ltd., Suwon|Daeil Tech Corp., Seongnam"),
  },
  DE: {
    name: "Germany",
    families: list("Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker"),
    givens: list("Lukas|Anna|Jonas|Laura|Felix|Julia|Maximilian|Sophie"),
    institutions: list("Technical University of Munich, Munich|RWTH Aachen University, Aachen|Karlsruhe Institute of Technology, Karlsruhe|Forschungszentrum Jülich, Jülich"),
    companies: list("Rheintal Technik GmbH, Stuttgart|Nordwerk Systeme AG, Hamburg"),
  },
  GB: {
    name: "United Kingdom",
    families: list("Jones|Evans|Thomas|Roberts|Walker|Wright|Hughes|Clarke"),
    givens: list("Oliver|Charlotte|Harry|Amelia|George|Emily|Thomas|Sophie"),
    institutions: list("University of Oxford, Oxford|University of Cambridge, Cambridge|Imperial College London, London|University of Manchester, Manchester"),
    companies: list("Thameside Innovations Ltd., Reading|Pennine Scientific Ltd., Leeds"),
  },
  FR: {
    name: "France",
    families: list("Martin|Bernard|Dubois|Durand|Lefebvre|Moreau|Laurent|Simon"),
    givens: list("Camille|Louis|Léa|Hugo|Chloé|Lucas|Manon|Antoine"),
    institutions: list("CNRS, Paris|Sorbonne University, Paris|Université Grenoble Alpes, Grenoble|École Polytechnique, Palaiseau"),
    companies: list("Valmont Technologies SAS, Lyon|Société Alpine d'Innovation SA, Grenoble"),
  },
  CA: {
    name: "Canada",
    families: list("Tremblay|Gagnon|Roy|Côté|Bouchard|MacDonald|Wilson|Campbell"),
    givens: list("Olivia|Liam|Chloe|Noah|Maya|Ethan|Marie|William"),
    institutions: list("University of Toronto, Toronto|University of British Columbia, Vancouver|McGill University, Montreal|University of Waterloo, Waterloo"),
    companies: list("Maplecrest Labs Inc., Ottawa|Laurentide Systems Inc., Montreal"),
  },
  NL: {
    name: "Netherlands",
    families: list("de Jong|Jansen|de Vries|van den Berg|Bakker|Visser|Smit|Meijer"),
    givens: list("Daan|Sanne|Bram|Lotte|Thijs|Femke|Joris|Eva"),
    institutions: list("Delft University of Technology, Delft|University of Amsterdam, Amsterdam|Eindhoven University of Technology, Eindhoven|Leiden University, Leiden"),
    companies: list("Polderlicht B.V., Eindhoven|Deltaweg Systems B.V., Rotterdam"),
  },
  CH: {
    name: "Switzerland",
    families: list("Meier|Keller|Huber|Brunner|Baumann|Frei|Zimmermann|Gerber"),
    givens: list("Luca|Lea|Noah|Mia|Elias|Nina|Simon|Laura"),
    institutions: list("ETH Zurich, Zurich|EPFL, Lausanne|University of Basel, Basel|University of Geneva, Geneva"),
    companies: list("Alpstein Technologies AG, Zug|Lémanic Devices SA, Lausanne"),
  },
  AU: {
    name: "Australia",
    families: list("Kelly|Mitchell|Harris|Ryan|Murphy|Thompson|White|Nguyen"),
    givens: list("Jack|Chloe|Lachlan|Isla|Cooper|Ruby|Riley|Zoe"),
    institutions: list("University of Sydney, Sydney|University of Melbourne, Melbourne|UNSW Sydney, Sydney|Australian National University, Canberra"),
    companies: list("Southern Cross Photonics Pty Ltd, Brisbane|Banksia Systems Pty Ltd, Perth"),
  },
  IN: {
    name: "India",
    families: list("Sharma|Patel|Singh|Kumar|Gupta|Reddy|Iyer|Nair"),
    givens: list("Aarav|Priya|Rahul|Ananya|Vikram|Kavya|Arjun|Meera"),
    institutions: list("Indian Institute of Science, Bengaluru|Indian Institute of Technology Bombay, Mumbai|Indian Institute of Technology Delhi, New Delhi|Indian Institute of Technology Madras, Chennai"),
    companies: list("Sahyadri Technologies Pvt. Ltd., Pune|Kaveri Systems Pvt. Ltd., Hyderabad"),
  },
  BR: {
    name: "Brazil",
    families: list("Silva|Santos|Oliveira|Souza|Pereira|Costa|Rodrigues|Almeida"),
    givens: list("João|Ana|Pedro|Mariana|Lucas|Beatriz|Gabriel|Juliana"),
    institutions: list("University of São Paulo, São Paulo|University of Campinas, Campinas|Federal University of Rio de Janeiro, Rio de Janeiro|Embrapa, Brasília"),
    companies: list("Cerrado Bioenergia Ltda., Ribeirão Preto|Atlântica Tecnologia S.A., Curitiba"),
  },
  SE: {
    name: "Sweden",
    families: list("Andersson|Johansson|Karlsson|Nilsson|Eriksson|Larsson|Olsson|Persson"),
    givens: list("Erik|Anna|Lars|Maja|Oskar|Elsa|Johan|Ingrid"),
    institutions: list("KTH Royal Institute of Technology, Stockholm|Chalmers University of Technology, Gothenburg|Lund University, Lund|Uppsala University, Uppsala"),
    companies: list("Norrsken Teknik AB, Umeå|Vättern Systems AB, Linköping"),
  },
  SG: {
    name: "Singapore",
    families: list("Tan|Lim|Ng|Ong|Wong|Goh|Chua|Teo"),
    givens: list("Wei Ling|Jun Jie|Hui Min|Kai Xiang|Jia Hui|Zhi Wei|Xin Yi|Ming Hao"),
    institutions: list("National University of Singapore, Singapore|Nanyang Technological University, Singapore|A*STAR Institute of Materials Research and Engineering, Singapore"),
    companies: list("Merlion Deep Tech Pte. Ltd., Singapore|Straits Innovation Pte. Ltd., Singapore"),
  },
};

function poolOf(country: string): CountryPool {
  const pool = COUNTRY_POOLS[country];
  if (!pool) throw new Error(`no name pool for country ${country}`);
  return pool;
}

/** "Family, Given". */
export function personName(rng: Rng, country: string): string {
  const pool = poolOf(country);
  return `${rng.pick(pool.families)}, ${rng.pick(pool.givens)}`;
}

/** "Institution, City, Country". */
export function institutionAffiliation(rng: Rng, country: string): string {
  const pool = poolOf(country);
  return `${rng.pick(pool.institutions)}, ${pool.name}`;
}

/** "Company, City, Country": an invented assignee. */
export function companyAffiliation(rng: Rng, country: string): string {
  const pool = poolOf(country);
  return `${rng.pick(pool.companies)}, ${pool.name}`;
}
