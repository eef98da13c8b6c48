// node-gyp 8-11: the JavaScript CLI plus its vendored gyp (gyp/pylib, ~25k lines of Python) over
// 23 releases. Exercises: a smoke script generating build files with six generators, and a
// unittest module checking gyp helpers (its failures show only test frames).
export default {
  project: {
    id: 'nodegyp',
    pkg: 'node-gyp',
    language: 'python',
    include: (p) => !p.startsWith('node_modules/') && !p.startsWith('gyp/data/'),
    releaseMessage: (v) => `chore(main): release ${v}`,
  },
  versions: { from: '8.0.0', to: '11.5.0' },
  density: [1, 5],
  exercises: {
    app: { kind: 'python', entry: 'test/smoke/generate_projects.py', files: [['test/smoke/generate_projects.py', 'generate_projects.py']], message: 'test: smoke-test the gyp generators' },
    unit: { kind: 'python', entry: 'test/smoke/test_gyp_helpers.py', files: [['test/smoke/test_gyp_helpers.py', 'test_gyp_helpers.py']], message: 'test: cover the gyp helpers node-gyp uses' },
  },
  expect: 'Error',
  cases: [
    { id: 'py-gyp-debug-output', intent: 'rename', expect: "Exception", edits: [{"file":"gyp/pylib/gyp/__init__.py","rename":{"from":"DebugOutput","to":"DebugOutputImpl","exceptLine":null}}] },
    { id: 'py-gyp-parse-qualified', intent: 'rename', expect: "Exception", edits: [{"file":"gyp/pylib/gyp/common.py","rename":{"from":"ParseQualifiedTarget","to":"ParseQualifiedTargetImpl","exceptLine":"[parsed_build_file, target, parsed_toolset] = ParseQualifiedTarget(target)"}}] },
    { id: 'py-gyp-resolve-target', intent: 'rename', expect: "Exception", edits: [{"file":"gyp/pylib/gyp/common.py","rename":{"from":"ResolveTarget","to":"ResolveTargetImpl","exceptLine":null}}] },
    { id: 'py-gyp-relative-path-arg', intent: 'drop', expect: "KeyError", edits: [{"file":"gyp/pylib/gyp/common.py","find":"        return path\n    return RelativePath(path, relative_to)\n","replace":"        return path\n    return RelativePath(path)\n"}] },
    { id: 'py-gyp-build-file-targets', intent: 'drop', expect: "TypeError", edits: [{"file":"gyp/pylib/gyp/common.py","find":"    \"\"\"Returns all targets (direct and dependencies) for the specified build_file.\"\"\"\n    bftargets = BuildFileTargets(target_list, build_file)\n","replace":"    \"\"\"Returns all targets (direct and dependencies) for the specified build_file.\"\"\"\n    bftargets = BuildFileTargets(target_list)\n"}] },
    { id: 'py-gyp-shlex-env', intent: 'rename', expect: "NameError", edits: [{"file":"gyp/pylib/gyp/__init__.py","rename":{"from":"ShlexEnv","to":"ShlexEnvImpl","exceptLine":"defines += ShlexEnv(\"GYP_DEFINES\")"}}] },
    { id: 'py-gyp-cmake-normjoin', intent: 'rename', expect: "NameError", edits: [{"file":"gyp/pylib/gyp/generator/cmake.py","rename":{"from":"NormjoinPath","to":"NormjoinPathImpl","exceptLine":"src_norm_path = NormjoinPath(path_from_cmakelists_to_gyp, src)"}}] },
    { id: 'py-gyp-option-type', intent: 'strict-get', expect: "KeyError", edits: [{"file":"gyp/pylib/gyp/__init__.py","find":"            # it as a string.\n            type = kw.get(\"type\")\n","replace":"            # it as a string.\n            type = kw[\"type\"]\n"}] },
    { id: 'py-gyp-make-compilable', intent: 'rename', expect: "NameError", edits: [{"file":"gyp/pylib/gyp/generator/make.py","rename":{"from":"Compilable","to":"CompilableImpl","exceptLine":"sources = [x for x in all_sources if Compilable(x)]"}}] },
    { id: 'py-gyp-make-write-sources', intent: 'rename', expect: "AttributeError", edits: [{"file":"gyp/pylib/gyp/generator/make.py","rename":{"from":"WriteSources","to":"WriteSourcesImpl","exceptLine":null}}] },
    { id: 'py-gyp-ninja-define', intent: 'rename', expect: "NameError", edits: [{"file":"gyp/pylib/gyp/generator/ninja.py","rename":{"from":"Define","to":"DefineImpl","exceptLine":"ninja_file, \"defines\", [Define(d, self.flavor) for d in defines]"}}] },
    { id: 'py-gyp-ninja-xcode-settings', intent: 'unguard', expect: "AttributeError", edits: [{"file":"gyp/pylib/gyp/generator/ninja.py","find":"\n        if self.xcode_settings and self.xcode_settings.IsIosFramework():\n","replace":"\n        if self.xcode_settings.IsIosFramework():\n"}] },
    { id: 'py-gyp-compdb-resolve', intent: 'rename', expect: "NameError", edits: [{"file":"gyp/pylib/gyp/generator/compile_commands_json.py","rename":{"from":"resolve","to":"resolveImpl","exceptLine":"includes = [\"-I\" + resolve(s) for s in include_dirs]"}}] },
    { id: 'py-gyp-make-cpp-define', intent: 'rename', expect: "NameError", edits: [{"file":"gyp/pylib/gyp/generator/make.py","rename":{"from":"EscapeCppDefine","to":"EscapeCppDefineImpl","exceptLine":"quoter=EscapeCppDefine,"}}] },
    { id: 'py-gyp-qualified-split', intent: 'flip', exercise: 'unit', expect: "AssertionError", edits: [{"file":"gyp/pylib/gyp/common.py","find":"    target_split = target.rsplit(\":\", 1)\n    if len(target_split) == 2:\n","replace":"    target_split = target.rsplit(\":\", 1)\n    if len(target_split) != 2:\n"}] },
    { id: 'py-gyp-relative-split', intent: 'flip', exercise: 'unit', expect: "AssertionError", edits: [{"file":"gyp/pylib/gyp/common.py","find":"\n    if len(relative_split) == 0:\n","replace":"\n    if len(relative_split) != 0:\n"}] },
    { id: 'py-gyp-condition-merge', intent: 'flip', exercise: 'unit', expect: "AssertionError", edits: [{"file":"gyp/pylib/gyp/input.py","find":"            append = True\n            if ext == \"=\":\n","replace":"            append = True\n            if ext != \"=\":\n"}] },
    { id: 'py-gyp-expand-list', intent: 'flip', exercise: 'unit', expect: "AssertionError", edits: [{"file":"gyp/pylib/gyp/input.py","find":"        # expansion in the input string.\n        expand_to_list = \"@\" in match[\"type\"] and input_str == replacement\n","replace":"        # expansion in the input string.\n        expand_to_list = \"@\" in match[\"type\"] and input_str != replacement\n"}] },
    { id: 'py-gyp-condition-index', intent: 'flip', exercise: 'unit', expect: "IndexError", edits: [{"file":"gyp/pylib/gyp/input.py","find":"    index = 0\n    while index < len(the_list):\n","replace":"    index = 0\n    while index <= len(the_list):\n"}] },
  ],
};
