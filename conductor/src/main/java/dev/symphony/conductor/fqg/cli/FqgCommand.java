package dev.symphony.conductor.fqg.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** {@code symphony fqg generate|train|eval ...}: dispatches on the first argument. */
public final class FqgCommand {
    static final String USAGE = String.join("\n",
            "usage: symphony fqg generate --seed S --count N --out DIR [--preset default]",
            "       symphony fqg train [--seed S] [--episodes N] [--out FILE] [--continue [--real DIR|--no-real]] [--preset default]"
            + " [--imitate BASELINE [--imitate-episodes N] [--dagger R] [--mix PRESET:BASELINE:N]] [--entropy-final X]",
            "       symphony fqg eval --seed S (--count N | --puzzles DIR) [--policies all|random,fifo,critical-path,rl,...]",
            "                         [--preset default|small|plain] [--slots K] [--policy-file FILE[,FILE...]] [--versus P] [--warmup N] [--table]",
            "       symphony fqg latency [--real DIR]   (decision latency in recorded real runs, features included)",
            "Function Quest Game: generated scheduling puzzles and the learned policy (conductor/README.md).",
            "Exit status: 0 ok, 1 the operation failed, 2 bad usage or invalid input.");

    private FqgCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "generate":
                return GenerateCommand.run(rest, out, err);
            case "train":
                return TrainCommand.run(rest, out, err);
            case "eval":
                return EvalCommand.run(rest, out, err);
            case "latency":
                return LatencyCommand.run(rest, out, err);
            default:
                err.println("fqg: unknown subcommand '" + args[0] + "'");
                err.println(USAGE);
                return 2;
        }
    }

    /** For running by hand: {@code java -cp ... dev.symphony.conductor.fqg.cli.FqgCommand eval ...}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
