package dev.symphony.editor.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.text.Rope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {

    @TempDir
    Path dir;

    private TextFile roundTrip(byte[] bytes, TextEncoding expectEncoding, LineEnding expectEnding) throws IOException {
        Path f = dir.resolve("f.txt");
        Files.write(f, bytes);
        TextFile tf = new TextDecoder(7, 4).load(f);
        assertEquals(expectEncoding, tf.encoding());
        assertEquals(expectEnding, tf.lineEnding());
        assertEquals(bytes.length, tf.bytes());
        tf.text().checkInvariants();
        TextFiles.save(f, tf.text(), tf.encoding());
        assertArrayEquals(bytes, Files.readAllBytes(f), "byte-exact round trip");
        return tf;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void everyEncodingRoundTrips() throws IOException {
        String text = "héllo wörld 😀 ünïcode\nline two — ok\n";
        TextFile tf = roundTrip(text.getBytes(StandardCharsets.UTF_8), TextEncoding.UTF_8, LineEnding.LF);
        assertEquals(text, tf.text().toString());
        assertEquals(text.codePointCount(0, text.length()), tf.text().codePoints());
        tf = roundTrip(concat(TextEncoding.UTF_8_BOM.bom(), text.getBytes(StandardCharsets.UTF_8)), TextEncoding.UTF_8_BOM, LineEnding.LF);
        assertEquals(text, tf.text().toString(), "BOM is not part of the text");
        tf = roundTrip(concat(TextEncoding.UTF_16LE.bom(), text.getBytes(StandardCharsets.UTF_16LE)), TextEncoding.UTF_16LE, LineEnding.LF);
        assertEquals(text, tf.text().toString());
        tf = roundTrip(concat(TextEncoding.UTF_16BE.bom(), text.getBytes(StandardCharsets.UTF_16BE)), TextEncoding.UTF_16BE, LineEnding.LF);
        assertEquals(text, tf.text().toString());
        roundTrip("plain ascii".getBytes(StandardCharsets.US_ASCII), TextEncoding.UTF_8, LineEnding.NONE);
        roundTrip(new byte[0], TextEncoding.UTF_8, LineEnding.NONE);
    }

    @Test
    void invalidUtf8FallsBackLosslessly() throws IOException {
        byte[] bytes = {'a', (byte) 0xE9, 'b', '\n', (byte) 0xFF, (byte) 0xC3, '\n'};
        TextFile tf = roundTrip(bytes, TextEncoding.ISO_8859_1_FALLBACK, LineEnding.LF);
        assertEquals(7, tf.text().length());
        // An edit of the ASCII part keeps every other byte as it was.
        Path f = dir.resolve("f.txt");
        TextFiles.save(f, tf.text().replace(0, 1, "A"), tf.encoding());
        byte[] expect = bytes.clone();
        expect[0] = 'A';
        assertArrayEquals(expect, Files.readAllBytes(f));
        IOException e = assertThrows(IOException.class, () -> TextFiles.save(f, tf.text().insert(0, "€"), tf.encoding()));
        assertTrue(e.getMessage().contains("U+20AC"), e.getMessage());
        assertArrayEquals(expect, Files.readAllBytes(f), "a failed save leaves the file as it was");
    }

    @Test
    void randomBytesEitherRoundTripOrAreRefusedAsBinary() throws IOException {
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[r.nextInt(3000)];
            r.nextBytes(b);
            for (int j = 0; j < b.length; j++) {
                if (b[j] == 0) {
                    b[j] = 1;
                }
            }
            if (b.length >= 2 && (b[0] & 0xFE) == 0xFE) {
                b[0] = 'x';
            }
            Path f = dir.resolve("r.bin");
            Files.write(f, b);
            TextFile tf = new TextDecoder(16, 4, i % 2 == 0 ? 1 : Long.MAX_VALUE).load(f);
            TextFiles.save(f, tf.text(), tf.encoding());
            assertArrayEquals(b, Files.readAllBytes(f));
        }
    }

    @Test
    void twoThreadDecodingSplitsOnCharacterBoundaries() throws IOException {
        Random r = new Random(3);
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + r.nextInt(200);
            for (int k = 0; k < n; k++) {
                int c = r.nextInt(6);
                sb.append(c == 0 ? "é" : c == 1 ? "😀" : c == 2 ? "\r\n" : c == 3 ? "€" : "ab");
            }
            String text = sb.toString();
            byte[] bytes = (i % 3 == 0 ? "\uFEFF" + text : text).getBytes(StandardCharsets.UTF_8);
            Path f = dir.resolve("p.txt");
            Files.write(f, bytes);
            TextFile tf = new TextDecoder(2 + r.nextInt(8), 4, 1).load(f);
            tf.text().checkInvariants();
            assertEquals(text, tf.text().toString());
            assertEquals(i % 3 == 0 ? TextEncoding.UTF_8_BOM : TextEncoding.UTF_8, tf.encoding());
        }
    }

    @Test
    void lineEndingsAreDetectedAndKept() throws IOException {
        roundTrip("a\r\nb\r\n".getBytes(StandardCharsets.UTF_8), TextEncoding.UTF_8, LineEnding.CRLF);
        roundTrip("a\rb\r".getBytes(StandardCharsets.UTF_8), TextEncoding.UTF_8, LineEnding.CR);
        TextFile tf = roundTrip("a\r\nb\nc\r".getBytes(StandardCharsets.UTF_8), TextEncoding.UTF_8, LineEnding.MIXED);
        assertEquals(3, tf.text().lineBreaks());
        roundTrip("a\nb\n".getBytes(StandardCharsets.UTF_8), TextEncoding.UTF_8, LineEnding.LF);
    }

    @Test
    void binaryFilesAreRefused() throws IOException {
        Path f = dir.resolve("x.bin");
        Files.write(f, new byte[] {'P', 'K', 3, 4, 0, 0, 1});
        NotTextException e = assertThrows(NotTextException.class, () -> TextFiles.load(f));
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
        Files.write(f, new byte[] {(byte) 0xFF, (byte) 0xFE, 'a'});
        assertThrows(NotTextException.class, () -> TextFiles.load(f));
        assertThrows(NotTextException.class, () -> TextFiles.load(dir));
    }

    @Test
    void saveIsAtomicAndKeepsPermissions() throws IOException {
        Path f = dir.resolve("script.sh");
        Files.writeString(f, "echo old\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-x---"));
        Path link = dir.resolve("link.sh");
        Files.createSymbolicLink(link, f);
        TextFiles.save(link, Rope.of("echo new\n"), TextEncoding.UTF_8);
        assertEquals("echo new\n", Files.readString(f));
        assertTrue(Files.isSymbolicLink(link), "the link is kept, its target written");
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void surrogatePairSplitAcrossChunksEncodesAsOneCharacter() throws IOException {
        Rope r = Rope.of("a\uD83D", 2, 4).concat(Rope.of("\uDE00b", 2, 4));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TextEncoder.write(r, TextEncoding.UTF_8, out);
        assertEquals("a😀b", out.toString(StandardCharsets.UTF_8));
        assertEquals(3, r.codePoints());
    }
}
