import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Build-time helper of the installers profile (run by build-installers.sh as a single-file program of the
 * JDK that builds the installers; it ships in no package).
 * <ul>
 *   <li>{@code icon DIR}: draws the product icon with Java2D at the sizes desktops ask for, as PNGs, a Windows
 *   {@code .ico} and a macOS {@code .icns} (both containers of PNGs);</li>
 *   <li>{@code strip-natives IN_DIR OUT_DIR}: copies the jars without the native libraries of other operating
 *   systems, processor architectures and GPU builds; fails when a jar that had natives keeps none for this one.</li>
 *   <li>{@code class-path-view IN_DIR OUT_DIR}: the jars as the launcher sees them, on the class path: copies
 *   without {@code module-info.class} (jdeps would otherwise resolve their {@code requires}, some of which name
 *   modules the product does not ship and never loads), so jdeps can list the JDK modules they use.</li>
 * </ul>
 */
public final class InstallerTool {
    static final int[] PNG_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("icon")) {
            writeIcons(Path.of(args[1]));
        } else if (args.length == 3 && args[0].equals("strip-natives")) {
            Files.createDirectories(Path.of(args[2]));
            try (var jars = Files.list(Path.of(args[1]))) {
                for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).sorted().toList()) {
                    stripNatives(jar, Path.of(args[2]).resolve(jar.getFileName()));
                }
            }
        } else if (args.length == 3 && args[0].equals("class-path-view")) {
            classPathView(Path.of(args[1]), Path.of(args[2]));
        } else {
            System.err.println("usage: InstallerTool icon DIR | strip-natives IN_DIR OUT_DIR | class-path-view IN_DIR OUT_DIR");
            System.exit(2);
        }
    }

    // ---- the icon: a rounded square in the product's indigo, a white conductor's baton sweeping a staff ----

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);
        g.setPaint(new GradientPaint(0, 0, new Color(0x5B4BDB), 256, 256, new Color(0x2A1F8F)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
        // the staff: three lines, faint
        g.setColor(new Color(255, 255, 255, 70));
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int y : new int[] {96, 128, 160}) {
            g.drawLine(40, y, 216, y);
        }
        // the sweep of the baton: an arc ending in the baton's tip
        Path2D sweep = new Path2D.Double();
        sweep.moveTo(52, 188);
        sweep.curveTo(84, 92, 164, 60, 204, 68);
        g.setColor(new Color(0xFFD166));
        g.setStroke(new BasicStroke(16, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(sweep);
        // two notes on the staff
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(96, 140, 40, 30));
        g.fill(new Ellipse2D.Double(150, 108, 40, 30));
        g.setStroke(new BasicStroke(9, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(132, 154, 132, 96);
        g.drawLine(186, 122, 186, 64);
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static void writeIcons(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<Integer, byte[]> pngs = new LinkedHashMap<>();
        for (int size : PNG_SIZES) {
            pngs.put(size, png(draw(size)));
            Files.write(dir.resolve("symphony-" + size + ".png"), pngs.get(size));
        }
        Files.write(dir.resolve("symphony.png"), pngs.get(256));
        pngs.put(1024, png(draw(1024)));
        writeIco(dir.resolve("symphony.ico"), pngs, new int[] {16, 24, 32, 48, 64, 256});
        writeIcns(dir.resolve("symphony.icns"), pngs);
    }

    /** ICO with PNG images (Windows Vista+): a directory of entries, then the PNG bytes; little-endian. */
    static void writeIco(Path file, Map<Integer, byte[]> pngs, int[] sizes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeLe(out, 0, 2);
        writeLe(out, 1, 2);
        writeLe(out, sizes.length, 2);
        int offset = 6 + 16 * sizes.length;
        for (int s : sizes) {
            byte[] data = pngs.get(s);
            out.write(s >= 256 ? 0 : s); // 0 means 256
            out.write(s >= 256 ? 0 : s);
            out.write(0);
            out.write(0);
            writeLe(out, 1, 2);
            writeLe(out, 32, 2);
            writeLe(out, data.length, 4);
            writeLe(out, offset, 4);
            offset += data.length;
        }
        for (int s : sizes) {
            out.write(pngs.get(s));
        }
        Files.write(file, out.toByteArray());
    }

    /** ICNS with PNG entries (ic07 128, ic08 256, ic09 512, ic10 1024); big-endian lengths. */
    static void writeIcns(Path file, Map<Integer, byte[]> pngs) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        for (var t : types.entrySet()) {
            byte[] data = pngs.get(t.getValue());
            d.writeBytes(t.getKey());
            d.writeInt(8 + data.length);
            d.write(data);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(out);
        o.writeBytes("icns");
        o.writeInt(8 + body.size());
        o.write(body.toByteArray());
        Files.write(file, out.toByteArray());
    }

    static void writeLe(OutputStream out, int value, int bytes) throws IOException {
        for (int i = 0; i < bytes; i++) {
            out.write((value >>> (8 * i)) & 0xff);
        }
    }

    static final Pattern MODULE_INFO = Pattern.compile("(META-INF/versions/\\d+/)?module-info\\.class");

    static void classPathView(Path in, Path out) throws IOException {
        Files.createDirectories(out);
        try (var jars = Files.list(in)) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).sorted().toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile());
                     ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out.resolve(jar.getFileName())))) {
                    for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                        if (MODULE_INFO.matcher(e.getName()).matches() || !e.getName().endsWith(".class")) {
                            continue; // only classes matter to jdeps
                        }
                        z.putNextEntry(new ZipEntry(e.getName()));
                        try (InputStream data = zip.getInputStream(e)) {
                            data.transferTo(z);
                        }
                        z.closeEntry();
                    }
                }
            }
        }
    }

    // ---- natives of other platforms ----

    /**
     * Jars whose natives exist for one operating system only, because the code using them runs only there:
     * java-keyring's macOS Keychain backend (jkeychain). Elsewhere their classes stay, their natives go.
     */
    static final List<String> ONE_OS_ONLY = List.of("jkeychain-");
    static final Pattern NATIVE = Pattern.compile(".*\\.(so|dll|dylib|jnilib|a|exe)$");
    static final Map<String, Pattern> OS = Map.of(
            "linux", Pattern.compile("linux"),
            "windows", Pattern.compile("(^|[/_.-])win(32|64|dows)?([/_.-]|$)|\\.(dll|exe)$"),
            "mac", Pattern.compile("darwin|osx|macos|\\.(dylib|jnilib)$"),
            "other", Pattern.compile("freebsd|openbsd|dragonfly|sunos|solaris|aix"));
    static final Map<String, Pattern> ARCH = Map.of(
            "x86_64", Pattern.compile("x86[-_]64|amd64|x64"),
            "aarch64", Pattern.compile("aarch64|arm64"));
    static final Pattern ANY_ARCH = Pattern.compile("x86|i[3-6]86|arm|aarch64|ppc|mips|riscv|s390|loongarch|sparc");
    /** GPU builds (DJL's cu128 libraries): the bundled PyTorch is the CPU build. */
    static final Pattern GPU = Pattern.compile("(^|/)cu\\d+/");

    static String thisOs() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return os.contains("win") ? "windows" : os.contains("mac") ? "mac" : "linux";
    }

    static String thisArch() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : "x86_64";
    }

    /** True when the entry is a native library built for this operating system and architecture (or for any). */
    static boolean forThisPlatform(String entry, String os, String arch) {
        String path = entry.toLowerCase(Locale.ROOT);
        for (var o : OS.entrySet()) {
            if (!o.getKey().equals(os) && o.getValue().matcher(path).find()) {
                return false;
            }
        }
        if (GPU.matcher(path).find()) {
            return false;
        }
        return ARCH.get(arch).matcher(path).find() || !ANY_ARCH.matcher(path).find();
    }

    static void stripNatives(Path in, Path out) throws IOException {
        String os = thisOs();
        String arch = thisArch();
        try (ZipFile zip = new ZipFile(in.toFile())) {
            if (zip.stream().noneMatch(e -> !e.isDirectory() && NATIVE.matcher(e.getName().toLowerCase(Locale.ROOT)).matches()
                    && !forThisPlatform(e.getName(), os, arch))) {
                Files.copy(in, out, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                return;
            }
        }
        List<String> kept = new ArrayList<>();
        int dropped = 0;
        try (ZipFile zip = new ZipFile(in.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                boolean isNative = !e.isDirectory() && NATIVE.matcher(e.getName().toLowerCase(Locale.ROOT)).matches();
                if (isNative && !forThisPlatform(e.getName(), os, arch)) {
                    dropped++;
                    continue;
                }
                if (isNative) {
                    kept.add(e.getName());
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                z.putNextEntry(copy);
                try (InputStream data = zip.getInputStream(e)) {
                    data.transferTo(z);
                }
                z.closeEntry();
            }
        }
        if (dropped > 0 && kept.isEmpty() && ONE_OS_ONLY.stream().anyMatch(in.getFileName().toString()::startsWith)) {
            System.err.println("installers: " + in.getFileName() + ": used on another operating system only; its "
                    + dropped + " natives left out, its classes kept");
            return;
        }
        if (dropped > 0 && kept.isEmpty()) {
            throw new IllegalStateException(in.getFileName() + " has native libraries but none for " + os + "-" + arch);
        }
        if (dropped > 0) {
            System.err.println("installers: " + in.getFileName() + ": kept " + kept + ", left out " + dropped
                    + " natives of other platforms");
        }
    }
}
