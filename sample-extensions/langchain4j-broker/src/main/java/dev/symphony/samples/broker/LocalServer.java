package dev.symphony.samples.broker;

import dev.langchain4j.model.catalog.ModelDescription;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.Catalogue;
import dev.symphony.contract.llm.LanguageModelProtocol.Feature;
import dev.symphony.contract.llm.LanguageModelProtocol.ModelInfo;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The catalogue id {@value #SERVER_MODEL}: "the model of a server on this machine" (llama-server, LM Studio, Ollama),
 * whatever its name. The shipped price table prices it at 0 (local: free), so it must never reach a server
 * elsewhere: with a base URL that is not loopback it is refused, and the request must name a model the table prices.
 */
public final class LocalServer {
    public static final String SERVER_MODEL = "server";

    private LocalServer() {
    }

    /** Loopback by name or address ({@code localhost}, {@code 127.x}, {@code ::1}); no name is resolved. */
    public static boolean isLoopback(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        if (h.equals("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-f:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal address: parsed, not looked up
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The model name to send for {@code requested}: the {@code model} setting for {@value #SERVER_MODEL} (loopback only), else as given. */
    public static String modelFor(ProviderEndpoint endpoint, String requested, CallContext context) {
        if (requested != null && !requested.equals(SERVER_MODEL)) {
            return requested;
        }
        if (!isLoopback(endpoint.baseUrl())) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "model '" + SERVER_MODEL + "' is the model of a server on this machine (priced "
                    + "free), but " + context.extensionId() + ".baseUrl is " + endpoint.baseUrl() + "; name the model (e.g. "
                    + context.extensionId() + "/" + endpoint.modelName() + ") so that it is priced");
        }
        return endpoint.modelName();
    }

    /** A server's list as the contract's catalogue (context length when the server tells it, else 0 = the server's). */
    public static Catalogue catalogue(List<ModelDescription> listed, List<Feature> features) {
        return new Catalogue(listed.stream().map(d -> new ModelInfo(d.name(),
                d.displayName() == null ? d.name() : d.displayName(),
                d.maxInputTokens() == null ? 0 : d.maxInputTokens(), features, false)).toList());
    }
}
