package dev.symphony.ui.tabs;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Predicate;

/** The files whose tabs were closed, most recent first (at most {@link #CAPACITY}), for Reopen Closed Editor. */
final class ClosedTabs {
    static final int CAPACITY = 50;
    private final Deque<Path> closed = new ArrayDeque<>();

    void remember(Path path) {
        closed.remove(path);
        closed.addFirst(path);
        while (closed.size() > CAPACITY) {
            closed.removeLast();
        }
    }

    /** Removes and returns the most recent path that {@code reopenable} accepts; skipped ones are dropped too. */
    Optional<Path> takeLast(Predicate<Path> reopenable) {
        for (Iterator<Path> it = closed.iterator(); it.hasNext(); ) {
            Path path = it.next();
            it.remove();
            if (reopenable.test(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }
}
