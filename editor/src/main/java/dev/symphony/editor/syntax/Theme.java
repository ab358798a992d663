package dev.symphony.editor.syntax;

import dev.secondsun.tm4e.core.theme.FontStyle;
import dev.secondsun.tm4e.core.theme.IRawTheme;
import dev.secondsun.tm4e.core.theme.IRawThemeSetting;
import dev.secondsun.tm4e.core.theme.IThemeSetting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A colour theme: editor colours plus token styles. Colours are {@code "#rrggbb"} or {@code "#rrggbbaa"}.
 * Style ids (what {@link LineStyles} carry) are {@code foregroundId << 3 | fontStyleBits}; they are only
 * meaningful with the theme that produced them. Read with {@link ThemeReader} or {@link Themes}.
 */
public final class Theme {

    private final String name;
    private final boolean dark;
    private final String background;
    private final String foreground;
    private final String selection;
    private final String lineHighlight;
    private final String caret;
    private final String lineNumber;
    private final List<ThemeRule> rules;
    private volatile dev.secondsun.tm4e.core.theme.Theme resolved;
    private volatile GrammarRegistry grammars;
    private volatile TokenStyle[] styleCache;

    Theme(String name, boolean dark, String background, String foreground, String selection, String lineHighlight,
          String caret, String lineNumber, List<ThemeRule> rules) {
        this.name = name;
        this.dark = dark;
        this.background = background;
        this.foreground = foreground;
        this.selection = selection;
        this.lineHighlight = lineHighlight;
        this.caret = caret;
        this.lineNumber = lineNumber;
        this.rules = List.copyOf(rules);
    }

    public String name() {
        return name;
    }

    public boolean dark() {
        return dark;
    }

    public String background() {
        return background;
    }

    public String foreground() {
        return foreground;
    }

    public String selection() {
        return selection;
    }

    public String lineHighlight() {
        return lineHighlight;
    }

    public String caret() {
        return caret;
    }

    public String lineNumber() {
        return lineNumber;
    }

    /** Number of style ids: every id in {@code [0, styleCount())} is valid for {@link #style(int)}. */
    public int styleCount() {
        return (resolved().getColorMap().size() + 1) << 3;
    }

    /** The style for an id from {@link LineStyles}; the same instance each time (the view may call this per run per frame). */
    public TokenStyle style(int styleId) {
        TokenStyle[] cache = styleCache;
        if (cache == null) {
            cache = new TokenStyle[styleCount()];
            styleCache = cache;
        }
        if (styleId < 0 || styleId >= cache.length) {
            return TokenStyle.PLAIN;
        }
        TokenStyle t = cache[styleId];
        if (t == null) {
            cache[styleId] = t = computeStyle(styleId);
        }
        return t;
    }

    private TokenStyle computeStyle(int styleId) {
        int fg = styleId >>> 3;
        String colour = fg == 0 || fg > resolved().getColorMap().size() ? null : normalise(resolved().getColor(fg));
        if (colour != null && colour.equalsIgnoreCase(foreground)) {
            colour = null; // the default: the view draws it with the editor foreground
        }
        return new TokenStyle(colour, (styleId & FontStyle.Bold) != 0, (styleId & FontStyle.Italic) != 0,
                (styleId & FontStyle.Underline) != 0);
    }

    /** The style a token whose innermost scope is {@code scope} gets (rules needing parent scopes ignored); for tests and tools. */
    public TokenStyle styleOfScope(String scope) {
        var matches = resolved().match(scope);
        var defaults = resolved().getDefaults();
        int fg = defaults.foreground;
        int fontStyle = Math.max(0, defaults.fontStyle);
        if (!matches.isEmpty()) {
            var m = matches.get(0);
            fg = m.foreground > 0 ? m.foreground : fg;
            fontStyle = m.fontStyle >= 0 ? m.fontStyle : fontStyle;
        }
        return computeStyle(fg << 3 | fontStyle);
    }

    /** The style id of text no rule matches (the theme's default foreground, no font style). */
    int defaultStyleId() {
        return Math.max(0, resolved().getDefaults().foreground) << 3;
    }

    List<ThemeRule> rules() {
        return rules;
    }

    /** The grammar registry tokenizing with this theme's colour ids (TM4E bakes them into tokens). */
    GrammarRegistry grammars() {
        GrammarRegistry g = grammars;
        if (g == null) {
            synchronized (this) {
                g = grammars;
                if (g == null) {
                    grammars = g = new GrammarRegistry(rawTheme());
                }
            }
        }
        return g;
    }

    private dev.secondsun.tm4e.core.theme.Theme resolved() {
        var r = resolved;
        if (r == null) {
            resolved = r = dev.secondsun.tm4e.core.theme.Theme.createFromRawTheme(rawTheme());
        }
        return r;
    }

    static String normalise(String colour) {
        if (colour == null || !colour.startsWith("#")) {
            return null;
        }
        String c = colour.toLowerCase();
        if (c.length() == 4 || c.length() == 5) { // #rgb, #rgba
            StringBuilder sb = new StringBuilder("#");
            for (int i = 1; i < c.length(); i++) {
                sb.append(c.charAt(i)).append(c.charAt(i));
            }
            c = sb.toString();
        }
        if (c.length() == 9 && c.endsWith("ff")) {
            c = c.substring(0, 7);
        }
        return c.length() == 7 || c.length() == 9 ? c : null;
    }

    IRawTheme rawTheme() {
        List<IRawThemeSetting> settings = new ArrayList<>();
        // the defaults first: TM4E takes the scope-less setting as default foreground/background
        settings.add(setting(null, foreground, background, null));
        for (ThemeRule r : rules) {
            if (!r.scopes().isEmpty()) {
                settings.add(setting(new ArrayList<>(r.scopes()), r.foreground(), r.background(), r.fontStyle()));
            }
        }
        String n = name;
        return new IRawTheme() {
            @Override
            public String getName() {
                return n;
            }

            @Override
            public Collection<IRawThemeSetting> getSettings() {
                return settings;
            }
        };
    }

    private static IRawThemeSetting setting(Object scope, String fg, String bg, String fontStyle) {
        IThemeSetting s = new IThemeSetting() {
            @Override
            public Object getFontStyle() {
                return fontStyle;
            }

            @Override
            public String getBackground() {
                return bg;
            }

            @Override
            public String getForeground() {
                return fg;
            }
        };
        return new IRawThemeSetting() {
            @Override
            public String getName() {
                return null;
            }

            @Override
            public Object getScope() {
                return scope;
            }

            @Override
            public IThemeSetting getSetting() {
                return s;
            }
        };
    }

    @Override
    public String toString() {
        return "Theme[" + name + (dark ? ", dark]" : ", light]");
    }
}
