// Veileder web chat: vanilla JavaScript, no build step. Every text from the user or the corpus is
// written with textContent, never parsed as HTML, so markup in a question or a plan is shown, not run.

// Follow-ups need the last few turns, not all of them; this keeps the body well under the API's limit.
const MAX_HISTORY_TURNS = 6;
const MAX_TURN_CHARS = 1500;

const $ = (id) => document.getElementById(id);
const form = $('ask-form');
const input = $('question');
const askButton = $('ask-button');
const conversation = $('conversation');
const welcome = $('welcome');
const examples = $('examples');
const ownerSelect = $('filter-owner');
const documentSelect = $('filter-document');
const filterSummary = $('filter-summary');
const formError = $('form-error');

/**
 * The words the page puts around an answer, in the answer's language (ask() answers English questions
 * in English). The page itself is bokmål.
 */
const LABELS = {
  nb: {
    answered: 'Veileder svarte: ',
    sources: 'Kilder',
    measure: 'Tiltak',
    expired: 'utløpt',
    toSource: (n) => `Gå til kilde ${n}`,
    openStandard: (name) => `Åpne ${name}`,
    responsible: 'Ansvarlig: ',
    noUnit: 'ikke oppgitt i planen',
    accountable: 'overordnet ansvar',
    references: 'Viser til: ',
    showText: 'Vis teksten i planen',
    open: 'Åpne planen',
    useful: 'Var svaret nyttig?',
    yes: '👍 Ja',
    no: '👎 Nei',
    thanks: 'Takk! Tilbakemeldingen er lagret.',
    notSaved: 'Tilbakemeldingen ble ikke lagret.',
  },
  en: {
    answered: 'Veileder answered: ',
    sources: 'Sources',
    measure: 'Measure',
    expired: 'ended',
    toSource: (n) => `Go to source ${n}`,
    openStandard: (name) => `Open ${name}`,
    responsible: 'Responsible: ',
    noUnit: 'not stated in the plan',
    accountable: 'accountable',
    references: 'Refers to: ',
    showText: 'Show the text in the plan',
    open: 'Open the plan',
    useful: 'Was the answer helpful?',
    yes: '👍 Yes',
    no: '👎 No',
    thanks: 'Thank you! Your feedback has been saved.',
    notSaved: 'Your feedback was not saved.',
  },
};

/** Earlier turns of this conversation, oldest first, sent along so follow-ups are understood. */
let history = [];
let documents = [];
/** Standard name → public URL (GET /api/meta), so «Viser til» links to the standard itself. */
let standardUrls = {};
/** Numbers each answer so its source entries get ids of their own (`a3-s2`). */
let answerCount = 0;
let busy = false;

/** Creates an element; `text` goes through textContent only. */
function el(tag, { className, text, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

function showFormError(message) {
  formError.textContent = message;
  formError.hidden = !message;
}

function scrollToEnd(node) {
  node.scrollIntoView({ block: 'end', behavior: 'smooth' });
}

// ---------- filters ----------

function currentFilters() {
  const filters = {};
  if (ownerSelect.value) filters.owner = ownerSelect.value;
  if (documentSelect.value) filters.documentIds = [documentSelect.value];
  return Object.keys(filters).length ? filters : undefined;
}

function fillDocumentOptions() {
  const keep = documentSelect.value;
  documentSelect.replaceChildren(el('option', { text: 'Alle planer', attrs: { value: '' } }));
  for (const d of documents) {
    if (ownerSelect.value && d.owner !== ownerSelect.value) continue;
    documentSelect.append(el('option', { text: `${d.title} (${d.period})`, attrs: { value: d.id } }));
  }
  documentSelect.value = [...documentSelect.options].some((o) => o.value === keep) ? keep : '';
}

function updateFilterSummary() {
  const parts = [];
  if (ownerSelect.value) parts.push(ownerSelect.value);
  if (documentSelect.value) parts.push(documentSelect.selectedOptions[0]?.textContent ?? documentSelect.value);
  filterSummary.textContent = parts.length ? `(${parts.join(' · ')})` : '';
}

ownerSelect.addEventListener('change', () => {
  fillDocumentOptions();
  updateFilterSummary();
});
documentSelect.addEventListener('change', updateFilterSummary);

// ---------- rendering ----------

function renderUserMessage(question) {
  const item = el('li', { className: 'message user' }, [
    el('span', { className: 'visually-hidden', text: 'Du spurte: ' }),
    el('p', { className: 'message-text', text: question }),
  ]);
  conversation.append(item);
  return item;
}

function safeHttpUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The element id of source `n` (1-based) of answer `key`: what a «[n]» in the answer links to. */
const sourceId = (key, n) => `${key}-s${n}`;

/** Where a source entry links: the plan's own address (a later `page` becomes `#page=…` here). */
function sourceHref(citation) {
  if (!citation.url) return null;
  // The page of a PDF source: the link opens the PDF there.
  return safeHttpUrl(citation.page ? `${citation.url.replace(/#.*$/, '')}#page=${citation.page}` : citation.url);
}

/** A link to a public address that opens in a new tab, without handing it this page. */
function externalLink(text, href, attrs = {}) {
  return el('a', { text, attrs: { href, target: '_blank', rel: 'noopener noreferrer', ...attrs } });
}

/** The standards and other references a source points to, each linked to its public address where known. */
function renderReferences(references, l) {
  const parts = [el('span', { className: 'label', text: l.references })];
  references.forEach((name, i) => {
    if (i > 0) parts.push('; ');
    const href = standardUrls[name] && safeHttpUrl(standardUrls[name]);
    parts.push(href ? externalLink(name, href, { class: 'standard-link', title: l.openStandard(name) }) : el('span', { text: name }));
  });
  return el('p', { className: 'source-references' }, parts);
}

/** One source entry: the whole of what the page shows for a citation (number, plan, measure, unit, text, link). */
function renderSource(citation, index, l, key) {
  const where = [];
  if (citation.measureId) where.push(`${l.measure} ${citation.measureId}`);
  if (citation.section) where.push(citation.section);
  // The page of a PDF source: «s. 12».
  if (citation.page) where.push(`${l === LABELS.en ? 'p.' : 's.'} ${citation.page}`);
  const item = el('li', { className: 'source', attrs: { id: sourceId(key, index + 1), tabindex: '-1', 'data-document-id': citation.documentId } }, [
    el('p', { className: 'source-title' }, [
      el('span', { className: 'source-number', text: `[${index + 1}] ` }),
      el('strong', { text: citation.documentTitle }),
      el('span', { className: 'source-period', text: ` · ${citation.period}` }),
      citation.expired ? el('span', { className: 'expired', text: ` (${l.expired})` }) : null,
    ]),
    where.length ? el('p', { className: 'source-measure', text: where.join(' · ') }) : null,
    el('p', { className: 'source-unit' }, [
      el('span', { className: 'label', text: l.responsible }),
      el('span', { text: citation.responsible.length ? citation.responsible.join(', ') : l.noUnit }),
      citation.accountable?.length ? el('span', { text: ` (${l.accountable}: ${citation.accountable.join(', ')})` }) : null,
    ]),
    citation.references.length ? renderReferences(citation.references, l) : null,
    el('details', { className: 'source-text' }, [el('summary', { text: l.showText }), el('p', { text: citation.text })]),
  ]);
  const href = sourceHref(citation);
  if (href) item.append(el('p', { className: 'source-link' }, [externalLink(l.open, href)]));
  return item;
}

/** «[1]», «[2, 3]»: the markers ask() puts after what a source says. */
const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g;

/** The answer's text with each «[n]» a link to source entry n; text nodes only, never parsed as HTML. */
function renderAnswerText(text, count, l, key) {
  const p = el('p', { className: 'message-text answer-text' });
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    const numbers = m[1].split(',').map((n) => Number(n.trim()));
    if (!numbers.every((n) => n >= 1 && n <= count)) continue;
    p.append(text.slice(last, m.index), '[');
    numbers.forEach((n, i) => {
      if (i > 0) p.append(', ');
      p.append(el('a', { className: 'cite', text: String(n), attrs: { href: `#${sourceId(key, n)}`, title: l.toSource(n) } }));
    });
    p.append(']');
    last = m.index + m[0].length;
  }
  p.append(text.slice(last));
  return p;
}

/**
 * Ended plan periods as one short line for the whole answer: ask()'s `expiry.short`, with its full
 * warning (which plans, check for a newer one) in the line's tooltip instead of among the warnings.
 * Each source still says «utløpt» after its period. Other warnings (personal data removed …) are shown
 * as they are.
 */
function splitWarnings(answer) {
  const expiry = answer.expiry;
  const others = answer.warnings.filter((w) => w !== expiry?.warning);
  if (!expiry) return { expiredLine: null, others };
  return { expiredLine: el('p', { className: 'expired-line', text: expiry.short, attrs: { title: expiry.warning } }), others };
}

function renderFeedback(answerId, l) {
  const status = el('span', { className: 'feedback-status', attrs: { role: 'status' } });
  const up = el('button', { className: 'vote', text: l.yes, attrs: { type: 'button', 'data-vote': 'up' } });
  const down = el('button', { className: 'vote', text: l.no, attrs: { type: 'button', 'data-vote': 'down' } });
  const box = el('div', { className: 'feedback' }, [el('span', { className: 'feedback-label', text: l.useful }), up, down, status]);
  const send = async (vote, button) => {
    up.disabled = down.disabled = true;
    try {
      const res = await fetch('/api/feedback', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ answerId, vote }),
      });
      if (!res.ok) throw new Error((await errorMessage(res)) ?? l.notSaved);
      button.setAttribute('aria-pressed', 'true');
      status.textContent = l.thanks;
    } catch (err) {
      status.textContent = err.message || l.notSaved;
      up.disabled = down.disabled = false;
    }
  };
  up.addEventListener('click', () => send('up', up));
  down.addEventListener('click', () => send('down', down));
  if (!answerId) box.hidden = true;
  return box;
}

function renderAnswer(item, answer, answerId) {
  const l = LABELS[answer.language] ?? LABELS.nb;
  item.classList.remove('pending');
  item.classList.toggle('not-found', !answer.found);
  if (answerId) item.dataset.answerId = answerId;
  const key = `a${++answerCount}`;
  const children = [
    el('span', { className: 'visually-hidden', text: l.answered }),
    renderAnswerText(answer.answer, answer.citations.length, l, key),
  ];
  const { expiredLine, others } = splitWarnings(answer);
  if (others.length) children.push(el('ul', { className: 'warnings' }, others.map((w) => el('li', { text: w }))));
  if (expiredLine) children.push(expiredLine);
  if (answer.citations.length) {
    children.push(el('h3', { className: 'sources-title', text: l.sources }));
    children.push(el('ol', { className: 'sources' }, answer.citations.map((c, i) => renderSource(c, i, l, key))));
  }
  children.push(renderFeedback(answerId, l));
  item.replaceChildren(...children);
}

function renderError(item, message) {
  item.classList.remove('pending');
  item.classList.add('error');
  item.replaceChildren(el('p', { className: 'message-text', text: message }));
}

async function errorMessage(res) {
  try {
    const body = await res.json();
    return body?.error?.message;
  } catch {
    return undefined;
  }
}

// ---------- asking ----------

async function askQuestion(question) {
  question = question.trim();
  if (busy) return;
  if (!question) {
    showFormError('Skriv et spørsmål først.');
    input.focus();
    return;
  }
  showFormError('');
  busy = true;
  askButton.disabled = true;
  welcome.hidden = true;
  renderUserMessage(question);
  const item = el('li', { className: 'message assistant pending', attrs: { 'aria-busy': 'true' } }, [
    el('p', { className: 'message-text', text: 'Veileder leter i planene …' }),
  ]);
  conversation.append(item);
  scrollToEnd(item);
  input.value = '';
  try {
    const res = await fetch('/api/ask', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ question, history: history.slice(-MAX_HISTORY_TURNS), filters: currentFilters() }),
    });
    if (!res.ok) {
      renderError(item, (await errorMessage(res)) ?? `Veileder kunne ikke svare (feil ${res.status}). Prøv igjen.`);
      return;
    }
    const answer = await res.json();
    renderAnswer(item, answer, res.headers.get('X-Answer-Id'));
    history.push({ role: 'user', text: question }, { role: 'assistant', text: answer.answer.slice(0, MAX_TURN_CHARS) });
  } catch {
    renderError(item, 'Fikk ikke kontakt med Veileder. Sjekk at serveren kjører, og prøv igjen.');
  } finally {
    item.removeAttribute('aria-busy');
    busy = false;
    askButton.disabled = false;
    scrollToEnd(item);
    input.focus();
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  askQuestion(input.value);
});

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});

$('new-conversation').addEventListener('click', () => {
  history = [];
  conversation.replaceChildren();
  welcome.hidden = false;
  showFormError('');
  input.focus();
});

// ---------- start ----------

async function loadMeta() {
  try {
    const res = await fetch('/api/meta');
    if (!res.ok) return;
    const meta = await res.json();
    documents = meta.documents;
    standardUrls = meta.standards ?? {};
    for (const owner of meta.owners) ownerSelect.append(el('option', { text: owner, attrs: { value: owner } }));
    fillDocumentOptions();
    examples.replaceChildren(
      ...meta.examples.map((q) => {
        const button = el('button', { className: 'example', text: q, attrs: { type: 'button' } });
        button.addEventListener('click', () => askQuestion(q));
        return el('li', {}, [button]);
      }),
    );
  } catch {
    welcome.hidden = true;
  }
}

loadMeta();
input.focus();
