// Definitions and references by name, read from source lines with patterns that cover the
// languages CauseLens reads. A commit that removed the definition of a name the code still uses
// (a rename that missed a caller, an export dropped) breaks at run time in dynamic languages,
// often far from the stack and sometimes behind a catch that reports something else.

const NAME = String.raw`[A-Za-z_$][\w$]*`;

/** Lines that define a callable or an exported member, capturing its name. */
const CALLABLE_DEFINITIONS = [
  new RegExp(String.raw`\b(?:function\*?|def|class|interface|enum|struct)\s+(${NAME})`),
  new RegExp(String.raw`\b(?:const|let|var)\s+(${NAME})\s*=\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*=>|${NAME}\s*=>)`),
  new RegExp(String.raw`^\s*(?:module\.)?exports\.(${NAME})\s*=`),
  new RegExp(String.raw`^\s*(${NAME})\s*:\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*=>|\1\b)`),
  new RegExp(String.raw`^\s*(?:(?:public|private|protected|static|final|abstract|synchronized)\s+)+[\w<>\[\],.? ]+\s+(${NAME})\s*\(`),
];

/** Any binding of a name: the definitions above plus assignments, declarations and members. */
const ANY_DEFINITION = new RegExp(String.raw`(?:\b(?:const|let|var|import|as)\s+(${NAME}))|(?:^\s*(?:self\.|this\.|exports\.|module\.exports\.)?(${NAME})\s*(?::(?!:)|=(?!=)))`);
const KEYWORD = /^(?:if|for|while|switch|catch|function|return|else|do|try|with|new|typeof|await)$/;

/** The callable or exported member a line defines, if any. */
export function definedName(line: string): string | undefined {
  for (const pattern of CALLABLE_DEFINITIONS) {
    const name = pattern.exec(line)?.[1];
    if (name && !KEYWORD.test(name)) return name;
  }
  return undefined;
}

/**
 * A member set on an object (`exports.x =`, `this.x =`, `self.x =`, `x:` in a literal): reached
 * through its object, never by its bare name. Python's annotated `x: int = 0` is a binding.
 */
const MEMBER_DEFINITION = new RegExp(String.raw`^\s*(?:(?:self|this|exports|module\.exports)\.(${NAME})\s*=(?!=)|(${NAME})\s*:(?!:)(?![\w.\[\], ]*=(?!=)))`);

/**
 * Names a set of source files call but nowhere define (neither as a callable nor as any
 * binding): library functions and builtins, and callables whose definition has gone. With
 * `bindingsOnly`, for names called by themselves (`lte(a, b)`): a member of that name
 * (`exports.lte = ...`) does not bind it, and the runtime says it "is not defined".
 */
export function unresolvedNames(texts: readonly string[], symbolNames: Iterable<string>, calledNames: Iterable<string>, bindingsOnly = false): string[] {
  const defined = new Set(symbolNames);
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const member = bindingsOnly ? MEMBER_DEFINITION.exec(line) : null;
      const memberName = member?.[1] ?? member?.[2];
      const any = ANY_DEFINITION.exec(line);
      for (const name of [definedName(line), any?.[1] ?? any?.[2]]) if (name && name !== memberName) defined.add(name);
    }
  }
  return [...new Set(calledNames)].filter((name) => name.length >= 3 && !defined.has(name) && !KEYWORD.test(name));
}

/**
 * Languages where a call to a name nobody defines fails only when it runs; compiled ones
 * (Java, C#, Go, Rust) refuse to build instead, so a dangling name there is not a crash cause.
 */
export function bindsAtRunTime(language: string | undefined): boolean {
  return language === 'javascript' || language === 'typescript' || language === 'tsx' || language === 'python' || language === 'ruby' || language === 'php';
}

/**
 * A test for lines that define `name`: a function, method, class or variable binding of it, and
 * (unless only bindings count, as for "x is not defined") a property or export of that name.
 */
export function definitionOf(name: string, bindingsOnly: boolean): RegExp {
  const n = name.replace(/[$]/g, '\\$');
  const binding = `(?:\\b(?:function\\*?|def|class|fn|func|interface|enum|struct|const|let|var|module|sub)\\s+${n}\\b)` +
    `|(?:^\\s*(?:async\\s+)?${n}\\s*\\([^)]*\\)\\s*\\{)|(?:\\b(?:public|private|protected|static)\\b[^=(]*\\b${n}\\s*\\()`;
  const member = `|(?:^\\s*${n}\\s*[:=](?!=))|(?:\\bexports\\.${n}\\s*=)`;
  return new RegExp(binding + (bindingsOnly ? '' : member), 'i');
}

/** Assignment targets at the start of a line: `x =`, `a, (b, c) =`, `[a, b] =`, but not `x ==` or `x.y =`. */
const ASSIGNED = /^\s*(?:\(?\s*[A-Za-z_$][\w$]*\s*\)?\s*,\s*)*\(?\s*\[?\s*[A-Za-z_$][\w$]*(?:\s*,\s*\*?[A-Za-z_$][\w$]*)*\s*\]?\s*\)?\s*(?:\+|-|\*|\/|\|)?=(?!=)/;
/** Declarations: `const|let|var x`, `const { a, b: c }`, `const [a, b]`, Java's `Type name =` / `var name =`. */
const DECLARED = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*|\{[^}]*\}|\[[^\]]*\])|^\s*(?:final\s+)?[A-Z][\w$.]*(?:<[^=]*>)?(?:\[\])*\s+([a-z_$][\w$]*)\s*=(?!=)/;
/** Loop variables, `with ... as x`, `catch (E e)`, `except E as e`. */
const LOOP_OR_ALIAS = /\bfor\s*\(?\s*(?:(?:const|let|var|final)\s+)?(?:[A-Z][\w$.<>]*\s+)?([\w$, ()\[\]{}]+?)\s+(?:in|of|:)\s|\bas\s+([A-Za-z_$][\w$]*)|\bcatch\s*\(\s*(?:[\w$.|\s]+\s+)?([A-Za-z_$][\w$]*)\s*\)/;
const PARAMETERS = /^\s*(?:async\s+)?def\s+[\w$]+\s*\(([^)]*)\)/;
const NAMES = new RegExp(NAME, 'g');

/**
 * The names a block of code binds for itself (locals, loop variables, a Python function's
 * parameters, such as pytest's fixtures): a test's own names for the values it checks.
 */
export function localBindings(lines: readonly string[]): Set<string> {
  const bound = new Set<string>();
  const add = (text: string | undefined) => {
    // An object pattern binds what follows a key (`{ body: content }`); elsewhere `: x` is a type.
    const names = text?.startsWith('{') ? text.replace(/[\w$]+\s*:/g, '') : (text ?? '').replace(/:\s*[^,)]+/g, '');
    for (const m of names.replace(/=[^,)}\]]*/g, '').matchAll(NAMES)) bound.add(m[0]);
  };
  for (const line of lines) {
    const assigned = ASSIGNED.exec(line);
    if (assigned) add(assigned[0].replace(/[-+*/|]?=$/, ''));
    const declared = DECLARED.exec(line);
    if (declared) add(declared[1] ?? declared[2]);
    const loop = LOOP_OR_ALIAS.exec(line);
    if (loop) add(loop[1] ?? loop[2] ?? loop[3]);
    const params = PARAMETERS.exec(line);
    if (params) add(params[1]);
  }
  for (const keyword of ['self', 'cls', 'this', 'in', 'of', 'const', 'let', 'var', 'final']) bound.delete(keyword);
  return bound;
}
