import type { DemoTheme } from "../types";

export const hydrogenFuelCells: DemoTheme = {
  id: "hydrogen-fuel-cells",
  label: "Hydrogen fuel cells",
  labelZh: "氢燃料电池",
  trend: { kind: "mature", start: 2012, midpoint: 2012, plateau: 6, steepness: 0.6 },
  countries: { JP: 0.24, CN: 0.24, DE: 0.14, KR: 0.14, US: 0.12, FR: 0.04, GB: 0.04, CA: 0.04 },
  related: ["solid-state-batteries", "cellulosic-biofuels"],
  terms: [
    "fuel cell", "fuel cell stack", "proton exchange membrane", "anion exchange membrane",
    "membrane electrode assembly", "microporous layer", "bipolar plate", "platinum catalyst",
    "platinum loading", "PGM-free catalyst", "iridium catalyst", "electrocatalyst",
    "oxygen reduction reaction", "hydrogen evolution", "ionomer", "Nafion", "green hydrogen",
    "water electrolysis", "electrolyzer", "hydrogen storage", "compressed hydrogen tank",
    "hydrogen liquefaction", "hydrogen refueling", "heavy-duty truck", "fuel cell truck",
    "subzero startup", "water management", "catalyst degradation", "carbon support",
    "hydrogen crossover", "ammonia carrier", "methane reforming", "power density",
    "polarization curve", "ohmic loss", "humidification", "durability", "hydrogen economy",
    "stationary power",
  ],
  templates: [
    "We report a {t} that lowers the platinum loading to {p} milligrams per square centimetre while maintaining {t}.",
    "Accelerated stress tests show that {t} and {t} dominate the loss of {t} after {n} hours.",
    "A {t} integrating {t} and a {t} delivered a peak {t} {p}% higher than the commercial reference.",
    "Coupling {t} with renewable electricity makes {t} a candidate for seasonal {t}.",
    "The {g} of the {t} is governed by {t}, {t} and {t} under dynamic load cycles.",
    "We model {t} and {t} in a {t} to inform the {g} of future fleets.",
    "Replacing the {t} with a {t} could cut stack cost by {p}% without sacrificing {t}.",
    "Field data from {n} vehicles show that {t} and {t} limit {t} in winter operation.",
    "Techno-economic modelling indicates that {t} and {t} reduce the levelised price of {t}.",
    "In situ imaging of the {t} reveals how {t} affects {t} and {t}.",
  ],
};
