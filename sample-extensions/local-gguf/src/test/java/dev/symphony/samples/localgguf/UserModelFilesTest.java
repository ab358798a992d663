package dev.symphony.samples.localgguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.llm.LanguageModelProtocol;
import dev.symphony.contract.llm.LanguageModelProtocol.Catalogue;
import dev.symphony.contract.llm.LanguageModelProtocol.ChatRequest;
import dev.symphony.contract.llm.LanguageModelProtocol.Final;
import dev.symphony.contract.llm.LanguageModelProtocol.FinishReason;
import dev.symphony.contract.llm.LanguageModelProtocol.Message;
import dev.symphony.contract.llm.LanguageModelProtocol.ModelInfo;
import dev.symphony.contract.llm.LanguageModelProtocol.Sampling;
import dev.symphony.sdk.testing.ExtensionHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GGUF file of the user's own, named by the setting {@code models}, run by llama.cpp in this process through the
 * extension's real manifest (the SDK's harness; the sandbox's bind of the file is packaging's LocalGgufUserFileIT).
 * The "user's file" is a copy of the demo model in a folder of its own; the bad files are made from it.
 */
class UserModelFilesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SETTING = "setting dev.symphony.samples.local-gguf.models.";
    static LocalGguf extension;
    static ExtensionHarness harness;
    static Map<String, String> files = new LinkedHashMap<>();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path models = Files.createDirectories(dir.resolve("my models"));
        byte[] demo = Files.readAllBytes(LocalGguf.demoModelFile());
        files.put("mine", Files.write(models.resolve("my-model.gguf"), demo).toString());
        files.put("gone", models.resolve("not-there.gguf").toString());
        files.put("text", Files.writeString(models.resolve("notes.gguf"), "these are notes, not a model\n").toString());
        files.put("half", Files.write(models.resolve("half.gguf"), Arrays.copyOf(demo, demo.length * 6 / 10)).toString());
        files.put("cut", Files.write(models.resolve("cut.gguf"), Arrays.copyOf(demo, demo.length - 1000)).toString());
        files.put("alien", Files.write(models.resolve("alien.gguf"), withArchitecture(demo, "lllma")).toString());
        extension = new LocalGguf();
        harness = new ExtensionHarness(Path.of("symphony-extension.json"), extension, dir.resolve("workspace"));
        harness.setting(ModelFiles.SETTING, files);
    }

    @AfterAll
    static void stop() {
        extension.deactivate();
    }

    static JsonNode chat(String model, String text, int maxTokens) {
        return LanguageModelProtocol.toJson(new ChatRequest(model, List.of(Message.user(text)), new Sampling(maxTokens, 0.8, null, 3L, null)));
    }

    @Test
    void theCatalogueListsEachFileBesideTheDemo() {
        Catalogue catalogue = LanguageModelProtocol.fromJson(harness.call("models", JSON.createObjectNode()), Catalogue.class);
        assertEquals(List.of(LocalGguf.DEMO_ID, "mine", "gone", "text", "half", "cut", "alien"),
                catalogue.models().stream().map(ModelInfo::id).toList());
        ModelInfo mine = catalogue.models().get(1);
        assertFalse(mine.demo());
        assertTrue(mine.displayName().contains("my-model.gguf"), mine.displayName());
        assertEquals(2048, mine.contextLength()); // the file was trained with 2048 (< the 4096 setting): capped
    }

    @Test
    void chatStreamsFromTheUsersFileInItsChatTemplate() {
        List<JsonNode> chunks = harness.stream("chat", chat("mine", "hello", 16));
        Final answer = LanguageModelProtocol.fromJson(chunks.get(chunks.size() - 1), Final.class);
        List<JsonNode> tokens = chunks.subList(0, chunks.size() - 1);
        assertEquals(16, tokens.size());
        assertEquals(tokens.stream().map(c -> c.get("token").asText()).collect(Collectors.joining()), answer.message().content());
        assertEquals("mine", answer.model());
        assertEquals(FinishReason.LENGTH, answer.finishReason());
        // The demo file has no template: llama.cpp's default (ChatML) wraps the message, one token per character.
        assertTrue(answer.usage().inputTokens() > "<|im_start|>user\nhello<|im_end|>".length(), answer.usage().toString());
    }

    @Test
    void aMissingFileIsNamedWithItsSetting() {
        String message = failure("gone", ErrorCode.INVALID_INPUT);
        assertTrue(message.contains("no file " + files.get("gone")) && message.contains(SETTING + "gone"), message);
    }

    @Test
    void aFileThatIsNotAGgufOrWhoseHeadIsDamagedIsNamedBeforeLlamaCppSeesIt() {
        String message = failure("text", ErrorCode.INVALID_INPUT);
        assertTrue(message.contains(files.get("text") + " is not a GGUF file") && message.contains("74 68 65 73")
                && message.contains(SETTING + "text"), message);
        String half = failure("half", ErrorCode.INVALID_INPUT);
        assertTrue(half.contains(files.get("half") + " has tensor '") && half.contains("past the file's end")
                && half.contains(SETTING + "half"), half);
    }

    @Test
    void aFileCutShortAndAnUnknownArchitectureFailWithLlamaCppsReason() {
        String cut = failure("cut", ErrorCode.INVALID_INPUT);
        assertTrue(cut.contains("llama.cpp could not load " + files.get("cut")) && cut.contains(SETTING + "cut"), cut);
        String alien = failure("alien", ErrorCode.INVALID_INPUT);
        assertTrue(alien.contains("llama.cpp could not load " + files.get("alien")) && alien.contains("lllma"), alien);
        // nothing is left broken: the good file still answers
        assertEquals(4, harness.stream("chat", chat("mine", "hi", 4)).size() - 1);
    }

    @Test
    void anUnknownIdNamesTheModelsAndTheSetting() {
        String message = failure("theirs", ErrorCode.INVALID_INPUT);
        assertTrue(message.contains("no model 'theirs' here; models: " + LocalGguf.DEMO_ID + ", mine, gone")
                && message.contains("dev.symphony.samples.local-gguf.models"), message);
    }

    private static String failure(String model, ErrorCode code) {
        var e = assertThrows(CallFailedException.class, () -> harness.stream("chat", chat(model, "hello", 4)));
        assertEquals(code, e.code(), e.getMessage());
        return e.getMessage();
    }

    /** The demo file with the value of general.architecture replaced by another of the same length. */
    static byte[] withArchitecture(byte[] gguf, String architecture) {
        byte[] key = "general.architecture".getBytes(StandardCharsets.US_ASCII);
        byte[] out = gguf.clone();
        for (int i = 0; i + key.length < out.length; i++) {
            if (Arrays.equals(out, i, i + key.length, key, 0, key.length)) {
                int value = i + key.length + 4 + 8; // type (u32), length (u64), then the text
                byte[] now = architecture.getBytes(StandardCharsets.US_ASCII);
                assertEquals("llama", new String(out, value, now.length, StandardCharsets.US_ASCII));
                System.arraycopy(now, 0, out, value, now.length);
                return out;
            }
        }
        throw new AssertionError("no general.architecture in the demo file");
    }
}
