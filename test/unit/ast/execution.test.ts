// How far a function had run at a frame's line: the rest of a multi-line statement, a
// compound statement's header only, whole loops and try statements, in JavaScript, Python and Java.

import * as assert from 'node:assert/strict';
import { enclosingSymbols, executedThrough, parseSource, withSyntaxTree, type LanguageId } from '../../../src/core/ast';

/** executedThrough for `line` of `text`, within the innermost function around it. */
async function through(language: LanguageId, text: string, line: number): Promise<number> {
  const syntax = await parseSource(language, text);
  const symbol = enclosingSymbols(syntax, line).find((s) => s.kind === 'function' || s.kind === 'method');
  assert.ok(symbol, `no function encloses line ${line}`);
  const column = Math.max(0, text.split('\n')[line - 1].search(/\S/));
  return withSyntaxTree(language, text, (tree) => executedThrough(tree, line, column, symbol));
}

const RECEIPT = `function renderReceipt(order) {
  const recipient = order.customer.email;
  const lines = order.lines.map((line) =>
    format(line));
  if (order.total &&
      order.total > 0) {
    log(order.total);
  }
  return [recipient, ...lines].join('\\n');
}
`;

describe('code model: how far a function had run at a frame', () => {
  it('stops at the frame line: the lines below had not run in that call', async () => {
    assert.equal(await through('javascript', RECEIPT, 2), 2);
  });

  it('includes the rest of a statement spread over several lines', async () => {
    assert.equal(await through('javascript', RECEIPT, 3), 4);
  });

  it("includes a compound statement's header but not its body", async () => {
    assert.equal(await through('javascript', RECEIPT, 5), 6);
  });

  it('includes the whole loop around the line: later lines ran in earlier iterations', async () => {
    const text = `function total(items) {
  let sum = 0;
  for (const item of items) {
    sum += item.price.amount;
    item.seen = true;
  }
  return sum;
}
`;
    assert.equal(await through('javascript', text, 4), 6);
  });

  it('includes the handlers of a try around the line, in Python', async () => {
    const text = `def load(path):
    try:
        data = read(path)
        value = data["key"]
    except KeyError:
        value = None
    finally:
        close(path)
    return value.strip()
`;
    assert.equal(await through('python', text, 3), 8);
    assert.equal(await through('python', text, 9), 9);
  });

  it('includes while loops in Python and Java, and stops at the line outside them', async () => {
    const py = `def drain(queue):
    first = queue.head
    while queue:
        item = queue.pop()
        handle(item)
    return first.name
`;
    assert.equal(await through('python', py, 4), 5);
    assert.equal(await through('python', py, 2), 2);
    const java = `class Drain {
  String run(Queue q) {
    String first = q.head().name();
    while (!q.isEmpty()) {
      handle(q.pop());
      count++;
    }
    return first;
  }
}
`;
    assert.equal(await through('java', java, 5), 7);
    assert.equal(await through('java', java, 3), 3);
  });
});
