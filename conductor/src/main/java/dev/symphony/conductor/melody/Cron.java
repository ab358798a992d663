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

    /** True when {@code time} (to the minute) matches a valid cron expression; day-of-week 0 and 7 are Sunday. */
    public static boolean matches(String cron, java.time.LocalDateTime time) {
        String c = cron.strip();
        c = switch (c) {
            case "@yearly", "@annually" -> "0 0 1 1 *";
            case "@monthly" -> "0 0 1 * *";
            case "@weekly" -> "0 0 * * 0";
            case "@daily", "@midnight" -> "0 0 * * *";
            case "@hourly" -> "0 * * * *";
            default -> c;
        };
        String[] f = c.split("\\s+");
        int dow = time.getDayOfWeek().getValue() % 7;
        boolean domRestricted = !f[2].equals("*");
        boolean dowRestricted = !f[4].equals("*");
        boolean dom = field(f[2], time.getDayOfMonth(), 1);
        boolean dw = field(f[4], dow, 0) || (dow == 0 && field(f[4], 7, 0));
        // Classic cron: when both day fields are restricted, either may match.
        boolean day = domRestricted && dowRestricted ? dom || dw : dom && dw;
        return field(f[0], time.getMinute(), 0) && field(f[1], time.getHour(), 0) && field(f[3], time.getMonthValue(), 1) && day;
    }

    private static boolean field(String field, int value, int min) {
        for (String part : field.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(part.substring(slash + 1));
                range = part.substring(0, slash);
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = min;
                hi = 59;
            } else if (range.contains("-")) {
                lo = Integer.parseInt(range.substring(0, range.indexOf('-')));
                hi = Integer.parseInt(range.substring(range.indexOf('-') + 1));
            } else {
                lo = Integer.parseInt(range);
                hi = slash >= 0 ? 59 : lo;
            }
            if (value >= lo && value <= hi && (value - lo) % step == 0) {
                return true;
            }
        }
        return false;
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
