import { createInterface } from 'node:readline';
import { answer } from '../answer/answer.js';
import { checkRequest, type AnswerRequest } from '../answer/request.js';
import type { NamedAnswer } from '../answer/types.js';
import { createEngine, indexDirFromEnv, type Engine } from '../engine.js';
import { formatSources } from './format.js';

export interface AskOptions {
  question: string;
  region: string | null;
  asOf: string | null;
  json: boolean;
}

/** Exit codes: 0 answered (a "no basis" answer is an answer), 2 bad input, 1 anything else. */
export async function askCommand(options: AskOptions): Promise<number> {
  if (options.question.trim() === '' && options.json && !process.stdin.isTTY) return askBatch(options);
  if (options.question.trim() === '') {
    process.stderr.write('policy-qa: question is empty — ask something, e.g. policy-qa ask "我能拿多少两化融合奖励"\n');
    return 2;
  }
  const engine = createEngine(indexDirFromEnv());
  const check = checkRequest(options, engine.retriever);
  if (!check.ok) {
    process.stderr.write(`policy-qa: ${check.message}\n`);
    return 2;
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(await answerObject(check.request, engine), null, 2)}\n`);
    return 0;
  }
  for await (const event of answer(check.request, { engine })) {
    if (event.type === 'delta') process.stdout.write(event.text);
    if (event.type === 'done') process.stdout.write(`\n${formatSources(event.answer.citations)}\n`);
    if (event.type === 'error') {
      process.stderr.write(`\npolicy-qa: ${event.message}\n`);
      return 1;
    }
  }
  return 0;
}

/** The finished answer object, named like every transport's, from the one answering pipeline. */
async function answerObject(request: AnswerRequest, engine: Engine): Promise<NamedAnswer> {
  for await (const event of answer(request, { engine })) {
    if (event.type === 'done') return event.answer;
    if (event.type === 'error') throw new Error(event.message);
  }
  throw new Error('the answer ended without a result');
}

/** JSON Lines: one question per input line (plain text, or {"question": …, "region"?, "asOf"?}). */
async function askBatch(options: AskOptions): Promise<number> {
  const engine: Engine = createEngine(indexDirFromEnv());
  let failures = 0;
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const input = parseLine(line, options);
    const check = checkRequest(input, engine.retriever);
    if (!check.ok) {
      failures++;
      const question = typeof input.question === 'string' ? input.question : line;
      process.stdout.write(`${JSON.stringify({ question, error: { code: check.code, message: check.message } })}\n`);
      continue;
    }
    process.stdout.write(`${JSON.stringify(await answerObject(check.request, engine))}\n`);
  }
  return failures === 0 ? 0 : 1;
}

function parseLine(line: string, options: AskOptions): { question?: unknown; region?: unknown; asOf?: unknown } {
  const defaults = { region: options.region, asOf: options.asOf };
  if (line.trimStart().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(line);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const record = parsed as Record<string, unknown>;
        return { question: record.question, region: record.region ?? defaults.region, asOf: record.asOf ?? defaults.asOf };
      }
    } catch {
      // Not JSON after all: a question that starts with a brace.
    }
  }
  return { question: line, ...defaults };
}
