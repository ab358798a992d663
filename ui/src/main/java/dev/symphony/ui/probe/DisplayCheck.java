package dev.symphony.ui.probe;

import java.util.Locale;
import java.util.Optional;

/** On Linux a GUI needs an X11 or Wayland display; say so plainly instead of crashing in GTK. */
public final class DisplayCheck {
    private DisplayCheck() {}

    /** Why no window can be shown, or empty when one can. */
    public static Optional<String> problem() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        boolean headlessPlatform = "Monocle".equals(System.getProperty("glass.platform"));
        if (!linux || headlessPlatform || notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of("no display: neither DISPLAY nor WAYLAND_DISPLAY is set. Run it on a desktop, or under a "
                + "virtual display with xvfb-run, e.g. `xvfb-run -a ./symphony startup-probe` "
                + "(Debian/Ubuntu: apt-get install xvfb)");
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
