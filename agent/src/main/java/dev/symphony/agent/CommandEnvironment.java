package dev.symphony.agent;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an agent's command gets of the workbench's environment: all of it (a build needs {@code HOME}, {@code JAVA_HOME},
 * a tool's own folders) but the variables that carry secrets — API keys, tokens, passwords, cloud credentials and the
 * SSH and GPG agents' sockets. A command is written by a model and may print what it reads into its output (which the
 * model is sent) or into a file of the workspace; confined, it has no network to use a key for anyway.
 */
final class CommandEnvironment {
    /** Whole names that give access without saying so. */
    private static final Set<String> NAMES = Set.of("SSH_AUTH_SOCK", "GPG_AGENT_INFO", "GIT_ASKPASS", "SSH_ASKPASS",
            "SUDO_ASKPASS", "NETRC", "DOCKER_AUTH_CONFIG", "KUBECONFIG", "GOOGLE_APPLICATION_CREDENTIALS");
    /** Words of a name (split at {@code _}, upper-cased) that mark a secret: {@code GITHUB_TOKEN}, {@code DB_PASSWORD}. */
    private static final Set<String> WORDS = Set.of("TOKEN", "SECRET", "SECRETS", "PASSWORD", "PASSWD", "PWD", "PASSPHRASE",
            "CREDENTIAL", "CREDENTIALS", "APIKEY", "PAT");
    /** Prefixes of cloud providers' credential variables. */
    private static final List<String> PREFIXES = List.of("AWS_", "AZURE_", "CLOUDSDK_AUTH");

    private CommandEnvironment() {
    }

    /** Removes from {@code env} (a {@link ProcessBuilder#environment()}) every variable {@link #secret} names. */
    static void hideSecrets(Map<String, String> env) {
        env.keySet().removeIf(CommandEnvironment::secret);
    }

    /**
     * True for a variable a command should not see: a name above, a word above ({@code PWD} and {@code OLDPWD}, the
     * shell's folders, excepted), a last word {@code KEY} ({@code OPENAI_API_KEY}), or a cloud credential prefix.
     * {@code TOKENIZERS_PARALLELISM} or {@code GIT_AUTHOR_NAME} stay: whole words only.
     */
    static boolean secret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (NAMES.contains(upper) || PREFIXES.stream().anyMatch(upper::startsWith)) {
            return true;
        }
        if (upper.equals("PWD") || upper.equals("OLDPWD")) {
            return false;
        }
        String[] words = upper.split("_");
        if (words.length > 1 && words[words.length - 1].equals("KEY")) {
            return true;
        }
        for (String word : words) {
            if (WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
