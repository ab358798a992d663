package dev.symphony.editor.syntax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The editor's {@code OnigRegExp} (with the required-literal check) against TM4E's own: the same texts
 * tokenized in this class loader and in one where TM4E's jar comes first (so its class of that name is
 * the one loaded) must give the same tokens on every line. Texts: the 30 core languages' samples and
 * this module's own Java sources (~9,000 real lines).
 */
class OnigRegExpEquivalenceTest {

    private static final String ONIG = "dev/secondsun/tm4e/core/internal/oniguruma/OnigRegExp.class";

    @Test
    void tokensAreTheSameWithTm4esOwnClass() throws Exception {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, CoreSamples.Sample> e : CoreSamples.SAMPLES.entrySet()) {
            texts.put(e.getKey(), e.getValue().text() + "\n" + GrammarsTest.GENERIC);
        }
        texts.put("java", texts.get("java") + "\n" + ownJavaSources());

        try (URLClassLoader original = tm4eFirst()) {
            Class<?> onig = original.loadClass("dev.secondsun.tm4e.core.internal.oniguruma.OnigRegExp");
            assertTrue(Stream.of(onig.getDeclaredFields()).noneMatch(f -> f.getName().equals("required")),
                    "the other loader must load TM4E's own OnigRegExp");
            Method other = original.loadClass(Tm4eTokens.class.getName()).getMethod("of", String.class, String.class);
            int lines = 0;
            for (Map.Entry<String, String> t : texts.entrySet()) {
                String scope = LanguageRegistry.builtIn().byId(t.getKey()).orElseThrow().scopeName();
                List<int[]> ours = Tm4eTokens.of(scope, t.getValue());
                @SuppressWarnings("unchecked")
                List<int[]> theirs = (List<int[]>) other.invoke(null, scope, t.getValue());
                assertEquals(theirs.size(), ours.size(), t.getKey());
                for (int i = 0; i < ours.size(); i++) {
                    assertArrayEquals(theirs.get(i), ours.get(i), t.getKey() + " line " + (i + 1));
                }
                lines += ours.size();
            }
            assertTrue(lines > 5_000, "lines compared: " + lines);
        }
    }

    /** A loader with TM4E's jar ahead of this module's classes, and what they need after them. */
    private static URLClassLoader tm4eFirst() throws IOException {
        ClassLoader app = OnigRegExpEquivalenceTest.class.getClassLoader();
        URL tm4eJar = null;
        for (URL u : Collections.list(app.getResources(ONIG))) {
            if (u.getProtocol().equals("jar")) {
                tm4eJar = ((JarURLConnection) u.openConnection()).getJarFileURL();
            }
        }
        assertNotNull(tm4eJar, "TM4E's jar on the test class path");
        List<URL> urls = new ArrayList<>();
        urls.add(tm4eJar);
        for (Class<?> c : new Class<?>[] {RequiredLiterals.class, Tm4eTokens.class, org.joni.Regex.class,
                org.jcodings.Encoding.class, com.fasterxml.jackson.core.JsonFactory.class, com.google.gson.Gson.class}) {
            urls.add(c.getProtectionDomain().getCodeSource().getLocation());
        }
        for (String webjar : new String[] {"META-INF/maven/org.webjars.npm/shikijs__langs/pom.properties",
                "META-INF/maven/org.webjars.npm/shikijs__themes/pom.properties"}) {
            URL u = app.getResource(webjar);
            assertNotNull(u, webjar);
            urls.add(((JarURLConnection) u.openConnection()).getJarFileURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static String ownJavaSources() {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/symphony/editor"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sb.append(Files.readString(p)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }
}
