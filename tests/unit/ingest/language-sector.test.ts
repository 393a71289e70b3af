import { describe, expect, it } from "vitest";
import { detectLanguage } from "@/lib/ingest/language";
import { inferSector } from "@/lib/ingest/sector";
import { okRecords, readAll } from "./helpers";

describe("detectLanguage", () => {
  it.each([
    ["An analysis of the interface stability of sulfide electrolytes with lithium metal anodes", "en"],
    ["Untersuchung der Grenzflächenstabilität von Sulfid-Elektrolyten mit Lithium-Metall-Anoden. Wir zeigen, dass eine dünne Beschichtung den Widerstand über viele Zyklen stabil hält.", "de"],
    ["Étude de la stabilité des interfaces entre électrolytes sulfurés et anodes de lithium métallique. Nous montrons qu'un revêtement mince stabilise la résistance au cours des cycles.", "fr"],
    ["Estudio de la estabilidad de la interfaz de electrolitos de sulfuro con ánodos de litio metálico. Mostramos que un recubrimiento delgado mantiene estable la resistencia durante los ciclos.", "es"],
    ["Studio della stabilità dell'interfaccia tra elettroliti a base di solfuri e anodi di litio metallico. Mostriamo che in un rivestimento sottile la resistenza resta stabile.", "it"],
    ["Estudo da estabilidade da interface entre eletrólitos de sulfeto e ânodos de lítio metálico. Mostramos que a resistência permanece estável com um revestimento fino.", "pt"],
    ["Onderzoek naar de stabiliteit van het grensvlak tussen sulfide-elektrolyten en lithiummetaalanodes. We tonen aan dat een dunne coating de weerstand in veel cycli stabiel houdt.", "nl"],
    // Technical English poor in "the" and "of", as abstracts often are.
    ["Closed-loop stimulation via paralysis: a comparative study. Ethical questions about EEG headset, mental privacy and homology-directed repair accompany the move from laboratory to home use.", "en"],
    ["硫化物固态电解质与锂金属负极界面稳定性研究", "zh"],
    ["全固体電池における硫化物電解質の界面安定性", "ja"],
    ["황화물 고체 전해질의 계면 안정성 연구", "ko"],
  ])("%s → %s", (text, code) => {
    expect(detectLanguage(text)).toBe(code);
  });

  it("does not guess from a few words, such as a patent title", () => {
    expect(detectLanguage("Editorial")).toBeNull();
    expect(detectLanguage("Autonomous vehicle driving control apparatus comprising lidar sensor fusion unit")).toBeNull();
  });

  it("fills a record's language when the source gives none", async () => {
    const [record] = okRecords((await readAll("TY  - JOUR\nTI  - Festkörperbatterien: Stand der Technik und künftige Entwicklungen der Energiespeicher\nAB  - Dieser Überblick fasst zusammen, welche Elektrolyte heute verfügbar sind und welche Hürden bleiben.\nER  - \n")).results);
    expect(record.language).toBe("de");
  });
});

describe("inferSector", () => {
  it.each([
    ["Dept Chem, Tsinghua Univ, Beijing 100084, Peoples R China", "academia"],
    ["Samsung SDI Co., Ltd., Yongin, South Korea", "industry"],
    ["Robert Bosch GmbH, Renningen, Germany", "industry"],
    ["Toyota Motor Corporation", "industry"],
    ["Siemens AG", "industry"],
    ["宁德时代新能源科技股份有限公司", "industry"],
    ["中国科学院物理研究所", "academia"],
    ["Oak Ridge National Laboratory, Oak Ridge, TN 37831 USA", "government"],
    ["US Department of Energy, Washington, DC", "government"],
    ["Massachusetts General Hospital, Boston, MA", "other"],
    ["NOAA, Boulder, CO 80305 USA", null],
    ["Department of Physics, University of Oxford", "academia"],
  ])("%s → %s", (name, sector) => {
    expect(inferSector(name)).toBe(sector);
  });
});
