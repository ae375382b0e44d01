import type { KnowledgeIndex } from '../../knowledge/retrieval-index.js';
import { extractAnswer } from '../answer/extract.js';
import { CATEGORY_FRAMING, FRAMING } from '../answer/framing.js';
import { questionType } from '../answer/question-type.js';
import type { Agent, Category, PipelineState } from '../types.js';

/** Quoted words at most, so that with the framing an answer stays near 120 words. */
const MAX_QUOTED_WORDS = 95;
/** The next step is added only while the whole answer stays near this length. */
const MAX_ANSWER_WORDS = 125;
const SEE_ALSO_SHARE = 0.5;

/** Answers from the best retrieved article, naming it, or says plainly that none applies and offers a person. */
export class SpecialistResponder implements Agent {
  constructor(
    readonly name: string,
    private readonly category: Category,
    private readonly index: KnowledgeIndex,
  ) {}

  run(state: PipelineState): void {
    state.response = this.compose(state);
    state.engine = 'local';
  }

  private compose(state: PipelineState): string {
    const language = state.text.language;
    const framing = FRAMING[language];
    const local = CATEGORY_FRAMING[this.category][language];
    const [main, second] = state.relevantHits;
    if (!main) return [framing.notCovered, local.contact, framing.offerPerson].join(' ');
    const alreadySaid = state.input.history
      .filter((turn) => turn.role !== 'user')
      .map((turn) => turn.content);
    const extract = extractAnswer({
      content: main.content,
      stems: state.searchStems,
      hints: state.hintStems,
      type: questionType(state.text.raw),
      weight: (stem) => this.index.stemWeight(stem),
      title: main.title,
      tags: this.index.article(main.id)?.tags ?? [],
      alreadySaid,
      maxWords: MAX_QUOTED_WORDS,
    });
    state.quoted = [main];
    if (!extract.found) return [framing.nothingNew(main.title), framing.offerPerson].join(' ');
    const parts = [`${framing.accordingTo(main.title)} ${extract.text}`];
    const nextStep = `${framing.nextSteps} ${local.nextStep}`;
    if (wordCount(parts[0]!) + wordCount(nextStep) <= MAX_ANSWER_WORDS) parts.push(nextStep);
    // Another article is worth naming only when it ranked close to the one quoted.
    if (second && second.id !== main.id && second.score >= SEE_ALSO_SHARE * main.score)
      parts.push(framing.seeAlso(second.title));
    return parts.join('\n\n');
  }
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;
