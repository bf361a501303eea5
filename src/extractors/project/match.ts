// Finding project phrases around head nouns. One algorithm for every language, bound to the
// language's lexicon (rules/<lang>/project.json):
//   head-initial (ru, en): adjectives before the head, then complements after it: a quoted name,
//     a route of places joined by dashes, a Latin-script name, capitalised names, genitive words,
//     "по"/"of" + a noun, "в Актау" / "в порту Алят" (the location), "через Афганистан".
//   head-final (kk): the name and modifiers come before the head ("«Нұрлы жол» бағдарламасы",
//     "Транскаспий халықаралық көлік дәлізі").
//
// SPECIFICITY. A generic head alone is not a project: "проекты", "совместные проекты",
// "программа", "портовая инфраструктура" name no particular undertaking. A phrase is kept only
// when it carries a sign that it names one:
//   strong signs (enough for every head): a quoted name, a route of places, a Latin-script name,
//     a capitalised word that does not open the sentence (a proper modifier such as
//     "Транскаспийский", or the head itself written "Программа", "Фонд" mid-sentence), a location
//     ("в Актау"), a complement opened by "по" ("завод по производству сыра"), a gazetteer name;
//   weak signs (enough only for concrete heads: port, plant, railway, pipeline, cable, corridor):
//     a genitive complement, or two descriptive adjectives ("контейнерный хаб" needs more);
//   "weak" heads (проект, программа, центр, фонд, производство...) with only weak signs need a
//     descriptive adjective and a complement of two words or more ("Комплексная программа
//     развития двустороннего сотрудничества").
// Quoted-only heads (kk: жүйе, саясат, операция, бастама...) count only after a quoted name.
import type { ProjectKind } from '../../types.js';
import type { Head, Lexicon } from './lexicon.js';
import { adjacent, isCapitalised, isLatin, sentenceInitial, type Token } from './tokens.js';

export type PhraseRule = 'head-phrase' | 'quoted' | 'route' | 'latin';

export interface Phrase {
  start: number;
  end: number;
  kind: ProjectKind;
  location: string | null;
  rule: PhraseRule;
  confidence: number;
}

interface Signals {
  quote: boolean;
  route: boolean;
  latin: boolean;
  cap: boolean;
  location: boolean;
  prep: boolean;
  complement: number;
  modifiers: number;
  /** A concrete head inside the complement: "проект прокладки ... кабеля". */
  innerHead: boolean;
}

const noSignals = (): Signals => ({
  quote: false, route: false, latin: false, cap: false, location: false, prep: false, complement: 0, modifiers: 0, innerHead: false,
});

/** Index of the token starting at each UTF-16 offset. */
export function startIndex(tokens: Token[]): Map<number, number> {
  return new Map(tokens.map((t, i) => [t.start, i]));
}
export function endIndex(tokens: Token[]): Map<number, number> {
  return new Map(tokens.map((t, i) => [t.end, i]));
}

const isWord = (t: Token | undefined): t is Token => t !== undefined && t.type === 'word';
const capWord = (t: Token | undefined): t is Token => isWord(t) && isCapitalised(t.text);

/** A route of capitalised places joined by dashes, from token i: "Казахстан – Туркменистан – Иран". Returns the last token index or -1. */
export function routeAt(text: string, tokens: Token[], i: number): number {
  if (!capWord(tokens[i])) return -1;
  let j = i;
  let parts = 1;
  while (
    tokens[j + 1]?.type === 'dash' && capWord(tokens[j + 2]) &&
    adjacent(text, tokens[j]!, tokens[j + 1]!) && adjacent(text, tokens[j + 1]!, tokens[j + 2]!)
  ) {
    j += 2;
    parts++;
  }
  return parts >= 2 ? j : -1;
}

/** A capital letter that says "proper name": not the first word of a sentence. */
function capitalSignal(text: string, t: Token): boolean {
  return isCapitalised(t.text) && !sentenceInitial(text, t);
}

function kindOf(lex: Lexicon, head: Head, modifiers: Token[], complement: string): ProjectKind {
  for (const m of modifiers) for (const mk of lex.modifierKinds) if (mk.re.test(m.text)) return mk.kind;
  if (head.kind === 'other') {
    // "проект прокладки глубоководного электрического кабеля": the inner head is more telling.
    const inner = lex.heads.find((h) => h.kind !== 'other' && !h.weak && h.find.test(complement));
    if (inner) return inner.kind;
  }
  return head.kind;
}

function accept(head: Head, s: Signals): boolean {
  const strong = s.quote || s.route || s.latin || s.cap || s.location || s.prep;
  if (head.quotedOnly) return s.quote;
  if (strong) return true;
  if (s.innerHead && s.complement >= 2) return true;
  if (!head.weak) return s.complement > 0 || s.modifiers >= 2;
  return s.modifiers >= 1 && s.complement >= 2;
}

/** The phrase around a head in a head-initial language (ru, en). */
export function headInitialPhrase(text: string, tokens: Token[], hs: number, he: number, head: Head, lex: Lexicon): Phrase | null {
  const s = noSignals();
  // Left: adjectives.
  let ls = hs;
  while (ls - 1 >= 0 && hs - (ls - 1) <= lex.maxLeft) {
    const t = tokens[ls - 1]!;
    if (!isWord(t) || !adjacent(text, t, tokens[ls]!) || !lex.modifier.test(t.text) || lex.notModifier?.test(t.text)) break;
    ls--;
  }
  while (ls < hs && lex.skipModifier?.test(tokens[ls]!.text)) ls++;
  const modifiers = tokens.slice(ls, hs);
  s.modifiers = modifiers.length;
  for (const m of modifiers) if (capitalSignal(text, m) || isLatin(m.text)) s.cap = true;
  for (let k = hs; k <= he; k++) if (capitalSignal(text, tokens[k]!)) s.cap = true;

  // Right: complements.
  let end = he;
  let location: string | null = null;
  const complement: Token[] = [];
  let j = he + 1;
  const next = (k: number) => tokens[k] !== undefined && adjacent(text, tokens[k - 1]!, tokens[k]!);
  // After a name (capitalised words, a route, a Latin name) only a quote, a location or a route may follow.
  let named = false;
  while (next(j)) {
    const t = tokens[j]!;
    if (t.type === 'quote') {
      s.quote = true;
      end = j++;
      if (isWord(tokens[j]) && lex.locationPreps.has(tokens[j]!.text.toLowerCase()) && next(j)) continue;
      break;
    }
    if (t.type !== 'word') break;
    const lw = t.text.toLowerCase();
    const r = routeAt(text, tokens, j);
    if (r >= 0) { s.route = true; named = true; end = r; j = r + 1; continue; }
    if (isLatin(t.text) && lex.lang !== 'en') {
      end = j++;
      while (next(j) && isWord(tokens[j]) && isLatin(tokens[j]!.text)) end = j++;
      s.latin = true;
      named = true;
      continue;
    }
    if (lex.locationPreps.has(lw) && next(j + 1)) {
      let k = j + 1;
      if (lex.locationNoun?.test(tokens[k]!.text) && next(k + 1)) k++;
      if (capWord(tokens[k])) {
        while (next(k + 1) && capWord(tokens[k + 1])) k++;
        // "в Алматинской области": a capitalised adjective and its place noun.
        if (next(k + 1) && lex.locationNoun?.test(tokens[k + 1]!.text)) k++;
        const rk = routeAt(text, tokens, k);
        if (rk >= 0) k = rk;
        location = text.slice(tokens[j + 1]!.start, tokens[k]!.end);
        s.location = true;
        end = k;
      }
      break;
    }
    if (lex.routePreps.has(lw) && next(j + 1) && capWord(tokens[j + 1])) {
      let k = j + 1;
      while (next(k + 1) && (capWord(tokens[k + 1]) || (tokens[k + 1]!.text === 'и' || tokens[k + 1]!.text === 'and') && capWord(tokens[k + 2]))) k++;
      s.route = true;
      end = k;
      break;
    }
    if (named) break;
    if (lex.complementPreps.has(lw) && next(j + 1) && isWord(tokens[j + 1]) && !lex.notComplement?.test(tokens[j + 1]!.text)) {
      s.prep = true;
      complement.push(tokens[j + 1]!);
      end = j + 1;
      j += 2;
      // "по переработке шкур": the noun after the preposition takes its own complement, whatever its ending.
      const w = tokens[j];
      if (next(j) && isWord(w) && !isCapitalised(w.text) && !lex.notComplement?.test(w.text) && !lex.locationPreps.has(w.text) && !lex.complementPreps.has(w.text)) {
        complement.push(w);
        end = j++;
      }
      continue;
    }
    if (capWord(t) && !lex.notComplement?.test(t.text)) {
      s.cap = s.cap || !sentenceInitial(text, t);
      named = true;
      complement.push(t);
      end = j++;
      // "в портах Актау и Курык": a list of names.
      if ((tokens[j]?.text === 'и' || tokens[j]?.text === 'and') && next(j) && next(j + 1) && capWord(tokens[j + 1]) && routeAt(text, tokens, j + 1) < 0) {
        complement.push(tokens[j + 1]!);
        end = j + 1;
        j += 2;
      }
      continue;
    }
    if (complement.length < lex.maxComplement && lex.complement?.test(t.text) && !lex.notComplement?.test(t.text)) {
      s.complement++;
      if (lex.heads.some((h) => !h.weak && h.kind !== 'other' && h.test.test(t.text))) s.innerHead = true;
      complement.push(t);
      end = j++;
      continue;
    }
    break;
  }
  if (!accept(head, s)) return null;
  const rule: PhraseRule = s.quote ? 'quoted' : s.route ? 'route' : 'head-phrase';
  return {
    start: tokens[ls]!.start,
    end: tokens[end]!.end,
    kind: kindOf(lex, head, modifiers, text.slice(tokens[he]!.end, tokens[end]!.end)),
    location,
    rule,
    confidence: s.quote || s.route ? 0.85 : s.cap || s.location ? 0.75 : 0.6,
  };
}

function notModifier(lex: Lexicon, t: Token): boolean {
  if (lex.notModifier?.test(t.text)) return true;
  return (isCapitalised(t.text) ? lex.notModifierCap : lex.notModifierLower)?.test(t.text) ?? false;
}

/**
 * The phrase ending in a head in a head-final language (kk). The name is the run of capitalised
 * words nearest the head, with the lowercase descriptors between it and the head:
 * "Транскаспий халықаралық көлік дәлізі", "Bloomberg Media Group компаниясы".
 */
export function headFinalPhrase(text: string, tokens: Token[], hs: number, he: number, head: Head, lex: Lexicon): Phrase | null {
  if (lex.headNotEnding?.test(tokens[he]!.text)) return null;
  const prev = tokens[hs - 1];
  if (prev?.type === 'quote' && adjacent(text, prev, tokens[hs]!)) {
    return { start: prev.start, end: tokens[he]!.end, kind: head.kind, location: null, rule: 'quoted', confidence: 0.85 };
  }
  if (head.quotedOnly) return null;
  // Modifiers to the left; a route's dashes may sit between capitalised places.
  let ls = hs;
  while (ls - 1 >= 0 && hs - (ls - 1) <= lex.maxLeft + 2) {
    const t = tokens[ls - 1]!;
    if (!adjacent(text, t, tokens[ls]!)) break;
    if (t.type === 'dash' && capWord(tokens[ls - 2]) && capWord(tokens[ls])) { ls--; continue; }
    if (!isWord(t) || !lex.modifier.test(t.text) || notModifier(lex, t)) break;
    ls--;
  }
  while (ls < hs && lex.skipModifier?.test(tokens[ls]!.text)) ls++;
  // The capitalised run nearest the head.
  let last = -1;
  for (let k = hs - 1; k >= ls; k--) {
    if (capWord(tokens[k]) || (isWord(tokens[k]) && isLatin(tokens[k]!.text))) { last = k; break; }
  }
  if (last < 0) return null;
  let first = last;
  while (first - 1 >= ls && (capWord(tokens[first - 1]) || tokens[first - 1]!.type === 'dash')) first--;
  while (first < last && tokens[first]!.type === 'dash') first++;
  // "Жүктер Транскаспий ... бағыты": a sentence-initial word before a proper name is not part of it.
  if (first < last && sentenceInitial(text, tokens[first]!) && capitalSignal(text, tokens[first + 1]!)) first++;
  const strong = tokens.slice(first, last + 1).some((t) => t.type === 'word' && (capitalSignal(text, t) || isLatin(t.text)));
  // A sentence-initial capital says nothing; then the run must have two words or more.
  if (!strong && last === first) return null;
  const route = routeAt(text, tokens, first) >= 0;
  const modifiers = tokens.slice(first, hs);
  return {
    start: tokens[first]!.start,
    end: tokens[he]!.end,
    kind: kindOf(lex, head, modifiers, ''),
    location: null,
    rule: route ? 'route' : 'head-phrase',
    confidence: strong ? 0.7 : 0.55,
  };
}
