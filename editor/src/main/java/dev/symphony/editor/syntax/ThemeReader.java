package dev.symphony.editor.syntax;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Reads colour themes: VS Code JSON ({@code colors}, {@code tokenColors}, {@code include} of a parent
 * theme, comments and trailing commas allowed) and TextMate/Sublime {@code .tmTheme} property lists.
 */
public final class ThemeReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    private ThemeReader() {
    }

    /** A theme file; {@code .tmTheme} (or XML content) as a property list, anything else as VS Code JSON. */
    public static Theme read(Path file) throws IOException {
        String text = Files.readString(file);
        if (file.getFileName().toString().endsWith(".tmTheme") || text.stripLeading().startsWith("<")) {
            return fromTmTheme(text);
        }
        Path dir = file.toAbsolutePath().getParent();
        return fromVsCodeJson(text, include -> {
            try {
                return Files.readString(dir.resolve(include));
            } catch (IOException e) {
                throw new IllegalArgumentException("theme " + file + ": cannot read included " + include, e);
            }
        });
    }

    /**
     * A VS Code colour theme. {@code includes} returns the text of an {@code include}d file (relative
     * name as written); the including theme's rules and colours win.
     */
    public static Theme fromVsCodeJson(String json, Function<String, String> includes) throws IOException {
        ObjectNode merged = merge(json, includes, 0);
        JsonNode colors = merged.path("colors");
        String type = merged.path("type").asText("");
        String bg = colour(colors, "editor.background");
        boolean dark = type.isEmpty() ? bg != null && luminance(bg) < 0.5 : !type.equals("light") && !type.equals("hcLight");
        String fg = colour(colors, "editor.foreground");
        List<ThemeRule> rules = new ArrayList<>();
        for (JsonNode tc : merged.path("tokenColors")) {
            JsonNode s = tc.path("settings");
            List<String> scopes = scopes(tc.path("scope"));
            String tfg = Theme.normalise(s.path("foreground").asText(null));
            if (scopes.isEmpty()) { // VS Code themes may put defaults in a scope-less rule
                fg = fg == null ? tfg : fg;
                bg = bg == null ? Theme.normalise(s.path("background").asText(null)) : bg;
                continue;
            }
            rules.add(new ThemeRule(scopes, tfg, Theme.normalise(s.path("background").asText(null)),
                    s.path("fontStyle").isTextual() ? s.path("fontStyle").asText() : null));
        }
        bg = bg != null ? bg : dark ? "#1e1e1e" : "#ffffff";
        fg = fg != null ? fg : dark ? "#d4d4d4" : "#000000";
        return new Theme(merged.path("name").asText(merged.path("displayName").asText("unnamed")), dark, bg, fg,
                or(colour(colors, "editor.selectionBackground"), dark ? "#264f78" : "#add6ff"),
                or(colour(colors, "editor.lineHighlightBackground"), dark ? "#282828" : "#f3f3f3"),
                or(colour(colors, "editorCursor.foreground"), fg),
                or(colour(colors, "editorLineNumber.foreground"), dark ? "#858585" : "#237893"),
                rules);
    }

    private static ObjectNode merge(String json, Function<String, String> includes, int depth) throws IOException {
        if (depth > 8) {
            throw new IllegalArgumentException("theme includes nest deeper than 8 (a cycle?)");
        }
        ObjectNode own = (ObjectNode) JSON.readTree(json);
        JsonNode include = own.get("include");
        if (include == null || !include.isTextual()) {
            return own;
        }
        ObjectNode base = merge(includes.apply(include.asText()), includes, depth + 1);
        ObjectNode colors = base.with("colors");
        own.path("colors").fields().forEachRemaining(f -> colors.set(f.getKey(), f.getValue()));
        var tokenColors = base.withArray("tokenColors");
        own.path("tokenColors").forEach(tokenColors::add); // later rules win in TM4E's resolution
        own.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("colors") && !f.getKey().equals("tokenColors") && !f.getKey().equals("include")) {
                base.set(f.getKey(), f.getValue());
            }
        });
        return base;
    }

    /** A TextMate / Sublime {@code .tmTheme} (XML property list). */
    public static Theme fromTmTheme(String xml) throws IOException {
        Map<String, Object> root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(false);
            Element plist = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
            root = asMap(PropertyList.value(firstElement(plist)));
        } catch (Exception e) {
            throw new IOException("not a readable .tmTheme property list: " + e.getMessage(), e);
        }
        String fg = null;
        String bg = null;
        String selection = null;
        String lineHighlight = null;
        String caret = null;
        String gutterFg = null;
        List<ThemeRule> rules = new ArrayList<>();
        for (Object o : (List<?>) root.getOrDefault("settings", List.of())) {
            Map<String, Object> entry = asMap(o);
            Map<String, Object> s = asMap(entry.getOrDefault("settings", Map.of()));
            Object scope = entry.get("scope");
            if (scope == null) {
                fg = Theme.normalise((String) s.get("foreground"));
                bg = Theme.normalise((String) s.get("background"));
                selection = Theme.normalise((String) s.get("selection"));
                lineHighlight = Theme.normalise((String) s.get("lineHighlight"));
                caret = Theme.normalise((String) s.get("caret"));
                gutterFg = Theme.normalise((String) s.get("gutterForeground"));
                continue;
            }
            rules.add(new ThemeRule(scopes(JSON.valueToTree(scope)), Theme.normalise((String) s.get("foreground")),
                    Theme.normalise((String) s.get("background")), (String) s.get("fontStyle")));
        }
        boolean dark = bg != null && luminance(bg) < 0.5;
        bg = or(bg, dark ? "#1e1e1e" : "#ffffff");
        fg = or(fg, dark ? "#d4d4d4" : "#000000");
        return new Theme(String.valueOf(root.getOrDefault("name", "unnamed")), dark, bg, fg,
                or(selection, dark ? "#264f78" : "#add6ff"), or(lineHighlight, dark ? "#282828" : "#f3f3f3"),
                or(caret, fg), or(gutterFg, dark ? "#858585" : "#237893"), rules);
    }

    private static Node firstElement(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return n;
            }
        }
        throw new IllegalArgumentException("empty <plist>");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    /** "a, b c" or ["a", "b c"] → selectors; TextMate separates alternatives with commas. */
    private static List<String> scopes(JsonNode scope) {
        List<String> out = new ArrayList<>();
        if (scope.isTextual()) {
            for (String s : scope.asText().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        } else if (scope.isArray()) {
            scope.forEach(s -> out.addAll(scopes(s)));
        }
        return out;
    }

    private static String colour(JsonNode colors, String key) {
        return Theme.normalise(colors.path(key).asText(null));
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    static double luminance(String colour) {
        int rgb = Integer.parseInt(colour.substring(1, 7), 16);
        return (0.299 * (rgb >> 16 & 255) + 0.587 * (rgb >> 8 & 255) + 0.114 * (rgb & 255)) / 255.0;
    }
}
