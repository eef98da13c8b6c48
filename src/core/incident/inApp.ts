// Decides whether a frame is the application's own code or a library/runtime frame, from the
// path, module or function conventions of each runtime (node_modules, site-packages, java.*, GOROOT…).

const LIBRARY_PATH = new RegExp(
  [
    String.raw`(^|[\\/])node_modules[\\/]`,
    String.raw`(^|[\\/])bower_components[\\/]`,
    String.raw`(^|[\\/])(site|dist)-packages[\\/]`,
    String.raw`(^|[\\/])vendor[\\/]`,
    String.raw`[\\/]lib(64)?[\\/]python\d(\.\d+)?[\\/]`, // CPython standard library
    String.raw`[\\/]Python\d+[\\/]Lib[\\/]`, // Windows CPython standard library
    String.raw`(^|[\\/])(go|libexec)[\\/]src[\\/]`, // GOROOT/src
    String.raw`[\\/]usr[\\/](local[\\/])?lib[\\/]go(-[\d.]+)?[\\/]`,
    String.raw`[\\/]pkg[\\/]mod[\\/]`, // Go module cache
    String.raw`[\\/](gems|rubygems)[\\/]`,
    String.raw`[\\/]lib[\\/]ruby[\\/]`,
    String.raw`^webpack[\\/]bootstrap`,
  ].join('|'),
);

const RUNTIME_PSEUDO_FILE = /^(node:|internal[\\/]|<frozen |<string>|<stdin>|<anonymous>|native$|\[native code\]|\[internal function\]|(chrome|moz|safari(-web)?)-extension:)/;

/** The platform, and the test frameworks whose frames sit between a failing assertion and the test. */
const JVM_LIBRARY_MODULE = /^(java|javax|jdk|sun|com\.sun|kotlin|kotlinx|scala|org\.junit|junit|org\.opentest4j|org\.testng|org\.hamcrest|org\.assertj|org\.mockito|org\.apache\.maven\.surefire|org\.gradle)\./;
const DOTNET_LIBRARY_MODULE = /^(System|Microsoft)(\.|$)/;
const GO_RUNTIME_FUNCTION = /^(runtime|runtime\/[\w/]+|reflect|testing)\./;

export interface InAppHints {
  module?: string;
  function?: string;
}

/** True when the frame at `file` belongs to the application rather than a library or the runtime. */
export function isInApp(file: string, hints: InAppHints = {}): boolean {
  if (hints.module && (JVM_LIBRARY_MODULE.test(hints.module) || DOTNET_LIBRARY_MODULE.test(hints.module))) return false;
  if (hints.function && GO_RUNTIME_FUNCTION.test(hints.function)) return false;
  // A frame with no file (a JVM `Unknown Source`, a .NET build without symbols) is the app's when
  // its class is not a platform class.
  if (!file) return hints.module !== undefined && hints.module.length > 0;
  return !RUNTIME_PSEUDO_FILE.test(file) && !LIBRARY_PATH.test(file);
}
