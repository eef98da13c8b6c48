"""Checks the gyp helpers node-gyp relies on when it writes config.gypi and build files."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "gyp", "pylib"))

import gyp.common  # noqa: E402
import gyp.easy_xml  # noqa: E402
import gyp.input  # noqa: E402
import gyp.ninja_syntax  # noqa: E402


class QualifiedTargetTest(unittest.TestCase):
    def test_parse_qualified_target(self):
        self.assertEqual(gyp.common.ParseQualifiedTarget("dir/a.gyp:lib#host"), ["dir/a.gyp", "lib", "host"])
        self.assertEqual(gyp.common.ParseQualifiedTarget("lib"), [None, "lib", None])

    def test_resolve_target(self):
        build_file, target, toolset = gyp.common.ResolveTarget("src/main.gyp", "../deps/zlib.gyp:zlib", "target")
        self.assertEqual((os.path.normpath(build_file), target, toolset), ("deps/zlib.gyp", "zlib", "target"))

    def test_qualified_target(self):
        self.assertEqual(gyp.common.QualifiedTarget("a.gyp", "lib", "host"), "a.gyp:lib#host")


class PathHelpersTest(unittest.TestCase):
    def test_relative_path(self):
        self.assertEqual(gyp.common.RelativePath("/a/b/c/d.h", "/a/b/e"), "../c/d.h")
        self.assertEqual(gyp.common.RelativePath("/a/b/x.gyp", "/a/c"), "../b/x.gyp")

    def test_shell_quoting(self):
        self.assertEqual(gyp.common.EncodePOSIXShellArgument("a b"), '"a b"')
        self.assertEqual(gyp.common.EncodePOSIXShellList(["cc", "-DX=1 2"]), 'cc "-DX=1 2"')

    def test_topological_sort(self):
        graph = {"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}
        order = gyp.common.TopologicallySorted(graph.keys(), lambda node: graph[node])
        self.assertEqual(order.index("a") < order.index("b") < order.index("d"), True)
        self.assertEqual(len(order), 4)

    def test_uniquify(self):
        self.assertEqual(gyp.common.uniquer(["x", "y", "x", "z", "y"]), ["x", "y", "z"])


class XmlAndNinjaTest(unittest.TestCase):
    def test_xml_to_string(self):
        xml = gyp.easy_xml.XmlToString(["Project", {"Name": "addon"}, ["Item", "a&b"]])
        self.assertEqual(xml, '<?xml version="1.0" encoding="utf-8"?><Project Name="addon"><Item>a&amp;b</Item></Project>')

    def test_ninja_escape(self):
        self.assertEqual(gyp.ninja_syntax.escape_path("a b:c"), "a$ b$:c")


class ConditionsTest(unittest.TestCase):
    def test_conditions_are_applied(self):
        variables = {"OS": "linux", "use_openssl": 1}
        the_dict = {
            "defines": ["BASE"],
            "conditions": [["use_openssl==1", {"defines": ["HAVE_OPENSSL=1"]}, {"defines": ["HAVE_OPENSSL=0"]}]],
        }
        gyp.input.ProcessConditionsInDict(the_dict, gyp.input.PHASE_EARLY, variables, "test.gyp")
        self.assertEqual(the_dict["defines"], ["BASE", "HAVE_OPENSSL=1"])

    def test_variable_expansion(self):
        variables = {"name": "addon", "dirs": ["a", "b"]}
        self.assertEqual(gyp.input.ExpandVariables("lib<(name).so", gyp.input.PHASE_EARLY, variables, "t.gyp"), "libaddon.so")
        self.assertEqual(gyp.input.ExpandVariables("<@(dirs)", gyp.input.PHASE_EARLY, variables, "t.gyp"), ["a", "b"])


if __name__ == "__main__":
    unittest.main()
