import type { DemoTheme } from "../types";

export const cellulosicBiofuels: DemoTheme = {
  id: "cellulosic-biofuels",
  label: "Cellulosic biofuels",
  labelZh: "纤维素生物燃料",
  trend: { kind: "declining", start: 2012, peak: 2014, height: 11, rise: 0.2, decay: 0.25 },
  countries: { US: 0.34, BR: 0.18, CN: 0.16, DE: 0.08, SE: 0.08, IN: 0.08, CA: 0.04, FR: 0.04 },
  related: ["crispr-gene-editing", "hydrogen-fuel-cells"],
  terms: [
    "cellulosic ethanol", "lignocellulosic biomass", "lignin", "hemicellulose", "cellulase",
    "enzymatic hydrolysis", "pretreatment", "steam explosion", "dilute acid", "fermentation",
    "yeast strain", "Saccharomyces cerevisiae", "xylose", "glucose yield", "corn stover",
    "switchgrass", "miscanthus", "wheat straw", "sugarcane bagasse", "biorefinery", "biofuel",
    "biofuel mandate", "ethanol blending", "distillation", "butanol", "anaerobic digestion",
    "consolidated bioprocessing", "furfural", "enzyme cocktail", "saccharification",
    "perennial grass", "greenhouse gas", "pyrolysis", "bio-oil", "Fischer-Tropsch synthesis",
    "syngas", "gasification", "microbial consortium", "cellulosome", "Zymomonas",
    "solvent fractionation", "feedstock",
  ],
  templates: [
    "We evaluate {t} of {t} and obtain {p}% of the theoretical {t}.",
    "Combining {t} with {t} reduces the {t} required for complete {t}.",
    "A recombinant {t} co-ferments {t} and glucose to {t} at {n} grams per litre.",
    "Inhibitors such as {t} released during {t} limit the {g} of {t}.",
    "Techno-economic {g} suggests that {t} from {t} remains more expensive than ethanol from corn kernels.",
    "Removing {t} before {t} improved the digestibility of {t} by {p}%.",
    "Policy incentives for {t} and {t} weakened after oil prices fell, and several demonstration plants shut down.",
    "Life-cycle {g} shows that {t} from {t} cuts {t} emissions by {p}% relative to gasoline.",
    "We characterise how {t} and {t} affect {t} in a continuous {t}.",
    "Catalytic upgrading of {t} from {t} produced {t} suitable for aviation blendstock.",
  ],
};
