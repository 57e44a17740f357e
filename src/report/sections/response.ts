import { count, enough, percent, shownCount, shownShare } from '../suppress';
import type { Bar, Table } from '../model';
import type { SectionBuilder } from './input';

/** Response rate per round (round 1, round 2...) and how many rounds each pair has answered. */
export const responseSection: SectionBuilder = ({ data, asOf }) => {
  const at = asOf.getTime();
  const known = (iso: string | null) => iso !== null && Date.parse(iso) <= at;
  const sent = data.rounds.filter((r) => known(r.sent_at));
  if (sent.length === 0) return null;
  const numbers = [...new Set(sent.map((r) => r.number))].sort((a, b) => a - b);
  // A round sent to fewer than 5 trainees is left out: its rate would say who answered.
  const perRound = numbers
    .map((n) => {
      const these = sent.filter((r) => r.number === n);
      return { n, sent: these.length, answered: these.filter((r) => known(r.answered_at)).length };
    })
    .filter((r) => enough(r.sent));
  const rateTable: Table = {
    id: 'response_by_round',
    caption: 'Questionnaires answered, by round',
    columns: ['round', 'sent', 'answered', 'rate'],
    rows: perRound.map((r) => {
      const share = shownShare(r.answered, r.sent);
      return { label: `round ${r.n}`, cells: [count(r.sent), count(r.answered), share === null ? '–' : percent(share)] };
    }),
  };
  const pairs = data.pairs.filter((p) => known(p.created_at));
  const answeredBy = new Map(pairs.map((p) => [p.pair_id, 0]));
  for (const r of sent) if (known(r.answered_at)) answeredBy.set(r.pair_id, (answeredBy.get(r.pair_id) ?? 0) + 1);
  const most = Math.max(0, ...answeredBy.values());
  const histogram = Array.from({ length: most + 1 }, (_, k) => [...answeredBy.values()].filter((v) => v === k).length);
  const perPair: Table = {
    id: 'rounds_per_pair',
    caption: 'Pairs by the number of questionnaires answered',
    columns: ['questionnaires answered', 'pairs'],
    rows: histogram.map((pairsWith, k) => ({ label: String(k), cells: [count(pairsWith)] })),
  };
  const rateBars: Bar[] = perRound.map((r) => {
    const share = shownShare(r.answered, r.sent);
    return { value: share === null ? null : Math.round(share * 100), label: share === null ? '<5' : percent(share) };
  });
  return {
    id: 'response',
    title: 'Questionnaires answered',
    notes: ['A round sent to fewer than 5 trainees is left out.'],
    headline: [],
    tables: [rateTable, perPair],
    charts: [
      ...(perRound.length > 0
        ? [
            {
              kind: 'bars' as const,
              id: 'chart_response_by_round',
              title: 'Response rate per round',
              description: `Share of questionnaires answered for each round: ${perRound.map((r, i) => `round ${r.n} ${rateBars[i].label}`).join(', ')}.`,
              categories: perRound.map((r) => `round ${r.n}`),
              series: [{ name: 'answered', bars: rateBars }],
              max: 100,
              unit: 'percent' as const,
            },
          ]
        : []),
      {
        kind: 'bars' as const,
        id: 'chart_rounds_per_pair',
        title: 'Rounds answered per pair',
        description: `Number of pairs by how many questionnaires they have answered: ${histogram.map((n, k) => `${k}: ${count(n)}`).join(', ')}.`,
        categories: histogram.map((_, k) => String(k)),
        series: [{ name: 'pairs', bars: histogram.map((n) => ({ value: shownCount(n), label: count(n) })) }],
        max: Math.max(5, ...histogram),
        unit: 'count' as const,
      },
    ],
  };
};
