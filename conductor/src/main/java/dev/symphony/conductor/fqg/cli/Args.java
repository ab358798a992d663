package dev.symphony.conductor.fqg.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and {@code --flag}s, checked against what a command accepts. */
final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static Args parse(String[] args, int from, Set<String> valueOptions, Set<String> flagOptions) throws UsageException {
        Args a = new Args();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (valueOptions.contains(arg)) {
                if (i + 1 >= args.length) {
                    throw new UsageException(arg + " needs a value");
                }
                a.values.put(arg, args[++i]);
            } else if (flagOptions.contains(arg)) {
                a.flags.add(arg);
            } else {
                throw new UsageException("unknown argument '" + arg + "'");
            }
        }
        return a;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException(name + " is required");
        }
        return v;
    }

    long longValue(String name, Long fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            if (fallback == null) {
                throw new UsageException(name + " is required");
            }
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be an integer, got '" + v + "'");
        }
    }

    int nonNegativeInt(String name, Integer fallback) throws UsageException {
        long v = longValue(name, fallback == null ? null : fallback.longValue());
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new UsageException(name + " must be a non-negative integer, got " + v);
        }
        return (int) v;
    }

    int positiveInt(String name, Integer fallback) throws UsageException {
        long v = longValue(name, fallback == null ? null : fallback.longValue());
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new UsageException(name + " must be a positive integer, got " + v);
        }
        return (int) v;
    }
}
