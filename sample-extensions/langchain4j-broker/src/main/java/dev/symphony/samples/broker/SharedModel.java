package dev.symphony.samples.broker;

import java.util.function.Function;

/**
 * The langchain4j model an Instrument keeps while the settings it is built from are equal
 * ({@link ProviderEndpoint.Connection}): building one cost about a millisecond of each request's first token. The
 * settings are still read on every request, so a change reaches the next one: it builds a new model and the old one
 * is dropped (one is kept, the latest; it holds the secret's name, never a key). langchain4j's models keep no
 * request's state after they are built (their client, default parameters and listeners are set once), so concurrent
 * calls share one; what belongs to a call, its brokered HTTP and its cancel, is taken from the call running on the
 * thread ({@link BrokerHttpClient#during}, which {@link StreamedChat#run} wraps the request in).
 *
 * @param <M> the model type
 */
public final class SharedModel<M> {
    private record Built<M>(ProviderEndpoint.Connection connection, M model) {
    }

    private final Function<ProviderEndpoint.Connection, M> build;
    private Built<M> built;
    private long builds;

    /** @param build builds a model from the connection alone (its HTTP client from {@link ProviderEndpoint.Connection#httpClient}) */
    public SharedModel(Function<ProviderEndpoint.Connection, M> build) {
        this.build = build;
    }

    /** The model for {@code endpoint}'s connection: the one kept when it is equal, else a new one, kept instead. */
    public synchronized M model(ProviderEndpoint endpoint) {
        ProviderEndpoint.Connection connection = endpoint.connection();
        if (built == null || !built.connection().equals(connection)) {
            built = new Built<>(connection, build.apply(connection));
            builds++;
        }
        return built.model();
    }

    /** How many models were built so far. */
    public synchronized long builds() {
        return builds;
    }
}
