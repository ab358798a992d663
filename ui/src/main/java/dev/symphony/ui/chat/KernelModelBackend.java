package dev.symphony.ui.chat;

import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.models.ModelInstruments.ServedModel;
import dev.symphony.kernel.models.ModelRouter;
import dev.symphony.kernel.models.RoleChat;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.agent.ModelBackend;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The chat's models: the kernel's router by role ({@link RoleChat}), once the workbench's kernel is up. */
final class KernelModelBackend implements ModelBackend {
    private final CompletableFuture<Kernel> kernel;
    private final SymphonyPaths paths;

    KernelModelBackend(CompletableFuture<Kernel> kernel, SymphonyPaths paths) {
        this.kernel = kernel;
        this.paths = paths;
    }

    @Override
    public Exchange open(String role) {
        return open(role, null);
    }

    @Override
    public java.util.List<String> models() {
        return new dev.symphony.kernel.models.ModelInstruments(kernel.join()).models().stream().map(ServedModel::qualifiedId).toList();
    }

    @Override
    public Exchange open(String role, String model) {
        return new Exchange() {
            private volatile RoleChat.Request request;
            private volatile boolean cancelled;

            @Override
            public Turn chat(ChatRequest chat, Listener listener) {
                Kernel k;
                try {
                    k = kernel.join();
                } catch (CompletionException | java.util.concurrent.CancellationException e) {
                    throw new CallFailedException(ErrorCode.EXTENSION_ERROR, "the extension kernel did not start: "
                            + (e.getCause() == null ? e : e.getCause()).getMessage());
                }
                RoleChat.Request r = new RoleChat(k, paths).request(role, model);
                request = r;
                if (cancelled) {
                    throw new CallFailedException(ErrorCode.CANCELLED, "cancelled");
                }
                ModelRouter.Routed routed = r.chat(chat, new ModelRouter.Listener() {
                    @Override
                    public void token(String text) {
                        listener.token(text);
                    }

                    @Override
                    public void fallback(ServedModel from, ServedModel to, String cause, int tokens) {
                        listener.restarted(from.qualifiedId() + ": " + cause, to.qualifiedId());
                    }
                });
                String answered = routed.model().qualifiedId() + r.choice().map(c -> c.model().equals(routed.model())
                        ? " (auto: " + c.reason() + ")" : " (auto chose " + c.model().qualifiedId() + ": it failed)").orElse("");
                return new Turn(answered, routed.answer(), routed.cost(), routed.currency(), r.dayBudgetLeft());
            }

            @Override
            public void cancel() {
                cancelled = true;
                RoleChat.Request r = request;
                if (r != null) {
                    r.cancel();
                }
            }
        };
    }
}
