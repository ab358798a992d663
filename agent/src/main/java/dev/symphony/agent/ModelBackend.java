package dev.symphony.agent;

import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;

/** Where the chat's and the agent's model answers come from: the kernel's router by role, in the product. */
public interface ModelBackend {
    /** One answer and what it cost: {@code cost} null when the price is unknown; {@code budgetLeft} infinite without a budget. */
    record Turn(String model, Final answer, Double cost, String currency, double budgetLeft) {
    }

    interface Listener {
        void token(String text);

        /** The model failed after streaming some of its answer; {@code next} starts again from the beginning. */
        void restarted(String why, String next);
    }

    /** One request in flight. */
    interface Exchange {
        /** Blocking: call off the JavaFX thread. Fails with {@link dev.symphony.contract.CallFailedException}. */
        Turn chat(ChatRequest request, Listener listener);

        /** Any thread. */
        void cancel();
    }

    Exchange open(String role);

    /** A request to {@code model} (a qualified model id) instead of the role's; null: the role's. */
    default Exchange open(String role, String model) {
        return open(role);
    }

    /** The models a person can pick (qualified ids; blocking: off the JavaFX thread). */
    default java.util.List<String> models() {
        return java.util.List.of();
    }
}
