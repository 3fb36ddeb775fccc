/** The chart and a compatibility as terminal text: each number, its working, its meaning. */
import type { Chart, ChartNumber, ChartPeriod, NumberSet } from "../engine";
import type { ChartCompatibility } from "../readings/chart-reading";

const INDENT = "    ";

function line(label: string, n: ChartNumber, extra = ""): string {
  const flags = [n.master ? "master" : "", n.karmic_debt !== null ? `karmic debt ${n.karmic_debt}` : ""].filter((s) => s !== "").join(", ");
  return `  ${label.padEnd(18)} ${String(n.number).padStart(2)}${extra}${flags ? `  [${flags}]` : ""}\n${INDENT}${n.working}\n${INDENT}${n.meaning}\n`;
}

function set(label: string, s: NumberSet): string {
  const numbers = s.numbers.length > 0 ? s.numbers.join(", ") : "none";
  return `  ${label.padEnd(18)} ${numbers}\n${INDENT}${s.working}\n${s.meanings.map((m) => `${INDENT}${m.number}: ${m.meaning}\n`).join("")}`;
}

function period(kind: string, p: ChartPeriod): string {
  const ages = p.to_age === null ? `from age ${p.from_age} (${p.from_year})` : `ages ${p.from_age}-${p.to_age} (${p.from_year}-${p.to_year})`;
  return line(`${kind} ${p.index}`, p, `   ${ages}`);
}

export function formatChart(c: Chart): string {
  let out = `COMPLETE CHART: ${c.name.given}\n`;
  out += `  born ${c.birth_date}, personal cycles for ${c.at}\n`;
  out += `  system: ${c.system.name} (${c.system.reason})\n`;
  if (c.name.counted !== c.name.given) out += `  counted as: ${c.name.counted} (${c.name.script} script, ${c.name.route})\n`;
  out += "\nCORE NUMBERS\n";
  out += line("Life path", c.life_path) + line("Expression", c.expression) + line("Soul urge", c.soul_urge) + line("Personality", c.personality);
  out += line("Maturity", c.maturity) + line("Birthday", c.birthday);
  out += "\nMORE OF THE NAME\n";
  out += line("Balance", c.balance) + line("Rational thought", c.rational_thought) + line("Subconscious self", c.subconscious_self);
  out += set("Hidden passion", c.hidden_passion) + set("Karmic lessons", c.karmic_lessons);
  out += `  ${"Karmic debt".padEnd(18)} ${c.karmic_debts.length === 0 ? "none" : c.karmic_debts.map((k) => `${k.number} (${k.part})`).join(", ")}\n`;
  for (const k of c.karmic_debts) out += `${INDENT}${k.number}: ${k.meaning}\n`;
  out += line(`Cornerstone ${c.cornerstone.letter}`, c.cornerstone) + line(`Capstone ${c.capstone.letter}`, c.capstone);
  out += c.first_vowel ? line(`First vowel ${c.first_vowel.letter}`, c.first_vowel) : `  ${"First vowel".padEnd(18)} none in the first name\n`;
  out += "\nPINNACLES AND CHALLENGES\n";
  for (const p of c.pinnacles) out += period("Pinnacle", p);
  for (const p of c.challenges) out += period("Challenge", p);
  out += `\nCYCLES ON ${c.at}\n`;
  out += line("Personal year", c.personal_year) + line("Personal month", c.personal_month) + line("Personal day", c.personal_day);
  return out;
}

export function formatCompatibility(r: ChartCompatibility): string {
  let out = `COMPATIBILITY: ${r.a_name} and ${r.b_name}: ${r.score}/100\n`;
  out += `\n  Numbers (life path 50%, expression 25%, soul urge 25%): ${r.numbers_score}/100\n`;
  for (const n of r.numbers) out += `${INDENT}${n.dimension.padEnd(10)} ${String(n.a).padStart(2)} & ${String(n.b).padEnd(2)} ${String(n.score).padStart(3)}  ${n.reason}\n`;
  out += `\n  Signals (life path, element, animal, moon, patterns): ${r.signals_score}/100\n`;
  for (const s of r.signals) out += `${INDENT}${s.dimension.padEnd(10)} ${String(s.score).padStart(3)}  ${s.reason}\n`;
  return out;
}
