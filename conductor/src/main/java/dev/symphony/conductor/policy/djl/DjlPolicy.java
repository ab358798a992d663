package dev.symphony.conductor.policy.djl;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.symphony.conductor.policy.CandidateFeatures;
import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.SchedulingPolicy;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The learned policy: a DJL model (PyTorch engine) loaded from a DJL {@code .params} file. Decisions are
 * scored by {@link MlpForward} over the weights DJL loaded (one pass over all candidates, no JNI call);
 * {@link #scoreWithDjl} runs the same decision through DJL's own forward, for checking and comparison.
 */
public final class DjlPolicy implements SchedulingPolicy, AutoCloseable {
    /** The policy shipped with the product, produced by {@code fqg train} (see conductor/README.md). */
    public static final String SHIPPED_RESOURCE = "/dev/symphony/conductor/policy/fqg-policy.params";

    private final Model model;
    private final MlpForward forward;
    private final String name;

    private DjlPolicy(Model model, String name) {
        this.model = model;
        this.name = name;
        String layout = model.getProperty(PolicyNetwork.FEATURES_PROPERTY);
        if (layout != null && !PolicyNetwork.FEATURES_VERSION.equals(layout)) {
            throw new IllegalArgumentException("policy was trained on features " + layout + ", this build uses "
                    + PolicyNetwork.FEATURES_VERSION + "; retrain with fqg train");
        }
        this.forward = MlpForward.copyOf(model.getBlock());
    }

    /** Loads a policy from a DJL parameter stream (what {@code fqg train} writes). */
    public static DjlPolicy load(InputStream in, String name) throws IOException {
        Model model = Model.newInstance(PolicyNetwork.MODEL_NAME, "PyTorch");
        model.setBlock(PolicyNetwork.newBlock());
        try {
            model.load(new BufferedInputStream(in), Map.of());
            return new DjlPolicy(model, name);
        } catch (MalformedModelException | RuntimeException e) {
            // DJL may accept a stream that is not a parameter file and leave the weights uninitialized.
            model.close();
            throw new IOException("not a policy file: " + e.getMessage(), e);
        }
    }

    public static DjlPolicy load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, "rl");
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Where {@code fqg train} writes by default and what {@link #loadCurrent} prefers: {@code <data>/policy/fqg-policy.params}. */
    public static Path userPolicyFile() {
        return dev.symphony.kernel.paths.SymphonyPaths.resolve().data("policy").resolve("fqg-policy.params");
    }

    /**
     * The policy the product runs with: the user's own (improved by {@code fqg train --continue}) if there is
     * one and it loads, else the shipped one.
     */
    public static DjlPolicy loadCurrent() throws IOException {
        Path user = userPolicyFile();
        if (Files.isRegularFile(user)) {
            try {
                return load(user);
            } catch (IOException | RuntimeException e) {
                System.err.println("symphony: ignoring the policy " + user + " (" + e.getMessage() + "); using the shipped one");
            }
        }
        return loadShipped();
    }

    /** The policy shipped in this jar. */
    public static DjlPolicy loadShipped() throws IOException {
        try (InputStream in = DjlPolicy.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IOException("the shipped policy " + SHIPPED_RESOURCE + " is missing from the class path");
            }
            return load(in, "rl");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void score(Decision decision, float[] scores) {
        forward.score(decision.features(), decision.count(), scores);
    }

    /** The same scores computed by DJL's forward pass on the PyTorch engine. */
    public void scoreWithDjl(Decision decision, float[] scores) {
        int n = decision.count();
        try (NDManager manager = model.getNDManager().newSubManager()) {
            float[] rows = java.util.Arrays.copyOf(decision.features(), n * CandidateFeatures.COUNT);
            NDArray x = manager.create(rows, new Shape(n, CandidateFeatures.COUNT));
            NDArray y = model.getBlock().forward(new ParameterStore(manager, false), new NDList(x), false)
                    .singletonOrThrow();
            System.arraycopy(y.toFloatArray(), 0, scores, 0, n);
        }
    }

    /** The loaded weights as a plain-Java forward pass (a private copy of the scratch buffers). */
    public MlpForward forward() {
        return forward;
    }

    @Override
    public void close() {
        model.close();
    }
}
