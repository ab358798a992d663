package dev.symphony.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandEnvironmentTest {
    @Test
    void namesThatCarrySecretsAreHiddenAndTheRestIsKept() {
        for (String secret : List.of("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GITHUB_TOKEN", "HF_TOKEN", "NPM_TOKEN",
                "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "AZURE_CLIENT_SECRET", "DB_PASSWORD", "MYSQL_PWD", "PGPASSWORD_FILE_PASSWORD",
                "SSH_AUTH_SOCK", "GPG_AGENT_INFO", "GOOGLE_APPLICATION_CREDENTIALS", "client_secret", "gh_pat")) {
            assertTrue(CommandEnvironment.secret(secret), secret + " is hidden");
        }
        for (String kept : List.of("PATH", "HOME", "PWD", "OLDPWD", "JAVA_HOME", "LANG", "TERM", "GIT_AUTHOR_NAME",
                "TOKENIZERS_PARALLELISM", "KEYMAP", "MAVEN_OPTS", "SYMPHONY_HOME")) {
            assertFalse(CommandEnvironment.secret(kept), kept + " is kept");
        }
    }

    @Test
    void aRealCommandSeesNoSecretOfTheWorkbenchsEnvironmentButItsPathAndHome(@TempDir Path folder) throws Exception {
        // the module's surefire sets SYMPHONY_TEST_API_KEY for this test: the workbench's environment has a secret
        assertEquals("sk-not-a-real-key", System.getenv("SYMPHONY_TEST_API_KEY"), "the test's JVM has the secret to hide");
        CommandRunner.Result result = new CommandRunner(Duration.ofSeconds(30))
                .run("printenv SYMPHONY_TEST_API_KEY || echo hidden; printenv PATH >/dev/null && echo path", folder, () -> false);
        assertEquals("hidden\npath\n", result.output(), "what the command printed");
    }
}
