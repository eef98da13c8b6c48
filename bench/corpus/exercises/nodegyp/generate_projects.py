"""Smoke test: generates build files for a small multi-target project with every generator
that runs on Linux, the way `node-gyp configure` drives gyp for an addon."""
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "gyp", "pylib"))

import gyp  # noqa: E402

PROJECT = """
{
  'variables': {
    'use_openssl%': 1,
    'library_type%': 'static_library',
  },
  'target_defaults': {
    'defines': ['NAPI_VERSION=8', 'BUILDING_ADDON'],
    'cflags': ['-Wall', '-O2'],
    'configurations': {
      'Debug': {'defines': ['DEBUG'], 'cflags': ['-g']},
      'Release': {'defines': ['NDEBUG']},
    },
  },
  'targets': [
    {
      'target_name': 'support',
      'type': '<(library_type)',
      'sources': ['src/support.cc', 'src/support.h'],
      'include_dirs': ['include'],
      'direct_dependent_settings': {'include_dirs': ['include']},
      'conditions': [
        ['use_openssl==1', {'defines': ['HAVE_OPENSSL=1']}, {'defines': ['HAVE_OPENSSL=0']}],
        ['OS=="linux"', {'libraries': ['-lpthread']}],
      ],
    },
    {
      'target_name': 'addon',
      'type': 'executable',
      'dependencies': ['support'],
      'sources': ['src/addon.cc', 'src/table.gen.cc'],
      'actions': [
        {
          'action_name': 'generate_table',
          'inputs': ['tools/gen_table.py'],
          'outputs': ['src/table.gen.cc'],
          'action': ['python3', 'tools/gen_table.py', '<@(_outputs)'],
        },
      ],
      'copies': [{'destination': '<(PRODUCT_DIR)/assets', 'files': ['assets/readme.txt']}],
    },
  ],
}
"""

GENERATORS = ["make", "ninja", "cmake", "gypd", "compile_commands_json", "xcode"]


def write_project(root):
    for rel in ["src/support.cc", "src/support.h", "src/addon.cc", "tools/gen_table.py", "assets/readme.txt", "include/support_api.h"]:
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as handle:
            handle.write("// generated for the smoke test\n")
    gyp_file = os.path.join(root, "addon.gyp")
    with open(gyp_file, "w") as handle:
        handle.write(PROJECT)
    return gyp_file


def generate(root, gyp_file, generator):
    out = os.path.join(root, "out-" + generator)
    args = ["--depth", root, "-f", generator, "--generator-output", out, "-Dlibrary_type=static_library", "-DOS=linux", gyp_file]
    if generator == "msvs":
        args[0:0] = ["-G", "msvs_version=2019"]
    status = gyp.main(args)
    if status:
        raise SystemExit("gyp -f %s failed with %s" % (generator, status))
    return out


def main():
    root = tempfile.mkdtemp(prefix="gyp-smoke-")
    try:
        gyp_file = write_project(root)
        for generator in GENERATORS:
            generate(root, gyp_file, generator)
        print("generated: " + ", ".join(GENERATORS))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
