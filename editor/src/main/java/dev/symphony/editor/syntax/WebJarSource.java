package dev.symphony.editor.syntax;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Reads a grammar or theme out of a shiki WebJar on the class path. Each {@code dist/NAME.mjs} module
 * holds its JSON as one JavaScript string literal, {@code JSON.parse("...")}, written by
 * {@code JSON.stringify} and so a valid JSON string: Jackson unescapes it, no JavaScript is run.
 */
final class WebJarSource {

    static final WebJarSource LANGS = new WebJarSource("shikijs__langs");
    static final WebJarSource THEMES = new WebJarSource("shikijs__themes");

    private static final JsonFactory JSON = new JsonFactory();
    private static final String MARK = "JSON.parse(";

    private final String artifact;
    private volatile String base;

    private WebJarSource(String artifact) {
        this.artifact = artifact;
    }

    /** The WebJar's version, from its Maven metadata (so a version bump needs no code change). */
    String version() {
        String b = base();
        return b.substring(b.indexOf(artifact) + artifact.length() + 1, b.length() - "/dist/".length());
    }

    /** The JSON text of {@code dist/NAME.mjs}, or null when the WebJar has no such module. */
    String json(String name) {
        String path = base() + name + ".mjs";
        try (InputStream in = WebJarSource.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            String module = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int at = module.indexOf(MARK);
            if (at < 0) {
                return null; // an alias module ("export { default } from './other.mjs'")
            }
            try (JsonParser p = JSON.createParser(module.substring(at + MARK.length()))) {
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    throw new IllegalStateException(path + ": expected a string literal after JSON.parse(");
                }
                return p.getText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
    }

    private String base() {
        String b = base;
        if (b == null) {
            String props = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
            try (InputStream in = WebJarSource.class.getClassLoader().getResourceAsStream(props)) {
                if (in == null) {
                    throw new IllegalStateException("WebJar org.webjars.npm:" + artifact + " is not on the class path");
                }
                Properties p = new Properties();
                p.load(in);
                b = "META-INF/resources/webjars/" + artifact + "/" + p.getProperty("version") + "/dist/";
                base = b;
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + props, e);
            }
        }
        return b;
    }
}
