package dev.symphony.editor.syntax;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small real programs in the 30 most used languages, with the scope a needle's first occurrence must get. */
final class CoreSamples {

    record Sample(String text, Map<String, String> expectations) {
    }

    static final Map<String, Sample> SAMPLES = new LinkedHashMap<>();

    private static void add(String lang, String text, String... needleScope) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < needleScope.length; i += 2) {
            m.put(needleScope[i], needleScope[i + 1]);
        }
        SAMPLES.put(lang, new Sample(text, m));
    }

    static {
        add("java", "package a.b;\n/* block */\npublic class Hello {\n  // say hi\n  int f(int x) {\n    if (x > 0) return 1;\n    return \"hi\".length();\n  }\n}\n",
                "return", "keyword", "\"hi\"", "string", "say hi", "comment", "block", "comment");
        add("kotlin", "fun main() {\n  // greet\n  val s = \"hello\"\n  if (s.isEmpty()) return\n}\n",
                "fun", "keyword", "\"hello\"", "string", "greet", "comment");
        add("python", "#!/usr/bin/env python3\ndef f(x):\n    # note\n    return 'single' + \"double\"\n",
                "def", "storage", "return", "keyword", "'single'", "string", "note", "comment");
        add("javascript", "// top\nfunction f(a) {\n  if (a) return `t${a}`;\n  return 'q';\n}\n",
                "function", "storage", "return", "keyword", "'q'", "string", "top", "comment");
        add("typescript", "interface P { name: string }\n/** doc */\nexport function g(p: P): string {\n  return \"n\" + p.name;\n}\n",
                "interface", "storage", "return", "keyword", "\"n\"", "string", "doc", "comment");
        add("json", "{\n  \"key\": \"value\",\n  \"n\": 42,\n  \"b\": true\n}\n",
                "\"key\"", "support.type.property-name", "\"value\"", "string", "42", "constant", "true", "constant");
        add("yaml", "# settings\nname: demo\nlist:\n  - \"quoted\"\n  - 3\n",
                "settings", "comment", "name", "entity", "\"quoted\"", "string");
        add("markdown", "# Title\n\nSome *emph* and `code`.\n\n- item\n",
                "Title", "markup.heading", "emph", "markup.italic", "code", "markup.inline");
        add("html", "<!DOCTYPE html>\n<!-- c -->\n<div class=\"x\">text</div>\n",
                "div", "entity.name.tag", "\"x\"", "string", " c ", "comment");
        add("css", "/* c */\n.box { color: red; margin: 0 auto; }\n@media screen { a { content: \"s\"; } }\n",
                " c ", "comment", "color", "support.type.property-name", ".box", "entity.other.attribute-name", "\"s\"", "string");
        add("shellscript", "#!/bin/bash\n# note\nif [ -n \"$X\" ]; then\n  echo 'single'\nfi\n",
                "note", "comment", "if", "keyword", "'single'", "string");
        add("c", "#include <stdio.h>\n/* c */\nint main(void) {\n  return printf(\"%d\", 1);\n}\n",
                "#include", "keyword", "return", "keyword", "\"%d\"", "string", " c ", "comment");
        add("cpp", "#include <vector>\n// line\ntemplate <typename T> class V {\n  T f() { return T{}; }\n};\nauto s = \"str\";\n",
                "template", "storage", "return", "keyword", "\"str\"", "string", "line", "comment");
        add("csharp", "using System;\n// note\nclass P {\n  static void Main() { if (true) return; var s = \"s\"; }\n}\n",
                "using", "keyword", "return", "keyword", "\"s\"", "string", "note", "comment");
        add("go", "package main\n// note\nfunc main() {\n\tif x := 1; x > 0 {\n\t\treturn\n\t}\n\ts := \"go\"\n}\n",
                "func", "keyword", "return", "keyword", "\"go\"", "string", "note", "comment");
        add("rust", "// note\nfn main() {\n    let s = \"rs\";\n    if s.is_empty() { return; }\n}\n",
                "fn", "keyword", "let", "keyword", "\"rs\"", "string", "note", "comment");
        add("ruby", "# note\ndef hello(name)\n  return \"hi #{name}\" if name\n  'plain'\nend\n",
                "def", "keyword", "return", "keyword", "'plain'", "string", "note", "comment");
        add("php", "<?php\n// note\nfunction f($a) {\n  if ($a) { return 'x'; }\n  echo \"y\";\n}\n",
                "function", "storage", "return", "keyword", "'x'", "string", "note", "comment");
        add("sql", "-- note\nSELECT name FROM users WHERE id = 'x' AND n > 1;\n",
                "SELECT", "keyword", "'x'", "string", "note", "comment");
        add("xml", "<?xml version=\"1.0\"?>\n<!-- note -->\n<root attr=\"v\"><child/></root>\n",
                "root", "entity.name.tag", "\"v\"", "string", "note", "comment");
        add("docker", "# build\nFROM eclipse-temurin:17\nRUN echo \"hi\"\nCOPY . /app\n",
                "FROM", "keyword", "RUN", "keyword", "\"hi\"", "string", "build", "comment");
        add("toml", "# conf\n[package]\nname = \"demo\"\nversion = 1\n",
                "conf", "comment", "package", "entity", "\"demo\"", "string");
        add("scala", "// note\nobject Main {\n  def f(x: Int): String = if (x > 0) \"pos\" else \"neg\"\n}\n",
                "object", "keyword", "def", "keyword", "\"pos\"", "string", "note", "comment");
        add("swift", "// note\nfunc greet(_ n: String) -> String {\n  if n.isEmpty { return \"none\" }\n  return n\n}\n",
                "func", "storage", "return", "keyword", "\"none\"", "string", "note", "comment");
        add("lua", "-- note\nlocal function f(x)\n  if x then return \"y\" end\nend\n",
                "local", "keyword", "return", "keyword", "\"y\"", "string", "note", "comment");
        add("r", "# note\nf <- function(x) {\n  if (x > 1) return(\"big\")\n}\n",
                "function", "keyword", "if", "keyword", "\"big\"", "string", "note", "comment");
        add("dart", "// note\nvoid main() {\n  var s = 'dart';\n  if (s.isEmpty) return;\n}\n",
                "return", "keyword", "'dart'", "string", "note", "comment");
        add("groovy", "// note\ndef f(x) {\n  if (x) return \"g\"\n}\n",
                "if", "keyword", "return", "keyword", "\"g\"", "string", "note", "comment");
        add("haskell", "-- note\nmodule Main where\nmain :: IO ()\nmain = if True then putStrLn \"hs\" else return ()\n",
                "module", "keyword", "if", "keyword", "\"hs\"", "string", "note", "comment");
        add("make", "# note\nCC := gcc\nall: main.o\n\t$(CC) -o app main.o\nifeq ($(X),1)\nendif\n",
                "note", "comment", "all", "entity.name.function", "ifeq", "keyword");
        add("diff", "--- a/x.txt\n+++ b/x.txt\n@@ -1,2 +1,2 @@\n-old line\n+new line\n",
                "-old", "markup.deleted", "+new", "markup.inserted", "@@", "meta.diff.range");
    }

    private CoreSamples() {
    }
}
