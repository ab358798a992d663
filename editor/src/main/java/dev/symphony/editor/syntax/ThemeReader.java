package dev.symphony.editor.syntax;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        Map<String, Object> merged = merge(json, includes, 0);
        Map<String, Object> colors = JsonValues.map(merged.get("colors"));
        String type = Objects.requireNonNullElse(JsonValues.string(merged.get("type")), "");
        String bg = colour(colors, "editor.background");
        boolean dark = type.isEmpty() ? bg != null && luminance(bg) < 0.5 : !type.equals("light") && !type.equals("hcLight");
        String fg = colour(colors, "editor.foreground");
        List<ThemeRule> rules = new ArrayList<>();
        for (Object o : JsonValues.list(merged.get("tokenColors"))) {
            Map<String, Object> tc = JsonValues.map(o);
            Map<String, Object> s = JsonValues.map(tc.get("settings"));
            List<String> scopes = scopes(tc.get("scope"));
            String tfg = Theme.normalise(JsonValues.string(s.get("foreground")));
            if (scopes.isEmpty()) { // VS Code themes may put defaults in a scope-less rule
                fg = fg == null ? tfg : fg;
                bg = bg == null ? Theme.normalise(JsonValues.string(s.get("background"))) : bg;
                continue;
            }
            rules.add(new ThemeRule(scopes, tfg, Theme.normalise(JsonValues.string(s.get("background"))),
                    JsonValues.string(s.get("fontStyle"))));
        }
        bg = bg != null ? bg : dark ? "#1e1e1e" : "#ffffff";
        fg = fg != null ? fg : dark ? "#d4d4d4" : "#000000";
        String name = JsonValues.string(merged.get("name"));
        if (name == null) {
            name = Objects.requireNonNullElse(JsonValues.string(merged.get("displayName")), "unnamed");
        }
        return new Theme(name, dark, bg, fg,
                or(colour(colors, "editor.selectionBackground"), dark ? "#264f78" : "#add6ff"),
                or(colour(colors, "editor.lineHighlightBackground"), dark ? "#282828" : "#f3f3f3"),
                or(colour(colors, "editorCursor.foreground"), fg),
                or(colour(colors, "editorLineNumber.foreground"), dark ? "#858585" : "#237893"),
                rules);
    }

    private static Map<String, Object> merge(String json, Function<String, String> includes, int depth) throws IOException {
        if (depth > 8) {
            throw new IllegalArgumentException("theme includes nest deeper than 8 (a cycle?)");
        }
        Map<String, Object> own = JsonValues.map(JsonValues.parse(json));
        String include = JsonValues.string(own.get("include"));
        if (include == null) {
            return own;
        }
        Map<String, Object> base = merge(includes.apply(include), includes, depth + 1);
        Map<String, Object> colors = new LinkedHashMap<>(JsonValues.map(base.get("colors")));
        colors.putAll(JsonValues.map(own.get("colors")));
        List<Object> tokenColors = new ArrayList<>(JsonValues.list(base.get("tokenColors")));
        tokenColors.addAll(JsonValues.list(own.get("tokenColors"))); // later rules win in TM4E's resolution
        Map<String, Object> merged = new LinkedHashMap<>(base);
        merged.putAll(own);
        merged.remove("include");
        merged.put("colors", colors);
        merged.put("tokenColors", tokenColors);
        return merged;
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
            rules.add(new ThemeRule(scopes(scope), Theme.normalise((String) s.get("foreground")),
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
    private static List<String> scopes(Object scope) {
        List<String> out = new ArrayList<>();
        if (scope instanceof String str) {
            for (String s : str.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        } else if (scope instanceof List<?> l) {
            l.forEach(s -> out.addAll(scopes(s)));
        }
        return out;
    }

    private static String colour(Map<String, Object> colors, String key) {
        return Theme.normalise(JsonValues.string(colors.get(key)));
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    static double luminance(String colour) {
        int rgb = Integer.parseInt(colour.substring(1, 7), 16);
        return (0.299 * (rgb >> 16 & 255) + 0.587 * (rgb >> 8 & 255) + 0.114 * (rgb & 255)) / 255.0;
    }
}
