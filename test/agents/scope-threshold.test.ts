import { describe, expect, it } from 'vitest';
import {
  FOREIGN_OUT_OF_SCOPE_THRESHOLD,
  OUT_OF_SCOPE_THRESHOLD,
  ScopeDetector,
} from '../../src/modules/agents/scope-detector.js';
import type { ScopeModel } from '../../src/modules/agents/scope-model.js';
import type { PipelineState } from '../../src/modules/agents/types.js';
import { analyzeText } from '../../src/modules/nlp/analyze.js';

/** A scope model that is always this sure: the detector's own decision is what is under test. */
const sure = (score: number) => ({ outOfScope: () => score }) as unknown as ScopeModel;

function decide(message: string, score: number): boolean {
  const state = {
    text: analyzeText(message),
    previousUserText: null,
    outOfScope: false,
  } as unknown as PipelineState;
  new ScopeDetector(sure(score)).run(state);
  return state.outOfScope;
}

describe('scope detector thresholds', () => {
  const between = (OUT_OF_SCOPE_THRESHOLD + FOREIGN_OUT_OF_SCOPE_THRESHOLD) / 2;

  it('needs a surer model before it calls a Spanish, French or German message out of scope', () => {
    expect(decide('can you recommend a good pizza place near the station', between)).toBe(true);
    expect(decide('¿me recomiendas una pizzería cerca de la estación?', between)).toBe(false);
    expect(decide('tu connais une bonne pizzeria près de la gare ?', between)).toBe(false);
    expect(decide('kennst du eine gute Pizzeria in der Nähe vom Bahnhof?', between)).toBe(false);
    expect(decide('¿me recomiendas una pizzería cerca de la estación?', FOREIGN_OUT_OF_SCOPE_THRESHOLD)).toBe(
      true,
    );
  });

  it('leaves a message below the threshold in scope, in any language', () => {
    expect(
      decide('can you recommend a good pizza place near the station', OUT_OF_SCOPE_THRESHOLD - 0.01),
    ).toBe(false);
  });
});
