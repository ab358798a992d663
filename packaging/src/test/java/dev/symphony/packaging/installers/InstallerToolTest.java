package dev.symphony.packaging.installers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installers' build-time tool ({@code src/installers/InstallerTool.java}): the icons every platform's package
 * carries (PNGs for Linux, a Windows {@code .ico}, a macOS {@code .icns} — built and checked here on Linux, though
 * only the Linux packages are installed by the tests), the natives of other systems left out of each package, and
 * the class-path view jdeps reads.
 */
class InstallerToolTest {
    static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path tmp;

    @Test
    void iconsAreRealImagesAtEverySizeInEachPlatformsContainer() throws Exception {
        Path dir = tmp.resolve("icon");
        InstallerPrograms.run("InstallerTool", "icon", dir).succeeded();
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256, 512}) {
            BufferedImage png = ImageIO.read(dir.resolve("symphony-" + size + ".png").toFile());
            assertEquals(size, png.getWidth(), "width of the " + size + " px icon");
            assertEquals(size, png.getHeight());
            assertTrue(opaqueShare(png) > 0.5, "the " + size + " px icon is mostly drawn, not blank");
        }

        // .ico (Windows): a directory of entries, each pointing at a PNG of its size; little-endian.
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("symphony.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, ico.getShort(0));
        assertEquals(1, ico.getShort(2), "type 1: an icon");
        int count = ico.getShort(4);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int declared = Byte.toUnsignedInt(ico.get(entry)) == 0 ? 256 : Byte.toUnsignedInt(ico.get(entry));
            int length = ico.getInt(entry + 8);
            int offset = ico.getInt(entry + 12);
            assertTrue(offset + length <= ico.capacity(), "entry " + i + " lies inside the file");
            assertEquals(declared, pngWidth(slice(ico.array(), offset, length)), "entry " + i + "'s PNG has the size its entry says");
            sizes.add(declared);
        }
        assertEquals(List.of(16, 24, 32, 48, 64, 256), sizes, "the sizes Windows asks for, 256 for large icons");

        // .icns (macOS): "icns", the whole length, then typed entries with big-endian lengths.
        byte[] icns = Files.readAllBytes(dir.resolve("symphony.icns"));
        ByteBuffer b = ByteBuffer.wrap(icns);
        assertEquals("icns", new String(icns, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(icns.length, b.getInt(4), "the header's length is the file's");
        List<String> entries = new ArrayList<>();
        for (int p = 8; p < icns.length; p += b.getInt(p + 4)) {
            String type = new String(icns, p, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int width = pngWidth(slice(icns, p + 8, b.getInt(p + 4) - 8));
            entries.add(type + "=" + width);
        }
        assertEquals(List.of("ic07=128", "ic08=256", "ic09=512", "ic10=1024"), entries);
    }

    @Test
    void nativesOfOtherSystemsAreLeftOutAndTheClassesKept() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "the expectations are Linux's");
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch64" : "x86-64";
        Path in = Files.createDirectories(tmp.resolve("in"));
        jar(in.resolve("jna-5.jar"), "com/sun/jna/Native.class", "com/sun/jna/linux-x86-64/libjnidispatch.so",
                "com/sun/jna/linux-aarch64/libjnidispatch.so", "com/sun/jna/win32-x86-64/jnidispatch.dll",
                "com/sun/jna/darwin-aarch64/libjnidispatch.jnilib", "com/sun/jna/freebsd-x86-64/libjnidispatch.so");
        jar(in.resolve("pytorch-jni.jar"), "ai/djl/Jni.class", "native/lib/linux-x86-64/cpu/libdjl_torch.so",
                "native/lib/linux-aarch64/cpu/libdjl_torch.so", "native/lib/linux-x86-64/cu128/libdjl_torch.so");
        jar(in.resolve("jkeychain-1.1.0.jar"), "pt/davidafsilva/apple/OSXKeychain.class", "osxkeychain.so");
        jar(in.resolve("plain.jar"), "a/A.class", "a/data.bin");
        Path out = tmp.resolve("out");
        InstallerPrograms.run("InstallerTool", "strip-natives", in, out).succeeded();

        assertEquals(new TreeSet<>(List.of("com/sun/jna/Native.class", "com/sun/jna/linux-" + arch + "/libjnidispatch.so")),
                entries(out.resolve("jna-5.jar")));
        TreeSet<String> torch = entries(out.resolve("pytorch-jni.jar"));
        assertTrue(torch.contains("ai/djl/Jni.class") && torch.contains("native/lib/linux-" + arch + "/cpu/libdjl_torch.so"), torch.toString());
        assertEquals(2, torch.size(), "no GPU build, no other processor's: " + torch);
        assertEquals(new TreeSet<>(List.of("pt/davidafsilva/apple/OSXKeychain.class")), entries(out.resolve("jkeychain-1.1.0.jar")),
                "a macOS-only binding keeps its classes, loses its natives");
        assertArrayEquals(Files.readAllBytes(in.resolve("plain.jar")), Files.readAllBytes(out.resolve("plain.jar")), "a jar without natives is copied as is");
    }

    @Test
    void aJarWithNativesButNoneForThisSystemFailsTheBuild() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"));
        Path in = Files.createDirectories(tmp.resolve("in"));
        jar(in.resolve("winonly-1.0.jar"), "w/W.class", "win32-x86-64/w.dll", "darwin-x86-64/libw.dylib");
        InstallerPrograms.run("InstallerTool", "strip-natives", in, tmp.resolve("out"))
                .failedWith(1, "winonly-1.0.jar has native libraries but none for linux-");
    }

    @Test
    void theClassPathViewHasNoModuleDescriptors() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        jar(in.resolve("modular.jar"), "module-info.class", "META-INF/versions/11/module-info.class", "m/M.class",
                "META-INF/versions/11/m/M.class", "m/config.properties");
        Path out = tmp.resolve("view");
        InstallerPrograms.run("InstallerTool", "class-path-view", in, out).succeeded();
        assertEquals(new TreeSet<>(List.of("m/M.class", "META-INF/versions/11/m/M.class")), entries(out.resolve("modular.jar")));
    }

    @Test
    void itRunsAsTheBuildScriptStartsIt() throws Exception {
        InstallerPrograms.runAsSourceFile("InstallerTool").failedWith(2, "usage: InstallerTool");
    }

    static void jar(Path file, String... names) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (String name : names) {
                z.putNextEntry(new ZipEntry(name));
                z.write(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
    }

    static TreeSet<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            TreeSet<String> names = new TreeSet<>();
            Collections.list(zip.entries()).forEach(e -> names.add(e.getName()));
            return names;
        }
    }

    static byte[] slice(byte[] bytes, int offset, int length) {
        byte[] out = new byte[length];
        System.arraycopy(bytes, offset, out, 0, length);
        return out;
    }

    /** The PNG's width, after checking it is one. */
    static int pngWidth(byte[] png) throws IOException {
        assertArrayEquals(PNG_MAGIC, slice(png, 0, 8), "a PNG");
        return ImageIO.read(new ByteArrayInputStream(png)).getWidth();
    }

    static double opaqueShare(BufferedImage img) {
        long opaque = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                opaque += (img.getRGB(x, y) >>> 24) > 128 ? 1 : 0;
            }
        }
        return opaque / (double) (img.getWidth() * img.getHeight());
    }
}
