import { describe, expect, it } from 'vitest';
import { figures, priorityChecks, recallPerKind, type TriageRow } from '../../bench/lib/triage-scores.js';
import type { PipelineResult } from '../../src/modules/agents/types.js';

/** A scored row: the label, and the few result fields the figures read. */
function row(
  label: { kind: string | null; escalate?: boolean; category?: 'Policy' | 'General' },
  result: { escalated: boolean; priority: number; kind?: string | null; category?: 'Policy' | 'General' },
): TriageRow {
  return {
    item: {
      message: 'x',
      category: label.category ?? 'Policy',
      sentiment: 'Negative',
      escalate: label.escalate ?? label.kind !== null,
      kind: label.kind,
    },
    result: {
      category: result.category ?? 'Policy',
      sentiment: 'Negative',
      escalated: result.escalated,
      priority: result.priority,
      ...(result.kind !== undefined && { escalationKind: result.kind }),
    } as unknown as PipelineResult,
  };
}

describe('final-2 triage figures', () => {
  const rows = [
    row({ kind: 'crisis' }, { escalated: true, priority: 10, kind: 'crisis' }),
    row({ kind: 'crisis' }, { escalated: true, priority: 7, kind: 'angry' }),
    row({ kind: 'harassment' }, { escalated: true, priority: 8, kind: 'harassment' }),
    row({ kind: 'harassment' }, { escalated: false, priority: 5, kind: null }),
    row({ kind: 'angry' }, { escalated: true, priority: 6, kind: 'angry' }),
    row({ kind: null }, { escalated: true, priority: 5, kind: 'human_request', category: 'General' }),
    row({ kind: null }, { escalated: false, priority: 3, kind: null }),
  ];

  it('counts recall, false escalations, category and sentiment', () => {
    expect(figures(rows)).toEqual({
      n: 7,
      category: '85.7%',
      recall: '80.0%',
      falseEscalations: '50.0%',
      sentiment: '100.0%',
    });
  });

  it('reports recall and the reported kind per labelled kind', () => {
    const table = recallPerKind(rows);
    expect(table.crisis).toEqual({ n: 2, recall: '100.0%', 'same kind': '50.0%', 'lowest priority': 7 });
    expect(table.harassment).toEqual({ n: 2, recall: '50.0%', 'same kind': '50.0%', 'lowest priority': 5 });
    expect(table.fraud).toEqual({ n: 0, recall: 'n/a', 'same kind': 'n/a', 'lowest priority': '' });
  });

  it('checks each priority floor and that serious reports outrank anger-only escalations', () => {
    // The crisis filed under `angry` at 7 is the highest anger-only escalation: only the 10 and the 8 beat it.
    expect(priorityChecks(rows)).toEqual({
      'crisis, violence at 10': { n: 2, met: '50.0%' },
      'harassment … safety ≥ 8': { n: 2, met: '50.0%' },
      'fraud, legal ≥ 7': { n: 0, met: 'n/a' },
      'above every anger-only escalation (highest 7)': { n: 4, met: '50.0%' },
    });
  });

  it('falls back to labelled anger when the pipeline reports no kinds', () => {
    const unlabelled = rows.map((scored) => {
      const { escalationKind: _dropped, ...result } = scored.result as PipelineResult & {
        escalationKind?: unknown;
      };
      return { ...scored, result: result as PipelineResult };
    });
    expect(recallPerKind(unlabelled).crisis?.['same kind']).toBe('not reported');
    expect(priorityChecks(unlabelled)['above every anger-only escalation (highest 6)']).toEqual({
      n: 4,
      met: '75.0%',
    });
  });
});
