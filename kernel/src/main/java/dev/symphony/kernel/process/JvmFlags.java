package dev.symphony.kernel.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The JVM flags every Symphony JVM needs (Chronicle/Agrona module exports, telemetry off), as
 * defined once in the parent pom and filtered into {@code jvm-flags.properties}. The process
 * supervisor uses this to start extension hosts; the launcher script reads the same definition.
 */
public final class JvmFlags {
    private final List<String> flags;
    private final List<String> jitFlags;
    private final List<String> hostJitFlags;
    private final Map<String, String> environment;

    private JvmFlags(List<String> flags, List<String> jitFlags, List<String> hostJitFlags, Map<String, String> environment) {
        this.flags = List.copyOf(flags);
        this.jitFlags = List.copyOf(jitFlags);
        this.hostJitFlags = List.copyOf(hostJitFlags);
        this.environment = Map.copyOf(environment);
    }

    /** The flags for a JVM of the given feature version (e.g. 17 or 25). */
    public static JvmFlags forRuntime(int featureVersion) {
        Properties properties = new Properties();
        try (InputStream in = JvmFlags.class.getResourceAsStream("jvm-flags.properties")) {
            if (in == null) {
                throw new IllegalStateException("jvm-flags.properties is missing from the kernel jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> flags = new ArrayList<>(split(properties.getProperty("flags")));
        if (featureVersion >= 22) {
            flags.addAll(split(properties.getProperty("flags.jdk22")));
        }
        Map<String, String> env = new java.util.TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("env.")) {
                env.put(name.substring(4), properties.getProperty(name));
            }
        }
        return new JvmFlags(flags, split(properties.getProperty("flags.jit")), split(properties.getProperty("flags.jit.host")), env);
    }

    /** The flags for a JVM like the current one. */
    public static JvmFlags forCurrentRuntime() {
        return forRuntime(Runtime.version().feature());
    }

    public List<String> flags() {
        return flags;
    }

    /**
     * The IDE's JIT thresholds (the launcher gives them to the IDE and {@code serve}; other commands get the first,
     * the global scaling, alone): start-up code compiled only when 5x as hot as the JIT's defaults, Symphony's and
     * the bus's packages at the defaults.
     */
    public List<String> jitFlags() {
        return jitFlags;
    }

    /** An extension host's: 10x, with the same packages at the defaults. */
    public List<String> hostJitFlags() {
        return hostJitFlags;
    }

    /** Environment variables a child JVM must have (telemetry opt-outs). */
    public Map<String, String> environment() {
        return environment;
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.asList(value.trim().split("\\s+"));
    }
}
