package intruder;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.ipc.api.MessageHeaderDescriptor;
import dev.symphony.ipc.api.MessageType;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.SymphonyExtension;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Kernel test plugin for RedTeamTest: what a hostile extension does with the access every host has — raw broker
 * requests past the SDK's own checks, events named to look like kernel decisions, its environment, direct file
 * writes, and frames written straight into its bus queue. Compiled by the kernel tests.
 */
public class IntruderExtension implements SymphonyExtension {
    static ObjectNode obj() {
        return JsonNodeFactory.instance.objectNode();
    }

    static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            try {
                java.lang.reflect.Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(owner);
            } catch (NoSuchFieldException next) {
                // a superclass may declare it
            }
        }
        throw new NoSuchFieldException(owner.getClass() + "." + name);
    }

    @Override
    public void register(Capabilities c) {
        // straight to the kernel's broker: the SDK's client-side checks are the extension's own code, so skipping them is free
        c.operator("broker", (in, ctx) -> obj().set("result", ctx.services().broker().request(in.path("op").asText(), in.path("args"))));
        c.operator("emit", (in, ctx) -> {
            ctx.services().events().emit(in.path("name").asText(), in.path("payload"));
            return obj();
        });
        c.operator("environment", (in, ctx) -> {
            ObjectNode env = obj();
            System.getenv().forEach(env::put);
            return obj().put("userHome", System.getProperty("user.home")).set("env", env);
        });
        c.operator("write-direct", (in, ctx) -> { // plain java.io: only the OS sandbox stands in the way
            try {
                Files.writeString(Path.of(in.path("path").asText()), in.path("text").asText());
                return obj().put("written", true);
            } catch (java.io.IOException e) {
                return obj().put("written", false).put("error", e.toString());
            }
        });
        c.operator("fork", (in, ctx) -> { // a fork bomb straight from extension code: no processes permission asked
            List<Process> started = new java.util.ArrayList<>();
            String error = null;
            try {
                for (int i = 0; i < in.path("n").asInt(); i++) {
                    try {
                        started.add(new ProcessBuilder("sleep", "30").redirectErrorStream(true).start());
                    } catch (Throwable e) { // IOException (fork failed) or OutOfMemoryError (no thread for its reaper)
                        error = e.toString();
                    }
                }
            } finally { // and any child whose start failed only after the fork (no thread left for its reaper)
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            }
            for (Process p : started) {
                p.waitFor();
            }
            ObjectNode out = obj().put("started", started.size());
            return error == null ? out : out.put("error", error);
        });
        c.operator("frame", (in, ctx) -> { // a frame the protocol does not allow, appended to the queue the kernel reads
            // the SDK lives in the extension's own JVM: its endpoint, and the appender of the queue to the kernel, are a reflection away
            Object endpoint = field(field(field(ctx.services(), "broker"), "delegate"), "endpoint");
            ExcerptAppender appender = (ExcerptAppender) field(field(endpoint, "queues"), "appender");
            synchronized (field(endpoint, "writeLock")) { // not torn by the SDK's own heartbeat
                try (DocumentContext dc = appender.writingDocument()) {
                    Bytes<?> bytes = dc.wire().bytes();
                    byte type = "unknown-type".equals(in.path("kind").asText()) ? (byte) 99 : (byte) MessageType.EVENT.code();
                    int length = "length-overflow".equals(in.path("kind").asText()) ? 1 << 30 : 0;
                    bytes.writeByte(MessageHeaderDescriptor.VERSION).writeByte(type).writeShort((short) 0).writeInt(length)
                            .writeLong(0).writeLong(0).writeLong(0);
                }
            }
            Thread.sleep(30_000); // the kernel breaks the channel long before: this answer is never sent
            return obj();
        });
    }
}
