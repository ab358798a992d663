package dev.symphony.samples.broker;

import dev.langchain4j.exception.HttpException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.sdk.api.ExtensionException;

/**
 * A provider's failure as the error code the router classifies by: BUSY for 429, 503 and 529 (Anthropic's
 * "overloaded"), INVALID_INPUT for any other 4xx (a context-length error among them; the router falls back only on
 * that one), EXTENSION_ERROR for the rest; a broker verdict (TIMEOUT, CANCELLED, LIMIT_EXCEEDED) as it was.
 */
public final class ProviderFailures {
    private ProviderFailures() {
    }

    /** @param where the server, named in the message (its base URL) */
    public static ExtensionException failure(Throwable error, String where) {
        Throwable t = error;
        while (t != null) {
            if (t instanceof ExtensionException x) {
                return x;
            }
            if (t instanceof dev.langchain4j.exception.UnsupportedFeatureException u) { // e.g. a toolChoice the provider lacks
                return new ExtensionException(ErrorCode.INVALID_INPUT, where + " cannot take this request: " + abbreviate(u.getMessage()));
            }
            if (t instanceof HttpException h) {
                int status = h.statusCode();
                ErrorCode code = status == 429 || status == 503 || status == 529 ? ErrorCode.BUSY
                        : status >= 400 && status < 500 ? ErrorCode.INVALID_INPUT : ErrorCode.EXTENSION_ERROR;
                return new ExtensionException(code, where + " answered HTTP " + status + ": " + abbreviate(h.getMessage()));
            }
            t = t.getCause();
        }
        return new ExtensionException(ErrorCode.EXTENSION_ERROR, where + ": " + abbreviate(String.valueOf(error)));
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
