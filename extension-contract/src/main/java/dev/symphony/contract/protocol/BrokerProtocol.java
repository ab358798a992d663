package dev.symphony.contract.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Host-to-kernel requests for brokered services: the operation name and its arguments (one of the
 * records of {@link FilesProtocol}, {@link NetworkProtocol}, {@link ProcessProtocol},
 * {@link SettingsProtocol} or {@link CallProtocol.ExtensionCall}, as JSON). The kernel checks the
 * manifest's permissions, writes the audit log, and answers with the result JSON or an error.
 */
public final class BrokerProtocol {
    public static final String FILES_READ = "files.read";
    public static final String FILES_WRITE = "files.write";
    public static final String FILES_LIST = "files.list";
    public static final String NETWORK_FETCH = "network.fetch";
    /** A stream request: any method, headers, body, a streamed response ({@link HttpProtocol}). */
    public static final String NETWORK_HTTP = "network.http";
    public static final String PROCESS_RUN = "process.run";
    public static final String SETTINGS_GET = "settings.get";
    /** Several of the extension's settings in one round trip ({@link SettingsProtocol.GetMany}). */
    public static final String SETTINGS_GET_MANY = "settings.getMany";
    public static final String EXTENSION_CALL = "extension.call";

    private BrokerProtocol() {
    }

    /**
     * {@code onBehalfOf}: the token of the inter-extension call being served when the request was made
     * ({@link CallProtocol.Invoke#onBehalfOf()}); the kernel then allows only what the calling extension may do
     * too. Null outside such a call.
     */
    public record Request(String op, JsonNode args, @JsonInclude(JsonInclude.Include.NON_NULL) String onBehalfOf) {
        public Request(String op, JsonNode args) {
            this(op, args, null);
        }
    }
}
