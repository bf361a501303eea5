// What a report names besides its event, in any language: the leaders, the cities and venues, the
// figures and the calendar dates. Two reports of one event name many of the same ("the drone attack
// on the residence in Novgorod region" and "Lavrov said" in a Russian and a Kazakh report of one
// call); reports of two events of the same persons share fewer. `diplo events` reads them to tell
// which of several events an undated report is of (see `byTraits` in across.ts). Pure.
import { placesIn } from './places.js';
import type { Fact, SupportedLang } from '../types.js';

/** One trait of a fact, as a string equal across languages; null for a fact that says nothing. */
function trait(f: Fact): string | null {
  switch (f.type) {
    case 'leader':
      return `leader:${f.value.id}`;
    case 'money':
      return f.value.amount != null ? `money:${f.value.currency}:${f.value.amount}` : null;
    case 'percent':
      return f.value.value != null ? `percent:${f.value.value}` : null;
    case 'quantity':
      return f.value.amount != null ? `quantity:${f.value.unit}:${f.value.amount}` : null;
    case 'date':
      // A calendar month or day the text gives in full ("in March 2022"), not one told relative to
      // the story's day, which two reports of one event write differently.
      return f.value.iso && f.value.iso.length >= 7 && !f.value.relative ? `date:${f.value.iso}` : null;
    default:
      return null;
  }
}

/** The traits of one document: its facts' and the gazetteer places its text names. */
export function documentTraits(facts: readonly Fact[], text: string, lang: SupportedLang | null): Set<string> {
  const out = new Set<string>();
  for (const f of facts) {
    const t = trait(f);
    if (t) out.add(t);
  }
  if (lang) for (const hit of placesIn(text, 0, text.length, lang)) out.add(`place:${hit.place.name}`);
  return out;
}
