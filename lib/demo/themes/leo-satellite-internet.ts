import type { DemoTheme } from "../types";

export const leoSatelliteInternet: DemoTheme = {
  id: "leo-satellite-internet",
  label: "Low-earth-orbit satellite internet",
  labelZh: "低轨卫星互联网",
  trend: { kind: "emerging", start: 2016, initial: 1.5, growth: 0.28 },
  countries: { US: 0.45, CN: 0.22, GB: 0.1, FR: 0.06, CA: 0.05, JP: 0.04, DE: 0.04, IN: 0.04 },
  related: ["quantum-computing", "large-language-models"],
  terms: [
    "LEO constellation", "mega-constellation", "LEO satellite", "satellite broadband",
    "satellite internet", "inter-satellite link", "optical inter-satellite link",
    "electronically steered antenna", "user terminal", "ground station", "gateway", "Ka-band",
    "Ku-band", "spectrum sharing", "orbital debris", "collision avoidance", "handover",
    "Doppler shift", "downlink", "uplink", "beam hopping", "spot beam", "direct handset access",
    "launch cadence", "reusable rocket", "orbital plane", "routing", "latency", "rain fade",
    "link budget", "backhaul", "rural connectivity", "space segment", "deorbit",
    "atmospheric drag", "frequency coordination", "waveform", "OFDM", "regenerative payload",
    "channel capacity", "NTN", "geostationary interference",
  ],
  templates: [
    "We design a {t} for a {t} that sustains {n} megabits per second per user under {t}.",
    "Simulation of a {n}-satellite {t} shows that {t} reduces {t} by {p}%.",
    "{t} and {t} must be coordinated with {t} to avoid harmful {t}.",
    "Frequent {t} caused by rapid orbital motion challenges {t} and {t}.",
    "We propose a {g} for {t} that jointly optimises {t} and {t}.",
    "Measurements from {n} user terminals in remote regions show median {t} below {n} milliseconds.",
    "Growing {t} raises concerns about {t} and the long-term sustainability of {t}.",
    "Integrating {t} into {t} would allow ordinary phones to connect through the {t}.",
    "A {t} with {t} compensates {t} on both {t} and {t}.",
    "Regulators are revising {t} rules as {t} and {t} expand.",
  ],
};
