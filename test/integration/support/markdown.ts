// The text of hovers as a reader sees it: markdown escapes and non-breaking spaces undone.
import type * as vscode from 'vscode';

export function markdownText(hovers: vscode.Hover[]): string {
  return readable(hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n'));
}

/** Markdown source as read: MarkdownString.appendText escapes punctuation and turns spaces into &nbsp;. */
export function readable(markdown: string): string {
  return markdown.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
}
