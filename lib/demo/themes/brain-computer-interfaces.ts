import type { DemoTheme } from "../types";

export const brainComputerInterfaces: DemoTheme = {
  id: "brain-computer-interfaces",
  label: "Brain–computer interfaces",
  labelZh: "脑机接口",
  trend: { kind: "growing", start: 2012, initial: 0.5, slope: 0.55 },
  countries: { US: 0.4, CN: 0.24, DE: 0.07, CH: 0.06, GB: 0.06, NL: 0.05, JP: 0.05, KR: 0.04, AU: 0.03 },
  related: ["large-language-models", "crispr-gene-editing"],
  terms: [
    "brain-computer interface", "electroencephalography", "EEG headset", "electrocorticography",
    "intracortical implant", "microelectrode array", "Utah array", "flexible probe",
    "neural decoder", "motor imagery", "spike sorting", "cortical oscillation", "SSVEP",
    "oddball speller", "cursor", "neuroprosthesis", "speech neuroprosthesis", "spinal cord injury",
    "paralysis", "closed-loop stimulation", "deep brain stimulation", "neural recording",
    "neuroplasticity", "hand movement", "participant", "wireless implant", "dry sensor",
    "non-invasive headset", "neurotechnology", "fNIRS", "neurofeedback", "stroke rehabilitation",
    "prosthetic arm", "neural signal", "motor cortex", "amyotrophic lateral sclerosis",
    "decoder recalibration", "hermetic packaging", "evoked response", "neural population",
  ],
  templates: [
    "We present a {t} that decodes {t} from {t} with {p}% accuracy in real time.",
    "A {t} implanted in a {t} with {t} enabled typing at {n} characters per minute.",
    "Compared with {t}, {t} offers higher spatial resolution but requires surgery.",
    "Our {t} adapts to {t} across sessions, removing the need for daily {t}.",
    "Long-term {t} with the {t} degrades as scar tissue forms around the {t}.",
    "Combining {t} with {t} restored {t} in {n} volunteers after {t}.",
    "We investigate how {t} and {t} shape {t} during {t}.",
    "The {g} of the {t} depends on {t}, contact impedance and {t}.",
    "Ethical questions about {t}, mental privacy and {t} accompany the move from laboratory to home use.",
    "A miniaturised {t} transmits {t} through {t} to an external receiver.",
  ],
};
