/**
 * Opioid ingredients the engine recognises by name or ingredient RxCUI (RxNorm IN codes, as in OMTK and
 * shared/data/mme/conversion_factors.csv). Used to decide whether an order is an opioid at all and to
 * parse RxNorm clinical-drug names when an RxCUI is not in the drug table.
 */
export const OPIOID_INGREDIENT_RXCUI: Readonly<Record<string, string>> = {
  alfentanil: '480',
  benzhydrocodone: '2001352',
  buprenorphine: '1819',
  butorphanol: '1841',
  codeine: '2670',
  dihydrocodeine: '23088',
  fentanyl: '4337',
  hydrocodone: '5489',
  hydromorphone: '3423',
  levomethadyl: '237005',
  levorphanol: '6378',
  meperidine: '6754',
  methadone: '6813',
  morphine: '7052',
  nalbuphine: '7238',
  oliceridine: '2392230',
  opium: '7676',
  oxycodone: '7804',
  oxymorphone: '7814',
  pentazocine: '8001',
  propoxyphene: '8785',
  remifentanil: '73032',
  sufentanil: '56795',
  tapentadol: '787390',
  tramadol: '10689',
};

const BY_RXCUI = new Map(Object.entries(OPIOID_INGREDIENT_RXCUI).map(([name, rxcui]) => [rxcui, name]));

/** Opioid ingredient name of an ingredient RxCUI, if it is one. */
export function opioidNameOfRxcui(rxcui: string): string | undefined {
  return BY_RXCUI.get(rxcui);
}

// Word boundaries keep "benzhydrocodone" from matching hydrocodone and "dihydrocodeine" from matching codeine.
// "pethidine" is the INN of meperidine. Case-insensitive, so tall-man letters (oxyCODONE, HYDROcodone) match.
const NAME_PATTERN = new RegExp(`\\b(${[...Object.keys(OPIOID_INGREDIENT_RXCUI), 'pethidine'].join('|')})\\b`, 'gi');

/** Every opioid ingredient named in a text, in order of appearance, with its position. */
export function findOpioidNames(text: string): { name: string; index: number }[] {
  const found: { name: string; index: number }[] = [];
  for (const m of text.matchAll(NAME_PATTERN)) {
    const name = m[1].toLowerCase();
    found.push({ name: name === 'pethidine' ? 'meperidine' : name, index: m.index ?? 0 });
  }
  return found;
}

/**
 * US brand names of opioid products, with the generic words the name parser needs (ingredient, naloxone,
 * form). An order written only as "Percocet 5/325 tablet" or "Suboxone 8 mg-2 mg film" must not vanish from
 * the MME list: it is recognised as an opioid (and MOUD where it is one) and, without a readable strength,
 * becomes "unknown" — never 0.
 */
const BRANDS: readonly [RegExp, string][] = [
  [/\b(percocet|endocet|roxicodone|oxycontin|xtampza|oxaydo|percodan|roxybond)\b/i, 'oxycodone'],
  [/\b(vicodin|norco|lortab|lorcet|hysingla|zohydro|xodol|verdrocet)\b/i, 'hydrocodone'],
  [/\b(ms ?contin|kadian|arymo|morphabond)\b/i, 'morphine extended release'],
  [/\b(dilaudid|exalgo)\b/i, 'hydromorphone'],
  [/\b(duragesic)\b/i, 'fentanyl transdermal system'],
  [/\b(actiq|fentora|subsys|abstral|lazanda|onsolis)\b/i, 'fentanyl transmucosal'],
  [/\b(ultram|conzip|ultracet)\b/i, 'tramadol'],
  [/\b(nucynta)\b/i, 'tapentadol'],
  [/\b(opana)\b/i, 'oxymorphone'],
  [/\b(dolophine|methadose|diskets)\b/i, 'methadone'],
  [/\b(demerol)\b/i, 'meperidine'],
  [/\b(tylenol (with|w\/|#) ?codeine|tylenol ?#\s?[34])\b/i, 'codeine'],
  [/\b(apadaz)\b/i, 'benzhydrocodone'],
  [/\b(talwin)\b/i, 'pentazocine'],
  [/\b(dsuvia)\b/i, 'sufentanil sublingual tablet'],
  [/\b(olinvyk)\b/i, 'oliceridine injection'],
  [/\b(suboxone|bunavail)\b/i, 'buprenorphine and naloxone sublingual film'],
  [/\b(zubsolv)\b/i, 'buprenorphine and naloxone sublingual tablet'],
  [/\b(subutex)\b/i, 'buprenorphine sublingual tablet'],
  [/\b(sublocade|brixadi)\b/i, 'buprenorphine extended-release injection'],
  [/\b(probuphine)\b/i, 'buprenorphine implant'],
  [/\b(butrans)\b/i, 'buprenorphine transdermal system'],
  [/\b(belbuca)\b/i, 'buprenorphine buccal film'],
  [/\b(buprenex)\b/i, 'buprenorphine injection'],
];

/** The text with the generic words of the brand it names inserted after the brand (unchanged otherwise). */
export function expandBrandNames(text: string): string {
  if (findOpioidNames(text).length) return text;
  for (const [pattern, generic] of BRANDS) {
    const m = pattern.exec(text);
    if (m) return `${text.slice(0, m.index + m[0].length)} (${generic})${text.slice(m.index + m[0].length)}`;
  }
  return text;
}
