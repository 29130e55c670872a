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
// Keyboard: Tab indents (indentWithTab), so Tab alone does not leave the
// editor; Escape then Tab (within two seconds) moves focus on, as
// CodeMirror's tab-focus mode does, and the panel says so. Ctrl/Cmd+Enter
// runs the program.

import { basicSetup } from 'codemirror';
import { EditorView, keymap } from '@codemirror/view';
import { EditorState, Prec } from '@codemirror/state';
import { indentWithTab, isolateHistory } from '@codemirror/commands';
import { HighlightStyle, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { python } from '@codemirror/lang-python';

const MONO = 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace';

/** Dark like the page's code blocks (www/style.css pre, .hl-*), in either page theme. */
const look = EditorView.theme(
  {
    '&': { color: '#e8edf2', backgroundColor: '#1f2630', fontSize: '15px', maxHeight: '70vh' },
    '.cm-scroller': { fontFamily: MONO, lineHeight: '1.5', minHeight: '16rem' },
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
    '.cm-tooltip': { backgroundColor: '#19202a', color: '#e8edf2', border: '1px solid #56606c' },
  },
  { dark: true },
);

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

/**
 * Mounts an editor in `parent` (in a shadow root of it).
 *   doc       initial text
 *   label     accessible name of the text area
 *   onChange  (text) => void, after every change
 *   onRun     () => void, on Ctrl/Cmd+Enter
 * Returns { getText, setText, focus, destroy }. setText is one undoable
 * change, so Ctrl+Z brings back what it replaced.
 */
export function createEditor({ parent, doc = '', label = 'Python code', onChange = () => {}, onRun = () => {} }) {
  const root = parent.shadowRoot ?? parent.attachShadow({ mode: 'open' });
  const mount = document.createElement('div');
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
  const view = new EditorView({
    parent: mount,
    root,
    state: EditorState.create({
      doc,
      extensions: [
        runKeys,
        basicSetup,
        keymap.of([indentWithTab]),
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
  return {
    getText: () => view.state.doc.toString(),
    setText: (text) => {
      if (text === view.state.doc.toString()) return;
      // Its own undo step, never merged with a change made just before.
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, annotations: isolateHistory.of('full') });
    },
    focus: () => view.focus(),
    destroy: () => {
      view.destroy();
      mount.remove();
    },
  };
}
