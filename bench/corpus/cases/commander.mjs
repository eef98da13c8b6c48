// commander 6-8: one growing index.js (~2,000 lines) over 11 releases with large refactors
// (options moved off the program object in 7.0). Exercise: a deploy tool's CLI smoke run.
export default {
  project: {
    id: 'commander',
    pkg: 'commander',
    language: 'javascript',
    include: (p) => !p.startsWith('node_modules/'),
    releaseMessage: (v) => `Release ${v}`,
  },
  versions: { from: '6.0.0', to: '8.3.0' },
  density: [8, 20],
  exercises: {
    app: { kind: 'node', entry: 'examples/deployctl.js', files: [['examples/deployctl.js', 'cli.js']], message: 'Add a realistic multi-command example' },
  },
  expect: 'Error',
  cases: [
    { id: 'js-commander-option-value', intent: 'rename', expect: "ReferenceError", edits: [{"file":"lib/command.js","rename":{"from":"handleOptionValue","to":"handleOptionValueImpl","exceptLine":"handleOptionValue(val, invalidValueMessage, 'cli');"}}] },
    { id: 'js-commander-unknown-options', intent: 'rename', expect: "ReferenceError", edits: [{"file":"lib/command.js","rename":{"from":"checkForUnknownOptions","to":"checkForUnknownOptionsImpl","exceptLine":"checkForUnknownOptions();"}}] },
    { id: 'js-commander-command-opts', intent: 'drop', expect: "TypeError", edits: [{"file":"lib/command.js","find":"    }\n    opts = opts || {};\n","replace":"    }\n"}] },
    { id: 'js-commander-parse-defaults', intent: 'drop', expect: "TypeError", edits: [{"file":"lib/command.js","find":"    }\n    parseOptions = parseOptions || {};\n","replace":"    }\n"}] },
    { id: 'js-commander-action-promise', intent: 'unguard', expect: "TypeError", edits: [{"file":"lib/command.js","find":"    // thenable\n    if (promise && promise.then && typeof promise.then === 'function') {\n","replace":"    // thenable\n    if (promise.then && typeof promise.then === 'function') {\n"}] },
    { id: 'js-commander-help-items', intent: 'rename', expect: "ReferenceError", edits: [{"file":"lib/help.js","rename":{"from":"formatItem","to":"renderItem","exceptLine":"return formatItem(helper.subcommandTerm(cmd), helper.subcommandDescription(cmd));"}}] },
    { id: 'js-commander-option-flags', intent: 'rename', expect: "ReferenceError", edits: [{"file":"lib/option.js","rename":{"from":"splitOptionFlags","to":"splitOptionFlagsImpl","exceptLine":"const optionFlags = splitOptionFlags(flags);"}}] },
    { id: 'js-commander-help-width', intent: 'unguard', expect: "TypeError", edits: [{"file":"lib/command.js","find":"    if (helper.helpWidth === undefined) {\n      helper.helpWidth = (contextOptions && contextOptions.error) ? this._outputConfiguration.getErrHelpWidth() : this._outputConfiguration.getOutHelpWidth();\n","replace":"    if (helper.helpWidth === undefined) {\n      helper.helpWidth = (contextOptions.error) ? this._outputConfiguration.getErrHelpWidth() : this._outputConfiguration.getOutHelpWidth();\n"}] },
  ],
};
