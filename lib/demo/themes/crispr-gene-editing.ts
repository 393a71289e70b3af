import type { DemoTheme } from "../types";

export const crisprGeneEditing: DemoTheme = {
  id: "crispr-gene-editing",
  label: "CRISPR gene editing",
  labelZh: "CRISPR基因编辑",
  trend: { kind: "mature", start: 2012, midpoint: 2016, plateau: 8, steepness: 0.9 },
  countries: { US: 0.36, CN: 0.28, GB: 0.07, DE: 0.06, JP: 0.06, KR: 0.05, FR: 0.04, NL: 0.04, CH: 0.04 },
  related: ["cellulosic-biofuels", "brain-computer-interfaces"],
  terms: [
    "CRISPR", "Cas9 nuclease", "Cas12a", "guide RNA", "sgRNA", "base editing", "base editor",
    "prime editing", "genome editing", "gene knockout", "off-target cleavage", "double-strand break",
    "homology-directed repair", "protospacer adjacent motif", "cytidine deaminase",
    "adenine deaminase", "AAV vector", "lipid nanoparticle", "delivery vector",
    "ribonucleoprotein complex", "electroporation", "mosaicism", "indel", "allele",
    "germline editing", "human embryo", "hematopoietic stem", "beta thalassemia", "clinical trial",
    "gene therapy", "epigenome editing", "transcriptional activation", "anti-CRISPR protein",
    "gene drive", "plant breeding", "crop trait", "knockout screen", "mouse model", "editing outcome",
  ],
  templates: [
    "We engineered a {t} that broadens the range of editable sites while reducing {t} by {p}%.",
    "Delivery of {t} by {t} achieved efficient {t} in primary human cells.",
    "Whole-genome sequencing detected no {t} above background, supporting the {g} of {t}.",
    "In a {t}, a single infusion of cells treated with {t} produced durable responses in {n} patients.",
    "Compared with {t}, {t} introduces precise changes without a {t} or donor templates.",
    "We map how {t} and chromatin accessibility shape the {g} of {t}.",
    "A pooled {t} identified {n} genes whose disruption sensitises tumour cells to {t}.",
    "Editing of {t} in {t} yielded lines with improved {t} and no foreign DNA.",
    "Regulatory debate over {t} and {t} continues to shape the {g} of the discipline.",
    "Our {g} combines {t} with computational scoring of {t} for any {t}.",
  ],
};
