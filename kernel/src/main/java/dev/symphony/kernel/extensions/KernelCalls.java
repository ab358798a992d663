package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.Reply;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.VersionRange;
import dev.symphony.contract.protocol.CallProtocol;
import dev.symphony.contract.protocol.ModelProtocol;
import dev.symphony.contract.schema.CapabilitySchemas;
import dev.symphony.ipc.api.PayloadCodec;
import dev.symphony.kernel.audit.AuditLog;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The rules every call into an extension follows, behind {@link Kernel#call} and {@link Kernel#stream}:
 * the input is validated ({@link CapabilitySchemas}), the host started if needed, the call audited, the
 * request sent on the host's channel, and for a unary call the host's {@link Reply} decoded (one shape for
 * every kind of capability) and its output validated. An Operator call that the host's crash interrupted
 * is sent once more when the manifest's restart policy says {@code retryInFlight}.
 */
final class KernelCalls {
    private final Supervisor supervisor;
    private final CapabilitySchemas schemas;
    private final AuditLog audit;
    private final ModelStates models;
    private final RateLimiter rateLimiter = new RateLimiter(System::nanoTime);
    private final Delegations delegations = new Delegations();

    KernelCalls(Supervisor supervisor, CapabilitySchemas schemas, AuditLog audit, ModelStates models) {
        this.supervisor = supervisor;
        this.schemas = schemas;
        this.audit = audit;
        this.models = models;
    }

    Reply call(CapabilityCall call, Player p) {
        return call(call, p, null);
    }

    /** {@code onBehalfOf}: the delegation token when another extension makes this call ({@link #fromExtension}). */
    private Reply call(CapabilityCall call, Player p, String onBehalfOf) {
        ExtensionManifest.Capability cap = Kernel.capabilityOf(p, call.capability());
        schemas.checkInput(p.id(), call.capability(), call.input());
        Duration timeout = timeout(call, cap);
        byte[] request = PayloadCodec.encode(new CallProtocol.Invoke(call.capability(), call.input(), false, onBehalfOf));
        for (int attempt = 0; ; attempt++) {
            HostProcess h = supervisor.ensureRunning(p);
            supervisor.callStarting();
            audit.record(call.caller(), "call", p.id() + "/" + call.capability(), true, null);
            try {
                Reply reply = BusFailures.onBus(() -> PayloadCodec.decode(h.endpoint.call(request, timeout), Reply.class));
                if (reply.output() == null) {
                    reply = new Reply(JsonNodeFactory.instance.nullNode(), reply.tokens(), reply.cost());
                }
                schemas.checkOutput(p.id(), call.capability(), reply.output());
                return reply;
            } catch (CallFailedException failure) {
                CallFailedException e = supervisor.explain(p, h, failure);
                boolean retry = e.code() == ErrorCode.CRASHED && attempt == 0
                        && p.manifest.restartPolicy().retryInFlight() && cap.kind() == ExtensionManifest.Kind.OPERATOR;
                if (!retry) {
                    throw e;
                }
            }
        }
    }

    KernelStream stream(CapabilityCall call, Player p) {
        ExtensionManifest.Capability cap = Kernel.capabilityOf(p, call.capability());
        schemas.checkInput(p.id(), call.capability(), call.input());
        HostProcess h = supervisor.ensureRunning(p);
        supervisor.callStarting();
        audit.record(call.caller(), "stream", p.id() + "/" + call.capability(), true, null);
        byte[] request = PayloadCodec.encode(new CallProtocol.Invoke(call.capability(), call.input()));
        return new KernelStream(BusFailures.onBus(() -> h.endpoint.openStream(request, timeout(call, cap))));
    }

    private static Duration timeout(CapabilityCall call, ExtensionManifest.Capability cap) {
        return call.timeout() != null ? call.timeout() : Duration.ofMillis(cap.timeoutMs());
    }

    /** See {@link Kernel#warmUp(String, String, String)}. */
    CompletableFuture<ModelStatus> warmUp(String caller, Player p, String capability) {
        ExtensionManifest.Capability cap = Kernel.capabilityOf(p, capability);
        String id = p.id();
        if (cap.kind() != ExtensionManifest.Kind.INSTRUMENT) {
            return CompletableFuture.failedFuture(new CallFailedException(ErrorCode.INVALID_INPUT,
                    id + "/" + capability + " is not an Instrument: it has no model to warm up"));
        }
        CompletableFuture<ModelStatus> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                HostProcess h = supervisor.ensureRunning(p);
                supervisor.callStarting();
                audit.record(caller, "warmUp", id + "/" + capability, true, null);
                ModelProtocol.State s = BusFailures.onBus(() -> PayloadCodec.decode(h.endpoint.call(PayloadCodec.encode(
                        CallProtocol.Invoke.warmUp(capability)), Duration.ofMillis(cap.timeoutMs())), ModelProtocol.State.class));
                ModelStatus now = models.get(id, capability);
                done.complete(now.state() == ModelState.WARM ? now
                        : new ModelStatus(id, capability, ModelState.WARM, s.loadMs(), null, System.currentTimeMillis()));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, "warm-up-" + id + "/" + capability);
        t.setDaemon(true);
        t.start();
        return done;
    }

    /** Who a brokered request from {@code host} carrying {@code token} acts for (see {@link Delegations}). */
    Acting acting(Player host, String token) {
        return delegations.resolve(host, token);
    }

    /**
     * An extension calling another through the kernel: declared dependency, rate limit, then {@link #call} — with
     * a delegation token, so what the callee asks of the broker while serving it is checked against the caller's
     * permissions too ({@link Acting}).
     */
    JsonNode fromExtension(Acting acting, CallProtocol.ExtensionCall c, Player callee) {
        Player caller = acting.host();
        String resource = c.extension() + "/" + c.capability();
        var dep = caller.manifest.dependencies().stream().filter(d -> d.id().equals(c.extension())).findFirst();
        boolean declared = dep.isPresent() && callee != null && callee.manifest != null
                && VersionRange.parse(dep.get().version()).contains(callee.manifest.parsedVersion());
        if (!declared) {
            audit.record(caller.id(), "extension.call", resource, false, "not a declared dependency");
            throw new CallFailedException(ErrorCode.PERMISSION_DENIED, caller.id() + " may only call the extensions it declares"
                    + " as dependencies; " + c.extension() + " is not one");
        }
        if (!rateLimiter.tryAcquire(caller.id() + "->" + c.extension(), dep.get().callsPerSecond())) {
            audit.record(caller.id(), "extension.call", resource, false, "rate limit " + dep.get().callsPerSecond() + "/s");
            throw new CallFailedException(ErrorCode.BUSY, caller.id() + " exceeded " + dep.get().callsPerSecond()
                    + " calls per second to " + c.extension());
        }
        String token = delegations.open(acting, callee);
        try {
            return call(new CapabilityCall(caller.id(), c.extension(), c.capability(), c.input()), callee, token).output();
        } finally {
            delegations.close(token);
        }
    }
}
