package dev.symphony.editor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.symphony.editor.bench.JavaSourceGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run edit(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EditCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void statsReportsTheRopeFigures() throws IOException {
        Path f = dir.resolve("a.txt");
        Files.write(f, "héllo\r\nwörld 😀\r\n".getBytes(StandardCharsets.UTF_8));
        Run r = edit(f.toString(), "--stats");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.matches("\\{\"bytes\":21,\"codePoints\":16,\"utf16Units\":17,\"lines\":2,\"encoding\":\"UTF-8\","
                + "\"lineEnding\":\"CRLF\",\"loadMs\":\\d+}\\n"), r.out);
        Files.write(f, new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 'a', 0, '\r'});
        assertTrue(edit(f.toString(), "--stats").out.contains("\"encoding\":\"UTF-16BE\",\"lineEnding\":\"CR\""));
        Files.write(f, new byte[] {'a', (byte) 0x80});
        assertTrue(edit(f.toString(), "--stats").out.contains("\"encoding\":\"ISO-8859-1-fallback\",\"lineEnding\":\"none\""));
    }

    @Test
    void replaceIsByteIdenticalToSed() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sed")) || Files.isExecutable(Path.of("/usr/bin/sed")), "sed not installed");
        String src = new JavaSourceGenerator(11).generate(300_000) + "tail without newline: list.size()";
        Path input = dir.resolve("In.java");
        Files.writeString(input, src);
        String[][] cases = {
            {"(\\w+)\\.size\\(\\)", "$1.length()", "\\1.length()"},
            {"^( +)return", "$1yield", "\\1yield"},
            {"[0-9]+", "<$0>", "<&>"},
            {"a*", "-", "-"},
            {"(int|long) ([a-z]+)", "$2 $1", "\\2 \\1"},
            {"\\)$", ") ", ") "},
            {"nomatchanywhere", "x", "x"},
        };
        for (String[] c : cases) {
            Path out = dir.resolve("out.java");
            Run r = edit(input.toString(), "--replace", c[0], c[1], "--out", out.toString());
            assertEquals(0, r.code, r.err);
            ProcessBuilder pb = new ProcessBuilder("sed", "-E", "s/" + c[0].replace("/", "\\/") + "/" + c[2] + "/g", input.toString());
            pb.environment().put("LC_ALL", "C");
            Process p = pb.redirectErrorStream(false).start();
            byte[] expect = p.getInputStream().readAllBytes();
            assertEquals(0, p.waitFor());
            assertArrayEquals(expect, Files.readAllBytes(out), "pattern " + c[0]);
            assertTrue(r.out.matches("\\{\"matches\":\\d+,\"ms\":\\d+}\\n"), r.out);
        }
    }

    @Test
    void replaceInPlaceKeepsEncodingBomAndLineEndings() throws IOException {
        Path f = dir.resolve("w.txt");
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] body = "one.size()\r\ntwo\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 2);
        System.arraycopy(body, 0, all, 2, body.length);
        Files.write(f, all);
        Run r = edit(f.toString(), "--replace", "(\\w+)\\.size\\(\\)$", "$1.length()");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("{\"matches\":1,"), r.out);
        byte[] got = Files.readAllBytes(f);
        assertEquals("\uFEFFone.length()\r\ntwo\r\n", new String(got, StandardCharsets.UTF_16LE));
    }

    @Test
    void zeroMatchesLeavesTheFileUntouched() throws IOException {
        Path f = dir.resolve("z.txt");
        Files.writeString(f, "nothing here\n");
        FileTime before = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(f, before);
        Run r = edit(f.toString(), "--replace", "xyz", "q");
        assertEquals(0, r.code);
        assertTrue(r.out.startsWith("{\"matches\":0,"), r.out);
        assertEquals(before, Files.getLastModifiedTime(f));
    }

    @Test
    void badInputExitsTwoAndTouchesNothing() throws IOException {
        Path f = dir.resolve("keep.txt");
        Files.writeString(f, "keep me\n");
        Path bin = dir.resolve("b.bin");
        Files.write(bin, new byte[] {1, 2, 0, 3});
        List<String[]> bad = new ArrayList<>();
        bad.add(new String[] {});
        bad.add(new String[] {f.toString()});
        bad.add(new String[] {f.toString(), "--stats", "--replace", "a", "b"});
        bad.add(new String[] {f.toString(), "--replace", "a"});
        bad.add(new String[] {f.toString(), "--bogus"});
        bad.add(new String[] {f.toString(), "--replace", "(unclosed", "x"});
        bad.add(new String[] {f.toString(), "--replace", "(k)", "$3"});
        bad.add(new String[] {dir.resolve("missing.txt").toString(), "--stats"});
        bad.add(new String[] {bin.toString(), "--stats"});
        bad.add(new String[] {bin.toString(), "--replace", "a", "b"});
        bad.add(new String[] {dir.toString(), "--stats"});
        for (String[] args : bad) {
            Run r = edit(args);
            assertEquals(2, r.code, String.join(" ", args) + " -> " + r.err);
            assertEquals("", r.out);
            assertTrue(!r.err.isBlank(), "a message on stderr");
        }
        assertTrue(edit(f.toString(), "--replace", "(unclosed", "x").err.contains("Unclosed group"));
        assertTrue(edit(bin.toString(), "--stats").err.contains("binary"));
        assertEquals("keep me\n", Files.readString(f));
        assertArrayEquals(new byte[] {1, 2, 0, 3}, Files.readAllBytes(bin));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
    }
}
