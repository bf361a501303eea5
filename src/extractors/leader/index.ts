// The leader extractor: gazetteer names (every inflected form → one id), surnames alone, and
// titled people the gazetteer lacks. The span is the name as written; an adjacent title goes
// into value.title. See rules/common/leaders.json and rules/<lang>/leader.json.
import { perLang } from '../../rules/load.js';
import type { ExtractContext, Extractor, LeaderValue, Match, SupportedLang } from '../../types.js';
import { compileLang, type Compiled } from './compile.js';
import { roleAt } from './data.js';
import {
  findGazetteer, findSurnameMentions, findTitles, fuzzyLeader, idOf, nominative, readName, readNameBefore,
  type GazetteerHit, type NameHit, type TitleHit,
} from './match.js';

const compiled = perLang((lang: SupportedLang) => compileLang(lang));

const CONFIDENCE = { gazetteer: 0.9, surname: 0.8, fuzzy: 0.75, discovered: 0.6, mention: 0.5 } as const;

function gazetteerValue(c: Compiled, hit: GazetteerHit, iso: string | undefined, title: string | null): LeaderValue {
  const leader = c.leaders[hit.index]!;
  return { id: leader.id, name: leader.name, role: roleAt(leader, iso)?.role ?? null, country: leader.country, title };
}

/** The title right before a span: only spaces, commas and skipped words between them. */
function titleBefore(titles: readonly TitleHit[], start: number, nameStarts: ReadonlyMap<TitleHit, number>): TitleHit | undefined {
  return titles.find((t) => t.end <= start && nameStarts.get(t) === start);
}

function extract(ctx: ExtractContext): Match<'leader'>[] {
  const c = compiled(ctx.lang);
  const { text } = ctx;
  const iso = ctx.docDate?.iso;
  const hits = findGazetteer(c, text, iso);
  const titles = findTitles(c, text);
  const names = new Map(titles.map((t) => [t, readName(c, text, t.end, t.single)] as const));
  const nameStarts = new Map(titles.map((t) => [t, names.get(t)?.start ?? -1] as const));
  const out: Match<'leader'>[] = hits.map((hit) => {
    const t = titleBefore(titles, hit.start, nameStarts);
    return {
      type: 'leader',
      start: hit.start,
      end: hit.end,
      value: gazetteerValue(c, hit, iso, t ? text.slice(t.start, t.end) : null),
      rule: `leader.${c.lang}.${hit.kind}${t ? '-title' : ''}`,
      confidence: CONFIDENCE[hit.kind],
    };
  });

  const taken = (s: { start: number; end: number }) => out.some((o) => o.start < s.end && s.start < o.end);
  const surnames = new Map<string, number>();
  for (const t of titles) {
    for (const [name, rule] of [[names.get(t), 'title-name'], [readNameBefore(c, text, t.start), 'name-title']] as const) {
      if (!name || taken(name)) continue;
      const m = discovered(c, ctx, name, t, rule);
      out.push(m);
      if (name.words.length > 1 && m.rule.endsWith(rule)) surnames.set(nominative(c, name, t).at(-1)!, out.length - 1);
    }
  }
  for (const s of findSurnameMentions(c, text, surnames, out)) {
    const owner = out[s.owner]!;
    out.push({ ...owner, start: s.start, end: s.end, value: { ...owner.value, title: null }, rule: `leader.${c.lang}.surname-mention`, confidence: CONFIDENCE.mention });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A titled person: a gazetteer leader under another spelling, or someone the gazetteer lacks. */
function discovered(c: Compiled, ctx: ExtractContext, name: NameHit, t: TitleHit, rule: string): Match<'leader'> {
  const words = nominative(c, name, t);
  const id = idOf(c, words);
  const known = words.length > 1 ? fuzzyLeader(c, id) : -1;
  const title = ctx.text.slice(t.start, t.end);
  const value: LeaderValue =
    known >= 0
      ? gazetteerValue(c, { start: name.start, end: name.end, index: known, kind: 'gazetteer' }, ctx.docDate?.iso, title)
      : { id, name: words.join(' '), role: t.role, country: t.country, title };
  return {
    type: 'leader',
    start: name.start,
    end: name.end,
    value,
    rule: `leader.${c.lang}.${rule}${known >= 0 ? '-fuzzy' : ''}`,
    confidence: known >= 0 ? CONFIDENCE.fuzzy : CONFIDENCE.discovered,
  };
}

export const leaderExtractor: Extractor<'leader'> = { type: 'leader', extract };
