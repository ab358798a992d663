package dev.symphony.packaging.installers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The Linux packages' menu entry and file type (installed as package files; install-test.sh checks on a real
 * system that the desktop and MIME databases took them): the entry starts the installed launcher with the file
 * it is given, and offers exactly the MIME type the package declares, whose glob names the project's Melodies.
 */
class DesktopIntegrationFilesTest {
    static final Path LINUX = InstallerPrograms.SOURCES.resolve("linux");

    static Map<String, String> desktopEntry() throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(LINUX.resolve("symphony.desktop"));
        assertEquals("[Desktop Entry]", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                assertTrue(eq > 0, "not KEY=VALUE: " + line);
                assertTrue(keys.put(line.substring(0, eq), line.substring(eq + 1)) == null, "key twice: " + line);
            }
        }
        return keys;
    }

    @Test
    void theMenuEntryStartsTheInstalledLauncherWithTheFileItIsGiven() throws IOException {
        Map<String, String> entry = desktopEntry();
        assertEquals("Application", entry.get("Type"));
        assertEquals("/opt/symphony/bin/symphony %f", entry.get("Exec"), "the payload's launcher, one file at a time");
        assertEquals("symphony", entry.get("Icon"), "the hicolor theme's symphony.png the package installs");
        assertTrue(entry.get("Categories").matches("(.*;)?Development;(.*;)?IDE;.*"), entry.get("Categories"));
    }

    @Test
    void theEntryOffersTheMimeTypeThePackageDeclaresForMelodies() throws Exception {
        var doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(LINUX.resolve("symphony-mime.xml").toFile());
        Element type = (Element) doc.getElementsByTagNameNS("http://www.freedesktop.org/standards/shared-mime-info", "mime-type").item(0);
        Element glob = (Element) type.getElementsByTagNameNS("*", "glob").item(0);
        assertEquals(List.of(type.getAttribute("type")), List.of(desktopEntry().get("MimeType").split(";")),
                "the desktop entry's MimeType is the package's own type");
        assertEquals("*.melody.json", glob.getAttribute("pattern"));

        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob.getAttribute("pattern"));
        try (var examples = Files.list(Path.of("../examples"))) {
            List<Path> melodies = examples.filter(f -> f.toString().endsWith(".json")).toList();
            assertFalse(melodies.isEmpty());
            for (Path melody : melodies) { // every Melody the project ships has the name the type claims
                assertTrue(matcher.matches(melody.getFileName()), melody + " does not match " + glob.getAttribute("pattern"));
            }
        }
    }

    @Test
    void theRpmCarriesEveryFileAsItsOwnWithoutScriptlets() throws IOException {
        String spec = Files.readString(LINUX.resolve("symphony.spec"));
        Matcher files = Pattern.compile("(?s)%files\\n(.*)").matcher(spec);
        assertTrue(files.find(), "the spec has a %files section");
        assertEquals(List.of("/opt/symphony", "/usr/bin/symphony", "/usr/share/applications/symphony.desktop",
                "/usr/share/icons/hicolor/*/apps/symphony.png", "/usr/share/mime/packages/symphony.xml"),
                files.group(1).strip().lines().toList());
        assertFalse(spec.matches("(?s).*%(pre|post|preun|postun|pretrans|posttrans)\\b.*"), "no scriptlets: every file is the package's own");
    }
}
