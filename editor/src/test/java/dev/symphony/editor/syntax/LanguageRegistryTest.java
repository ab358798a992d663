package dev.symphony.editor.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageRegistryTest {

    private final LanguageRegistry reg = LanguageRegistry.builtIn();

    private String id(String name, String firstLine) {
        return reg.detect(name, firstLine).map(Language::id).orElse("none");
    }

    @Test
    void byFileNameAndExtension() {
        assertEquals("docker", id("Dockerfile", null));
        assertEquals("make", id("Makefile", null));
        assertEquals("make", id("GNUmakefile", null));
        assertEquals("cmake", id("CMakeLists.txt", null));
        assertEquals("ruby", id("Gemfile", null));
        assertEquals("java", id("src/main/java/A.java", null));
        assertEquals("typescript", id("x.ts", null));
        assertEquals("tsx", id("x.tsx", null));
        assertEquals("blade", id("view.blade.php", null), "longest extension first");
        assertEquals("php", id("index.php", null));
        assertEquals("yaml", id("ci.YML", null), "extensions ignore case");
        assertEquals("shellscript", id(".bashrc", null));
        assertEquals("jsonc", id("tsconfig.json", null));
        assertEquals("none", id("notes.unknownext", null));
    }

    @Test
    void byFirstLine() {
        assertEquals("python", id("script", "#!/usr/bin/env python3"));
        assertEquals("python", id("script", "#!/usr/bin/python3.12 -u"));
        assertEquals("shellscript", id("run", "#!/bin/bash"));
        assertEquals("javascript", id("tool", "#!/usr/bin/env -S node --no-warnings"));
        assertEquals("xml", id("data", "<?xml version=\"1.0\"?>"));
        assertEquals("html", id("page", "<!DOCTYPE html>"));
        assertEquals("none", id("README", "just text"));
        assertEquals("java", id("A.java", "#!/bin/bash"), "the name wins over the first line");
    }

    @Test
    void userOverridesWinAndUnknownIdsAreIgnored() {
        LanguageRegistry o = reg.withOverrides(Map.of("*.conf", "ini", "**/templates/*.html", "jinja", "*.foo", "no-such-language"));
        assertEquals("ini", o.detect("nginx.conf", null).map(Language::id).orElseThrow());
        assertEquals("jinja", o.detect("app/templates/base.html", null).map(Language::id).orElseThrow());
        assertEquals("html", o.detect("app/static/base.html", null).map(Language::id).orElseThrow());
        assertEquals(Optional.empty(), o.detect("x.foo", null));
        assertEquals("none", id("nginx.conf2", null));
    }

    @Test
    void idsAliasesAndTheCatalog() {
        assertEquals("shellscript", reg.byId("bash").orElseThrow().id());
        assertEquals("cpp", reg.byId("C++").orElseThrow().id());
        assertEquals("source.java", reg.byId("java").orElseThrow().scopeName());
        assertTrue(reg.all().size() >= 200, "languages: " + reg.all().size());
        assertTrue(reg.all().stream().noneMatch(l -> l.id().startsWith("es-tag-")), "injection grammars are not languages");
    }
}
