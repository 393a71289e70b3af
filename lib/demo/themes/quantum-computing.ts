import type { DemoTheme } from "../types";

export const quantumComputing: DemoTheme = {
  id: "quantum-computing",
  label: "Quantum computing",
  labelZh: "量子计算",
  trend: { kind: "growing", start: 2012, initial: 1.5, slope: 0.7 },
  countries: { US: 0.38, CN: 0.2, DE: 0.08, GB: 0.08, JP: 0.07, CA: 0.07, NL: 0.05, AU: 0.04, CH: 0.03 },
  related: ["large-language-models", "leo-satellite-internet"],
  terms: [
    "quantum processor", "superconducting qubit", "transmon qubit", "trapped ion", "ion trap",
    "neutral atom", "Rydberg atom", "silicon spin qubit", "photonic qubit", "logical qubit",
    "quantum gate", "entangling gate", "gate fidelity", "quantum error correction", "surface code",
    "bosonic code", "stabilizer", "syndrome", "fault tolerance", "decoherence",
    "coherence lifetime", "entanglement", "superposition", "quantum advantage", "quantum supremacy",
    "dilution refrigerator", "cryogenic electronics", "Josephson junction", "microwave pulse",
    "crosstalk", "leakage", "quantum annealing", "variational eigensolver", "Hamiltonian",
    "randomized benchmarking", "quantum compiler", "qubit coupler", "NISQ", "quantum circuit",
    "Clifford gate", "readout resonator", "tensor contraction", "error mitigation",
  ],
  templates: [
    "We demonstrate a {t} based on {t} with {t} exceeding {p}% across {n} qubits.",
    "Extending a {t} beyond a few hundred qubits requires advances in {t}, {t} and system-level {g}.",
    "Our {g} shows that {t} can be suppressed by {t} without degrading {t}.",
    "Using {t}, we compare {t} on a {t} and observe a clear {g} gap with respect to classical baselines.",
    "Below the threshold, {t} suppresses logical errors exponentially as the distance of the {t} grows.",
    "The {t} is operated inside a {t} at {n} millikelvin and read out through a {t}.",
    "We compile each {t} into native {t} operations and reduce the depth of the {t} by {p}%.",
    "Experimental results confirm that {t} and {t} limit the {g} of the {t} in current devices.",
    "A hybrid scheme couples {t} with classical {g} to estimate molecular energies on a {t}.",
    "These results chart a path from {t} towards {t} and useful {t}.",
  ],
};
