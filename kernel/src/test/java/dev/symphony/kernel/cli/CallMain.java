package dev.symphony.kernel.cli;

/** {@code symphony call} as its own process, for the interrupt test (the real dispatcher lives in packaging). */
public final class CallMain {
    private CallMain() {
    }

    public static void main(String[] args) {
        System.exit(CallCommand.run(args, System.out, System.err));
    }
}
