package dev.symphony.samples.broker;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The langchain4j model an Instrument keeps while the settings it is built from are equal
 * ({@link ProviderEndpoint.Connection}, and for a model built for one model name, that name): building one cost about
 * a millisecond of each request. The settings are still read on every request, so a change reaches the next one: it
 * builds a new model and the old one is dropped (one is kept, the latest; it holds the secret's name, never a key).
 * langchain4j's models keep no request's state after they are built (their client, default parameters and listeners
 * are set once), so concurrent calls share one; what belongs to a call, its brokered HTTP and its cancel, is taken
 * from the call running on the thread ({@link BrokerHttpClient#during}, which {@link StreamedChat#run} wraps the
 * request in, and which a caller of any other kept model wraps its request in).
 *
 * @param <M> the model type
 */
public final class SharedModel<M> {
    private record Built<M>(ProviderEndpoint.Connection connection, String name, M model) {
    }

    private final BiFunction<ProviderEndpoint.Connection, String, M> build;
    private Built<M> built;
    private long builds;

    /** @param build builds a model from the connection alone (its HTTP client from {@link ProviderEndpoint.Connection#httpClient}) */
    public SharedModel(Function<ProviderEndpoint.Connection, M> build) {
        this((connection, name) -> build.apply(connection));
    }

    private SharedModel(BiFunction<ProviderEndpoint.Connection, String, M> build) {
        this.build = build;
    }

    /**
     * Models built for one model name each (langchain4j's embedding models take it when built, not per request):
     * {@link #model(ProviderEndpoint, String)} keeps the latest connection and name.
     */
    public static <M> SharedModel<M> perModelName(BiFunction<ProviderEndpoint.Connection, String, M> build) {
        return new SharedModel<>(build);
    }

    /** The model for {@code endpoint}'s connection: the one kept when it is equal, else a new one, kept instead. */
    public M model(ProviderEndpoint endpoint) {
        return model(endpoint, null);
    }

    /** The model for {@code endpoint}'s connection and model {@code name}: the one kept when both are equal, else a new one. */
    public synchronized M model(ProviderEndpoint endpoint, String name) {
        ProviderEndpoint.Connection connection = endpoint.connection();
        if (built == null || !built.connection().equals(connection) || !Objects.equals(built.name(), name)) {
            built = new Built<>(connection, name, build.apply(connection, name));
            builds++;
        }
        return built.model();
    }

    /** How many models were built so far. */
    public synchronized long builds() {
        return builds;
    }
}
