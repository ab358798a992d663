package dev.symphony.samples.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.data.message.UserMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * langchain4j's OpenAI module under the host's Jackson (the plugin bundles none): the request it writes and the
 * stream it reads. The stream is written by hand in OpenAI's documented chunk shape (not a recording); the client is
 * an in-memory double of langchain4j's HttpClient. The real servers are packaging's LlamaServerRouterIT.
 */
class Langchain4jUnderHostJacksonTest {
    @Test
    void theRequestIsSerializedAndTheStreamParsedWithTheHostsJackson() throws Exception {
        String[] sent = new String[1];
        HttpClient client = new HttpClient() {
            @Override
            public SuccessfulHttpResponse execute(HttpRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
                sent[0] = request.body();
                String sse = "data: {\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"},\"finish_reason\":null}]}\n\n"
                        + "data: {\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}\n\ndata: [DONE]\n\n";
                listener.onOpen(SuccessfulHttpResponse.builder().statusCode(200).build());
                parser.parse(new ByteArrayInputStream(sse.getBytes(StandardCharsets.UTF_8)), listener);
                listener.onClose();
            }
        };
        HttpClientBuilder builder = new HttpClientBuilder() {
            public Duration connectTimeout() { return null; }
            public HttpClientBuilder connectTimeout(Duration d) { return this; }
            public Duration readTimeout() { return null; }
            public HttpClientBuilder readTimeout(Duration d) { return this; }
            public HttpClient build() { return client; }
        };
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl("http://127.0.0.1:1/v1").apiKey("k").modelName("m").httpClientBuilder(builder).build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat(java.util.List.of(UserMessage.from("hello")), new StreamingChatResponseHandler() {
            public void onCompleteResponse(ChatResponse r) { done.complete(r); }
            public void onError(Throwable e) { done.completeExceptionally(e); }
        });
        ChatResponse response = done.get();
        com.fasterxml.jackson.databind.JsonNode request = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sent[0]);
        assertEquals("hello", request.at("/messages/0/content").asText(), sent[0]);
        assertEquals("user", request.at("/messages/0/role").asText(), sent[0]);
        assertEquals(true, request.get("stream").asBoolean(), sent[0]);
        assertEquals("hi", response.aiMessage().text());
        assertEquals(3, response.tokenUsage().inputTokenCount());
        assertEquals(1, response.tokenUsage().outputTokenCount());
    }
}
