package dev.symphony.conductor.melody;

/**
 * Checks a five-field cron expression (minute hour day-of-month month day-of-week) with numbers, {@code *},
 * ranges {@code a-b}, lists {@code a,b} and steps {@code * /n}, or an {@code @hourly}-style macro. Returns
 * null when valid, else what is wrong. (Scheduled triggers are declared and validated; firing them needs
 * a long-running process: the IDE or {@code symphony serve}.)
 */
public final class Cron {
    private static final String[] NAMES = {"minute", "hour", "day of month", "month", "day of week"};
    private static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};

    private Cron() {
    }

    public static String problem(String cron) {
        String c = cron.strip();
        if (c.startsWith("@")) {
            return switch (c) {
                case "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly" -> null;
                default -> "unknown cron macro '" + c + "'";
            };
        }
        String[] fields = c.split("\\s+");
        if (fields.length != 5) {
            return "a cron expression has 5 fields (minute hour day-of-month month day-of-week), found " + fields.length;
        }
        for (int i = 0; i < 5; i++) {
            for (String part : fields[i].split(",", -1)) {
                String p = fieldProblem(part, RANGES[i][0], RANGES[i][1]);
                if (p != null) {
                    return NAMES[i] + " field '" + fields[i] + "': " + p;
                }
            }
        }
        return null;
    }

    private static String fieldProblem(String part, int min, int max) {
        String range = part;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            range = part.substring(0, slash);
            String step = part.substring(slash + 1);
            if (!step.matches("\\d{1,3}") || Integer.parseInt(step) == 0) {
                return "bad step '" + step + "'";
            }
        }
        if (range.equals("*")) {
            return null;
        }
        String[] ends = range.split("-", -1);
        if (ends.length > 2) {
            return "bad range '" + range + "'";
        }
        int prev = Integer.MIN_VALUE;
        for (String e : ends) {
            if (!e.matches("\\d{1,2}")) {
                return "'" + e + "' is not a number";
            }
            int v = Integer.parseInt(e);
            if (v < min || v > max) {
                return v + " is outside " + min + "-" + max;
            }
            if (v < prev) {
                return "range '" + range + "' runs backwards";
            }
            prev = v;
        }
        return null;
    }
}
