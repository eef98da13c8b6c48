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
 * Names a set of source files call but nowhere define (neither as a callable nor as any
 * binding): library functions and builtins, and callables whose definition has gone.
 */
export function unresolvedNames(texts: readonly string[], symbolNames: Iterable<string>, calledNames: Iterable<string>): string[] {
  const defined = new Set(symbolNames);
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const own = definedName(line);
      if (own) defined.add(own);
      const any = ANY_DEFINITION.exec(line);
      if (any) defined.add(any[1] ?? any[2]);
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
