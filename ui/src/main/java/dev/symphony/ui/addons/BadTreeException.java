package dev.symphony.ui.addons;

/** A VirtualNode tree the renderer refuses: {@link #path()} is the JSON path of the problem ({@code $.children[2].props.value}). */
public final class BadTreeException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String path;

    public BadTreeException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
