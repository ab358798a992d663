package dev.symphony.pit.pool.api;

/** A caller (or a host event) asked for a lifecycle step that {@link ModelState} does not allow. */
public final class IllegalModelTransitionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String modelName;
    private final ModelState from;
    private final ModelState to;

    public IllegalModelTransitionException(final String modelName, final ModelState from, final ModelState to) {
        super("model '" + modelName + "': illegal transition " + from + " -> " + to
            + " (allowed from " + from + ": " + allowedFrom(from) + ")");
        this.modelName = modelName;
        this.from = from;
        this.to = to;
    }

    private static String allowedFrom(final ModelState from) {
        final StringBuilder sb = new StringBuilder();
        for (final ModelState s : ModelState.values()) {
            if (from.canTransitionTo(s)) {
                sb.append(sb.length() == 0 ? "" : ", ").append(s);
            }
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    public String modelName() {
        return modelName;
    }

    public ModelState from() {
        return from;
    }

    public ModelState to() {
        return to;
    }
}
