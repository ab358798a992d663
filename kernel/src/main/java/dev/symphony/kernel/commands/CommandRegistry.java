package dev.symphony.kernel.commands;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every registered command, by id. Thread-safe; the UI renders it, headless code uses it directly. */
public final class CommandRegistry {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    /**
     * Registers a command; returns a handle that unregisters it.
     *
     * @throws IllegalArgumentException if a command with that id exists
     */
    public synchronized AutoCloseable register(Command command) {
        if (commands.putIfAbsent(command.id(), command) != null) {
            throw new IllegalArgumentException("a command with id '" + command.id() + "' is already registered");
        }
        return () -> unregister(command.id());
    }

    public synchronized void unregister(String id) {
        commands.remove(id);
    }

    public synchronized Optional<Command> find(String id) {
        return Optional.ofNullable(commands.get(id));
    }

    public synchronized Collection<Command> all() {
        return List.copyOf(commands.values());
    }

    /**
     * Runs a command on the calling thread.
     *
     * @throws IllegalArgumentException if no command has that id
     */
    public void execute(String id) {
        Command command = find(id).orElseThrow(() -> new IllegalArgumentException("no command with id '" + id + "'"));
        command.action().run();
    }

    /** Commands matching a fuzzy query, best first (all commands, alphabetically, for an empty query). */
    public List<FuzzyMatch<Command>> search(String query) {
        List<FuzzyMatch<Command>> matches = new ArrayList<>();
        for (Command command : all()) {
            FuzzyMatcher.match(query, command.label()).ifPresent(m -> matches.add(m.withItem(command)));
        }
        matches.sort(Comparator.comparingInt((FuzzyMatch<Command> m) -> -m.score())
                .thenComparing(m -> m.item().label()));
        return matches;
    }
}
