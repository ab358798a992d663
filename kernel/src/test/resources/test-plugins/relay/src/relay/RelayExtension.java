package relay;

import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.SymphonyExtension;

/** Kernel test plugin: calls another extension through the kernel. */
public class RelayExtension implements SymphonyExtension {
    @Override
    public void register(Capabilities c) {
        c.operator("relay", (in, ctx) -> ctx.services().extensions()
                .call(in.path("target").asText(), in.path("capability").asText(), in.path("input")));
    }
}
