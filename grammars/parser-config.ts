// The settings every Chevrotain parser of ours is built with, for start-up: constructing one used to analyse the
// whole grammar (validations, then a lookahead function for every alternative and repetition), ~30-200 ms per
// dialect (rc.conf's shell grammar most), before the first token of a 500-byte file was parsed.
import { LLkLookaheadStrategy, type ILookaheadStrategy, type IParserConfig } from 'chevrotain';

let validate = false;

/**
 * Runs Chevrotain's grammar validations (ambiguities, left recursion, empty alternatives) in the parsers built from
 * now on. They only ever find mistakes in the grammar itself, never in a file, so a run of the CLI or the server
 * skips them and the grammar test (test/unit/chevrotain-grammars.test.ts) runs them on every parser.
 */
export function validateGrammars(on: boolean): void {
  validate = on;
}

/** Whether Chevrotain's validations run in the lexers and parsers built now (lazy-lexer.ts asks too). */
export function grammarsValidated(): boolean {
  return validate;
}

/** Lookahead functions of all parsers so far: made (one per production) and built (reached). For a test. */
const counts = { made: 0, built: 0 };
export function lookaheadCounts(): { made: number; built: number } {
  return { ...counts };
}

/**
 * Chevrotain's LL(k) lookahead, each function built the first time the parser asks it (a production reached), not
 * all at construction: the functions are the ones LLkLookaheadStrategy builds, from the same grammar, so what is
 * parsed does not change.
 */
class LazyLookahead implements ILookaheadStrategy {
  private readonly llk: ILookaheadStrategy;

  constructor(maxLookahead: number) {
    this.llk = new LLkLookaheadStrategy({ maxLookahead });
  }

  validate(options: Parameters<ILookaheadStrategy['validate']>[0]): ReturnType<ILookaheadStrategy['validate']> {
    return this.llk.validate(options);
  }

  initialize(options: { rules: Parameters<ILookaheadStrategy['validate']>[0]['rules'] }): void {
    this.llk.initialize?.(options);
  }

  buildLookaheadForAlternation(options: Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0]): ReturnType<ILookaheadStrategy['buildLookaheadForAlternation']> {
    const { llk } = this;
    let f: ReturnType<ILookaheadStrategy['buildLookaheadForAlternation']> | undefined;
    const build = () => {
      counts.built++;
      return llk.buildLookaheadForAlternation(options);
    };
    counts.made++;
    return function (this: unknown, orAlts) {
      return (f ??= build()).call(this, orAlts);
    };
  }

  buildLookaheadForOptional(options: Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0]): ReturnType<ILookaheadStrategy['buildLookaheadForOptional']> {
    const { llk } = this;
    let f: ReturnType<ILookaheadStrategy['buildLookaheadForOptional']> | undefined;
    const build = () => {
      counts.built++;
      return llk.buildLookaheadForOptional(options);
    };
    counts.made++;
    return function (this: unknown) {
      return (f ??= build()).call(this);
    };
  }
}

/** The config for a parser: `config` with validations skipped (unless validateGrammars) and lazy lookahead. */
export function parserConfig(config: IParserConfig & { maxLookahead: number }): IParserConfig {
  return { ...config, skipValidations: !validate, lookaheadStrategy: new LazyLookahead(config.maxLookahead) };
}

