// Where a module or class name says a frame's file is: Java/Kotlin `com.x.Foo$Bar` →
// `com/x/Foo.java`, Python `app.users.views` → `app/users/views.py`, .NET namespaces → `.cs`.

import type { Platform, StackFrame } from '../incident/model';

export interface ModuleCandidate {
  /** Path segments to match against the end of tracked paths. */
  segments: string[];
  describe: string;
}

const JVM_SOURCE = /\.(java|kt|kts|scala|groovy|clj)$/;
const DOTTED = /^[\w$]+(\.[\w$]+)+$/;

function jvmCandidates(module: string, file: string): ModuleCandidate[] {
  const dot = module.lastIndexOf('.');
  const pkg = module.slice(0, dot).split('.');
  const outer = module.slice(dot + 1).split('$')[0];
  // The source file name is in the frame unless the class was compiled without debug info.
  const names = file && JVM_SOURCE.test(file) ? [file] : [`${outer}.java`, `${outer.replace(/Kt$/, '')}.kt`];
  return names.map((name) => ({ segments: [...pkg, name], describe: `class ${module} → ${[...pkg, name].join('/')}` }));
}

function pythonCandidates(module: string): ModuleCandidate[] {
  const parts = module.split('.');
  const asFile = [...parts.slice(0, -1), `${parts[parts.length - 1]}.py`];
  const asPackage = [...parts, '__init__.py'];
  return [
    { segments: asFile, describe: `module ${module} → ${asFile.join('/')}` },
    { segments: asPackage, describe: `package ${module} → ${asPackage.join('/')}` },
  ];
}

/** Path candidates from the frame's module or class name, for runtimes that report one. */
export function moduleCandidates(frame: StackFrame, platform?: Platform): ModuleCandidate[] {
  const module = frame.module;
  if (!module || !DOTTED.test(module.replace(/\$/g, '_'))) {
    if (module && /^[\w]+$/.test(module) && (platform === 'python' || /\.py$/.test(frame.file))) return pythonCandidates(module);
    return [];
  }
  const file = frame.file.replace(/\\/g, '/').split('/').pop() ?? '';
  if (platform === 'java' || JVM_SOURCE.test(file) || (platform === undefined && module.includes('$'))) return jvmCandidates(module, file);
  if (platform === 'python' || /\.py$/.test(file)) return pythonCandidates(module);
  if (platform === 'csharp' && !file) {
    const parts = module.split('.');
    const segments = [...parts.slice(0, -1), `${parts[parts.length - 1]}.cs`];
    return [{ segments, describe: `type ${module} → ${segments.join('/')}` }];
  }
  return [];
}
