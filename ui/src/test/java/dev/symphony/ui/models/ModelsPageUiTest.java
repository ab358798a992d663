package dev.symphony.ui.models;

import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.secrets.EncryptedSecretFile;
import dev.symphony.kernel.secrets.KernelSecrets;
import dev.symphony.kernel.secrets.SecretStore;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.shell.WorkbenchServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Models page on Monocle with the real settings service (a settings.json in a temporary SYMPHONY_HOME) and the
 * real encrypted secret file. The kernel side — which Instruments and models there are, and the test chat — is
 * {@link ScriptedKernel}, a double of {@link KernelModelsBackend}'s kernel calls (their real path is
 * {@link KernelModelsBackendTest}, over a real kernel): its test chat waits until cancelled, so progress and Cancel can be seen.
 */
@ExtendWith(ApplicationExtension.class)
class ModelsPageUiTest {
    private static final String KEY = "sk-ant-test-0123456789abcdef";
    private Path home;
    private WorkbenchServices services;
    private SecretStore store;
    private ScriptedKernel backend;
    private ModelsPageViewModel model;

    /** The secret store and settings are real; providers, models and the test chat are scripted. */
    static final class ScriptedKernel implements ModelsBackend {
        final SecretStore store;
        final CountDownLatch cancelled = new CountDownLatch(1);

        ScriptedKernel(SecretStore store) {
            this.store = store;
        }

        @Override
        public List<Provider> providers() {
            return List.of(new Provider("dev.symphony.samples.anthropic", "anthropic (Claude)", "ANTHROPIC_API_KEY"),
                    new Provider("dev.symphony.samples.ollama", "ollama (local models)", null));
        }

        @Override
        public List<ModelChoice> models() {
            return List.of(new ModelChoice("dev.symphony.samples.anthropic/claude-3-5-haiku-latest", "USD 0.80 in / 4.00 out per million tokens"),
                    new ModelChoice("dev.symphony.samples.ollama/server", "local: free"));
        }

        @Override
        public boolean hasKey(String secretName) throws Exception {
            return store.names().contains(secretName);
        }

        @Override
        public void storeKey(String secretName, String value) throws Exception {
            store.set(secretName, value);
        }

        @Override
        public String test(String qualifiedId, Consumer<String> progress, BooleanSupplier isCancelled) throws Exception {
            progress.accept("asking " + qualifiedId + "…");
            while (!isCancelled.getAsBoolean()) {
                Thread.sleep(20);
            }
            cancelled.countDown();
            throw new IllegalStateException("cancelled");
        }

        @Override
        public List<LocalServer> probe() {
            return List.of();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("symphony-models-page-home");
        SymphonyPaths paths = SymphonyPaths.under(home);
        services = WorkbenchServices.start(paths);
        store = new EncryptedSecretFile(KernelSecrets.fileUnder(paths), () -> Optional.of("test passphrase".toCharArray()));
        backend = new ScriptedKernel(store);
        model = new ModelsPageViewModel(backend, services.settings(), services.bridge());
        stage.setScene(new Scene(new ModelsPageView(model), 980, 560));
        stage.show();
        model.refresh();
    }

    @AfterEach
    void stop() throws Exception {
        model.close();
        services.close();
    }

    @Test
    void aKeyIsStoredNeverShownBackRolesAreAssignedAndATestCanBeCancelled(FxRobot robot) throws Exception {
        waitUntil("the providers show", 60, () -> robot.lookup("#models-key-state-ANTHROPIC_API_KEY").tryQuery().isPresent());
        assertEquals("ANTHROPIC_API_KEY: no key", robot.lookup("#models-key-state-ANTHROPIC_API_KEY").queryLabeled().getText());

        TestWorkbench.clickOn(robot, "#models-key-ANTHROPIC_API_KEY").write(KEY);
        TestWorkbench.clickOn(robot, "#models-store-key-ANTHROPIC_API_KEY");
        // the encrypted file derives its key with 600,000 PBKDF2 rounds per open: seconds on a loaded machine
        waitUntil("the key is stored", 90, () -> robot.lookup("#models-key-state-ANTHROPIC_API_KEY").tryQuery()
                .map(n -> ((Labeled) n).getText().endsWith("key stored")).orElse(false));
        assertEquals(Optional.of(KEY), store.get("ANTHROPIC_API_KEY"));
        assertFalse(Files.readString(KernelSecrets.fileUnder(SymphonyPaths.under(home))).contains(KEY), "encrypted at rest");
        for (Node n : robot.lookup((Node x) -> x instanceof Labeled || x instanceof TextInputControl).queryAll()) {
            String text = n instanceof Labeled l ? l.getText() : ((TextInputControl) n).getText();
            assertFalse(text != null && text.contains(KEY.substring(8)), "the key is never shown back: " + n);
        }

        ComboBox<String> chat = robot.lookup("#models-role-chat").queryComboBox();
        robot.interact(() -> chat.setValue(chat.getItems().get(2))); // the Ollama server: local, free
        waitUntil("models.chat is written", () -> "dev.symphony.samples.ollama/server".equals(services.settings().getString("models.chat")));
        assertTrue(Files.readString(SymphonyPaths.under(home).userSettingsFile()).contains("dev.symphony.samples.ollama/server"));
        assertTrue(chat.getValue().contains("local: free"), chat.getValue());

        ComboBox<ModelsBackend.ModelChoice> testModel = robot.lookup("#" + ModelsPageView.TEST_MODEL_ID).queryComboBox();
        robot.interact(() -> testModel.setValue(testModel.getItems().get(0)));
        TestWorkbench.clickOn(robot, "#" + ModelsPageView.TEST_ID);
        waitUntil("the test shows its progress and a Cancel button", () -> robot.lookup("#" + ModelsPageView.CANCEL_ID).query().isVisible()
                && robot.lookup("#" + ModelsPageView.PROGRESS_ID).query().isVisible()
                && robot.lookup("#" + ModelsPageView.RESULT_ID).queryLabeled().getText().startsWith("asking "));
        robot.interact(() -> TestWorkbench.screenshot(robot.lookup("#" + ModelsPageView.ID).query().getScene(), "models-page.png"));
        TestWorkbench.clickOn(robot, "#" + ModelsPageView.CANCEL_ID);
        assertTrue(backend.cancelled.await(10, TimeUnit.SECONDS), "the running test saw the cancel");
        waitUntil("the test ends cancelled", () -> "Cancelled.".equals(robot.lookup("#" + ModelsPageView.RESULT_ID).queryLabeled().getText())
                && !robot.lookup("#" + ModelsPageView.CANCEL_ID).query().isVisible());
    }
}
