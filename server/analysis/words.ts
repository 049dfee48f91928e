/**
 * The words the analysis speaks in (insight cards, suggestion reasons), German and English.
 * The client shows the text of its language; both come from one place so they stay in step.
 */
export type Lang = 'de' | 'en';
export interface Text {
  de: string;
  en: string;
}

const CATEGORY: Record<string, Text> = {
  companies: { de: 'Unternehmen', en: 'companies' },
  research: { de: 'Forschung und Hochschulen', en: 'research and higher education' },
  education: { de: 'Schulen und Bildungsträger', en: 'schools and education providers' },
  chambers: { de: 'Kammern und Verbände', en: 'chambers and associations' },
  administration: { de: 'Verwaltung und Wirtschaftsförderung', en: 'public administration' },
  civil_society: { de: 'Zivilgesellschaft', en: 'civil society' },
};

export const categoryName = (key: string, lang: Lang): string => CATEGORY[key]?.[lang] ?? key;

const number = (n: number, lang: Lang) => n.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });

/** "A, B und C" / "A, B and C". */
export function list(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'de' ? ' und ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

/** "In Leipzig", "Im Landkreis Görlitz", "Im Kyffhäuserkreis". */
function inRegion(name: string): string {
  if (/^(Landkreis|Kreis|Regionalverband) /.test(name)) return `Im ${name}`;
  if (/kreis$/.test(name)) return `Im ${name}`;
  return `In ${name}`;
}

export const say = {
  parts: (count: number, biggest: readonly string[]): Text => ({
    de: `Das Netzwerk zerfällt in ${count} getrennte Teile, die untereinander nicht kooperieren: ${list(biggest, 'de')}.`,
    en: `The network falls into ${count} separate parts that do not cooperate with one another: ${list(biggest, 'en')}.`,
  }),
  partName: (region: string, actors: number): Text => ({
    de: `${region} (${actors} Akteure)`,
    en: `${region} (${actors} actors)`,
  }),
  bridge: (part: string, broker: string, cutOff: number): Text => ({
    de: `Im Netz ${part} ist ${broker} die Brücke: ohne sie ${cutOff === 1 ? 'verliert 1 Akteur' : `verlieren ${cutOff} Akteure`} die Verbindung.`,
    en: `In the ${part} network, ${broker} is the bridge: without it, ${cutOff === 1 ? '1 actor loses its' : `${cutOff} actors lose their`} connection.`,
  }),
  hub: (part: string, broker: string): Text => ({
    de: `Im Netz ${part} vermittelt ${broker} am meisten (höchste Zwischenzentralität); das Netz hängt aber nicht an diesem Akteur allein.`,
    en: `In the ${part} network, ${broker} brokers the most (highest betweenness), but the network does not hang on this actor alone.`,
  }),
  noTie: (a: string, b: string, why: Text | null): Text => ({
    de: `${a} hat keine Kooperation mit ${b}${why ? `, obwohl ${why.de}` : ''}.`,
    en: `${a} has no cooperation with ${b}${why ? `, although ${why.en}` : ''}.`,
  }),
  fewTies: (a: string, b: string, observed: number, expected: number): Text => ({
    de: `Zwischen ${a} und ${b} gibt es ${observed === 1 ? 'nur 1 Verbindung' : `nur ${observed} Verbindungen`}, erwartet wären ${number(expected, 'de')}.`,
    en: `${a} and ${b} have only ${observed === 1 ? '1 tie' : `${observed} ties`}, where ${number(expected, 'en')} would be expected.`,
  }),
  because: (neighbours: boolean, programmes: readonly string[]): Text | null => {
    if (!neighbours && programmes.length === 0) return null;
    const de: string[] = [];
    const en: string[] = [];
    if (neighbours) {
      de.push('beide nah beieinander liegen');
      en.push('they are close to each other');
    }
    if (programmes.length > 0) {
      de.push(`beide an „${programmes[0]}“ beteiligt sind`);
      en.push(`both take part in “${programmes[0]}”`);
    }
    return { de: de.join(' und '), en: en.join(' and ') };
  },
  noActors: (region: string, programmes: readonly string[], filtered: boolean): Text =>
    filtered
      ? {
          de: `${region} ist Zielregion von ${list(programmes.map((p) => `„${p}“`), 'de')}, aber in der aktuellen Auswahl ist dort kein Akteur.`,
          en: `${region} is a target region of ${list(programmes.map((p) => `“${p}”`), 'en')}, but the current selection has no actor there.`,
        }
      : {
          de: `${region} ist Zielregion von ${list(programmes.map((p) => `„${p}“`), 'de')}, aber dort ist noch kein Akteur erfasst.`,
          en: `${region} is a target region of ${list(programmes.map((p) => `“${p}”`), 'en')}, but no actor there is recorded yet.`,
        },
  missing: (region: string, categories: readonly string[]): Text => ({
    de: `${inRegion(region)} fehlen ${list(categories.map((c) => categoryName(c, 'de')), 'de')}.`,
    en: `${region} has no ${list(categories.map((c) => categoryName(c, 'en')), 'en')}.`,
  }),
  unconnected: (region: string, categories: readonly string[]): Text => ({
    de: `${inRegion(region)} sind ${list(categories.map((c) => categoryName(c, 'de')), 'de')} vorhanden, aber mit niemandem verbunden.`,
    en: `${region} has ${list(categories.map((c) => categoryName(c, 'en')), 'en')}, but none of them is tied to anyone.`,
  }),
  isolates: (count: number, examples: readonly string[]): Text =>
    count === 1
      ? { de: `${examples[0]} hat noch keine Kooperation.`, en: `${examples[0]} has no cooperation yet.` }
      : {
          de: `${count} Akteure haben noch keine Kooperation, z. B. ${list(examples, 'de')}.`,
          en: `${count} actors have no cooperation yet, e.g. ${list(examples, 'en')}.`,
        },
  liaison: (actor: string, pairs: number): Text => ({
    de: `${actor} verbindet am häufigsten Partner aus anderen Regionen, die sonst nicht verbunden sind (${pairs === 1 ? '1 Paar' : `${pairs} Paare`}).`,
    en: `${actor} most often links partners from other regions who are not otherwise tied (${pairs === 1 ? '1 pair' : `${pairs} pairs`}).`,
  }),
  commonPartners: (count: number, examples: readonly string[]): Text => ({
    de: `${count} gemeinsame${count === 1 ? 'r' : ''} Partner (${list(examples, 'de')})`,
    en: `${count} common partner${count === 1 ? '' : 's'} (${list(examples, 'en')})`,
  }),
  complementary: (a: string, b: string): Text => ({
    de: `${categoryName(a, 'de')} treffen ${categoryName(b, 'de')}`,
    en: `${categoryName(a, 'en')} meet ${categoryName(b, 'en')}`,
  }),
  bridgesGap: (a: string, b: string): Text => ({
    de: `würde ${a} und ${b} verbinden, die bisher nicht kooperieren`,
    en: `would link ${a} and ${b}, which do not cooperate yet`,
  }),
};
