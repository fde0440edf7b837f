import type { PolicySummary } from '../../src/protocol.js';
import { byId } from './dom.js';
import { EXAMPLES, TOPIC_EXAMPLES, type Language, type Texts } from './i18n.js';

/** Suggestions drawn from a scoped region's own policies, besides the topic questions. */
const POLICY_SUGGESTIONS = 2;

function showExamples(examples: string[], ask: (question: string) => void): void {
  byId('example-list').replaceChildren(
    ...examples.map((example) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'example';
      button.textContent = example;
      button.addEventListener('click', () => ask(example));
      return button;
    }),
  );
}

/**
 * Regions come from the policies the server holds, so a new region needs no page change. A page
 * scoped to a region (the widget's data-region) offers only that region and suggests questions from
 * it: topic questions asked within it and its own policies in force — never another region's.
 */
export async function setUpRegions(select: HTMLSelectElement, wanted: string, language: Language, t: Texts, ask: (question: string) => void): Promise<void> {
  if (!wanted) showExamples(EXAMPLES[language], ask);
  const all = document.createElement('option');
  all.value = '';
  all.textContent = t.allRegions;
  select.replaceChildren(all);
  let policies: PolicySummary[] = [];
  try {
    const response = await fetch('/api/policies');
    policies = ((await response.json()) as { policies: PolicySummary[] }).policies;
  } catch {
    // The list stays at "all regions"; asking still works.
  }
  const regions = [...new Set(policies.map((p) => p.region))].sort();
  const scoped = wanted ? regions.find((r) => r === wanted || r.startsWith(wanted)) : undefined;
  for (const region of scoped ? [scoped] : regions) {
    const option = document.createElement('option');
    option.value = region;
    option.textContent = region;
    select.append(option);
  }
  if (scoped) {
    all.remove();
    select.value = scoped;
    select.disabled = true;
    const own = policies.filter((p) => p.region === scoped && p.status === 'in-force').slice(0, POLICY_SUGGESTIONS);
    const fromPolicies = own.map((p) => (language === 'en' ? `What support does 《${p.title}》 give?` : `《${p.title}》有哪些支持？`));
    showExamples([...TOPIC_EXAMPLES[language], ...fromPolicies], ask);
  } else if (wanted) {
    showExamples(TOPIC_EXAMPLES[language], ask);
  }
}
