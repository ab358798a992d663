package dev.symphony.samples.tinylm;

import dev.symphony.samples.tinylm.train.TrainCommand;
import java.util.Arrays;

/**
 * {@code symphony tiny-lm train ARGS | probe ARGS}: the command-line tool this extension contributes in its
 * manifest ({@code contributes.tools}). The launcher runs it in a JVM of its own on this extension's classes
 * and libraries; the exit status is the command's (0 ok, 1 failed, 2 usage).
 */
public final class TinyLmTool {
    private TinyLmTool() {
    }

    public static void main(String[] args) {
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        int status = switch (args.length == 0 ? "" : args[0]) {
            case "train" -> TrainCommand.run(rest, System.out, System.err);
            case "probe" -> ProbeCommand.run(rest, System.out, System.err);
            default -> {
                System.err.println("symphony tiny-lm: usage: tiny-lm train ARGS | tiny-lm probe ARGS");
                yield 2;
            }
        };
        System.exit(status);
    }
}
