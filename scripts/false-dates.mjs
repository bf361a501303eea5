#!/usr/bin/env node
// false-dates.mjs OUTPUT.jsonl [...]: counts, in diplo's JSON Lines, the kinds of date that say what
// the text does not (issue 25), each found by its surface form, independently of the rules:
//   today-day     a "today" word that means "nowadays" resolved to the document's day: the lexical
//                 Kazakh forms (бүгінде, бүгінгі таңда, бүгінгі күні), and сегодня/today in a clause
//                 of state (достигли … уровня, составляет, является, как никогда, today's world …)
//   anniversary   a length of time that is an anniversary (жылдық мерейтойы, жылдығы, -летие, anniversary)
//   age           a length of years that is an age (возраст … до 60 лет, жасқа/жаста, aged, years old)
//   ago-as-year   "2000 жыл бұрын" / "2000 лет назад" / "2000 years ago" read as the year 2000
//   until-past    a deadline after a past-tense verb ("просуществовала до 1991 года", "existed until")
//   money-length  a length of time whose number is money ("£30 млн дня")
// Prints one line per file: the counts, then with --list the facts themselves.
import fs from 'node:fs';

const args = process.argv.slice(2);
const list = args.includes('--list');
const files = args.filter((a) => !a.startsWith('--'));
if (!files.length) {
  console.error('usage: node scripts/false-dates.mjs OUTPUT.jsonl [...] [--list]');
  process.exit(2);
}

/** A clause of state around сегодня/today: it means "nowadays" ("отношения сегодня достигли … уровня", "население сегодня составляет"). */
const STATE = /(?<![\p{L}])(?:достиг\p{L}*(?:\s+[\p{L}-]+){0,3}\s+уровн\p{L}*|(?:составля|явля|насчитыва|остаё|оста[её]т)\p{L}*|как\s+никогда|чем\s+когда[-\s]?либо|today['’]s\s+world|in\s+today['’]s|world\s+today)(?![\p{L}])/iu;
const KINDS = {
  'today-day': (f, after, before) =>
    f.value.iso != null &&
    (/^(?:бүгінде|бүгінгі\s+таңда|бүгінгі\s+күні)$/iu.test(f.text) ||
      (/^(?:сегодня|today)$/iu.test(f.text) && !/(?:на|as\s+of)\s*$/iu.test(before) && STATE.test(before.slice(-40) + f.text + after))),
  anniversary: (f, after) => f.value.duration != null && (/жылдығ|\d-?лети[ея]/iu.test(f.text) || /^\s*(?:мерейто|той|anniversary|годовщин)/iu.test(after)),
  age: (f, after, before) =>
    f.value.duration != null && /Y$/.test(f.value.duration) &&
    (/жас/iu.test(f.text) || /(?:возраст|пенсион|aged|age\s+of)\p{L}*(?:\s+\S+){0,6}\s*$/iu.test(before) || /^\s*(?:old|of\s+age|-old)/iu.test(after)),
  'ago-as-year': (f, after) => /^\d{4}/.test(f.text) && /^\d{4}$/.test(f.value.iso ?? '') && /^\s*(?:жыл\s+)?(?:бұрын|назад|ago)/iu.test(after.replace(/^\s*(?:лет|years?)/iu, '')),
  'until-past': (f, after, before) =>
    f.value.deadline === true &&
    (/(?<![\p{L}])\p{L}{2,}л(?:а|о|и)?(?:сь|ся)?(?:\s+[\p{L}-]+){0,3}\s*$/u.test(before) && /^до(?![\p{L}])/iu.test(f.text) ||
      /(?<![\p{L}])(?:existed|lasted|served|remained|lived|ruled|worked|stayed)(?:\s+\S+){0,3}\s*$/iu.test(before)),
  'money-length': (f, after, before) => f.value.duration != null && (/млн|млрд|трлн|million|billion/iu.test(f.text) || /[$€£¥₸₽]\s*$/u.test(before)),
};

for (const file of files) {
  const facts = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((f) => f.type === 'date');
  const counts = Object.fromEntries(Object.keys(KINDS).map((k) => [k, 0]));
  const found = [];
  for (const f of facts) {
    const i = f.sentence.indexOf(f.text);
    const before = i < 0 ? '' : f.sentence.slice(Math.max(0, i - 80), i);
    const after = i < 0 ? '' : f.sentence.slice(i + f.text.length, i + f.text.length + 30);
    for (const [k, test] of Object.entries(KINDS)) {
      if (test(f, after, before)) {
        counts[k]++;
        found.push(`  ${k}: ${f.doc} "${f.text}" ${JSON.stringify(f.value)}`);
      }
    }
  }
  console.log(`${file}\t${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join('\t')}`);
  if (list) for (const l of found) console.log(l);
}
