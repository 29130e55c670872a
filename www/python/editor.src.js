// The "Your Python" editor: CodeMirror 6 with Python highlighting and
// indentation, line numbers, undo, search. esbuild bundles this file and its
// imports into python/editor.js (scripts/build-python-assets.mjs); the page
// imports that module only when the Python panel first opens.
//
// The editor lives in a shadow root of its host element. CodeMirror styles
// itself with a <style> element in a document, which the server's
// Content-Security-Policy (style-src 'self', no 'unsafe-inline') refuses;
// in a shadow root it uses a constructed stylesheet (adoptedStyleSheets),
// which the policy allows. So the page's CSS does not reach inside: the
// look is set here, with the page's CSS variables (they do inherit).
//
// It never changes what the student types:
//  - Enter always makes a new line. Completions open only on Ctrl+Space
//    (not while typing: at human speed a popup opened after every name
//    and Enter took its first suggestion, so `return peak` became
//    `return peak_bytes`); once asked for, Enter takes the one chosen.
//  - No automatic closing brackets or quotes: with them, `foo(` then
//    Enter put the `)` on a line of its own, and the `)` the student then
//    typed made two.
//  - Enter indents the new line as Python needs, and Backspace in that
//    indentation removes one level, as in IDLE or any code editor.
// Keyboard (the panel's help says the same):
//  - Tab indents when there is a selection or the cursor is in a line's
//    leading spaces; anywhere else it moves focus on, as does Shift+Tab.
//    Arriving in the editor with Tab, Tab passes through until a key is
//    typed, so tabbing through the page never indents line 1. Escape then
//    Tab always leaves (CodeMirror's escape hatch).
//  - Ctrl/Cmd+Enter runs the program (the panel binds it too, for the rest
//    of the panel).
// Long lines wrap while the editor is narrower than 80 columns (a phone
// showed 33 columns of a 70-column line), each continuation at its own
// line's indentation plus one level (a hanging indent), so a wrapped line
// never looks dedented, which in Python changes meaning.
// An error the run ended with marks its line (showError), scrolled into view.

import {
  Decoration, EditorView, GutterMarker, ViewPlugin, WidgetType, gutter, showPanel, keymap, lineNumbers, highlightActiveLineGutter, highlightSpecialChars, drawSelection, dropCursor,
  rectangularSelection, crosshairCursor, highlightActiveLine,
} from '@codemirror/view';
import { Compartment, EditorSelection, EditorState, Prec, RangeSet, StateEffect, StateField } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, indentLess, indentMore, isolateHistory } from '@codemirror/commands';
import {
  HighlightStyle, bracketMatching, foldGutter, foldKeymap, indentOnInput, indentUnit, syntaxHighlighting,
} from '@codemirror/language';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { tags as t } from '@lezer/highlight';
import { python } from '@codemirror/lang-python';

const MONO = 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace';

/** Deepest indentation (in columns) given its own hanging indent; deeper lines hang at this. */
const MAX_HANG = 48;

/**
 * `.hw-hang-N`: a wrapped line whose text starts at column N continues at
 * column N + 4. The first row is where it always was: padding-left moves
 * the whole line right, text-indent moves its first row back. (Classes in
 * the editor's own stylesheet: a style attribute per line would be refused
 * by the Content-Security-Policy.) 6px is CodeMirror's own padding.
 */
function hangingIndents() {
  const rules = {};
  for (let n = 0; n <= MAX_HANG; n++) rules[`.cm-lineWrapping .hw-hang-${n}`] = { paddingLeft: `calc(${n + 4}ch + 6px)`, textIndent: `-${n + 4}ch` };
  rules['.cm-lineWrapping .hw-indent'] = { whiteSpace: 'pre' };
  return rules;
}

/** Columns of `text`'s leading whitespace (a tab to the next multiple of 4). */
function indentColumns(text) {
  let columns = 0;
  for (const c of text) {
    if (c === ' ') columns += 1;
    else if (c === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return Math.min(columns, MAX_HANG);
}

const KEEP_INDENT = Decoration.mark({ class: 'hw-indent' });

/**
 * A place a wrapped line may break: a <wbr> after a `.`, `(`, `[` or `,`,
 * so a long call such as `time.perf_counter()` wraps at `perf_counter` on
 * a phone rather than inside the name (without one, the line's only
 * places to break are its spaces, and a name longer than the row is cut
 * anywhere). It takes no width and has no effect unless lines wrap.
 */
class BreakHere extends WidgetType {
  eq() { return true; }
  toDOM() { return document.createElement('wbr'); }
  ignoreEvent() { return false; }
}
const BREAK_HERE = Decoration.widget({ widget: new BreakHere(), side: 1 });
const BREAK_AFTER = /[.(\[,](?=\S)/g;
const hangDecorations = new Map();
const hangAt = (n) => {
  if (!hangDecorations.has(n)) hangDecorations.set(n, Decoration.line({ class: `hw-hang-${n}` }));
  return hangDecorations.get(n);
};

/** Every visible line gets its hanging indent (only wrapped lines show it: see hangingIndents). */
const hangingIndent = ViewPlugin.fromClass(
  class {
    constructor(view) {
      this.decorations = this.build(view);
    }

    update(update) {
      if (update.docChanged || update.viewportChanged) this.decorations = this.build(update.view);
    }

    build(view) {
      const ranges = [];
      for (const { from, to } of view.visibleRanges) {
        for (let pos = from; pos <= to; ) {
          const line = view.state.doc.lineAt(pos);
          ranges.push(hangAt(indentColumns(line.text)).range(line.from));
          // No break inside or right after the indentation: a line whose
          // first word is long would otherwise show an empty first row.
          const spaces = /^[ \t]*/.exec(line.text)[0].length;
          if (spaces > 0 && spaces < line.length) ranges.push(KEEP_INDENT.range(line.from, line.from + spaces));
          for (const found of line.text.matchAll(BREAK_AFTER)) ranges.push(BREAK_HERE.range(line.from + found.index + 1));
          pos = line.to + 1;
        }
      }
      return Decoration.set(ranges, true);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

// The error the last run ended with: its line marked
// (data-testid python-error-line, its message as the title) until that line
// is edited or the next run clears it; other edits carry the mark along.
const setError = StateEffect.define();

/**
 * The error bar under the editor while an error is shown: the error in
 * words and the traceback's lines in the student's program (File
 * "solution.py", line N, in name), innermost last, each a button that puts
 * the cursor on that line. The page draws none of this: buttons it drew
 * cost its first load about 600 B.
 */
const errorBar = StateField.define({
  create: () => null,
  update(bar, tr) {
    for (const effect of tr.effects) if (effect.is(setError)) return effect.value.line >= 1 ? effect.value : null;
    return bar;
  },
  provide: (field) => showPanel.from(field, (bar) => (bar ? (view) => errorBarPanel(view, bar) : null)),
});

function errorBarPanel(view, { line, message, traceback }) {
  const dom = document.createElement('div');
  dom.className = 'hw-error-bar';
  dom.setAttribute('role', 'group');
  dom.setAttribute('aria-label', 'Where your program stopped');
  dom.dataset.testid = 'python-error-bar';
  const words = document.createElement('span');
  words.textContent = `${message || 'Error'}. Go to: `;
  dom.append(words);
  const frames = [...String(traceback ?? '').matchAll(/File "solution\.py", line (\d+)(?:, in ([^\n]+))?/g)]
    .map((m) => ({ n: Number(m[1]), where: m[2] }));
  if (!frames.some((f) => f.n === line)) frames.push({ n: line, where: null });
  frames.forEach(({ n, where }, i) => {
    if (i > 0) dom.append(' \u2192 ');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'hw-line-link';
    button.dataset.testid = 'python-go-to-line';
    button.dataset.line = String(n);
    button.textContent = where ? `line ${n} (${where})` : `line ${n}`;
    button.addEventListener('click', () => goToLineOf(view, n));
    dom.append(button);
  });
  return { dom, top: false };
}

/** The cursor to line `n`'s start, scrolled into view, the editor focused. */
function goToLineOf(view, n) {
  const line = view.state.doc.line(Math.min(Math.max(1, n), view.state.doc.lines));
  view.dispatch({ selection: EditorSelection.cursor(line.from), scrollIntoView: true });
  view.focus();
}

const errorLine = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const effect of tr.effects) {
      if (effect.is(setError)) {
        const { line, message } = effect.value;
        if (!(line >= 1 && line <= tr.state.doc.lines)) return Decoration.none;
        const at = tr.state.doc.line(line).from;
        const mark = Decoration.line({ class: 'hw-error-line', attributes: { 'data-testid': 'python-error-line', 'data-line': String(line), title: message } });
        return Decoration.set([mark.range(at)]);
      }
    }
    if (!tr.docChanged || marks.size === 0) return marks;
    let touched = false;
    marks.between(0, tr.startState.doc.length, (from) => {
      const line = tr.startState.doc.lineAt(from);
      if (tr.changes.touchesRange(line.from, line.to)) touched = true;
    });
    return touched ? Decoration.none : marks.map(tr.changes);
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** Dark like the page's code blocks (www/style.css pre, .hl-*), in either page theme. */
const look = EditorView.theme(
  {
    // Sized by the page (www/style.css, .py-editor): custom properties cross the shadow root.
    '&': {
      color: '#e8edf2', backgroundColor: '#1f2630', fontSize: 'var(--editor-font, 15px)',
      height: 'var(--editor-height, auto)', maxHeight: 'var(--editor-max, 70vh)',
    },
    '.cm-scroller': { fontFamily: MONO, lineHeight: '1.5', minHeight: 'var(--editor-min, 16rem)' },
    '.cm-content': { caretColor: '#ffffff' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: '#ffffff', borderLeftWidth: '2px' },
    '&.cm-focused': { outline: 'none' },
    '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection':
      { backgroundColor: '#3d5a80' },
    '.cm-gutters': { backgroundColor: '#19202a', color: '#93a1ad', border: 'none' },
    '.cm-activeLine': { backgroundColor: '#ffffff0d' },
    '.cm-activeLineGutter': { backgroundColor: '#ffffff14', color: '#e8edf2' },
    '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': { backgroundColor: '#4b6a8f', color: '#ffffff' },
    '.cm-panels': { backgroundColor: '#19202a', color: '#e8edf2' },
    '.hw-mem-gutter .cm-gutterElement': { display: 'flex', alignItems: 'center' },
    '.hw-mem': {
      display: 'flex', flexDirection: 'column', boxSizing: 'border-box', width: '100%', padding: '0 6px 0 4px',
      fontSize: 'var(--editor-mark-font, 11px)', lineHeight: '1.1', color: '#c3ccd5', textAlign: 'right',
    },
    '.hw-mem-top': { color: '#ffd479', fontWeight: '700' },
    '.hw-mem-bar': { display: 'block', minWidth: '2px', height: '3px', marginTop: '1px', backgroundColor: '#5fa8d3', alignSelf: 'flex-end' },
    '.hw-mem-top .hw-mem-bar': { backgroundColor: '#ffb347' },
    // On a phone the marks are bars only (the figures are in the table and
    // each mark's title): the code keeps about 80 px, ten more columns.
    '@media (max-width: 600px)': {
      '.hw-mem-text': { display: 'none' },
      '.hw-mem': { minWidth: '22px', padding: '0 4px 0 2px' },
    },
    '.cm-tooltip': { backgroundColor: '#19202a', color: '#e8edf2', border: '1px solid #56606c' },
    // The line an error stopped at (showError): a band and a bar at its left edge, not colour alone.
    '.hw-error-line': { backgroundColor: '#7a1f1a66', boxShadow: 'inset 4px 0 0 #ff8a7a' },
    '.hw-error-line.cm-activeLine': { backgroundColor: '#8c2a2280' },
    '.cm-panels-bottom': { borderTop: '1px solid #56606c' },
    '.hw-error-bar': { padding: '4px 8px', color: '#ffb4a6', fontFamily: 'system-ui, sans-serif', fontSize: 'var(--editor-note-font, 14px)', lineHeight: '1.6' },
    '.hw-line-link': {
      font: 'inherit', color: '#ffd479', background: 'none', border: '0', padding: '0 2px', margin: '0',
      textDecoration: 'underline', textUnderlineOffset: '2px', cursor: 'pointer',
    },
    '.hw-line-link:focus-visible': { outline: '2px solid #ffd479', outlineOffset: '1px' },
    ...hangingIndents(),
  },
  { dark: true },
);

// Memory by line: beside each line that held traced memory at the
// run's peak, the bytes and a bar in proportion to the largest line. The page
// sends the marks after a run (setLineMemory); any edit clears them, since
// line numbers no longer match the run. The same figures are in the page's
// "Memory by line" table, which keyboard and screen reader reach; here a
// mark's title gives the blocks and the bytes at the end of the run.
const setMemory = StateEffect.define();

class MemoryMark extends GutterMarker {
  constructor(mark) {
    super();
    this.mark = mark;
  }

  eq(other) {
    return other.mark === this.mark;
  }

  toDOM() {
    const { line, bytes, label, detail, share, top } = this.mark;
    const mark = document.createElement('span');
    mark.className = top ? 'hw-mem hw-mem-top' : 'hw-mem';
    if (line > 0) {
      // Not on the spacer (line 0), which only sizes the gutter.
      mark.dataset.testid = 'python-gutter-memory';
      mark.dataset.line = String(line);
      mark.dataset.bytes = String(bytes);
      mark.title = detail;
    }
    const text = document.createElement('span');
    text.className = 'hw-mem-text';
    text.textContent = label;
    const bar = document.createElement('span');
    bar.className = 'hw-mem-bar';
    // A CSSOM property, which the Content-Security-Policy allows (a style attribute it would not).
    bar.style.width = `${Math.max(2, Math.round(share * 100))}%`;
    mark.append(text, bar);
    return mark;
  }
}

const SPACER = new MemoryMark({ line: 0, bytes: 0, label: '888.8 MiB', detail: '', share: 0, top: false });

/** The gutter's width while there are no marks: none (a phone has no 107 px to spare). */
class NoMark extends GutterMarker {
  toDOM() {
    return document.createElement('span');
  }
}
const NO_MARK = new NoMark();
const spacerFor = (state) => (state.field(memoryMarks).size ? SPACER : NO_MARK);

const memoryMarks = StateField.define({
  create: () => RangeSet.empty,
  update(marks, tr) {
    for (const effect of tr.effects) {
      if (effect.is(setMemory)) {
        const doc = tr.state.doc;
        const ranges = effect.value
          .filter((m) => m.line >= 1 && m.line <= doc.lines)
          .sort((a, b) => a.line - b.line)
          .map((m) => new MemoryMark(m).range(doc.line(m.line).from));
        return RangeSet.of(ranges);
      }
    }
    return tr.docChanged ? RangeSet.empty : marks;
  },
});

const memoryGutter = [
  memoryMarks,
  gutter({
    class: 'hw-mem-gutter',
    markers: (view) => view.state.field(memoryMarks),
    initialSpacer: (view) => spacerFor(view.state),
    updateSpacer: (_, update) => spacerFor(update.state),
  }),
];

/** Where Tab indents: a selection, or every cursor in its line's leading spaces. */
function tabIndents(state) {
  return state.selection.ranges.every((r) => {
    if (!r.empty) return true;
    const line = state.doc.lineAt(r.head);
    return /^[ \t]*$/.test(line.text.slice(0, r.head - line.from));
  });
}

/** Tab and Shift+Tab: indent there (see tabIndents), else not handled, so focus moves on. */
const tabKeys = keymap.of([
  { key: 'Tab', run: (view) => tabIndents(view.state) && indentMore(view) },
  { key: 'Shift-Tab', run: (view) => tabIndents(view.state) && indentLess(view) },
]);

/** Long lines wrap while the editor is narrower than this many columns (a phone showed 33). */
const WRAP_BELOW_COLUMNS = 80;

/** A day: Tab passes through until another key is pressed. */
const UNTIL_A_KEY = 24 * 3600 * 1000;

const colours = HighlightStyle.define([
  { tag: t.comment, color: '#93a1ad', fontStyle: 'italic' },
  { tag: [t.string, t.special(t.string)], color: '#a8d58f' },
  { tag: [t.number, t.bool, t.null], color: '#f2b880' },
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: '#ff9d8a', fontWeight: '600' },
  { tag: [t.function(t.variableName), t.function(t.definition(t.variableName)), t.function(t.propertyName)], color: '#f0d879' },
  { tag: [t.className, t.definition(t.className), t.typeName], color: '#7fc8e8' },
  { tag: [t.self, t.special(t.variableName)], color: '#e89bd5' },
  { tag: t.invalid, color: '#ffb4a6' },
]);

// "Copy link with my code": the text travels in the link's
// fragment (#code=...), never sent to any server: deflate-raw by the
// browser's CompressionStream, then base64url. Reading one back stops at
// CODE_MAX_BYTES of text, so a crafted link cannot fill the memory.
const CODE_MAX_BYTES = 1 << 20;

/** The text, compressed, as base64url (what follows `#code=`). */
async function packCode(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** packCode's inverse; rejects with a sentence for a link that is not one. */
async function unpackCode(packed) {
  let bytes;
  try {
    const base64 = packed.replaceAll('-', '+').replaceAll('_', '/');
    bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  } catch {
    throw new Error('the code in the link is not base64url text (was the link cut short?)');
  }
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > CODE_MAX_BYTES) {
        await reader.cancel();
        throw new Error(`the code in the link is longer than ${CODE_MAX_BYTES} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (size > CODE_MAX_BYTES) throw error;
    throw new Error('the code in the link could not be decompressed (was the link cut short?)');
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(all);
  } catch {
    throw new Error('the code in the link is not UTF-8 text');
  }
}

/**
 * Scrolls the editor's own box (never the page) so line `n` is in its view,
 * in the middle when it was out of it. Lines not drawn yet have estimated
 * heights (wrapped lines most of all), so it looks again once the lines
 * around the target are drawn, a few times at most.
 */
function scrollToLine(view, n, tries = 4) {
  const at = view.state.doc.line(n).from;
  view.requestMeasure({
    read: () => {
      const block = view.lineBlockAt(at);
      const box = view.scrollDOM;
      // Where the document's top is in the box's scrolled content.
      const origin = view.documentTop - box.getBoundingClientRect().top + box.scrollTop;
      const top = origin + block.top;
      const inside = top >= box.scrollTop && top + block.height <= box.scrollTop + box.clientHeight;
      return inside ? null : Math.max(0, top - (box.clientHeight - block.height) / 2);
    },
    write: (scrollTop) => {
      if (scrollTop === null) return;
      view.scrollDOM.scrollTop = scrollTop;
      if (tries > 1) requestAnimationFrame(() => scrollToLine(view, n, tries - 1));
    },
  });
}

/**
 * Mounts an editor in `parent` (in a shadow root of it).
 *   doc       initial text
 *   label     accessible name of the text area
 *   onChange  (text) => void, after every change
 *   onRun     () => void, on Ctrl/Cmd+Enter
 * Returns { getText, setText, focus, destroy, packCode, unpackCode, setLineMemory, goToLine, showError }.
 * setLineMemory(marks) shows memory beside lines ([{ line, bytes, label, detail, share, top }],
 * [] clears); goToLine(n) puts the cursor at line n's start, scrolled into view, focused;
 * showError(n, message, traceback) marks line n as where the program stopped, in the middle
 * of the editor's view if it was out of it (the page does not scroll, the focus stays), and
 * shows the error bar with the traceback's lines as buttons; 0 clears both.
 * setText is one undoable change, so Ctrl+Z brings back what it replaced.
 * packCode(text) and unpackCode(packed) are promises (see above).
 */
export function createEditor({ parent, doc = '', label = 'Python code', onChange = () => {}, onRun = () => {} }) {
  const root = parent.shadowRoot ?? parent.attachShadow({ mode: 'open' });
  const mount = document.createElement('div');
  mount.style.height = '100%';
  root.append(mount);
  const runKeys = Prec.highest(
    keymap.of([
      {
        key: 'Mod-Enter',
        run: () => {
          onRun();
          return true;
        },
      },
    ]),
  );
  const wrapping = new Compartment();
  const view = new EditorView({
    parent: mount,
    root,
    state: EditorState.create({
      doc,
      extensions: [
        runKeys,
        // codemirror's basicSetup without closeBrackets, completion while typing or indentWithTab (see above).
        lineNumbers(),
        memoryGutter,
        errorLine,
        errorBar,
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        foldGutter(),
        drawSelection(),
        dropCursor(),
        EditorState.allowMultipleSelections.of(true),
        indentOnInput(),
        bracketMatching(),
        autocompletion({ activateOnTyping: false }),
        rectangularSelection(),
        crosshairCursor(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        tabKeys,
        keymap.of([...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...completionKeymap]),
        wrapping.of([]),
        hangingIndent,
        indentUnit.of('    '),
        EditorState.tabSize.of(4),
        python(),
        look,
        syntaxHighlighting(colours),
        // tabindex: already focusable (contenteditable), said explicitly so checkers such as axe see it.
        EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  const goToLine = (n) => goToLineOf(view, n);
  let wrapped = false;
  const fit = () => {
    const gutters = view.dom.querySelector('.cm-gutters')?.offsetWidth ?? 0;
    const narrow = view.scrollDOM.clientWidth - gutters < WRAP_BELOW_COLUMNS * view.defaultCharacterWidth;
    if (narrow !== wrapped) {
      wrapped = narrow;
      view.dispatch({ effects: wrapping.reconfigure(narrow ? EditorView.lineWrapping : []) });
    }
  };
  const resized = new ResizeObserver(() => fit());
  resized.observe(view.scrollDOM);
  // Focus that arrives by keyboard (Tab, Shift+Tab, or the panel moving it
  // here) lets Tab pass through until a key is typed; a click does not.
  let pointed = false;
  const onPointer = () => {
    pointed = true;
    view.setTabFocusMode(false);
  };
  const onFocus = () => {
    if (!pointed) view.setTabFocusMode(UNTIL_A_KEY);
  };
  const onBlur = () => {
    pointed = false;
  };
  view.dom.addEventListener('pointerdown', onPointer, true);
  view.contentDOM.addEventListener('focus', onFocus);
  view.contentDOM.addEventListener('blur', onBlur);
  return {
    getText: () => view.state.doc.toString(),
    setText: (text) => {
      if (text === view.state.doc.toString()) return;
      // Its own undo step, never merged with a change made just before.
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, annotations: isolateHistory.of('full') });
    },
    focus: () => view.focus(),
    setLineMemory: (marks) => view.dispatch({ effects: setMemory.of(Array.from(marks ?? [])) }),
    showError: (line, message, traceback) => {
      view.dispatch({ effects: setError.of({ line, message, traceback }) });
      if (line >= 1 && line <= view.state.doc.lines) scrollToLine(view, line);
    },
    goToLine,
    packCode,
    unpackCode: (packed) => unpackCode(packed).catch((error) => Promise.reject(error.message)),
    destroy: () => {
      resized.disconnect();
      view.destroy();
      mount.remove();
    },
  };
}
